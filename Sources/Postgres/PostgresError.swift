import CLibPQ
import Foundation

/// A five-character SQLSTATE code, matched instead of message text.
public struct SQLState: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let code: String
    public init(_ code: String) { self.code = code }
    public init(stringLiteral value: String) { self.code = value }
    public var description: String { code }

    public static let uniqueViolation: SQLState = "23505"
    public static let foreignKeyViolation: SQLState = "23503"
    public static let checkViolation: SQLState = "23514"
    public static let notNullViolation: SQLState = "23502"
    public static let serializationFailure: SQLState = "40001"
    public static let deadlockDetected: SQLState = "40P01"
    public static let insufficientPrivilege: SQLState = "42501"
    public static let undefinedTable: SQLState = "42P01"
    public static let invalidTextRepresentation: SQLState = "22P02"
    public static let raiseException: SQLState = "P0001"
    public static let queryCanceled: SQLState = "57014"
    public static let adminShutdown: SQLState = "57P01"
    public static let cannotConnectNow: SQLState = "57P03"
    public static let duplicateDatabase: SQLState = "42P04"
    public static let crashShutdown: SQLState = "57P02"
    /// A write in a read-only transaction: `default_transaction_read_only`, or a hot standby.
    public static let readOnlySQLTransaction: SQLState = "25006"
    public static let diskFull: SQLState = "53100"
}

/// An error from libpq or the server.
///
/// Carries the server's structured fields and the SQL text, never the bound values: they may hold
/// personal data (names, ID numbers) that must not reach logs.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached or refused the connection.
        case connectionFailed
        /// The server answered the statement with an error.
        case server
        /// The connection broke (the server ended the session, the socket failed) or libpq failed outside
        /// a statement.
        case client
        /// The server did not answer within the connection's deadline; the connection was dropped.
        case timedOut
        /// A value in a result could not be decoded into the requested Swift type.
        case decoding
        /// Connecting was abandoned on request (`Connection.interruption`), e.g. the process is stopping.
        case interrupted
    }

    public var kind: Kind
    public var sqlState: SQLState?
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?
    /// The statement text (never its parameters).
    public var sql: String?
    /// Where the connection attempt went ("socket /var/lib/jointops/run" or "host db:5432").
    public var target: String?
    /// The deadline that passed, for `.timedOut`.
    public var deadline: Duration?
    /// For `.timedOut`: the server did not complete the connection (nothing was sent).
    public var duringConnect = false
    /// Why connecting failed, for `.connectionFailed`.
    public var connectFailure: ConnectFailure?
    /// The connection is gone: the server ended the session or the socket broke (`.client`, or a server
    /// error that came with the end of the session).
    public var connectionLost = false

    public init(kind: Kind, message: String, sqlState: SQLState? = nil, sql: String? = nil, target: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.sql = sql
        self.target = target
    }

    /// Reads the structured error fields of a failed result.
    init(result: OpaquePointer, sql: String?) {
        func field(_ code: Int32) -> String? {
            guard let value = PQresultErrorField(result, code) else { return nil }
            return String(cString: value)
        }
        let primary = field(Int32(UInt8(ascii: "M"))) ?? String(cString: PQresultErrorMessage(result))
        self.init(kind: .server, message: primary, sql: sql)
        sqlState = field(Int32(UInt8(ascii: "C"))).map { SQLState($0) }
        detail = field(Int32(UInt8(ascii: "D")))
        hint = field(Int32(UInt8(ascii: "H")))
        constraint = field(Int32(UInt8(ascii: "n")))
        table = field(Int32(UInt8(ascii: "t")))
        column = field(Int32(UInt8(ascii: "c")))
    }

    /// One line for a person. A failed or lost connection is said in these words, never libpq's own
    /// ("This probably means the server terminated abnormally…"), which `debugDescription` keeps.
    public var description: String {
        let at = target.map { " at \($0)" } ?? ""
        if kind == .connectionFailed, let connectFailure {
            switch connectFailure {
            case .noServer: return "PostgreSQL\(at) is not running (nothing answers there)"
            case .notAcceptingConnections:
                return "PostgreSQL\(at) is starting up, recovering after a crash or shutting down, and accepts no connections yet"
            case .refused(let reason): return "PostgreSQL\(at) refused the connection: \(reason)"
            }
        }
        if connectionLost {
            return "the connection to PostgreSQL\(at) was lost (the server ended the session, or was stopped or restarted)"
        }
        return debugDescription
    }

    /// Everything known, libpq's text included: for logs and debugging.
    public var debugDescription: String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let sqlState { text = "\(text) (SQLSTATE \(sqlState))" }
        if let detail { text += " — \(detail)" }
        if let hint { text += " Hint: \(hint)" }
        if let target, kind == .connectionFailed { text = "cannot connect to PostgreSQL at \(target): \(text)" }
        return text
    }
}


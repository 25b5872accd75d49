import CLibPQ
import Foundation

/// Opening a connection: bounded in time, interruptible, and saying in its own words why it failed.
///
/// libpq's `PQconnectdb` waits for ever on a server that accepts the socket and never answers (a SIGSTOPped
/// postmaster), and its failure text is several lines of its own ("This probably means the server terminated
/// abnormally…", "FATAL:  the database system is in recovery mode"). So the connection is made with
/// `PQconnectStart`/`PQconnectPoll`, waiting on the socket in short slices so that a stop request
/// (`interruption`) is noticed within a fraction of a second, and a failure is classified with `PQping`,
/// which tells "nothing answers" from "the server is up but refuses connections now" without reading text
/// that a server may send in any language.
extension Connection {
    /// Checked while a connection is being made in this scope: once it returns true, the attempt is
    /// abandoned with a `.interrupted` error (`project run` binds it to its SIGTERM flag).
    @TaskLocal public static var interruption: (@Sendable () -> Bool)?

    /// How often a connecting wait looks at `interruption`.
    static let interruptionCheck: Duration = .milliseconds(100)

    /// `PQconnectStart` and `PQconnectPoll`, waiting on the socket no longer than `limit`.
    static func open(_ conninfo: String, within limit: Duration?) throws(PostgresError) -> OpaquePointer {
        guard let handle = PQconnectStart(conninfo) else {
            throw PostgresError(kind: .connectionFailed, message: "libpq could not allocate a connection")
        }
        // libpq prints server notices and its own warnings on stderr; the command line says one line of its own.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        let expiry = limit.map { ContinuousClock.now.advanced(by: $0) }
        let interruption = Self.interruption
        var state = PQstatus(handle) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING
        while state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED {
            if let interruption, interruption() {
                let target = describeTarget(handle)
                PQfinish(handle)
                throw PostgresError(kind: .interrupted, message: "connecting to PostgreSQL at \(target) was interrupted",
                                    target: target)
            }
            let events = Int16(state == PGRES_POLLING_READING ? POLLIN : POLLOUT)
            var slice = expiry
            if interruption != nil {
                let next = ContinuousClock.now.advanced(by: interruptionCheck)
                slice = expiry.map { min($0, next) } ?? next
            }
            switch waitForSocket(PQsocket(handle), events, until: slice) {
            case .ready: state = PQconnectPoll(handle)
            case .failed: state = PGRES_POLLING_FAILED
            case .expired:
                guard let expiry, ContinuousClock.now >= expiry else { continue }  // only a slice ended
                let error = PostgresError.timedOut(target: describeTarget(handle), after: limit ?? .zero,
                                                   connecting: true, sql: nil)
                PQfinish(handle)
                throw error
            }
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            var error = PostgresError(kind: .connectionFailed, message: firstLine(String(cString: PQerrorMessage(handle))))
            error.target = describeTarget(handle)
            PQfinish(handle)
            error.connectFailure = ConnectFailure(ping: ping(conninfo), libpqMessage: error.message)
            throw error
        }
        guard PQsetnonblocking(handle, 1) == 0 else {
            PQfinish(handle)
            throw PostgresError(kind: .client, message: "libpq could not switch the connection to non-blocking mode")
        }
        return handle
    }

    /// Asks the server at `conninfo` whether it accepts connections, waiting a few seconds at most.
    static func ping(_ conninfo: String) -> PGPing {
        let texts: [String] = ["dbname", "connect_timeout", conninfo, "3"]
        let copies = texts.map { strdup($0)! }
        defer { copies.forEach { free($0) } }
        let keywords: [UnsafePointer<CChar>?] = [UnsafePointer(copies[0]), UnsafePointer(copies[1]), nil]
        let values: [UnsafePointer<CChar>?] = [UnsafePointer(copies[2]), UnsafePointer(copies[3]), nil]
        return PQpingParams(keywords, values, 1)
    }
}

/// Why a connection could not be made, in terms a person can act on.
public enum ConnectFailure: Sendable, Equatable {
    /// Nothing answers at the address: the server is not running (no socket, connection refused) or the
    /// host cannot be reached.
    case noServer
    /// A server answers but accepts no connections yet or any more: starting up, recovering after a
    /// crash, or shutting down (SQLSTATE 57P03).
    case notAcceptingConnections
    /// The server runs and refused this login: its own reason (a wrong password, an unknown role or
    /// database), without libpq's framing.
    case refused(reason: String)

    init(ping: PGPing, libpqMessage: String) {
        switch ping {
        case PQPING_REJECT: self = .notAcceptingConnections
        case PQPING_OK: self = .refused(reason: Self.serverReason(libpqMessage))
        default: self = .noServer
        }
    }

    /// The server's sentence from libpq's "connection to server … failed: FATAL:  role "x" does not exist".
    static func serverReason(_ message: String) -> String {
        var text = message
        if let range = text.range(of: "failed: ") { text = String(text[range.upperBound...]) }
        if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy(\.isUppercase) {
            text = String(text[text.index(after: colon)...])
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

import CLibPQ
import Foundation

/// One synchronous connection to PostgreSQL through libpq.
///
/// libpq blocks, so a `Connection` is neither `Sendable` nor shared: use one per thread or task.
/// It is closed when released. Every statement runs with bind parameters; the text of each distinct
/// statement is prepared once per connection and reused. Connecting and every round trip end by the
/// connection's `deadline` (`Connection+RoundTrip.swift`).
public final class Connection {
    let handle: OpaquePointer
    private var preparedNames: [String: String] = [:]
    /// Whether an explicit transaction is open (set by `transaction(_:)`).
    var inTransaction = false
    /// Set when a round trip timed out: the connection was dropped and refuses every later call.
    var dropped: PostgresError?

    /// What it was opened with, to open another connection to the same database.
    public let conninfo: String
    /// How long each statement's round trip may take; nil waits as long as the server needs.
    public let deadline: Duration?

    /// Connects with a libpq connection string: a `postgresql://` URL, `key=value` pairs, or ""
    /// to use libpq's own environment (`PGHOST`, `PGDATABASE`, …, service files and `.pgpass`).
    ///
    /// - Parameters:
    ///   - deadline: the longest any one statement may take; nil for none.
    ///   - connectTimeout: the longest connecting may take; nil to bound it by `deadline` as well.
    /// - Throws: `PostgresError` of kind `.connectionFailed`, naming the host or socket it tried and why
    ///   (`ConnectFailure`); `.timedOut` when the server did not complete the connection in time;
    ///   `.interrupted` when `Connection.interruption` said to give up while waiting.
    public init(_ conninfo: String = "", deadline: Duration? = nil, connectTimeout: Duration? = nil) throws(PostgresError) {
        self.conninfo = conninfo
        self.deadline = deadline
        self.handle = try Self.open(conninfo, within: connectTimeout ?? deadline)
        // Timestamps are exchanged in UTC and ISO style so decoding never depends on server settings.
        try run("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'; SET client_min_messages = 'warning'")
    }

    deinit { PQfinish(handle) }

    /// Where this connection goes, for messages: "socket /path" or "host name:port".
    public var target: String { Connection.describeTarget(handle) }

    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs a statement with parameters and returns its rows.
    ///
    /// - Parameter parameters: values in the order of `$1`, `$2`, …; nil is SQL NULL.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PostgresBindable)?] = []) throws(PostgresError) -> QueryResult {
        let name = try preparedStatementName(sql)
        let result = try withCStrings(parameters.map { $0?.postgresText }) { values throws(PostgresError) in
            try roundTrip(sql) { PQsendQueryPrepared(handle, name, Int32(values.count), values, nil, nil, 0) }
        }
        return try check(result, sql: sql)
    }

    /// Runs one or more statements without parameters (simple-query protocol), e.g. a migration file.
    @discardableResult
    public func run(_ sql: String) throws(PostgresError) -> QueryResult {
        try check(try roundTrip(sql) { PQsendQuery(handle, sql) }, sql: sql)
    }

    /// Quotes an identifier (a channel or role name) for the rare statements that cannot take parameters.
    public func quoteIdentifier(_ name: String) throws(PostgresError) -> String {
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else {
            throw clientError("cannot quote identifier")
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// Quotes a string literal, for utility statements (`CREATE DATABASE … OWNER`) that take no parameters.
    public func quoteLiteral(_ value: String) throws(PostgresError) -> String {
        guard let quoted = PQescapeLiteral(handle, value, value.utf8.count) else {
            throw clientError("cannot quote literal")
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    func preparedStatementName(_ sql: String) throws(PostgresError) -> String {
        if let name = preparedNames[sql] { return name }
        let name = "jo_\(preparedNames.count + 1)"
        try check(try roundTrip(sql) { PQsendPrepare(handle, name, sql, 0, nil) }, sql: sql)
        preparedNames[sql] = name
        return name
    }

    @discardableResult
    func check(_ result: OpaquePointer?, sql: String) throws(PostgresError) -> QueryResult {
        guard let result else { throw failure(sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_PIPELINE_SYNC:
            return QueryResult(handle: result, sql: sql)
        default:
            var error = PostgresError(result: result, sql: sql)
            PQclear(result)
            // The server ended the session (terminated, shut down) or the socket broke: say so, whatever the code.
            if PQstatus(handle) == CONNECTION_BAD {
                error.kind = .client
                error.connectionLost = true
            }
            error.target = target
            throw error
        }
    }

    func clientError(_ message: String, sql: String? = nil) -> PostgresError {
        var error = PostgresError(kind: .client, message: Connection.firstLine(message), sql: sql)
        error.target = target
        error.connectionLost = PQstatus(handle) == CONNECTION_BAD
        return error
    }

    /// libpq's text (often several lines) as one line.
    static func firstLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func describeTarget(_ handle: OpaquePointer) -> String {
        let host = PQhost(handle).map { String(cString: $0) } ?? ""
        let port = PQport(handle).map { String(cString: $0) } ?? ""
        if host.isEmpty || host.hasPrefix("/") {
            let dir = host.isEmpty ? "/var/run/postgresql" : host
            return "socket \(dir)/.s.PGSQL.\(port.isEmpty ? "5432" : port)"
        }
        return "host \(host):\(port.isEmpty ? "5432" : port)"
    }
}

/// Calls `body` with a C array of NUL-terminated copies of `strings` (nil stays NULL).
func withCStrings<R>(
    _ strings: [String?],
    _ body: ([UnsafePointer<CChar>?]) throws(PostgresError) -> R
) throws(PostgresError) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0)! } }
    defer { copies.forEach { free($0) } }
    return try body(copies.map { $0.map { UnsafePointer($0) } })
}

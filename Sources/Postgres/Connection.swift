import CLibPQ
import Foundation

/// One synchronous connection to PostgreSQL through libpq.
///
/// libpq blocks, so a `Connection` is neither `Sendable` nor shared: use one per thread or task.
/// It is closed when released. Every statement runs with bind parameters; the text of each distinct
/// statement is prepared once per connection and reused (`PQexecPrepared`).
public final class Connection {
    let handle: OpaquePointer
    private var preparedNames: [String: String] = [:]
    /// Whether an explicit transaction is open (set by `transaction(_:)`).
    var inTransaction = false

    /// Connects with a libpq connection string: a `postgresql://` URL, `key=value` pairs, or ""
    /// to use libpq's own environment (`PGHOST`, `PGDATABASE`, …, service files and `.pgpass`).
    ///
    /// - Throws: `PostgresError` of kind `.connectionFailed`, naming the host or socket it tried.
    /// What it was opened with, to open another connection to the same database.
    public let conninfo: String

    public init(_ conninfo: String = "") throws(PostgresError) {
        self.conninfo = conninfo
        guard let handle = PQconnectdb(conninfo) else {
            throw PostgresError(kind: .connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            var message = Connection.firstLine(String(cString: PQerrorMessage(handle)))
            // libpq starts with "connection to server on socket … failed:"; the target is reported separately.
            if message.hasPrefix("connection to server"), let range = message.range(of: "failed: ") {
                message = String(message[range.upperBound...])
            }
            var error = PostgresError(kind: .connectionFailed, message: message)
            error.target = Connection.describeTarget(handle)
            PQfinish(handle)
            throw error
        }
        self.handle = handle
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
        return try withCStrings(parameters.map { $0?.postgresText }) { values throws(PostgresError) in
            try check(PQexecPrepared(handle, name, Int32(values.count), values, nil, nil, 0), sql: sql)
        }
    }

    /// Runs one or more statements without parameters (simple-query protocol), e.g. a migration file.
    @discardableResult
    public func run(_ sql: String) throws(PostgresError) -> QueryResult {
        try check(PQexec(handle, sql), sql: sql)
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
        let result = try check(PQprepare(handle, name, sql, 0, nil), sql: sql)
        _ = result
        preparedNames[sql] = name
        return name
    }

    @discardableResult
    func check(_ result: OpaquePointer?, sql: String) throws(PostgresError) -> QueryResult {
        guard let result else { throw clientError(String(cString: PQerrorMessage(handle)), sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_PIPELINE_SYNC:
            return QueryResult(handle: result, sql: sql)
        default:
            let error = PostgresError(result: result, sql: sql)
            PQclear(result)
            throw error
        }
    }

    func clientError(_ message: String, sql: String? = nil) -> PostgresError {
        var error = PostgresError(kind: .client, message: Connection.firstLine(message), sql: sql)
        error.target = target
        return error
    }

    static func firstLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        // libpq prefixes "connection to server on socket … failed:" and puts the cause next.
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

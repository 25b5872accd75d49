import CLibPQ
import Foundation

/// The rows a statement returned; owns the libpq result and frees it.
public final class QueryResult {
    let handle: OpaquePointer
    let sql: String
    public let rowCount: Int
    public let columnCount: Int

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
        self.rowCount = Int(PQntuples(handle))
        self.columnCount = Int(PQnfields(handle))
    }

    deinit { PQclear(handle) }

    /// Rows touched by an INSERT/UPDATE/DELETE (0 when not applicable).
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    public var columnNames: [String] { (0..<columnCount).map { String(cString: PQfname(handle, Int32($0))) } }

    public subscript(row: Int) -> Row { Row(result: self, index: row) }

    public var rows: [Row] { (0..<rowCount).map { Row(result: self, index: $0) } }

    public var first: Row? { rowCount > 0 ? Row(result: self, index: 0) : nil }

    func columnIndex(_ name: String) -> Int? {
        let index = PQfnumber(handle, name)
        return index < 0 ? nil : Int(index)
    }
}

/// One row of a `QueryResult`; valid while its result lives (it keeps it alive).
///
/// The generic accessors are `@inlinable`, so a caller in another module gets them specialised for
/// the concrete type (no generic-metadata lookups per value); the byte access and the error paths
/// behind them are concrete functions of this module.
public struct Row {
    @usableFromInline let result: QueryResult
    @usableFromInline let index: Int

    @usableFromInline init(result: QueryResult, index: Int) {
        self.result = result
        self.index = index
    }

    public func isNull(_ column: Int) -> Bool { PQgetisnull(result.handle, Int32(index), Int32(column)) == 1 }

    /// The column's value, or nil when it is NULL.
    ///
    /// - Throws: `PostgresError` of kind `.decoding` when the text is not a valid `T`.
    @inlinable
    public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws(PostgresError) -> T? {
        guard let bytes = try value(column) else { return nil }
        guard let decoded = T(postgresText: bytes) else { throw invalid(column, T.self) }
        return decoded
    }

    /// The column's value; NULL is a decoding error.
    @inlinable
    public func get<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let bytes = try value(column) else { throw null(column, T.self) }
        guard let decoded = T(postgresText: bytes) else { throw invalid(column, T.self) }
        return decoded
    }

    @inlinable
    public func get<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        try get(try columnIndex(name), as: T.self)
    }

    @inlinable
    public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws(PostgresError) -> T? {
        try decode(try columnIndex(name), as: T.self)
    }

    // MARK: Concrete accessors for hot paths (no generics, no closures)

    /// A `bigint` (or any integer) column; NULL or an out-of-range value is a decoding error.
    public func int64(_ column: Int) throws(PostgresError) -> Int64 {
        guard let bytes = try value(column) else { throw null(column, Int64.self) }
        guard let decoded = parseInt64(bytes) else { throw invalid(column, Int64.self) }
        return decoded
    }

    public func int(_ column: Int) throws(PostgresError) -> Int {
        guard let bytes = try value(column) else { throw null(column, Int.self) }
        guard let decoded = parseInt64(bytes) else { throw invalid(column, Int.self) }
        return Int(decoded)
    }

    /// An unsigned integer column such as `xid8` as text; NULL or a value that is not a `UInt64` is an error.
    public func uint64(_ column: Int) throws(PostgresError) -> UInt64 {
        guard let bytes = try value(column) else { throw null(column, UInt64.self) }
        guard let decoded = parseUInt64(bytes) else { throw invalid(column, UInt64.self) }
        return decoded
    }

    /// A text column; NULL is a decoding error.
    public func string(_ column: Int) throws(PostgresError) -> String {
        guard let bytes = try value(column) else { throw null(column, String.self) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A text column, or nil when it is NULL.
    public func optionalString(_ column: Int) throws(PostgresError) -> String? {
        guard let bytes = try value(column) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A `uuid` column; NULL is a decoding error.
    public func uuid(_ column: Int) throws(PostgresError) -> UUID {
        guard let bytes = try value(column) else { throw null(column, UUID.self) }
        guard let decoded = parseUUID(bytes) else { throw invalid(column, UUID.self) }
        return decoded
    }

    /// A `uuid` column, or nil when it is NULL.
    public func optionalUUID(_ column: Int) throws(PostgresError) -> UUID? {
        guard let bytes = try value(column) else { return nil }
        guard let decoded = parseUUID(bytes) else { throw invalid(column, UUID.self) }
        return decoded
    }

    /// A `timestamptz` column (the session's UTC, ISO style); NULL is a decoding error.
    public func date(_ column: Int) throws(PostgresError) -> Date {
        guard let bytes = try value(column) else { throw null(column, Date.self) }
        guard let decoded = PostgresTimestamp.parse(bytes) else { throw invalid(column, Date.self) }
        return decoded
    }

    /// The column's text bytes copied as they are (no `bytea` decoding, unlike `get(_:as: Data.self)`),
    /// e.g. a `jsonb::text` column; nil for NULL.
    public func textBytes(_ column: Int) -> Data? {
        let row = Int32(index), col = Int32(column), handle = result.handle
        let length = Int(PQgetlength(handle, row, col))
        if length == 0 && PQgetisnull(handle, row, col) == 1 { return nil }
        return Data(bytes: PQgetvalue(handle, row, col)!, count: length)
    }

    /// The raw UTF-8 bytes of a column without copying, for hot paths (nil for NULL).
    public func withBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        if isNull(column) { return nil }
        let row = Int32(index), col = Int32(column)
        let length = Int(PQgetlength(result.handle, row, col))
        let value = PQgetvalue(result.handle, row, col)!
        return try value.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    // MARK: Internals behind the accessors

    /// The column's bytes (valid while the result lives), nil for NULL.
    ///
    /// libpq gives a NULL an empty value, so only empty values ask whether they are NULL.
    @usableFromInline
    func value(_ column: Int) throws(PostgresError) -> UnsafeBufferPointer<UInt8>? {
        guard column >= 0, column < result.columnCount else {
            throw PostgresError(kind: .decoding, message: "no column \(column) in the result", sql: result.sql)
        }
        let row = Int32(index), col = Int32(column), handle = result.handle
        let length = Int(PQgetlength(handle, row, col))
        if length == 0 && PQgetisnull(handle, row, col) == 1 { return nil }
        let start = UnsafeRawPointer(PQgetvalue(handle, row, col)!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: length)
    }

    @usableFromInline
    func invalid(_ column: Int, _ type: Any.Type) -> PostgresError {
        let name = String(cString: PQfname(result.handle, Int32(column)))
        return PostgresError(kind: .decoding, message: "column \(name) is not a valid \(type)", sql: result.sql)
    }

    @usableFromInline
    func null(_ column: Int, _ type: Any.Type) -> PostgresError {
        let name = String(cString: PQfname(result.handle, Int32(column)))
        return PostgresError(kind: .decoding, message: "column \(name) is NULL, expected \(type)", sql: result.sql)
    }

    @usableFromInline
    func columnIndex(_ name: String) throws(PostgresError) -> Int {
        guard let column = result.columnIndex(name) else {
            throw PostgresError(kind: .decoding, message: "no column named \(name) in the result", sql: result.sql)
        }
        return column
    }
}

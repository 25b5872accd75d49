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
public struct Row {
    let result: QueryResult
    let index: Int

    public func isNull(_ column: Int) -> Bool { PQgetisnull(result.handle, Int32(index), Int32(column)) == 1 }

    /// The column's value, or nil when it is NULL.
    ///
    /// - Throws: `PostgresError` of kind `.decoding` when the text is not a valid `T`.
    public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws(PostgresError) -> T? {
        guard column < result.columnCount else {
            throw PostgresError(kind: .decoding, message: "no column \(column) in the result", sql: result.sql)
        }
        if isNull(column) { return nil }
        let row = Int32(index), col = Int32(column)
        let length = Int(PQgetlength(result.handle, row, col))
        let value = PQgetvalue(result.handle, row, col)!
        let decoded = value.withMemoryRebound(to: UInt8.self, capacity: length) {
            T(postgresText: UnsafeBufferPointer(start: $0, count: length))
        }
        guard let decoded else {
            let name = String(cString: PQfname(result.handle, col))
            throw PostgresError(kind: .decoding, message: "column \(name) is not a valid \(T.self)", sql: result.sql)
        }
        return decoded
    }

    /// The column's value; NULL is a decoding error.
    public func get<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let value = try decode(column, as: T.self) else {
            let name = String(cString: PQfname(result.handle, Int32(column)))
            throw PostgresError(kind: .decoding, message: "column \(name) is NULL, expected \(T.self)", sql: result.sql)
        }
        return value
    }

    public func get<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        try get(try columnIndex(name), as: T.self)
    }

    public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws(PostgresError) -> T? {
        try decode(try columnIndex(name), as: T.self)
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

    private func columnIndex(_ name: String) throws(PostgresError) -> Int {
        guard let column = result.columnIndex(name) else {
            throw PostgresError(kind: .decoding, message: "no column named \(name) in the result", sql: result.sql)
        }
        return column
    }
}

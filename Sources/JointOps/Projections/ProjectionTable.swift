import EventStore
import Enforcement
import Foundation

/// One table of a projection, declared once by its row type: each stored property is a column,
/// named as the row writer names its JSON key (snake_case), typed from its Swift type (`String`
/// text, `Int` integer, `Int64` bigint, `Bool` boolean, `[String]` text[], `LocalDate` date), and
/// `NOT NULL` unless optional. The `CREATE TABLE`, the upsert's column list and the JSON the rows
/// are inserted as all follow from it, so a column cannot be added to one and forgotten in another.
public struct ProjectionTable: Sendable {
    public struct Column: Sendable, Equatable {
        public let name: String
        public let type: String
        public let isNullable: Bool
    }

    /// Base name (`cases` → `projections.cases_v2`).
    public let name: String
    public let columns: [Column]
    let primaryKey: [String]
    /// Named CHECK constraints (the name gets the table's prefix).
    let checks: [(name: String, sql: String)]

    /// - Precondition: every property of `row` has a column type, and the key names columns.
    init<Row: Decodable>(_ name: String, row: Row.Type, primaryKey: [String], checks: [(name: String, sql: String)] = []) {
        let log = ColumnLog()
        do { _ = try Row(from: ColumnReader(log: log)) } catch {
            preconditionFailure("projection table \(name): \(error)")
        }
        precondition(Set(primaryKey).isSubset(of: log.columns.map(\.name)), "projection table \(name): key \(primaryKey)")
        self.name = name
        self.columns = log.columns
        self.primaryKey = primaryKey
        self.checks = checks
    }

    /// The `CREATE TABLE` of one version of the table of `projection`.
    func create(_ t: ProjectionTarget, of projection: String) -> String {
        let columns = columns.map { "\($0.name) \($0.type)\($0.isNullable ? "" : " NOT NULL")" }
        let constraints = ["CONSTRAINT \(t.constraint(name, of: projection, "pkey")) PRIMARY KEY (\(primaryKey.joined(separator: ", ")))"]
            + checks.map { "CONSTRAINT \(t.constraint(name, of: projection, $0.name)) CHECK (\($0.sql))" }
        return "CREATE TABLE \(t.table(name, of: projection)) (\n    "
            + (columns + constraints).joined(separator: ",\n    ") + "\n)"
    }
}

/// A Swift type a projection row may hold, with its column type.
protocol ColumnValue: Decodable {
    static var columnType: String { get }
    static var placeholder: Self { get }
}

extension String: ColumnValue { static let columnType = "text", placeholder = "" }
extension Int: ColumnValue { static let columnType = "integer", placeholder = 0 }
extension Int64: ColumnValue { static let columnType = "bigint", placeholder: Int64 = 0 }
extension Bool: ColumnValue { static let columnType = "boolean", placeholder = false }
extension Array: ColumnValue where Element == String {
    static var columnType: String { "text[]" }
    static var placeholder: [String] { [] }
}
extension LocalDate: ColumnValue {
    static let columnType = "date"
    static let placeholder = LocalDate(dayNumber: 0)
}

private final class ColumnLog {
    var columns: [ProjectionTable.Column] = []
}

/// Reads a row type's properties, in declaration order, by letting it decode itself.
private struct ColumnReader: Decoder {
    let log: ColumnLog
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(ColumnKeys<Key>(log: log))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw ColumnReader.notFlat }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw ColumnReader.notFlat }

    static let notFlat = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "projection rows are flat structs"))
}

private struct ColumnKeys<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let log: ColumnLog
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func column<T: Decodable>(_ type: T.Type, _ key: Key, nullable: Bool) throws -> T {
        guard let value = type as? any ColumnValue.Type else {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "no column type for \(type)"))
        }
        log.columns.append(.init(name: SnakeCaseKey(key.stringValue).stringValue, type: value.columnType, isNullable: nullable))
        return value.placeholder as! T
    }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { throw ColumnReader.notFlat }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try column(type, key, nullable: false) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try column(type, key, nullable: false) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try column(type, key, nullable: false) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try column(type, key, nullable: false) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try column(type, key, nullable: false) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        _ = try column(type, key, nullable: true)
        return nil
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { _ = try column(type, key, nullable: true); return nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { _ = try column(type, key, nullable: true); return nil }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { _ = try column(type, key, nullable: true); return nil }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { _ = try column(type, key, nullable: true); return nil }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> { throw ColumnReader.notFlat }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw ColumnReader.notFlat }
    func superDecoder() throws -> any Decoder { throw ColumnReader.notFlat }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw ColumnReader.notFlat }
}

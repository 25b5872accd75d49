import Enforcement
import EventStore
import Foundation

/// Encodes projection rows as JSON straight into bytes, with snake_case keys, for
/// `jsonb_populate_recordset`.
///
/// Foundation's `JSONEncoder` builds a tree of boxed values per row before writing any byte, and
/// was a large part of a catch-up's client time. Rows are flat structs of strings, numbers, booleans
/// and arrays of them, so one pass over their `Encodable` conformance writes the text directly.
/// An absent optional leaves its key out, as `JSONEncoder` does (the column becomes NULL).
final class RowJSONWriter {
    fileprivate var bytes: [UInt8] = []
    /// Per open container, innermost last: whether an element was written (the next needs a comma).
    fileprivate var written: [Bool] = []
    /// `"snake_key":` per property name, converted once per writer.
    private var keys: [String: [UInt8]] = [:]

    init() { bytes.reserveCapacity(1 << 16) }

    static func encode<Row: Encodable>(_ rows: [Row]) throws -> String {
        let writer = RowJSONWriter()
        try writer.value(rows)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    fileprivate func key(_ key: any CodingKey) {
        separate()
        let name = key.stringValue
        if let known = keys[name] { bytes.append(contentsOf: known); return }
        let start = bytes.count
        string(SnakeCaseKey(name).stringValue)
        bytes.append(UInt8(ascii: ":"))
        keys[name] = Array(bytes[start...])
    }

    /// A comma before every element of a container but its first.
    fileprivate func separate() {
        guard let last = written.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) } else { written[written.count - 1] = true }
    }

    fileprivate func open(_ bracket: Character) {
        bytes.append(UInt8(ascii: bracket.unicodeScalars.first!))
        written.append(false)
    }

    fileprivate func value<T: Encodable>(_ value: T) throws {
        switch value {
        case let text as String: string(text)
        case let number as Int: integer(number)
        case let number as Int64: integer(number)
        case let number as Double: try double(number)
        case let flag as Bool: bytes.append(contentsOf: flag ? Self.true : Self.false)
        // As `LocalDate` encodes itself, without a container per value.
        case let day as LocalDate: string(day.description)
        default:
            let encoder = RowEncoder(writer: self)
            let depth = written.count
            try value.encode(to: encoder)
            // `Encoder` never says when a container is done: close what this value opened.
            if written.count > depth {
                written.removeLast()
                bytes.append(encoder.opened == .keyed ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            } else if encoder.opened == nil {
                null()
            }
        }
    }

    fileprivate func null() { bytes.append(contentsOf: Self.null) }

    fileprivate func integer<I: BinaryInteger>(_ number: I) {
        bytes.append(contentsOf: String(number).utf8)
    }

    fileprivate func double(_ number: Double) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "JSON has no \(number)"))
        }
        bytes.append(contentsOf: "\(number)".utf8)
    }

    fileprivate func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escape: copy it whole.
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0..<0x20:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)
    private static let `true` = Array("true".utf8), `false` = Array("false".utf8), null = Array("null".utf8)
}

private final class RowEncoder: Encoder {
    enum Container { case keyed, unkeyed, single }
    let writer: RowJSONWriter
    var opened: Container?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(writer: RowJSONWriter) { self.writer = writer }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if opened == nil { opened = .keyed; writer.open("{") }
        return KeyedEncodingContainer(KeyedRow<Key>(writer: writer))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if opened == nil { opened = .unkeyed; writer.open("[") }
        return UnkeyedRow(writer: writer)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        opened = .single
        return SingleRowValue(writer: writer)
    }
}

private struct KeyedRow<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: RowJSONWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { writer.key(key); writer.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { writer.key(key); try writer.value(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { writer.key(key); writer.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { writer.key(key); try writer.double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { writer.key(key); try writer.double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { writer.key(key); try writer.value(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("projection rows are flat: encode nested values as Encodable properties")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("projection rows are flat: encode nested values as Encodable properties")
    }
    mutating func superEncoder() -> any Encoder { preconditionFailure("projection rows have no superclass") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("projection rows have no superclass") }
}

private struct UnkeyedRow: UnkeyedEncodingContainer {
    let writer: RowJSONWriter
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(writer: RowJSONWriter) { self.writer = writer }

    mutating func encodeNil() throws { writer.separate(); writer.null(); count += 1 }
    mutating func encode(_ value: String) throws { writer.separate(); writer.string(value); count += 1 }
    mutating func encode(_ value: Int) throws { writer.separate(); writer.integer(value); count += 1 }
    mutating func encode(_ value: Double) throws { writer.separate(); try writer.double(value); count += 1 }
    mutating func encode<T: Encodable>(_ value: T) throws { writer.separate(); try writer.value(value); count += 1 }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("projection rows are flat: encode nested values as Encodable elements")
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("projection rows are flat: encode nested values as Encodable elements")
    }
    mutating func superEncoder() -> any Encoder { preconditionFailure("projection rows have no superclass") }
}

private struct SingleRowValue: SingleValueEncodingContainer {
    let writer: RowJSONWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.null() }
    mutating func encode(_ value: Bool) throws { try writer.value(value) }
    mutating func encode(_ value: String) throws { writer.string(value) }
    mutating func encode(_ value: Double) throws { try writer.double(value) }
    mutating func encode(_ value: Int) throws { writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.value(value) }
}

/// A property name in snake_case (`legalReviewRequired` → `legal_review_required`): a row's JSON key
/// and its table's column name.
struct SnakeCaseKey {
    let stringValue: String

    init(_ camelCase: String) {
        var out = ""
        for character in camelCase {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        stringValue = out
    }
}

import Foundation

/// A Swift value that can be sent as a statement parameter, in PostgreSQL's text format.
///
/// Parameters always travel separately from the SQL text (libpq `PQexecParams`/`PQexecPrepared`),
/// so no value is ever spliced into SQL.
public protocol PostgresBindable {
    /// The text-format representation the server parses with the parameter's type.
    var postgresText: String { get }
}

extension String: PostgresBindable { public var postgresText: String { self } }
extension Substring: PostgresBindable { public var postgresText: String { String(self) } }
extension Int: PostgresBindable { public var postgresText: String { String(self) } }
extension Int64: PostgresBindable { public var postgresText: String { String(self) } }
extension Int32: PostgresBindable { public var postgresText: String { String(self) } }
extension Double: PostgresBindable { public var postgresText: String { String(self) } }
extension Bool: PostgresBindable { public var postgresText: String { self ? "t" : "f" } }
extension UUID: PostgresBindable { public var postgresText: String { uuidString.lowercased() } }
extension Decimal: PostgresBindable { public var postgresText: String { description } }

extension Date: PostgresBindable {
    /// ISO 8601 in UTC with microseconds, the precision of `timestamptz`.
    public var postgresText: String { PostgresTimestamp.format(self) }
}

extension Data: PostgresBindable {
    /// `bytea` hex format.
    public var postgresText: String {
        var text = "\\x"
        text.reserveCapacity(2 + count * 2)
        for byte in self { text += String(format: "%02x", byte) }
        return text
    }
}

extension Array: PostgresBindable where Element: PostgresBindable {
    /// An array literal (`{"a","b"}`) with every element quoted and escaped.
    public var postgresText: String {
        let items = map { element -> String in
            let escaped = element.postgresText
                .replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return "{" + items.joined(separator: ",") + "}"
    }
}

/// A JSON document sent as `json`/`jsonb` text.
public struct JSONText: PostgresBindable, Sendable, Hashable {
    public let text: String
    public init(_ text: String) { self.text = text }
    public init<T: Encodable>(encoding value: T, encoder: JSONEncoder = JSONEncoder()) throws {
        self.text = String(decoding: try encoder.encode(value), as: UTF8.self)
    }
    public var postgresText: String { text }
}

extension UInt64: PostgresBindable {
    /// Decimal digits, e.g. a transaction id bound as `$1::xid8`.
    public var postgresText: String { String(self) }
}

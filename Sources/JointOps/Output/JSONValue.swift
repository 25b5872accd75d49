import Foundation

/// A JSON document built in code, written with keys in the order given and Chinese unescaped.
///
/// Commands that print more than a table (`demo`, `case show`) compose one of these so that each
/// command prints exactly one JSON document.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON text written as is (a payload PostgreSQL already checked as `jsonb`).
    case raw(String)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    /// A string, or `null` when absent.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    /// An integer, or `null` when absent.
    public static func optional(_ number: Int?) -> JSONValue { number.map(JSONValue.integer) ?? .null }
    /// A date as an ISO string, or `null` when absent.
    public static func optional<Day: CustomStringConvertible>(date: Day?) -> JSONValue {
        date.map { .string($0.description) } ?? .null
    }

    /// The document, indented by two spaces, ending in a newline at the top level.
    public func rendered() -> String { write(indent: "") + "\n" }

    /// Holds no array or object (inside it, or itself).
    var isFlat: Bool {
        switch self {
        case .array(let items): items.allSatisfy(\.isScalar)
        case .object(let members): members.allSatisfy { $0.1.isScalar || $0.1.isFlat }
        default: true
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Arrays of scalars, and flat objects inside arrays (table rows), go on one line each.
    private func write(indent: String, inArray: Bool = false) -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items) where isFlat:
            return "[" + items.map { $0.write(indent: inner) }.joined(separator: ", ") + "]"
        case .object(let members) where inArray && isFlat && !members.isEmpty:
            return "{" + members.map { Self.quote($0.0) + ": " + $0.1.write(indent: inner) }.joined(separator: ", ") + "}"
        default: break
        }
        switch self {
        case .string(let text): return Self.quote(text)
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? String(number) : "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .raw(let text): return text
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + $0.write(indent: inner, inArray: true) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n" + members.map { inner + Self.quote($0.0) + ": " + $0.1.write(indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// A JSON string literal; only what RFC 8259 requires is escaped, so 黑车 stays 黑车.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where ControlCharacters.isRefused(s) || s.value < 0x20:
                out += String(format: "\\u%04x", s.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

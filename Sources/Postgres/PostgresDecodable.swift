import Foundation

/// A Swift type a result column can be decoded into, from PostgreSQL's text format.
public protocol PostgresDecodable {
    /// Decodes the column's text; nil when the text is not a valid value of this type.
    init?(postgresText bytes: UnsafeBufferPointer<UInt8>)
}

extension String: PostgresDecodable {
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) { self = String(decoding: bytes, as: UTF8.self) }
}

extension Int: PostgresDecodable {
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return nil }
        var value = 0, negative = false, start = 0
        if bytes[0] == 45 { negative = true; start = 1 }
        guard start < bytes.count else { return nil }
        for k in start..<bytes.count {
            let c = bytes[k]
            guard c >= 48, c <= 57 else { return nil }
            value = value &* 10 &+ Int(c - 48)
        }
        self = negative ? -value : value
    }
}

extension Int64: PostgresDecodable {
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard let v = Int(postgresText: bytes) else { return nil }
        self = Int64(v)
    }
}

extension Int32: PostgresDecodable {
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard let v = Int(postgresText: bytes), let narrow = Int32(exactly: v) else { return nil }
        self = narrow
    }
}

extension Double: PostgresDecodable {
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) { self.init(String(decoding: bytes, as: UTF8.self)) }
}

extension Bool: PostgresDecodable {
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 1 else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "t"): self = true
        case UInt8(ascii: "f"): self = false
        default: return nil
        }
    }
}

extension Decimal: PostgresDecodable {
    /// `numeric` text, exact (never through Double).
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        self.init(string: String(decoding: bytes, as: UTF8.self), locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension UUID: PostgresDecodable {
    /// The server's canonical form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, parsed by hand: Foundation's
    /// `UUID(uuidString:)` goes through `sscanf` on Linux, measured at 5 % of a read-all.
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 36, bytes[8] == 45, bytes[13] == 45, bytes[18] == 45, bytes[23] == 45 else { return nil }
        var raw = [UInt8](repeating: 0, count: 16)
        var out = 0, k = 0
        while k < 36 {
            if k == 8 || k == 13 || k == 18 || k == 23 { k += 1; continue }
            guard let hi = hexValue(bytes[k]), let lo = hexValue(bytes[k + 1]) else { return nil }
            raw[out] = hi << 4 | lo
            out += 1
            k += 2
        }
        self.init(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                         raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
    }
}

@inline(__always)
func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case 48...57: return c - 48
    case 97...102: return c - 87
    case 65...70: return c - 55
    default: return nil
    }
}

extension Date: PostgresDecodable {
    /// `timestamptz` in the session's UTC, ISO style.
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard let date = PostgresTimestamp.parse(bytes) else { return nil }
        self = date
    }
}

extension Data: PostgresDecodable {
    /// `bytea` in hex format (`\x0a0b`), the server default since 9.0.
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 2, bytes[0] == 92, bytes[1] == 120, bytes.count % 2 == 0 else { return nil }
        var out = Data(capacity: (bytes.count - 2) / 2)
        var k = 2
        while k < bytes.count {
            guard let hi = hexValue(bytes[k]), let lo = hexValue(bytes[k + 1]) else { return nil }
            out.append(hi << 4 | lo)
            k += 2
        }
        self = out
    }
}

/// A `date` column, as year, month and day (no time zone involved).
public struct PostgresDate: Hashable, Sendable, PostgresDecodable, PostgresBindable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { (self.year, self.month, self.day) = (year, month, day) }
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var postgresText: String { description }
}

extension Array: PostgresDecodable where Element == String {
    /// A one-dimensional `text[]` literal such as `{a,"b c",NULL}`; NULL elements become "".
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        let scalars = Array<UInt8>(bytes)
        guard scalars.first == UInt8(ascii: "{"), scalars.last == UInt8(ascii: "}") else { return nil }
        var items: [String] = []
        var current: [UInt8] = []
        var quoted = false, wasQuoted = false, escaping = false
        for c in scalars.dropFirst().dropLast() {
            if escaping { current.append(c); escaping = false; continue }
            switch c {
            case UInt8(ascii: "\\") where quoted: escaping = true
            case UInt8(ascii: "\""): quoted.toggle(); wasQuoted = true
            case UInt8(ascii: ",") where !quoted:
                let text = String(decoding: current, as: UTF8.self)
                items.append(!wasQuoted && text == "NULL" ? "" : text)
                current = []; wasQuoted = false
            default: current.append(c)
            }
        }
        if scalars.count > 2 {
            let text = String(decoding: current, as: UTF8.self)
            items.append(!wasQuoted && text == "NULL" ? "" : text)
        }
        self = items
    }
}

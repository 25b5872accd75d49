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
        guard let v = parseInt64(bytes) else { return nil }
        self = Int(v)
    }
}

extension Int64: PostgresDecodable {
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard let v = parseInt64(bytes) else { return nil }
        self = v
    }
}

extension Int32: PostgresDecodable {
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard let v = parseInt64(bytes), let narrow = Int32(exactly: v) else { return nil }
        self = narrow
    }
}

extension UInt64: PostgresDecodable {
    /// Decimal digits only, e.g. an `xid8` as text.
    public init?(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        guard let v = parseUInt64(bytes) else { return nil }
        self = v
    }
}

/// `-?[0-9]+` as an `Int64`; nil for anything else or a value out of range (`Int64.min` included).
@inline(__always)
func parseInt64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    let count = bytes.count
    guard count > 0 else { return nil }
    let negative = bytes[0] == 45
    var k = negative ? 1 : 0
    guard k < count else { return nil }
    // Accumulated as a negative number, whose range includes Int64.min.
    var value: Int64 = 0
    while k < count {
        let digit = bytes[k] &- 48
        guard digit < 10 else { return nil }
        let (times10, o1) = value.multipliedReportingOverflow(by: 10)
        let (next, o2) = times10.subtractingReportingOverflow(Int64(digit))
        guard !o1, !o2 else { return nil }
        value = next
        k += 1
    }
    if negative { return value }
    guard value != .min else { return nil }
    return -value
}

/// `[0-9]+` as a `UInt64`; nil for anything else or a value out of range.
@inline(__always)
func parseUInt64(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard !bytes.isEmpty else { return nil }
    var value: UInt64 = 0
    for c in bytes {
        let digit = c &- 48
        guard digit < 10 else { return nil }
        let (times10, o1) = value.multipliedReportingOverflow(by: 10)
        let (next, o2) = times10.addingReportingOverflow(UInt64(digit))
        guard !o1, !o2 else { return nil }
        value = next
    }
    return value
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
        guard let uuid = parseUUID(bytes) else { return nil }
        self = uuid
    }
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in either case, eight hex digits at a time (SWAR):
/// no per-digit branches (digits come in random order), no array.
@inline(__always)
func parseUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
    guard bytes.count == 36, let base = bytes.baseAddress,
          base[8] == 45, base[13] == 45, base[18] == 45, base[23] == 45 else { return nil }
    let raw = UnsafeRawPointer(base)
    @inline(__always) func load64(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    @inline(__always) func load32(_ offset: Int) -> UInt64 {
        UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }
    guard let a = hex8(load64(0)), let b = hex8(load32(9) | load32(14) << 32),
          let c = hex8(load32(19) | load32(24) << 32), let d = hex8(load64(28)) else { return nil }
    let high = a << 32 | b, low = c << 32 | d
    @inline(__always) func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
    return UUID(uuid: (byte(high, 56), byte(high, 48), byte(high, 40), byte(high, 32),
                       byte(high, 24), byte(high, 16), byte(high, 8), byte(high, 0),
                       byte(low, 56), byte(low, 48), byte(low, 40), byte(low, 32),
                       byte(low, 24), byte(low, 16), byte(low, 8), byte(low, 0)))
}

/// Eight ASCII hex digits, the first in the lowest byte of `x`, as a 32-bit number (the first digit
/// most significant); nil when any byte is not `0-9`, `a-f` or `A-F`.
@inline(__always)
func hex8(_ x: UInt64) -> UInt64? {
    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
    guard x & high == 0 else { return nil }
    // Per byte (all below 0x80, so no carries): the high bit of b + (0x80 - lo) says b >= lo,
    // the high bit of b + (0x7F - hi) says b > hi.
    let isDigit = (x &+ ones &* (0x80 - 0x30)) & ~(x &+ ones &* (0x7F - 0x39)) & high
    let lower = x | (ones &* 0x20)
    let isLetter = (lower &+ ones &* (0x80 - 0x61)) & ~(lower &+ ones &* (0x7F - 0x66)) & high
    guard isDigit | isLetter == high else { return nil }
    // '0'…'9' → 0…9; letters have bit 6 set: 'a'…'f' and 'A'…'F' → 1…6 + 9.
    let nibbles = (x & (ones &* 0x0F)) &+ (x >> 6 & ones) &* 9
    // Pairs of digits into bytes 0, 2, 4, 6, then those four bytes in reading order.
    let pairs = (nibbles << 4 | nibbles >> 8) & 0x00FF_00FF_00FF_00FF
    return (pairs & 0xFF) << 24 | (pairs >> 16 & 0xFF) << 16 | (pairs >> 32 & 0xFF) << 8 | pairs >> 48 & 0xFF
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

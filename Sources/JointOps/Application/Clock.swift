import Enforcement
import Foundation

/// Where the application gets the time and new ids, so tests and the demo are deterministic.
///
/// `Enforcement` never reads the clock; the application does, here and nowhere else.
public struct Clock: Sendable {
    /// The current instant.
    public var now: @Sendable () -> Date
    /// A new random id (event ids, command ids when the caller gives none).
    public var newId: @Sendable () -> UUID

    public init(now: @escaping @Sendable () -> Date, newId: @escaping @Sendable () -> UUID) {
        self.now = now
        self.newId = newId
    }

    /// The machine's clock and random UUIDs.
    public static let system = Clock(now: { Date() }, newId: { UUID() })

    /// A clock stopped at `instant`, with ids drawn from a seeded generator: same seed, same ids.
    public static func fixed(_ instant: Date, seed: UInt64 = 1) -> Clock {
        let generator = SeededIds(seed: seed)
        return Clock(now: { instant }, newId: { generator.next() })
    }

    /// Today in China Standard Time (UTC+8, no daylight saving), the bureau's business date.
    public func today() -> LocalDate { LocalDate(now()) }
}

/// Version-4-shaped UUIDs from a SplitMix64 sequence: deterministic for a seed, thread-safe.
public final class SeededIds: @unchecked Sendable {
    private var state: UInt64
    private let lock = NSLock()

    public init(seed: UInt64) { state = seed }

    public func next() -> UUID {
        lock.lock()
        defer { lock.unlock() }
        let a = Self.mix(&state), b = Self.mix(&state)
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40   // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80   // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    static func mix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

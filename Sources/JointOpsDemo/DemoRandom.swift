/// SplitMix64: a small, fast generator whose sequence depends only on the seed (the demo's `--seed`).
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x5DEE_CE66_D1CE_4E5B }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, inclusive.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    /// `count` positive parts summing to `total`, each at least `minimum`.
    mutating func split(_ total: Int, into count: Int, minimum: Int) -> [Int] {
        var parts = Array(repeating: minimum, count: count)
        var left = total - minimum * count
        precondition(left >= 0, "cannot split \(total) into \(count) parts of at least \(minimum)")
        while left > 0 {
            let chunk = min(left, int(1...max(1, left / 3 + 1)))
            parts[int(0...(count - 1))] += chunk
            left -= chunk
        }
        return parts
    }

    /// 64 hexadecimal digits, standing in for a media file's SHA-256.
    mutating func sha256() -> String {
        (0..<4).map { _ in
            let hex = String(next(), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

import Foundation

/// The price of the hash chain on append-1, robust to a noisy machine (issue 12, point 3).
///
/// Separate 10-second figures of "hashed" and "unhashed" on a shared 2-core machine came out 0.58–1.13 apart:
/// fsync stalls and other builds hit one figure and not the other. Here the sides take turns in short
/// rounds on the same cluster — the raw INSERT, `append-1` as shipped, the same statement on the twin
/// database without hashes, and `append-1` recording a command fingerprint (migration 0015) — the order
/// rotating every round, so a slow stretch lands on every side alike. Each round gives ratios of sides that
/// ran seconds apart; the median of those per-round ratios is the figure, and its quartiles say how sure it is.
enum HashCostWorkload {
    enum Side: String, CaseIterable {
        case raw = "raw-insert-1", hashed = "append-1", unhashed = "append-1-unhashed"
        case fingerprinted = "append-1-fingerprinted"
    }

    struct Result {
        var writers: Int
        var rounds: Int
        var roundSeconds: Double
        /// Events per second of each side, pooled over the rounds.
        var eventsPerSecond: [Side: Double]
        /// Per-round ratios, sorted.
        var hashedOverUnhashed: [Double]
        var hashedOverRaw: [Double]
        var fingerprintedOverHashed: [Double]
    }

    static func measure(writers: Int, rounds: Int, roundSeconds: Double, notify: AppendWorkloads.Notify,
                        database: BenchDatabase) throws -> Result {
        var pooled: [Side: (events: Int, seconds: Double)] = [:]
        var perRound: [[Side: Double]] = []
        let sides = Side.allCases
        for round in 0..<rounds {
            var rates: [Side: Double] = [:]
            for offset in 0..<sides.count {
                let side = sides[(round + offset) % sides.count]
                let measurement = try run(side, writers: writers, seconds: roundSeconds, notify: notify, database: database)
                rates[side] = measurement.eventsPerSecond
                pooled[side, default: (0, 0)].events += measurement.events
                pooled[side, default: (0, 0)].seconds += measurement.seconds
            }
            perRound.append(rates)
            emit("hash-cost-round writers=\(writers) round=\(round + 1) " + sides.map {
                "\($0.rawValue)=\(Int(rates[$0] ?? 0))"
            }.joined(separator: " "))
        }
        func ratios(_ a: Side, _ b: Side) -> [Double] {
            perRound.compactMap { rates in rates[b].flatMap { $0 > 0 ? (rates[a] ?? 0) / $0 : nil } }.sorted()
        }
        return Result(writers: writers, rounds: rounds, roundSeconds: roundSeconds,
                      eventsPerSecond: pooled.mapValues { $0.seconds > 0 ? Double($0.events) / $0.seconds : 0 },
                      hashedOverUnhashed: ratios(.hashed, .unhashed), hashedOverRaw: ratios(.hashed, .raw),
                      fingerprintedOverHashed: ratios(.fingerprinted, .hashed))
    }

    private static func run(_ side: Side, writers: Int, seconds: Double, notify: AppendWorkloads.Notify,
                            database: BenchDatabase) throws -> Measurement {
        switch side {
        case .raw: try RawWorkloads.insertOne(writers: writers, seconds: seconds, conninfo: database.conninfo)
        case .hashed: try AppendWorkloads.appendOne(writers: writers, notify: notify, seconds: seconds, conninfo: database.conninfo)
        case .unhashed: try AppendWorkloads.appendOne(writers: writers, notify: notify, seconds: seconds,
                                                      conninfo: database.unhashedConninfo)
        case .fingerprinted: try AppendWorkloads.appendOne(writers: writers, notify: notify, seconds: seconds,
                                                           conninfo: database.conninfo, fingerprinted: true)
        }
    }

    /// The value at quantile `q` of sorted `values` (linear between neighbours).
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let position = q * Double(values.count - 1)
        let low = Int(position.rounded(.down)), high = Int(position.rounded(.up))
        return values[low] + (values[high] - values[low]) * (position - Double(low))
    }

    static func spread(_ values: [Double]) -> String {
        String(format: "%.3f (%.3f–%.3f)", quantile(values, 0.5), quantile(values, 0.25), quantile(values, 0.75))
    }

    /// One `hash-cost` line per writer count, then a Markdown table.
    static func report(_ results: [Result], notify: AppendWorkloads.Notify) {
        for result in results {
            emit("hash-cost writers=\(result.writers) notify=\(notify.rawValue) rounds=\(result.rounds) round_s=\(result.roundSeconds) "
                 + Side.allCases.map { "\($0.rawValue)_eps=\(Int(result.eventsPerSecond[$0] ?? 0))" }.joined(separator: " ")
                 + " hashed/unhashed_median=" + String(format: "%.3f", quantile(result.hashedOverUnhashed, 0.5))
                 + " hashed/raw_median=" + String(format: "%.3f", quantile(result.hashedOverRaw, 0.5))
                 + " fingerprinted/hashed_median=" + String(format: "%.3f", quantile(result.fingerprintedOverHashed, 0.5)))
        }
        emit("")
        emit("| writers | rounds × s | raw INSERT ev/s | append-1 ev/s | unhashed ev/s | fingerprinted ev/s "
             + "| hashed ÷ unhashed, median (p25–p75) | hashed ÷ raw | fingerprinted ÷ hashed |")
        emit("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for result in results {
            let rate = { (side: Side) in String(Int(result.eventsPerSecond[side] ?? 0)) }
            emit("| \(result.writers) | \(result.rounds) × \(result.roundSeconds.formatted()) | \(rate(.raw)) | \(rate(.hashed)) "
                 + "| \(rate(.unhashed)) | \(rate(.fingerprinted)) | \(spread(result.hashedOverUnhashed)) "
                 + "| \(spread(result.hashedOverRaw)) | \(spread(result.fingerprintedOverHashed)) |")
        }
        emit("")
    }
}

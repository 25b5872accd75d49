import Foundation

/// One measured figure of one run: a workload at a client count.
struct Figure: Sendable {
    var workload: String
    var writers: Int
    /// "on", "off" or "after" for appends (see `AppendWorkloads`); nil elsewhere.
    var notify: String?
    var eventsPerSecond: Double
    var p50: Double
    var p99: Double
    var p999: Double
    /// Against the raw ceiling measured in the same run (nil when there is none).
    var ratio: Double?
    var conflicts: Int?
    /// Wall time of a one-shot workload (a load, a catch-up, a rebuild); nil for timed ones.
    var elapsed: Double?

    static let oneShot: Set<String> = ["domain-load", "catch-up", "rebuild"]

    init(_ workload: String, writers: Int, notify: String? = nil, _ measurement: Measurement, ratio: Double? = nil) {
        self.workload = workload
        self.writers = writers
        self.notify = notify
        self.eventsPerSecond = measurement.eventsPerSecond
        self.p50 = measurement.milliseconds(atPercentile: 50)
        self.p99 = measurement.milliseconds(atPercentile: 99)
        self.p999 = measurement.milliseconds(atPercentile: 99.9)
        self.ratio = ratio
        self.conflicts = workload == "hot-stream" ? measurement.conflicts : nil
        self.elapsed = Self.oneShot.contains(workload) ? measurement.seconds : nil
    }

    /// Groups the same figure across runs.
    var key: String { workload + "|" + String(writers) + "|" + (notify ?? "") }

    /// The machine-readable line.
    func line(run: Int) -> String {
        var fields = ["run=\(run)", "workload=\(workload)", "writers=\(writers)"]
        if let notify { fields.append("notify=\(notify)") }
        fields += ["events_per_s=\(format(eventsPerSecond, 0))", "p50_ms=\(format(p50, 3))",
                   "p99_ms=\(format(p99, 3))", "p999_ms=\(format(p999, 3))",
                   "ratio=\(ratio.map { format($0, 3) } ?? "-")"]
        if let conflicts { fields.append("conflicts=\(conflicts)") }
        if let elapsed { fields.append("seconds=\(format(elapsed, 1))") }
        return fields.joined(separator: " ")
    }
}

/// A target from issue 5 that a figure meets or misses.
struct Target {
    let text: String
    let isMet: (Figure) -> Bool

    static func of(_ workload: String) -> Target? {
        switch workload {
        case "append-1": return Target(text: "ratio ≥ 0.70") { ($0.ratio ?? 0) >= 0.70 }
        // Hashing costs at most 15 % of the append (issue 12).
        case "append-1-hashed/unhashed": return Target(text: "ratio ≥ 0.85") { ($0.ratio ?? 0) >= 0.85 }
        case "append-batch": return Target(text: "ratio ≥ 0.50") { ($0.ratio ?? 0) >= 0.50 }
        case "read-all": return Target(text: "ratio ≥ 0.60") { ($0.ratio ?? 0) >= 0.60 }
        case "catch-up": return Target(text: "≥ 20,000 events/s") { $0.eventsPerSecond >= 20_000 }
        // 1M events in under 60 s, as a rate so that shorter runs are judged the same way.
        case "rebuild": return Target(text: "≥ 16,667 events/s (1M in < 60 s)") { $0.eventsPerSecond >= 1_000_000 / 60 }
        // A whole register is the figure before paging: the target is for its pages (and the summaries).
        case let name where name.hasPrefix("report") && !name.contains(") whole"): return Target(text: "p99 < 50 ms") { $0.p99 < 50 }
        case let name where name.hasPrefix("cli"): return Target(text: "p50 < 60 ms") { $0.p50 < 60 }
        default: return nil
        }
    }
}

/// The median (and min–max) of each figure over every run.
struct Summary {
    let runs: [Figure]
    let median: Figure

    static func of(_ figures: [Figure]) -> [Summary] {
        var order: [String] = []
        var groups: [String: [Figure]] = [:]
        for figure in figures {
            if groups[figure.key] == nil { order.append(figure.key) }
            groups[figure.key, default: []].append(figure)
        }
        return order.map { key in
            let group = groups[key]!
            var median = group[0]
            median.eventsPerSecond = middle(group.map(\.eventsPerSecond))
            median.p50 = middle(group.map(\.p50))
            median.p99 = middle(group.map(\.p99))
            median.p999 = middle(group.map(\.p999))
            let ratios = group.compactMap(\.ratio)
            median.ratio = ratios.isEmpty ? nil : middle(ratios)
            let conflicts = group.compactMap(\.conflicts)
            median.conflicts = conflicts.isEmpty ? nil : Int(middle(conflicts.map(Double.init)))
            let elapsed = group.compactMap(\.elapsed)
            median.elapsed = elapsed.isEmpty ? nil : middle(elapsed)
            return Summary(runs: group, median: median)
        }
    }

    var target: Target? { Target.of(median.workload) }
    var verdict: String {
        guard let target else { return "" }
        return target.isMet(median) ? "met" : "missed"
    }

    func range(_ value: (Figure) -> Double?, _ digits: Int) -> String {
        let values = runs.compactMap(value)
        guard let low = values.min(), let high = values.max() else { return "-" }
        return runs.count > 1 ? "\(format(low, digits))–\(format(high, digits))" : format(low, digits)
    }

    var line: String {
        let m = median
        var fields = ["summary", "workload=\(m.workload)", "writers=\(m.writers)"]
        if let notify = m.notify { fields.append("notify=\(notify)") }
        fields += ["runs=\(runs.count)", "events_per_s=\(format(m.eventsPerSecond, 0))",
                   "events_per_s_range=\(range({ $0.eventsPerSecond }, 0))",
                   "p50_ms=\(format(m.p50, 3))", "p99_ms=\(format(m.p99, 3))", "p999_ms=\(format(m.p999, 3))",
                   "ratio=\(m.ratio.map { format($0, 3) } ?? "-")", "ratio_range=\(range({ $0.ratio }, 3))"]
        if let conflicts = m.conflicts { fields.append("conflicts=\(conflicts)") }
        if let elapsed = m.elapsed { fields.append("seconds=\(format(elapsed, 1))") }
        if target != nil { fields.append("target=\(verdict)") }
        return fields.joined(separator: " ")
    }

    /// The Markdown table of medians, with min–max over the runs.
    static func markdown(_ summaries: [Summary]) -> String {
        var out = "| workload | writers | notify | events/s median (min–max) | p50 ms | p99 ms | p99.9 ms | ratio median (min–max) | target |\n"
        out += "|---|---:|---|---:|---:|---:|---:|---:|---|\n"
        for summary in summaries {
            let m = summary.median
            var events = m.eventsPerSecond == 0 ? "–" : "\(format(m.eventsPerSecond, 0)) (\(summary.range({ $0.eventsPerSecond }, 0)))"
            if let conflicts = m.conflicts { events += ", \(conflicts) conflicts" }
            if let elapsed = m.elapsed { events += " in \(format(elapsed, 1)) s" }
            let ratio = m.ratio.map { "\(format($0, 2)) (\(summary.range({ $0.ratio }, 2)))" } ?? "–"
            let target = summary.target.map { "\($0.text): **\(summary.verdict)**" } ?? ""
            out += "| \(m.workload) | \(m.writers) | \(m.notify ?? "") | \(events) | \(format(m.p50, 2)) | "
            out += "\(format(m.p99, 2)) | \(format(m.p999, 2)) | \(ratio) | \(target) |\n"
        }
        return out
    }
}

func middle(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

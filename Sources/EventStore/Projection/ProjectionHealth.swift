/// Whether the projections keep up, for health checks (`jointops project status --check`).
public struct ProjectionHealth: Sendable, Equatable {
    /// Limits past which the projections count as unhealthy; each is "more than", so 0 allows none.
    public struct Thresholds: Sendable, Equatable {
        public var lagEvents: Int64
        public var lagSeconds: Double
        public var heldBackSeconds: Double
        public var quarantinedStreams: Int

        public init(lagEvents: Int64 = 10_000, lagSeconds: Double = 300, heldBackSeconds: Double = 300,
                    quarantinedStreams: Int = 0) {
            self.lagEvents = lagEvents
            self.lagSeconds = lagSeconds
            self.heldBackSeconds = heldBackSeconds
            self.quarantinedStreams = quarantinedStreams
        }
    }

    /// Events the furthest-behind projection has still to apply, and the age of its oldest one.
    public var lagEvents: Int64
    public var lagSeconds: Double
    /// Seconds committed events have waited behind a running transaction (0 when none wait).
    public var heldBackSeconds: Double
    public var quarantinedStreams: Int
    /// What each limit passed says, in order; empty when healthy.
    public var problems: [String] = []

    public init(status: [ProjectionStatus], horizon: HeldBackHorizon, quarantined: Int, thresholds: Thresholds) {
        let furthest = status.max { $0.lag.events < $1.lag.events }
        lagEvents = furthest?.lag.events ?? 0
        lagSeconds = status.map(\.lag.seconds).max() ?? 0
        heldBackSeconds = horizon.waitingEvents > 0 ? horizon.heldSeconds : 0
        quarantinedStreams = quarantined
        if let furthest, lagEvents > thresholds.lagEvents {
            problems.append("\(furthest.name) is \(Self.count(lagEvents, "event")) behind (limit \(thresholds.lagEvents))")
        }
        if lagSeconds > thresholds.lagSeconds {
            problems.append("the oldest event not yet projected has waited \(Self.seconds(lagSeconds)) "
                            + "(limit \(Self.seconds(thresholds.lagSeconds)))")
        }
        if heldBackSeconds > thresholds.heldBackSeconds {
            problems.append("\(Self.count(horizon.waitingEvents, "committed event")) "
                            + "\(horizon.waitingEvents == 1 ? "has" : "have") waited \(Self.seconds(heldBackSeconds)) "
                            + "behind a running transaction (limit \(Self.seconds(thresholds.heldBackSeconds)))")
        }
        if quarantined > thresholds.quarantinedStreams {
            problems.append("\(quarantined) \(quarantined == 1 ? "stream is" : "streams are") quarantined "
                            + "(limit \(thresholds.quarantinedStreams))")
        }
    }

    public var isHealthy: Bool { problems.isEmpty }

    /// One line: the problems, or the figures when there are none.
    public var summary: String {
        if !isHealthy { return "projections unhealthy: " + problems.joined(separator: "; ") }
        return "projections healthy: \(Self.count(lagEvents, "event")) behind, oldest \(Self.seconds(lagSeconds)), "
            + "held back \(Self.seconds(heldBackSeconds)), \(Self.count(quarantinedStreams, "quarantined stream"))"
    }

    /// "1 s", "12 s"; a tenth of a second below ten, so a small age never reads as "0 s" against a limit of 0.
    static func seconds(_ value: Double) -> String {
        value > 0 && value < 10 && value != value.rounded() ? String(format: "%.1f s", value) : "\(Int(value.rounded())) s"
    }

    /// "1 event", "2 events", "0 events".
    public static func count(_ number: some BinaryInteger, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

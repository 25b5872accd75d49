/// How long a follower waits before each reconnection attempt: doubling from `initial` up to `cap`,
/// back to `initial` once a connection has caught up again.
///
/// Capped so a server back after a long outage is noticed within `cap`; starting small so a quick
/// restart (a failover, `pg_ctl restart`) costs a fraction of a second.
public struct ReconnectBackoff: Sendable, Equatable {
    public let initial: Duration
    public let cap: Duration
    private var upcoming: Duration

    public init(initial: Duration = .milliseconds(200), cap: Duration = .seconds(10)) {
        precondition(initial > .zero && cap >= initial, "backoff needs 0 < initial <= cap")
        self.initial = initial
        self.cap = cap
        self.upcoming = initial
    }

    /// The pause before the next attempt; each call doubles the one after, up to `cap`.
    public mutating func next() -> Duration {
        let pause = upcoming
        upcoming = min(upcoming * 2, cap)
        return pause
    }

    /// After a success: the next failure waits `initial` again.
    public mutating func reset() { upcoming = initial }
}

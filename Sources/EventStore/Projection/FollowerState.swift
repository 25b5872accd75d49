/// What a following projector is doing, reported once per change (`ProjectionSupervisor`).
public enum FollowerState: Sendable, Equatable {
    /// Connected (to `target`, "socket …" or "host …"), holding the follower lock, projections installed.
    case connected(target: String)
    /// Every readable event is applied; the checkpoints stand at `position` (the earliest of them).
    case caughtUp(position: GlobalPosition)
    /// Committed events have waited behind a running transaction longer than the threshold.
    case heldBack(HeldBackHorizon)
    /// Another projector holds the follower lock (e.g. the old session of a dropped connection, until
    /// the server notices it is gone).
    case waitingForLock
    /// The connection failed for a reason that says nothing about the events; the next attempt comes
    /// after `retryIn`.
    case reconnecting(reason: String, retryIn: Duration)
    /// A projection set a stream aside from a poison event on (the existing quarantine rule).
    case quarantined(QuarantinedStream)
    /// Stopped on request, after the last committed batch; nil when no connection was open.
    case stopped(position: GlobalPosition?)

    /// Equal for states a log should not repeat: a second "caught up" at a later position or another
    /// failed attempt with the same reason is no change.
    var changeKey: String {
        switch self {
        case .connected: return "connected"
        case .caughtUp: return "caught up"
        case let .heldBack(horizon): return "held back by \(horizon.holder?.transactionId ?? 0)"
        case .waitingForLock: return "waiting for the lock"
        case let .reconnecting(reason, _): return "reconnecting: \(reason)"
        case let .quarantined(entry): return "quarantined \(entry.projection) \(entry.streamId) \(entry.position)"
        case .stopped: return "stopped"
        }
    }
}

import EventStore
import Foundation

/// The lines `project run` writes to stderr as it follows: one per change of state, each starting with
/// an ISO 8601 timestamp in China Standard Time with its offset (`2026-12-01T20:15:03.127+08:00`), so
/// `docker logs` and a terminal read the same. The reason of a `reconnecting` line is our own words
/// (`PostgresError.description`), never libpq's.
struct ProjectorLog {
    static let timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
    var now: () -> Date = Date.init
    var write: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

    func say(_ state: FollowerState) { write("\(Self.timestamp(now())) projector \(Self.describe(state))\n") }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func describe(_ state: FollowerState) -> String {
        switch state {
        case let .connected(target):
            return "connected to \(target)"
        case let .caughtUp(position):
            return "caught up at position \(position)"
        case let .heldBack(horizon):
            return "waiting: \(ProjectionHealth.count(horizon.waitingEvents, "committed event")) "
                + "\(horizon.waitingEvents == 1 ? "has" : "have") waited \(HorizonNotes.seconds(horizon.heldSeconds)) "
                + "behind \(HorizonNotes.describe(horizon.holder)); ask its owner to commit or roll back"
        case .waitingForLock:
            return "waiting: another projector holds the follower lock; trying again"
        case let .reconnecting(reason, retryIn):
            return "reconnecting in \(String(format: "%.1f", retryIn.inSeconds)) s: \(reason)"
        case let .quarantined(entry):
            return "quarantined stream \(entry.streamId) in \(entry.projection) from \(entry.eventType)@\(entry.streamVersion) "
                + "(position \(entry.position)): \(entry.error) (SQLSTATE \(entry.sqlState)); "
                + "`jointops project retry` replays it once fixed"
        case let .stopped(position?):
            return "stopped on request; checkpoints saved at position \(position)"
        case .stopped(nil):
            return "stopped on request while disconnected; checkpoints stand as last committed"
        }
    }
}

extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

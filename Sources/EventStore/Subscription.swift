import Foundation
import Postgres

/// Follows all streams from a position in commit-safe order, woken by NOTIFY, polling as a fallback.
///
/// Owns its connection, which stays subscribed to `EventStore.channel`.
public final class Subscription {
    public let store: EventStore
    public private(set) var position: GlobalPosition
    public let batchSize: Int
    /// How long to sleep between reads when no notification comes (an older transaction that is still
    /// open keeps new events back without notifying when it ends).
    public var pollInterval: Duration

    public init(store: EventStore, after position: GlobalPosition, batchSize: Int = 1000,
                pollInterval: Duration = .milliseconds(500)) throws {
        self.store = store
        self.position = position
        self.batchSize = batchSize
        self.pollInterval = pollInterval
        try store.connection.listen(EventStore.channel)
    }

    /// The next batch of events, waiting up to `timeout` for one; empty when none came in time.
    public func next(timeout: Duration) throws -> [RecordedEvent] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        // After a notification the new events may still be held back behind an older transaction that
        // is still open (in any database of the cluster), and its end sends no notification: poll
        // quickly, backing off, until they become readable.
        var backoff: Duration? = nil
        while true {
            let events = try store.readAll(after: position, limit: batchSize)
            if let last = events.last {
                position = last.globalPosition
                return events
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return [] }
            if let wait = backoff {
                Thread.sleep(forTimeInterval: Self.seconds(min(wait, remaining)))
                backoff = wait * 2 > Self.maxBackoff ? Self.maxBackoff : wait * 2
                if try store.connection.waitForNotification(timeout: .zero) == nil, wait == Self.maxBackoff,
                   try store.lag(after: position).heldBack == 0 {
                    backoff = nil  // nothing is pending after all: go back to waiting for NOTIFY
                }
                continue
            }
            if try store.connection.waitForNotification(timeout: min(remaining, pollInterval)) != nil {
                // Drain notifications that piled up: one read answers all of them.
                while try store.connection.waitForNotification(timeout: .zero) != nil {}
                backoff = .milliseconds(2)
            }
        }
    }

    static let maxBackoff: Duration = .milliseconds(100)

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

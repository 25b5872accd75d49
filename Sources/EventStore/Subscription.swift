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
        while true {
            let events = try store.readAll(after: position, limit: batchSize)
            if let last = events.last {
                position = last.globalPosition
                return events
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return [] }
            _ = try store.connection.waitForNotification(timeout: min(remaining, pollInterval))
            // Drain notifications that piled up: one read answers all of them.
            while try store.connection.waitForNotification(timeout: .zero) != nil {}
        }
    }
}

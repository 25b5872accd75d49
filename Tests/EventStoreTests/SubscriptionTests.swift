import EventStore
import Foundation
import Testing
import TestSupport

@Suite struct SubscriptionTests {
    @Test func aSubscriberWaitingOnNotifyWakesWellBeforeItsTimeout() throws {
        try TestDatabase.with { database in
            let subscription = try Subscription(store: EventStore(connection: try database.connect()), after: .start,
                                                pollInterval: .seconds(60))
            #expect(try subscription.next(timeout: .milliseconds(50)).isEmpty)
            let appendedAt = Locked<ContinuousClock.Instant?>(nil)
            let thread = Thread {
                Thread.sleep(forTimeInterval: 0.3)
                let store = EventStore(connection: try! database.connect())
                appendedAt.withLock { $0 = .now }
                try! store.append([sampleEvent()], to: "live", expecting: .noStream, metadata: metadata())
            }
            thread.start()
            let events = try subscription.next(timeout: .seconds(50))
            let woke = ContinuousClock.now
            #expect(events.map(\.streamId) == ["live"])
            let latency = woke - (appendedAt.current ?? woke)
            // Other tests hold transactions open for a few seconds, and the commit-safe horizon is
            // cluster-wide, so "at once" here means well before the 60 s poll interval.
            #expect(latency < .seconds(10), "woke after \(latency), the poll interval is 60 s")
        }
    }

    @Test func checkpointsAndLagFollowTheLog() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            for n in 0..<5 { try store.append([sampleEvent(n)], to: "s-\(n)", expecting: .noStream, metadata: metadata()) }
            let checkpoints = Checkpoints(connection: store.connection)
            #expect(try checkpoints.load("reader") == .start)
            #expect(try store.lag(after: .start).events == 5)
            let firstThree = try readAllEventually(store, after: .start, count: 3, limit: 3)
            try checkpoints.save("reader", firstThree.last!.globalPosition)
            let resumed = try checkpoints.load("reader")
            #expect(try readAllEventually(store, after: resumed, count: 2).map(\.streamId) == ["s-3", "s-4"])
            #expect(try store.lag(after: resumed).events == 2)
        }
    }
}

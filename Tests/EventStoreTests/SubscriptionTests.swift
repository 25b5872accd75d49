import EventStore
import Foundation
import Testing
import TestSupport

/// Subscriptions wake on NOTIFY, then read below the commit-safe horizon (DESIGN.md §3.6).
///
/// The wake-up latency is a timing claim, and the horizon is cluster-wide: on a private cluster no
/// other suite's open transaction can hold the awaited event back.
@Suite struct SubscriptionTests {
    static let cluster = TestCluster.private(named: "subscriptions")

    @Test func aSubscriberWaitingOnNotifyWakesWellBeforeItsTimeout() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let connection = try database.connect()
            let subscriber: Int32 = try connection.execute("SELECT pg_backend_pid()")[0].get(0)
            let subscription = try Subscription(store: EventStore(connection: connection), after: .start,
                                                pollInterval: .seconds(60))
            #expect(try subscription.next(timeout: .milliseconds(50)).isEmpty)
            let activity = """
                SELECT state = 'idle' AND query_start > $2::timestamptz, query_start::text
                FROM pg_stat_activity WHERE pid = $1
                """
            let lastRead: String = try database.connect().execute(activity, [subscriber, "-infinity"])[0].get(1)
            let appendedAt = Locked<ContinuousClock.Instant?>(nil)
            let appendErrors = Locked<[String]>([])
            let appender = TestThread {
                do {
                    let admin = try database.connect()
                    // `next` reads once, then waits for NOTIFY: its backend has run a newer query and is idle.
                    try waitUntil("the subscriber read again and waits for a notification") {
                        try admin.execute(activity, [subscriber, lastRead])[0].get(0)
                    }
                    let store = EventStore(connection: try database.connect())
                    appendedAt.withLock { $0 = .now }
                    try store.append([sampleEvent()], to: "live", expecting: .noStream, metadata: metadata())
                } catch {
                    appendErrors.withLock { $0.append("\(error)") }
                }
            }
            let events = try subscription.next(timeout: .seconds(50))
            let woke = ContinuousClock.now
            try appender.join()
            #expect(appendErrors.current == [])
            #expect(events.map(\.streamId) == ["live"])
            let latency = woke - (appendedAt.current ?? woke)
            // "At once" on a loaded two-core machine: well before the 60 s poll interval.
            #expect(latency < .seconds(10), "woke after \(latency), the poll interval is 60 s")
        }
    }

    @Test func checkpointsAndLagFollowTheLog() throws {
        try TestDatabase.with(on: Self.cluster) { database in
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

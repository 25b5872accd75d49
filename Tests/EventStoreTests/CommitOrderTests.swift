import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// DESIGN.md §3.4: a follower never loses, repeats or reorders an event while writers run concurrently.
///
/// These tests hold transactions open on purpose, and transaction ids are cluster-wide: they run on a
/// private cluster, so they hold back no other suite's readers.
@Suite struct CommitOrderTests {
    static let cluster = TestCluster.private(named: "commit-order")

    /// What a follower saw: every event once, each stream in version order.
    final class FollowerLog: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var positions: [Int64] = []
        private(set) var lastVersion: [String: Int64] = [:]
        private(set) var problems: [String] = []
        /// Calls of `Subscription.next` that returned, with events or without.
        private(set) var polls = 0

        func receive(_ events: [RecordedEvent]) {
            lock.lock(); defer { lock.unlock() }
            polls += 1
            for event in events {
                positions.append(event.position)
                let previous = lastVersion[event.streamId] ?? 0
                if event.streamVersion != previous + 1 {
                    problems.append("\(event.streamId): version \(event.streamVersion) after \(previous)")
                }
                lastVersion[event.streamId] = event.streamVersion
            }
        }

        var count: Int { lock.lock(); defer { lock.unlock() }; return positions.count }
        var pollCount: Int { lock.lock(); defer { lock.unlock() }; return polls }
    }

    /// Follows read-all from `.start` until `expected` events arrived or `limit` passed.
    static func follow(_ database: TestDatabase, expecting expected: Int, into log: FollowerLog,
                       limit: Duration = .seconds(120)) throws {
        let subscription = try Subscription(store: EventStore(connection: try database.connect()), after: .start,
                                            batchSize: 500, pollInterval: .milliseconds(100))
        let deadline = ContinuousClock.now.advanced(by: limit)
        while log.count < expected, ContinuousClock.now < deadline {
            log.receive(try subscription.next(timeout: .milliseconds(200)))
        }
    }

    @Test func aFollowerReceivesEveryEventOnceWhileEightWritersAppendTwentyThousand() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let writers = 8, perWriter = 2_500
            let log = FollowerLog()
            let errors = Locked<[String]>([])
            runThreads(writers + 1) { index in
                do {
                    if index == writers {
                        try Self.follow(database, expecting: writers * perWriter, into: log)
                        return
                    }
                    let store = EventStore(connection: try database.connect(), notifiesSubscribers: index == 0)
                    // Ten events per stream, then a new stream; streams are shared between writers,
                    // so appends race on stream rows too.
                    var versions: [String: Int64] = [:]
                    for n in 0..<perWriter {
                        let stream = "op-\((n / 10 + index * 7) % 600)"
                        let command = metadata()
                        while true {
                            do {
                                let result = try store.append([sampleEvent(n)], to: stream,
                                                              expecting: .exact(versions[stream] ?? 0), metadata: command)
                                versions[stream] = result.streamVersion
                                break
                            } catch EventStoreError.wrongExpectedVersion(_, _, let actual) {
                                versions[stream] = actual  // another writer got there first: reload and retry
                            }
                        }
                    }
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
            #expect(errors.current == [])
            let misordered = try database.connect().execute("""
                SELECT count(*) FROM (
                    SELECT stream_version - lag(stream_version) OVER (PARTITION BY stream_id ORDER BY events.transaction_id, events.position) AS step
                    FROM eventstore.events) steps
                WHERE step <> 1
                """)[0].get(0, as: Int.self)
            #expect(misordered == 0, "stored commit order follows each stream's versions")
            #expect(log.problems == [])
            #expect(log.count == writers * perWriter)
            #expect(Set(log.positions).count == log.count, "no event twice")
            let stored = try eventCount(try database.connect())
            #expect(stored == writers * perWriter)
        }
    }

    @Test func aSlowWriterHoldingItsTransactionOpenIsNotSkipped() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let log = FollowerLog()
            let slowPosition = Locked<Int64?>(nil)
            let seenBeforeSlowCommit = Locked<Int64>(0)
            let committedAboveSlowWhileOpen = Locked<Int?>(nil)
            let fastWriters = 3, fastEvents = 3 * 300
            let slowTookItsPosition = Latch()
            let fastWritersCommitted = Latch(count: fastWriters)
            let errors = Locked<[String]>([])
            runThreads(fastWriters + 2) { index in
                do {
                    switch index {
                    case 0:
                        // The slow writer: takes a position early, then keeps its transaction open until
                        // the others have committed higher positions and the follower has read since.
                        let store = EventStore(connection: try database.connect())
                        try store.connection.transaction {
                            let result = try store.append([sampleEvent(-1)], to: "slow", expecting: .noStream, metadata: metadata())
                            slowPosition.withLock { $0 = result.positions[0] }
                            slowTookItsPosition.arrive()
                            try fastWritersCommitted.wait(until: "the fast writers committed")
                            // The poll under way may have begun before the last fast commit; the one
                            // after it began after, so a "position > last" reader would have passed.
                            let polls = log.pollCount
                            try waitUntil("the follower polled twice after the fast writers committed") { log.pollCount >= polls + 2 }
                            let above: Int = try database.connect().execute(
                                "SELECT count(*)::int FROM eventstore.events WHERE position > $1", [result.positions[0]])[0].get(0)
                            committedAboveSlowWhileOpen.withLock { $0 = above }
                            seenBeforeSlowCommit.withLock { $0 = log.positions.max() ?? 0 }
                        }
                    case fastWriters + 1:
                        try Self.follow(database, expecting: fastEvents + 1, into: log)
                    default:
                        defer { fastWritersCommitted.arrive() }
                        try slowTookItsPosition.wait(until: "the slow writer took its position")
                        let store = EventStore(connection: try database.connect())
                        for n in 0..<300 {
                            try store.append([sampleEvent(n)], to: "fast-\(index)-\(n / 10)", expecting: .any, metadata: metadata())
                        }
                    }
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
            #expect(errors.current == [])
            let slow = try #require(slowPosition.current)
            // The trap was really set: while the slow transaction was open, every fast event was committed
            // with a higher position — a "position > last" reader would have passed the slow one by.
            #expect(committedAboveSlowWhileOpen.current == fastEvents)
            #expect(seenBeforeSlowCommit.current == 0, "the follower waited for the slow transaction instead of passing it")
            #expect(log.count == fastEvents + 1)
            #expect(log.positions.contains(slow), "the slow writer's event was delivered")
            #expect(Set(log.positions).count == log.count)
        }
    }

    @Test func sixteenThreadsRacingOnOneStreamLeaveNoGapOrDuplicate() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let threads = 16, appendsEach = 200
            let losses = Locked(0)
            let unexpected = Locked<[String]>([])
            runThreads(threads) { _ in
                do {
                    let store = EventStore(connection: try database.connect(), notifiesSubscribers: false)
                    var expected = try store.version(of: "hot")
                    var done = 0
                    while done < appendsEach {
                        do {
                            expected = try store.append([sampleEvent(done)], to: "hot", expecting: .exact(expected), metadata: metadata()).streamVersion
                            done += 1
                        } catch EventStoreError.wrongExpectedVersion(_, _, let actual) {
                            losses.withLock { $0 += 1 }
                            expected = actual
                        }
                    }
                } catch {
                    unexpected.withLock { $0.append("\(error)") }
                }
            }
            #expect(unexpected.current == [], "every loser got a wrong-expected-version error, nothing else")
            let versions = try database.connect()
                .execute("SELECT stream_version FROM eventstore.events WHERE stream_id = 'hot' ORDER BY stream_version")
                .rows.map { try $0.get(0, as: Int64.self) }
            #expect(versions == Array(1...Int64(threads * appendsEach)))
            #expect(losses.current > 0, "the threads really raced")
        }
    }

    @Test func writersRacingToCreateTheSameStreamProduceOneWinner() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            for round in 0..<10 {
                let wins = Locked(0)
                let conflicts = Locked<[Int64]>([])
                runThreads(6) { _ in
                    do {
                        let store = EventStore(connection: try database.connect())
                        try store.append([sampleEvent(round), sampleEvent(round)], to: "new-\(round)", expecting: .noStream, metadata: metadata())
                        wins.withLock { $0 += 1 }
                    } catch EventStoreError.wrongExpectedVersion(_, _, let actual) {
                        conflicts.withLock { $0.append(actual) }
                    } catch {
                        Issue.record("unexpected \(error)")
                    }
                }
                #expect(wins.current == 1)
                #expect(conflicts.current == Array(repeating: 2, count: 5))
            }
        }
    }

    /// The transaction-id trap: an append whose transaction got its id before a newer append to the
    /// same stream committed would sort before it. The store refuses it (40001) instead.
    @Test func anAppendFromATransactionOlderThanTheStreamsLastAppendIsRefused() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let older = try database.connect()
            let newer = EventStore(connection: try database.connect())
            try older.run("CREATE TABLE scratch (v int)")
            try older.run("BEGIN")
            try older.execute("INSERT INTO scratch VALUES ($1)", [1])  // takes a transaction id now
            try newer.append([sampleEvent(1)], to: "case-x", expecting: .any, metadata: metadata())
            let olderStore = EventStore(connection: older)
            do {
                try olderStore.append([sampleEvent(2)], to: "case-x", expecting: .any, metadata: metadata())
                Issue.record("an out-of-order append was accepted")
            } catch let error as PostgresError {
                #expect(error.sqlState == .serializationFailure)
            }
            try older.run("ROLLBACK")
            // Outside a transaction the store retries by itself and succeeds.
            #expect(try olderStore.append([sampleEvent(2)], to: "case-x", expecting: .any, metadata: metadata()).streamVersion == 2)
            // The horizon is cluster-wide: this suite's other tests hold transactions open on its cluster.
            var followed: [Int64] = []
            try waitUntil("both appends to case-x are readable") {
                followed = try newer.readAll(after: .start).filter { $0.streamId == "case-x" }.map(\.streamVersion)
                return followed.count >= 2
            }
            #expect(followed == [1, 2])
        }
    }

    /// The same trap with an expected version: the stream is where the writer expects it, so the refusal
    /// is reported as "retry" (40001), not as a wrong version, and the retry succeeds.
    @Test func theTransactionIdTrapWithAnExpectedVersionAsksForARetry() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let older = try database.connect()
            let newer = EventStore(connection: try database.connect())
            let olderStore = EventStore(connection: older)
            try older.run("CREATE TABLE scratch (v int)")
            var version: Int64 = 0
            // The one-event and the multi-event statement.
            for events in [[sampleEvent(2)], [sampleEvent(2), sampleEvent(3)]] {
                try older.run("BEGIN")
                try older.execute("INSERT INTO scratch VALUES ($1)", [1])  // takes a transaction id now
                version = try newer.append([sampleEvent(1)], to: "case-y", expecting: .any, metadata: metadata()).streamVersion
                do {
                    try olderStore.append(events, to: "case-y", expecting: .exact(version), metadata: metadata())
                    Issue.record("an out-of-order append was accepted")
                } catch let error as PostgresError {
                    #expect(error.sqlState == .serializationFailure)
                }
                try older.run("ROLLBACK")
                #expect(try newer.version(of: "case-y") == version, "the refused append wrote nothing")
            }
            #expect(try olderStore.append([sampleEvent(4)], to: "case-y", expecting: .exact(version), metadata: metadata())
                .streamVersion == version + 1)
        }
    }

    /// Transaction ids must be compared and sorted as numbers everywhere: sorted as text, "100"
    /// comes before "99" and a batch that crosses a power of ten skips events (a bug we had).
    @Test func readAllSortsTransactionIdsAsNumbersAcrossPowersOfTen() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let connection = try database.connect()
            // Rows written directly with chosen transaction ids below any real one (initdb alone uses
            // several hundred), so they are always below the horizon, even in a brand-new cluster.
            for (index, xid) in ["5", "10", "400", "9", "99", "100"].enumerated() {
                try connection.execute("""
                    INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type,
                        schema_version, data, command_id, actor, correlation_id, occurred_at, hash)
                    VALUES ($1::xid8, $2, 1, gen_random_uuid(), 'Probe', 1, '{}', gen_random_uuid(), '测试', gen_random_uuid(), now(),
                            sha256(''::bytea))
                    """, [xid, "probe-\(index)"])
            }
            let store = EventStore(connection: connection)
            #expect(try store.readAll(after: .start).map(\.transactionId) == [5, 9, 10, 99, 100, 400])
            var position = GlobalPosition.start
            var seen: [UInt64] = []
            while case let batch = try store.readAll(after: position, limit: 2), let last = batch.last {
                seen += batch.map(\.transactionId)
                position = last.globalPosition
            }
            #expect(seen == [5, 9, 10, 99, 100, 400], "batches of two skip nothing")
        }
    }
}

import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// A poison event sets its (projection, stream) aside from that event on, and every other stream goes
/// on; transient failures are retried, never quarantined; a retry after a fix replays the held events
/// in order (Schema/migrations/0011). Each catch-up first waits for what a neighbour test's transaction
/// on the shared cluster may hold back.
@Suite struct QuarantineTests {
    /// Logs each event's `n` in an `integer` column: an `n` beyond it violates the column's type (22003).
    /// Tolerant, it clamps `n` instead: the fix a retry needs.
    struct TallyLog: Projection {
        var tolerant = false
        /// Serialization failures to raise before applying (a transient failure, retried).
        var transientFailures: Locked<Int>? = nil

        var name: String { "tally_log" }
        var shapeVersion: Int { 1 }
        var eventTypes: Set<String> { ["TallyRecorded"] }
        var tables: [String] { ["tally_log"] }

        func createTables(_ target: ProjectionTarget) -> [String] {
            ["""
             CREATE TABLE \(target.table("tally_log", of: name)) (
                 applied bigint GENERATED ALWAYS AS IDENTITY, stream_id text NOT NULL,
                 stream_version bigint NOT NULL, n integer NOT NULL)
             """]
        }

        func apply(_ batch: ProjectionBatch, to target: ProjectionTarget, on connection: Connection) throws {
            let failNow = transientFailures?.withLock { (count: inout Int) -> Bool in
                guard count > 0 else { return false }
                count -= 1
                return true
            } ?? false
            if failNow {
                try connection.run("DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; END $$")
            }
            let n = tolerant ? "LEAST(($3::jsonb->>'n')::numeric, 2147483647)::int" : "($3::jsonb->>'n')::int"
            for event in batch.events {
                try connection.execute(
                    "INSERT INTO \(target.table("tally_log", of: name)) (stream_id, stream_version, n) VALUES ($1, $2, \(n))",
                    [event.streamId, event.streamVersion, String(decoding: event.data, as: UTF8.self)])
            }
        }
    }

    struct NoViews: ProjectionViews {
        var schema: String { "reporting" }
        var names: [String] { [] }
        func create(on connection: Connection, target: ProjectionTarget, viewSchema: String) throws {}
        func prepareInstall(on connection: Connection) throws {}
    }

    static let poison = 3_000_000_000

    func runner(_ connection: Connection, _ projection: TallyLog = TallyLog()) -> ProjectionRunner {
        ProjectionRunner(connection: connection, projections: [projection], views: NoViews(), batchSize: 100)
    }

    func append(_ store: EventStore, _ stream: String, _ values: [Int]) throws {
        try store.append(values.map { sampleEvent($0) }, to: stream, expecting: .any, metadata: metadata())
    }

    /// (stream, version, n) in the order applied.
    func logged(_ connection: Connection, version: Int = 1) throws -> [String] {
        try connection.execute("SELECT stream_id, stream_version, n FROM projections.tally_log_v\(version) ORDER BY applied")
            .rows.map { "\(try $0.get(0, as: String.self))@\(try $0.get(1, as: Int64.self))=\(try $0.get(2, as: Int.self))" }
    }

    @Test func aPoisonEventQuarantinesItsStreamFromThatEventOnAndTheOtherStreamsGoOn() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let store = EventStore(connection: try database.connect())
            try append(store, "甲-1", [1, 2])
            try append(store, "乙-2", [3])
            try append(store, "甲-1", [Self.poison, 4, 5])
            try append(store, "乙-2", [6])
            let strict = runner(connection)
            try strict.install()
            try strict.catchUpWithCommitted(waitingAtMost: .seconds(60))

            #expect(try logged(connection) == ["甲-1@1=1", "甲-1@2=2", "乙-2@1=3", "乙-2@2=6"])
            let quarantined = try strict.quarantined()
            #expect(quarantined.map(\.streamId) == ["甲-1"])
            #expect(quarantined.first?.streamVersion == 3)
            #expect(quarantined.first?.sqlState == "22003", "integer out of range")
            #expect(quarantined.first?.heldEvents == 3)
            #expect(try strict.status().first?.lag.events == 0, "the checkpoint moved past the held events")

            // Still failing: set aside again from the same event; a later event is held too, in order.
            let again = try strict.retryQuarantined()
            #expect(again.released.isEmpty && again.stillQuarantined.map(\.streamVersion) == [3])
            try append(store, "甲-1", [7])
            try append(store, "乙-2", [8])
            try strict.catchUpWithCommitted(waitingAtMost: .seconds(60))
            #expect(try logged(connection).suffix(1) == ["乙-2@3=8"])
            #expect(try strict.quarantined().first?.heldEvents == 4)

            // The fix (a tolerant projection): the held events apply in stream order, and nothing stays aside.
            let fixed = try runner(connection, TallyLog(tolerant: true)).retryQuarantined(projection: "tally_log", stream: "甲-1")
            #expect(fixed.released.map(\.streamId) == ["甲-1"] && fixed.stillQuarantined.isEmpty)
            #expect(try logged(connection).suffix(4) == ["甲-1@3=2147483647", "甲-1@4=4", "甲-1@5=5", "甲-1@6=7"])
            #expect(try strict.quarantined().isEmpty)
            try append(store, "甲-1", [9])
            try strict.catchUpWithCommitted(waitingAtMost: .seconds(60))
            #expect(try logged(connection).last == "甲-1@7=9", "a released stream is followed again")
        }
    }

    @Test func aRetryThatFailsOnALaterEventAppliesTheEventsBeforeItAndQuarantinesFromThere() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let store = EventStore(connection: try database.connect())
            try append(store, "丙-3", [1, Self.poison, 2, Self.poison, 3])
            let strict = runner(connection)
            try strict.install()
            try strict.catchUpWithCommitted(waitingAtMost: .seconds(60))
            #expect(try strict.quarantined().map(\.streamVersion) == [2])
            // Fix only the first poison event: a tolerant projection is no partial fix, so clamp through
            // the log itself as an owner would (the trigger keeps the application from doing this).
            let admin = try database.connect()
            try admin.run("ALTER TABLE eventstore.events DISABLE TRIGGER events_refuse_update_delete")
            try admin.execute("""
                UPDATE eventstore.events SET data = jsonb_set(data, '{n}', '10')
                WHERE stream_id = $1 AND stream_version = 2
                """, ["丙-3"])
            try admin.run("ALTER TABLE eventstore.events ENABLE ALWAYS TRIGGER events_refuse_update_delete")
            let outcome = try strict.retryQuarantined()
            #expect(outcome.released.isEmpty && outcome.stillQuarantined.map(\.streamVersion) == [4])
            #expect(try logged(connection) == ["丙-3@1=1", "丙-3@2=10", "丙-3@3=2"])
        }
    }

    @Test func aRebuildAndAnAsOfBuildSetThePoisonedStreamAsideToo() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let store = EventStore(connection: try database.connect())
            try append(store, "甲-1", [1, Self.poison, 2])
            try append(store, "乙-2", [3])
            let strict = runner(connection)
            try strict.install()
            try strict.catchUpWithCommitted(waitingAtMost: .seconds(60))
            try strict.rebuild("tally_log")
            #expect(try strict.status().first?.version == 2)
            #expect(try logged(connection, version: 2) == ["甲-1@1=1", "乙-2@1=3"])
            #expect(try strict.quarantined().map { "\($0.streamId) v\($0.version)" } == ["甲-1 v2"])
            #expect(try connection.execute("SELECT count(*)::int FROM eventstore.quarantined_streams")[0].get(0) == 1,
                    "version 1's rows went with its tables")
            let temporary = try strict.buildTemporary(asOf: Date().addingTimeInterval(3600))
            #expect(temporary.setAside == 1)
        }
    }

    @Test func aTransientFailureIsRetriedAndNeverQuarantined() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            try append(EventStore(connection: try database.connect()), "丁-4", [1, 2])
            let failures = Locked(2)
            let flaky = runner(connection, TallyLog(transientFailures: failures))
            try flaky.install()
            try flaky.catchUpWithCommitted(waitingAtMost: .seconds(60))
            #expect(failures.current == 0, "both serialization failures were raised")
            #expect(try logged(connection) == ["丁-4@1=1", "丁-4@2=2"])
            #expect(try flaky.quarantined().isEmpty)
        }
    }

    @Test(arguments: [("08006", false), ("57P01", false), ("40001", false), ("40P01", false), ("53100", false),
                      ("22003", true), ("22P02", true), ("23505", true), ("23514", true)])
    func onlyDataErrorsArePoison(state: String, poison: Bool) {
        let failure = ProjectionFailure(PostgresError(kind: .server, message: "x", sqlState: SQLState(state)))
        #expect(failure.isPoison == poison)
        if !poison { #expect(failure == .transient) }
    }
}

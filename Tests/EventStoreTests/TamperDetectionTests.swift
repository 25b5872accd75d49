import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// A superuser (the test's login) edits the log with the guard triggers off; verify names the change.
@Suite struct TamperDetectionTests {
    /// Three streams, then a seal over all of it.
    static func sealedLog(_ connection: Connection) throws -> [RecordedEvent] {
        let store = EventStore(connection: connection)
        try store.append([sampleEvent(1), sampleEvent(2)], to: "case-1", expecting: .noStream, metadata: metadata())
        try store.append([sampleEvent(3)], to: "case-1", expecting: .exact(2), metadata: metadata())
        try store.append([sampleEvent(4)], to: "case-2", expecting: .noStream, metadata: metadata())
        try store.append([sampleEvent(5), sampleEvent(6)], to: "case-1", expecting: .any, metadata: metadata())
        let events = try store.read(stream: "case-1") + store.read(stream: "case-2")
        try sealThrough(events.map(\.position).max()!, connection)
        return events
    }

    /// Seals once every event up to `position` is below the readable horizon (a neighbour's transaction
    /// on the shared cluster may hold it back for a moment).
    static func sealThrough(_ position: Int64, _ connection: Connection) throws {
        try waitUntil("the log is sealed through position \(position)") {
            try LogSeal.sealLog(on: connection)
            let covered: Int64 = try connection.execute(
                "SELECT count(*) FROM eventstore.seals WHERE last_position >= $1", [position])[0].get(0)
            return covered > 0
        }
    }

    static func withTriggersOff(_ connection: Connection, _ statements: [String]) throws {
        try connection.run("ALTER TABLE eventstore.events DISABLE TRIGGER ALL")
        for statement in statements { try connection.run(statement) }
        try connection.run("ALTER TABLE eventstore.events ENABLE TRIGGER ALL")
    }

    @Test func aDataEditMadeWithTriggersOffIsNamedByItsPosition() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let events = try Self.sealedLog(connection)
            let edited = events[1]
            #expect(try LogVerifier(connection: connection).verify() != .altered(.event(position: edited.position, stream: "case-1", version: 2)))
            try Self.withTriggersOff(connection, [
                "UPDATE eventstore.events SET data = jsonb_set(data, '{n}', '200') WHERE position = \(edited.position)",
            ])
            #expect(try LogVerifier(connection: connection).verify()
                    == .altered(.event(position: edited.position, stream: "case-1", version: 2)))
            #expect(try LogVerifier(connection: connection).verify(stream: "case-1")
                    == .altered(.event(position: edited.position, stream: "case-1", version: 2)))
            // --from reports only what changed from there on; the seals vouch for the stored hashes, which stand.
            guard case .intact = try LogVerifier(connection: connection).verify(from: edited.position + 1) else {
                Issue.record("verify --from reported a change before its position")
                return
            }
        }
    }

    @Test func anEventDeletedAndPutBackIsFoundByTheSealOverIt() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let events = try Self.sealedLog(connection)
            let moved = events[2]
            let columns = "transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, command_id, "
                + "actor, agency, correlation_id, causation_id, occurred_at, recorded_at, hash"
            try Self.withTriggersOff(connection, [
                "CREATE TEMPORARY TABLE kept AS SELECT \(columns) FROM eventstore.events WHERE position = \(moved.position)",
                "DELETE FROM eventstore.events WHERE position = \(moved.position)",
                "INSERT INTO eventstore.events (\(columns)) SELECT \(columns) FROM kept",
            ])
            let verification = try LogVerifier(connection: connection).verify()
            guard case .altered(.seal(_, let first, let last)) = verification else {
                Issue.record("an event put back at a new position was not found: \(verification)")
                return
            }
            #expect(first != nil && last >= moved.position)
        }
    }

    @Test func reorderedVersionsBreakTheChain() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let events = try Self.sealedLog(connection)
            try Self.withTriggersOff(connection, [
                "UPDATE eventstore.events SET stream_version = 1000 WHERE position = \(events[1].position)",
                "UPDATE eventstore.events SET stream_version = 2 WHERE position = \(events[2].position)",
                "UPDATE eventstore.events SET stream_version = 3 WHERE position = \(events[1].position)",
            ])
            #expect(try LogVerifier(connection: connection).verify()
                    == .altered(.event(position: events[1].position, stream: "case-1", version: 3)))
        }
    }

    @Test func anEventRemovedFromTheEndOfAStreamIsFound() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let events = try Self.sealedLog(connection)
            try Self.withTriggersOff(connection, ["DELETE FROM eventstore.events WHERE position = \(events[4].position)"])
            #expect(try LogVerifier(connection: connection).verify() == .altered(.stream("case-1", version: 5)))
        }
    }

    @Test func theGenesisSealCoversEventsRecordedBeforeTheMigration() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            let all = try SchemaFiles.migrations()
            try Migrator(connection: connection, migrations: all.filter { $0.name < "0009" }).migrate()
            // Appended as the store did before hashes: the stream rows, the events and the commands.
            try connection.run("""
                INSERT INTO eventstore.streams (stream_id, version, last_xid) VALUES
                    ('case-旧', 2, pg_current_xact_id()), ('op-旧', 1, pg_current_xact_id());
                INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version,
                                               data, command_id, actor, correlation_id, occurred_at)
                SELECT pg_current_xact_id(), s, v, gen_random_uuid(), 'PaymentReceived', 1, '{"amount": 200, "付款人": "马某"}',
                       gen_random_uuid(), '王警官', gen_random_uuid(), now()
                FROM (VALUES ('case-旧', 1), ('case-旧', 2), ('op-旧', 1)) AS x (s, v);
                """)
            try Migrator(connection: connection, migrations: all).migrate()

            let genesis = try connection.execute(
                "SELECT seal_number, event_count, last_position FROM eventstore.seals")
            #expect(genesis.rowCount == 1)
            #expect(try genesis[0].get(0, as: Int64.self) == 1)
            #expect(try genesis[0].get(1, as: Int64.self) == 3)
            // New appends chain on to the old streams.
            try EventStore(connection: connection).append([sampleEvent(3)], to: "case-旧", expecting: .exact(2), metadata: metadata())
            guard case .intact(let check) = try LogVerifier(connection: connection).verify() else {
                Issue.record("a migrated log does not verify")
                return
            }
            #expect(check.events == 4)
            #expect(check.lastSeal?.number == 1)

            let old: Int64 = try connection.execute(
                "SELECT position FROM eventstore.events WHERE stream_id = 'op-旧'")[0].get(0)
            try Self.withTriggersOff(connection, [
                "UPDATE eventstore.events SET data = '{\"amount\": 1, \"付款人\": \"马某\"}' WHERE position = \(old)",
            ])
            #expect(try LogVerifier(connection: connection).verify() == .altered(.event(position: old, stream: "op-旧", version: 1)))
        }
    }
}

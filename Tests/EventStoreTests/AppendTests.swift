import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct AppendTests {
    @Test func expectedVersionsAreCheckedAndAMismatchWritesNothing() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let first = try store.append([sampleEvent(1)], to: "case-1", expecting: .noStream, metadata: metadata())
            #expect(first.streamVersion == 1)

            #expect(throws: EventStoreError.wrongExpectedVersion(stream: "case-1", expected: .noStream, actual: 1)) {
                try store.append([sampleEvent(2)], to: "case-1", expecting: .noStream, metadata: metadata())
            }
            let second = try store.append([sampleEvent(2), sampleEvent(3)], to: "case-1", expecting: .exact(1), metadata: metadata())
            #expect(second.streamVersion == 3)
            #expect(throws: EventStoreError.wrongExpectedVersion(stream: "case-1", expected: .exact(1), actual: 3)) {
                try store.append([sampleEvent(4)], to: "case-1", expecting: .exact(1), metadata: metadata())
            }
            #expect(throws: EventStoreError.wrongExpectedVersion(stream: "case-2", expected: .exact(5), actual: 0)) {
                try store.append([sampleEvent(4)], to: "case-2", expecting: .exact(5), metadata: metadata())
            }
            #expect(try store.append([sampleEvent(4)], to: "case-1", expecting: .any, metadata: metadata()).streamVersion == 4)
            #expect(try eventCount(store.connection) == 4)
            #expect(try store.read(stream: "case-1").map(\.streamVersion) == [1, 2, 3, 4])
            #expect(try store.version(of: "case-2") == 0)
        }
    }

    /// The per-stream order check compares transaction ids with `<=`: a transaction's second append to a
    /// stream carries the same id as its first and must not be refused as out of order.
    @Test func oneTransactionAppendsToAStreamTwice() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            try store.connection.transaction {
                try store.append([sampleEvent(1)], to: "case-3", expecting: .noStream, metadata: metadata())
                try store.append([sampleEvent(2)], to: "case-3", expecting: .exact(1), metadata: metadata())
                try store.append([sampleEvent(3), sampleEvent(4)], to: "case-3", expecting: .any, metadata: metadata())
            }
            #expect(try store.read(stream: "case-3").map(\.streamVersion) == [1, 2, 3, 4])
        }
    }

    @Test func everyEventCarriesItsMetadata() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let correlation = UUID(), causation = UUID(), command = UUID()
            let event = sampleEvent(7, type: "CaseFiled")
            let meta = CommandMetadata(commandId: command, actor: "王警官", agency: "transport",
                                       correlationId: correlation, causationId: causation)
            try store.append([event], to: "case-7", expecting: .noStream, metadata: meta)
            let stored = try #require(try store.read(stream: "case-7").first)
            #expect(stored.id == event.id)
            #expect(stored.type == "CaseFiled")
            #expect(stored.schemaVersion == 1)
            #expect(stored.commandId == command)
            #expect(stored.actor == "王警官")
            #expect(stored.agency == "transport")
            #expect(stored.correlationId == correlation)
            #expect(stored.causationId == causation)
            #expect(stored.occurredAt == event.occurredAt)
            #expect(stored.recordedAt > stored.occurredAt)
            let data = try JSONSerialization.jsonObject(with: stored.data) as? [String: Any]
            #expect(data?["place"] as? String == "乌苏市奎屯路")
            #expect(data?["plate"] as? String == "新G·12345")
        }
    }

    @Test func eventDataMustBeAJSONObjectAndAnAppendNeedsEvents() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let bad = NewEvent(type: "Broken", data: Data("[1,2]".utf8), occurredAt: Date())
            #expect(throws: EventStoreError.invalidEventData(type: "Broken")) {
                try store.append([bad], to: "s", expecting: .any, metadata: metadata())
            }
            #expect(throws: EventStoreError.emptyAppend(stream: "s")) {
                try store.append([], to: "s", expecting: .any, metadata: metadata())
            }
            #expect(try eventCount(store.connection) == 0)
        }
    }

    @Test func theDatabaseRefusesToChangeOrRemoveRecordedEvents() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            try store.append([sampleEvent()], to: "op-1", expecting: .noStream, metadata: metadata())
            for statement in [
                "UPDATE eventstore.events SET event_type = 'Forged'",
                "DELETE FROM eventstore.events",
                "TRUNCATE eventstore.events",
            ] {
                do {
                    try store.connection.run(statement)
                    Issue.record("\(statement) was allowed")
                } catch let error as PostgresError {
                    #expect(error.sqlState == .insufficientPrivilege, "\(statement)")
                }
            }
            #expect(try eventCount(store.connection) == 1)
        }
    }

    @Test func oldSchemaVersionsAreUpcastWhenRead() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let old = NewEvent(type: "LeafletsHandedOut", schemaVersion: 1, data: Data(#"{"count":120}"#.utf8), occurredAt: Date())
            try store.append([old], to: "outreach-1", expecting: .noStream, metadata: metadata())
            store.upcasters = UpcasterChain([
                EventUpcaster(eventType: "LeafletsHandedOut", fromVersion: 1) { data in
                    var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
                    object["leaflets"] = object.removeValue(forKey: "count")
                    return try JSONSerialization.data(withJSONObject: object)
                },
            ])
            let read = try #require(try store.read(stream: "outreach-1").first)
            #expect(read.schemaVersion == 2)
            #expect((try JSONSerialization.jsonObject(with: read.data) as? [String: Any])?["leaflets"] as? Int == 120)
            // The stored row is unchanged.
            #expect(try store.connection.execute("SELECT schema_version FROM eventstore.events")[0].get(0, as: Int.self) == 1)
        }
    }
}

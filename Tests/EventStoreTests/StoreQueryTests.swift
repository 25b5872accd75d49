import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// The store's read APIs beyond `read(stream:)` and `readAll`: what the application asks instead of
/// querying `eventstore.*` itself.
@Suite struct StoreQueryTests {
    private func probe(_ type: String, _ json: String, version: Int = 1) -> NewEvent {
        NewEvent(type: type, schemaVersion: version, data: Data(json.utf8), occurredAt: Date(timeIntervalSince1970: 1_681_869_600))
    }

    @Test func aCommandIdGivesTheStreamVersionsAndPositionsItRecorded() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            try store.append([sampleEvent(0)], to: "CASE-2023-0001", expecting: .noStream, metadata: metadata())
            let id = UUID()
            let result = try store.append([sampleEvent(1), sampleEvent(2)], to: "CASE-2023-0001", expecting: .exact(1),
                                          metadata: metadata(id))
            let recorded = try #require(try store.command(id))
            #expect(recorded == RecordedCommand(commandId: id, streamId: "CASE-2023-0001", firstVersion: 2, lastVersion: 3,
                                                positions: result.positions, recordedAt: recorded.recordedAt,
                                                eventTypes: [sampleEvent(1).type, sampleEvent(2).type]))
            #expect(abs(recorded.recordedAt.timeIntervalSinceNow) < 300)
            #expect(try store.command(UUID()) == nil)
        }
    }

    @Test func listingsFilterByStreamTypeActorAndRecordedTimeInBothOrders() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            try store.append([probe("Filed", "{}"), probe("Noted", "{}")], to: "A", expecting: .noStream,
                             metadata: CommandMetadata(actor: "王警官"))
            try store.append([probe("Noted", "{}")], to: "B", expecting: .noStream, metadata: CommandMetadata(actor: "李警官"))
            try store.append([probe("Closed", "{}")], to: "A", expecting: .any, metadata: CommandMetadata(actor: "李警官"))
            func list(_ filter: EventFilter) throws -> [String] {
                try store.events(matching: filter).map { "\($0.streamId)@\($0.streamVersion)" }
            }
            #expect(try list(EventFilter()) == ["A@1", "A@2", "B@1", "A@3"])
            #expect(try list(EventFilter(order: .newestFirst)) == ["A@3", "B@1", "A@2", "A@1"])
            #expect(try list(EventFilter(stream: "A")) == ["A@1", "A@2", "A@3"])
            #expect(try list(EventFilter(types: ["Noted", "Closed"])) == ["A@2", "B@1", "A@3"])
            #expect(try list(EventFilter(actor: "李警官")) == ["B@1", "A@3"])
            #expect(try list(EventFilter(stream: "A", actor: "李警官")) == ["A@3"])
            #expect(try list(EventFilter(limit: 2)) == ["A@1", "A@2"])
            #expect(try list(EventFilter(limit: 1, order: .newestFirst)) == ["A@3"])
            let now = try store.connection.execute("SELECT now()")[0].date(0)
            #expect(try list(EventFilter(recordedFrom: now.addingTimeInterval(-3600))).count == 4)
            #expect(try list(EventFilter(recordedFrom: now.addingTimeInterval(3600))) == [])
            #expect(try list(EventFilter(recordedBefore: now.addingTimeInterval(-3600))) == [])
            #expect(try store.eventCount() == 4)
        }
    }

    @Test func streamsByPrefixGiveTheirIdsEventsAndHighestNumber() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            for stream in ["CASE-2023-0002", "CASE-2023-0010", "CASE-2023-draft", "CASE-2024-0001", "CASF-2023-0099"] {
                try store.append([sampleEvent(0), sampleEvent(1)], to: stream, expecting: .noStream, metadata: metadata())
            }
            #expect(try store.streamIds(withPrefix: "CASE-") == ["CASE-2023-0002", "CASE-2023-0010", "CASE-2023-draft", "CASE-2024-0001"])
            #expect(try store.highestNumber(afterPrefix: "CASE-2023-") == 10)
            #expect(try store.highestNumber(afterPrefix: "CASE-2025-") == 0)
            let events = try store.readStreams(withPrefix: "CASE-2023-")
            #expect(events.map { "\($0.streamId)@\($0.streamVersion)" }
                    == ["CASE-2023-0002@1", "CASE-2023-0002@2", "CASE-2023-0010@1", "CASE-2023-0010@2",
                        "CASE-2023-draft@1", "CASE-2023-draft@2"])
        }
    }

    @Test func payloadLookupsMatchNestedFieldsAndLeaveOutExcludedStreams() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let act = #"{"party":{"partyId":"P1"},"act":{"date":"2023-05-01"},"agency":"WSZD"}"#
            try store.append([probe("CaseFiled", act)], to: "C1", expecting: .noStream, metadata: metadata())
            try store.append([probe("CaseFiled", act)], to: "C2", expecting: .noStream, metadata: metadata())
            try store.append([probe("DecidedOnSpot", act)], to: "C3", expecting: .noStream, metadata: metadata())
            try store.append([probe("CaseFiled", #"{"party":{"partyId":"P1"},"act":{"date":"2023-05-02"}}"#)],
                             to: "C4", expecting: .noStream, metadata: metadata())
            try store.append([probe("CaseTransferredOut", "{}")], to: "C1", expecting: .any, metadata: metadata())
            let fields = [(PayloadField("party", "partyId"), "P1"), (PayloadField("act", "date"), "2023-05-01")]
            #expect(try store.events(ofTypes: ["CaseFiled", "DecidedOnSpot"], where: fields).map(\.streamId) == ["C1", "C2", "C3"])
            #expect(try store.events(ofTypes: ["CaseFiled", "DecidedOnSpot"], where: fields, inStreamsWithout: "CaseTransferredOut")
                .map(\.streamId) == ["C2", "C3"])
            #expect(try store.events(ofTypes: ["CaseFiled"], where: fields, inStreamsWithout: "CaseTransferredOut")
                .map(\.streamId) == ["C2"])
            #expect(try store.events(ofTypes: ["CaseFiled"], where: [(PayloadField("agency"), "WSZD")]).map(\.streamId)
                    == ["C1", "C2"])
        }
    }

    /// Events come back upcast whichever way they are read.
    @Test func everyReadPathUpcasts() throws {
        try TestDatabase.with { database in
            let writer = EventStore(connection: try database.connect())
            try writer.append([probe("Probe", #"{"party":{"partyId":"P1"}}"#)], to: "U-1", expecting: .noStream,
                              metadata: metadata())
            let upcaster = EventUpcaster(eventType: "Probe", fromVersion: 1) { _ in Data(#"{"upcast":true}"#.utf8) }
            let store = EventStore(connection: try database.connect(), upcasters: UpcasterChain([upcaster]))
            let paths: [(String, [RecordedEvent])] = [
                ("read(stream:)", try store.read(stream: "U-1")),
                ("readAll", try readAllEventually(store, after: .start, count: 1)),
                ("events(matching:)", try store.events(matching: EventFilter())),
                ("readStreams(withPrefix:)", try store.readStreams(withPrefix: "U-")),
                ("events(ofTypes:where:)", try store.events(ofTypes: ["Probe"], where: [(PayloadField("party", "partyId"), "P1")])),
            ]
            for (path, events) in paths {
                #expect(events.count == 1, "\(path)")
                #expect(events.allSatisfy { $0.schemaVersion == 2 && $0.data == Data(#"{"upcast":true}"#.utf8) }, "\(path)")
            }
        }
    }
}

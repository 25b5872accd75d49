import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct ReadDecodingTests {
    /// `readAll` and `read(stream:)` decode through `Row`'s concrete accessors; they must give exactly
    /// what the generic `Row.get` gives for the same rows, NULL metadata and Chinese text included.
    @Test func readsDecodeExactlyAsTheGenericAccessorsDo() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let stream = "案件-乌苏市-2023-000123-新G·12345"
            let events = (0..<5).map { index in
                NewEvent(type: index % 2 == 0 ? "CaseFiled" : "现场勘查记录", schemaVersion: index + 1,
                         data: Data(#"{"place":"乌苏市奎屯路","n":\#(index)}"#.utf8),
                         occurredAt: Date(timeIntervalSince1970: 1_681_869_600.000_001 + Double(index) * 0.123_457))
            }
            let bare = CommandMetadata(actor: "王警官")
            let full = CommandMetadata(actor: "system", agency: "交警大队", correlationId: UUID(), causationId: UUID())
            try store.append(Array(events[0..<2]), to: stream, expecting: .noStream, metadata: bare)
            try store.append(Array(events[2...]), to: stream, expecting: .exact(2), metadata: full)

            let read = try store.read(stream: stream)
            let all = try readAllEventually(store, after: .start, count: 5)
            #expect(read == all)
            #expect(read.count == 5)

            let rows = try store.connection.execute("""
                SELECT position, transaction_id, stream_id, stream_version, event_id, event_type, schema_version,
                       data::text, command_id, actor, agency, correlation_id, causation_id, occurred_at, recorded_at
                FROM eventstore.events ORDER BY stream_version
                """).rows
            #expect(rows.count == 5)
            for (event, row) in zip(read, rows) {
                #expect(event.position == (try row.get(0, as: Int64.self)))
                #expect(event.transactionId == (try row.get(1, as: UInt64.self)))
                #expect(event.streamId == stream)
                #expect(event.streamVersion == (try row.get(3, as: Int64.self)))
                #expect(event.id == (try row.get(4, as: UUID.self)))
                #expect(event.type == (try row.get(5, as: String.self)))
                #expect(event.schemaVersion == (try row.get(6, as: Int.self)))
                #expect(event.data == Data(try row.get(7, as: String.self).utf8))
                #expect(event.commandId == (try row.get(8, as: UUID.self)))
                #expect(event.actor == (try row.get(9, as: String.self)))
                #expect(event.agency == (try row.decode(10, as: String.self)))
                #expect(event.correlationId == (try row.get(11, as: UUID.self)))
                #expect(event.causationId == (try row.decode(12, as: UUID.self)))
                #expect(event.occurredAt == (try row.get(13, as: Date.self)))
                #expect(event.recordedAt == (try row.get(14, as: Date.self)))
            }
            for (event, original) in zip(read, events) {
                #expect(event.id == original.id)
                #expect(abs(event.occurredAt.timeIntervalSince(original.occurredAt)) < 0.000_001)
            }
            #expect(read[0].agency == nil && read[0].causationId == nil && read[0].actor == "王警官")
            #expect(read[4].agency == "交警大队" && read[4].causationId == full.causationId)
        }
    }
}

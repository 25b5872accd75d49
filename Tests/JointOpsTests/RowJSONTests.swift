import EventStore
import Foundation
@testable import JointOps
import Postgres
import Testing
import TestSupport

/// The projections' row encoder writes what Foundation's `JSONEncoder` (snake_case keys) writes,
/// as PostgreSQL's jsonb sees it: same keys, same types, same values.
@Suite("Row JSON")
struct RowJSONTests {
    func foundation<Row: Encodable>(_ rows: [Row]) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }

    func sameJSONB(_ a: String, _ b: String, on connection: Connection) throws -> Bool {
        try connection.execute("SELECT $1::jsonb = $2::jsonb", [a, b])[0].get(0)
    }

    struct Tricky: Encodable {
        let partyNameZh: String
        let noteZh: String?
        let missing: String?
        let fineYuan: Int
        let negative: Int64
        let ratio: Double
        let isMinor: Bool
        let penaltyTypes: [String]
        let empty: [Int]
    }

    @Test func escapesQuotesBackslashesAndControlCharactersAndKeepsChineseText() throws {
        try TestDatabase.with { db in
            let connection = try db.connect()
            let rows = [
                Tricky(partyNameZh: "张\"三\"\\新G·A1234", noteZh: "第一行\n第二行\t制表\u{01}\u{1F}/斜杠 🚕", missing: nil,
                       fineYuan: 30_000, negative: -42, ratio: 0.125, isMinor: false,
                       penaltyTypes: ["罚款", "没收违法所得"], empty: []),
                Tricky(partyNameZh: "", noteZh: nil, missing: nil, fineYuan: 0, negative: Int64.min, ratio: -1e-7,
                       isMinor: true, penaltyTypes: [], empty: [1, 2]),
            ]
            let ours = try RowJSONWriter.encode(rows)
            #expect(try sameJSONB(ours, try foundation(rows), on: connection), "\(ours)")
            #expect(!ours.contains("missing"), "an absent optional leaves its key out")
            #expect(try RowJSONWriter.encode([Tricky]()) == "[]")
        }
    }

    @Test func everyProjectionsRowsEncodeAsFoundationEncodesThem() throws {
        try TestDatabase.with { db in
            var workload = ProjectionWorkload(seed: 77)
            try ProjectionWorkload.append(workload.streams(cases: 60), to: db.conninfo, writers: 1)
            let connection = try db.connect()
            let store = EventStore(connection: connection)
            // A neighbour test's open transaction can hold the events back from `readAll` for a while.
            let last = try #require(try store.lastCommittedPosition())
            guard try store.waitUntilReadable(through: last, timeout: heldBackPatience) else { throw HeldBack() }
            var histories: [String: [ProjectedEvent]] = [:]
            var position = GlobalPosition.start
            while true {
                let events = try store.readAll(after: position)
                guard let last = events.last else { break }
                position = last.globalPosition
                for event in events { histories[event.streamId, default: []].append(ProjectedEvent(event)) }
            }
            var compared = 0
            for projection in ProjectionCatalog.all.compactMap({ $0 as? any StreamProjection }) {
                var byTable: [String: [AnyEncodable]] = [:]
                for (stream, history) in histories {
                    let handled = history.filter { projection.eventTypes.contains($0.type) }
                    guard !handled.isEmpty else { continue }
                    for (table, rows) in try projection.rows(stream: stream, history: handled) {
                        byTable[table, default: []] += rows.map(AnyEncodable.init)
                    }
                }
                for (table, rows) in byTable where !rows.isEmpty {
                    let json = try RowJSONWriter.encode(rows)
                    #expect(try sameJSONB(json, try foundation(rows), on: connection), "\(projection.name).\(table)")
                    // The keys written are the columns the table was created with: one declaration.
                    let declared = try #require(projection.rowTables.first { $0.name == table }, "\(table) is declared")
                    let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
                    let keys = objects.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
                    #expect(keys.isSubset(of: declared.columns.map(\.name)), "\(projection.name).\(table)")
                    compared += rows.count
                }
            }
            #expect(compared > 200)
        }
    }
}

import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Transaction ids are numbers and must be ordered and compared as numbers everywhere. Sorted as text,
/// "1336" comes before "999": `readAll` once skipped events that way, and `lastCommittedPosition` later
/// returned an old event, so `report --wait` stopped waiting before the user's own write.
///
/// A fresh cluster hands out ids in the hundreds, so the bug hid until a database had crossed 1,000.
/// This suite jumps the ids of a cluster of its own with `pg_resetwal` across several powers of ten
/// and past 2^32 (the epoch of `xid8`), and checks every query that orders or compares them.
@Suite struct TransactionIdOrderTests {
    /// Where each phase jumps the next transaction id: (32-bit id, epoch).
    static let jumps: [(xid: UInt32, epoch: UInt32)?] = [
        nil,                // as initdb left it: three digits
        (1_000, 0),         // four digits
        (10_000, 0),        // five
        (131_072, 0),       // six (the first commit-log page boundary past 100,000)
        (163_840, 1),       // 2^32 + 163,840: ten digits, past the 32-bit epoch
    ]

    @Test func everyQueryOrdersAndComparesTransactionIdsAsNumbersAcrossPowersOfTenAndTheEpoch() throws {
        let cluster = try ThrowawayCluster.start()
        defer { cluster.destroy() }
        try Connection(cluster.conninfo()).run("CREATE DATABASE xids")
        try Migrator(connection: try Connection(cluster.conninfo(database: "xids")), migrations: SchemaFiles.migrations())
            .migrate()

        var appended: [UUID] = []   // every event's id, in the order appended
        var lowestOfPhase: [UInt64] = []
        for (phase, jump) in Self.jumps.enumerated() {
            if let jump { try cluster.jumpTransactionIds(to: jump.xid, epoch: jump.epoch) }
            let store = EventStore(connection: try Connection(cluster.conninfo(database: "xids")))
            func append(_ events: [NewEvent], to stream: String, expecting expected: ExpectedVersion) throws {
                try store.append(events, to: stream, expecting: expected, metadata: CommandMetadata(actor: "测试"))
                appended += events.map(\.id)
            }

            // Every form of the append: a stream appended in every phase (its row's last transaction id
            // is compared with this one's), a new stream, and many events at any version.
            let shared = "shared"
            try append([event(phase, 0)], to: shared, expecting: phase == 0 ? .noStream : .exact(Int64(3 * phase)))
            try append([event(phase, 1), event(phase, 2)], to: "phase-\(phase)", expecting: .noStream)
            try append([event(phase, 3)], to: "phase-\(phase)", expecting: .any)
            try append([event(phase, 4), event(phase, 5)], to: shared, expecting: .any)

            let mine = try store.read(stream: "phase-\(phase)") + store.read(stream: shared).suffix(3)
            let ids = mine.map(\.transactionId)
            lowestOfPhase.append(ids.min() ?? 0)
            if phase == 0 { try #require(ids.allSatisfy { $0 < 1_000 }, "initdb left ids of four digits: \(ids)") }
            if let jump {
                let floor = UInt64(jump.epoch) << 32 | UInt64(jump.xid)
                #expect(ids.allSatisfy { $0 >= floor }, "phase \(phase) ids \(ids) are not past \(floor)")
            }
            let sharedEvents = try store.read(stream: shared)
            let last = try #require(sharedEvents.last)
            let previous = sharedEvents[sharedEvents.count - 2].globalPosition  // same transaction as `last`

            // The newest event, in the followers' order.
            #expect(try store.lastCommittedPosition() == last.globalPosition)
            #expect(try store.waitUntilReadable(through: last.globalPosition, timeout: .seconds(30)))
            #expect(try store.lag(after: .start).events == Int64(appended.count))
            let caughtUp = try store.lag(after: last.globalPosition)
            #expect(caughtUp.events == 0 && caughtUp.heldBack == 0 && caughtUp.seconds == 0)
            #expect(try store.lag(after: previous).events == 1)

            // readAll from the start, in batches of two, so batch boundaries fall across the jumps.
            var read: [RecordedEvent] = []
            var after = GlobalPosition.start
            while true {
                let batch = try store.readAll(after: after, limit: 2)
                guard let end = batch.last else { break }
                read += batch
                after = end.globalPosition
            }
            #expect(read.map(\.id) == appended)
            #expect(read.map(\.globalPosition) == read.map(\.globalPosition).sorted())

            // The listing, both ways, and one stream's events.
            #expect(try store.events(matching: EventFilter(limit: 1000)).map(\.id) == appended)
            #expect(try store.events(matching: EventFilter(limit: 3, order: .newestFirst)).map(\.id)
                    == Array(appended.suffix(3).reversed()))
            let sharedIds = sharedEvents.map(\.transactionId)
            #expect(sharedIds == sharedIds.sorted() && sharedIds.count == 3 * (phase + 1))

            // Checkpoints keep the id exactly, past 2^32 too.
            let checkpoints = Checkpoints(connection: store.connection)
            try checkpoints.save("xids", last.globalPosition)
            #expect(try checkpoints.load("xids") == last.globalPosition)
            try checkpoints.save("xids", previous)
            #expect(try store.readAll(after: try checkpoints.load("xids"), limit: 10).map(\.id) == [last.id])
        }
        #expect(lowestOfPhase == lowestOfPhase.sorted())
        #expect((lowestOfPhase.last ?? 0) > UInt64(UInt32.max))
    }

    /// The rule that keeps the bug out: no query casts a transaction id to text (see `EventStore.columns`).
    @Test func noQueryInSourcesOrSchemaCastsATransactionIdToText() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let pattern = try Regex(#"(?i)(transaction_id|_xid|xact_id\(\)|xid8|snapshot_xmin\([^)]*\)\))\s*::\s*text"#)
        var offenders: [String] = []
        for folder in ["Sources", "Schema"] {
            let base = root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") || file.hasSuffix(".sql") {
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                if text.contains(pattern) { offenders.append("\(folder)/\(file)") }
            }
        }
        #expect(offenders.isEmpty, "transaction ids cast to text in \(offenders)")
    }

    private func event(_ phase: Int, _ index: Int) -> NewEvent {
        NewEvent(type: "Probe", data: Data(#"{"phase":\#(phase),"n":\#(index)}"#.utf8), occurredAt: Date())
    }
}

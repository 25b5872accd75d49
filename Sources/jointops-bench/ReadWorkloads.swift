import EventStore
import Foundation
import Postgres

/// `EventStore.readAll` against the raw keyset read of the same rows.
enum ReadWorkloads {
    /// `readAll(after:limit: 1000)` over the first `events` events, decoded into `RecordedEvent`s.
    static func readAll(events: Int, seconds: Double, conninfo: String) throws -> Measurement {
        try WriterPool.measure(threads: 1, seconds: seconds, conninfo: conninfo) { _, connection in
            let store = EventStore(connection: connection)
            var after = GlobalPosition.start, read = 0
            return {
                let page = try store.readAll(after: after, limit: 1000)
                after = page.last?.globalPosition ?? .start
                read += page.count
                if page.count < 1000 || read >= events { after = .start; read = 0 }
                return StepOutcome(events: page.count)
            }
        }
    }

    // A copy of the store's read-all statement, to split its cost into SQL and Swift decoding.
    static let scanSQL = "SELECT " + EventColumns.text + """
         FROM eventstore.events e
        WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.position
        LIMIT $3
        """

    /// The store's read-all statement, values fetched but not decoded (for the profile, no target).
    static func readAllUndecoded(events: Int, seconds: Double, conninfo: String) throws -> Measurement {
        try WriterPool.measure(threads: 1, seconds: seconds, conninfo: conninfo) { _, connection in
            var xid = "0", position: Int64 = 0, read = 0
            return {
                let result = try connection.execute(scanSQL, [xid, position, 1000])
                RawWorkloads.touch(result)
                if result.rowCount > 0 {
                    let last = result[result.rowCount - 1]
                    (position, xid) = (try last.get(0), try last.get(1))
                }
                read += result.rowCount
                if result.rowCount < 1000 || read >= events { (xid, position, read) = ("0", 0, 0) }
                return StepOutcome(events: result.rowCount)
            }
        }
    }

    /// Inserts 100-row batches until the raw table holds at least `events` rows.
    static func seedRaw(events: Int, conninfo: String) throws {
        let connection = try Connection(conninfo)
        var have: Int = try connection.execute("SELECT count(*) FROM bench.raw_events")[0].get(0)
        let sql = RawWorkloads.insertSQL(rows: 100)
        let token = BenchEvent.token()
        while have < events {
            let stream = "rawseed-" + token + "-" + String(have)
            var values: [(any PostgresBindable)?] = []
            for version in 1...100 { values += RawWorkloads.parameters(stream: stream, version: Int64(version), now: Date()) }
            try connection.execute(sql, values)
            have += 100
        }
    }
}

import EventStore
import Foundation
import Postgres

/// The raw PostgreSQL ceiling: plain INSERTs and SELECTs of the same rows, no store around them.
enum RawWorkloads {
    static let columns = "transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, "
        + "command_id, actor, agency, correlation_id, causation_id, occurred_at, hash"

    /// `INSERT … VALUES (…), (…)` for `rows` rows of 13 parameters each (the transaction id is the
    /// server's, as in `eventstore.append`). Only placeholders are generated; values are bound.
    static func insertSQL(rows: Int) -> String {
        let tuples = (0..<rows).map { row in
            let placeholders = (1...13).map { "$" + String(row * 13 + $0) }.joined(separator: ", ")
            return "(pg_current_xact_id(), " + placeholders + ")"
        }
        return "INSERT INTO bench.raw_events (" + columns + ") VALUES " + tuples.joined(separator: ", ")
    }

    static func parameters(stream: String, version: Int64, now: Date) -> [(any PostgresBindable)?] {
        let command = UUID()
        return [stream, version, UUID(), BenchEvent.type, 1, JSONText(BenchEvent.payloadText), command,
                BenchEvent.actor, BenchEvent.agency, command, nil, now, storedHash]
    }

    /// The raw row stores a hash-sized value too (computed by nothing), as the store's rows do.
    static let storedHash = Data(repeating: 0xAB, count: 32)

    /// Single-row INSERTs, each its own (autocommit) transaction; 10 events per stream, then a new one.
    static func insertOne(writers: Int, seconds: Double, conninfo: String) throws -> Measurement {
        let token = BenchEvent.token()
        let sql = insertSQL(rows: 1)
        return try WriterPool.measure(threads: writers, seconds: seconds, conninfo: conninfo) { writer, connection in
            var cursor = StreamCursor(prefix: "raw-" + token + "-" + String(writer), eventsPerStream: 10)
            return {
                let (stream, expected) = cursor.next()
                try connection.execute(sql, parameters(stream: stream, version: expected + 1, now: Date()))
                return StepOutcome(events: 1)
            }
        }
    }

    /// One multi-row INSERT of `rows` rows (a new stream each) per transaction.
    static func insertMany(rows: Int, writers: Int = 1, seconds: Double, conninfo: String) throws -> Measurement {
        let token = BenchEvent.token()
        let sql = insertSQL(rows: rows)
        return try WriterPool.measure(threads: writers, seconds: seconds, conninfo: conninfo) { writer, connection in
            var streamNumber = 0
            return {
                streamNumber += 1
                let stream = "rawbatch-" + token + "-" + String(writer) + "-" + String(streamNumber)
                let now = Date()
                var values: [(any PostgresBindable)?] = []
                values.reserveCapacity(rows * 13)
                for version in 1...rows { values += parameters(stream: stream, version: Int64(version), now: now) }
                try connection.execute(sql, values)
                return StepOutcome(events: rows)
            }
        }
    }

    static let readSQL = "SELECT " + EventColumns.text + " FROM bench.raw_events WHERE position > $1 ORDER BY position LIMIT $2"

    /// 1,000-row keyset pages over the first `events` rows, in position order, values fetched but not decoded.
    static func read(events: Int, seconds: Double, conninfo: String) throws -> Measurement {
        try WriterPool.measure(threads: 1, seconds: seconds, conninfo: conninfo) { _, connection in
            var after: Int64 = 0, read = 0
            return {
                let result = try connection.execute(readSQL, [after, 1000])
                touch(result)
                if result.rowCount > 0 { after = try result[result.rowCount - 1].get(0) }
                read += result.rowCount
                if result.rowCount < 1000 || read >= events { after = 0; read = 0 }
                return StepOutcome(events: result.rowCount)
            }
        }
    }

    /// Reads every value's bytes, so a figure that "reads" really fetched what it claims.
    @discardableResult
    static func touch(_ result: QueryResult) -> Int {
        var bytes = 0
        for row in 0..<result.rowCount {
            let current = result[row]
            for column in 0..<result.columnCount { bytes += current.withBytes(column) { $0.count } ?? 0 }
        }
        return bytes
    }
}

/// The columns `EventStore.readAll` selects (a copy: the store keeps its own internal).
enum EventColumns {
    static let text = """
        position, transaction_id, stream_id, stream_version, event_id, event_type, schema_version, \
        data::text, command_id, actor, agency, correlation_id, causation_id, occurred_at, recorded_at
        """
}

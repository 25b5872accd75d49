import EventStore
import Foundation
import Postgres

/// The few statement shapes every projection writes with: a whole batch per table, as JSON.
enum ProjectionSQL {
    /// JSON with snake_case keys, so a row struct's properties name the table's columns.
    static func json<Row: Encodable>(_ rows: [Row]) throws -> JSONText {
        JSONText(try RowJSONWriter.encode(rows))
    }

    /// Deletes the rows of `streams` (those that may have some) from `table`, then inserts `rows` in one statement
    /// (`jsonb_populate_recordset` over the table's own row type).
    static func replace<Row: Encodable>(_ table: String, streams: [String], rows: [Row])
        throws -> [(sql: String, parameters: [(any PostgresBindable)?])] {
        var statements: [(sql: String, parameters: [(any PostgresBindable)?])] = []
        if !streams.isEmpty {
            statements.append(("DELETE FROM \(table) WHERE stream_id = ANY($1::text[])", [streams]))
        }
        if !rows.isEmpty {
            statements.append(("INSERT INTO \(table) SELECT * FROM jsonb_populate_recordset(NULL::\(table), $1::jsonb)",
                               [try json(rows)]))
        }
        return statements
    }

    /// Inserts or replaces `rows` by `key` in one statement.
    static func upsert<Row: Encodable>(_ table: String, key: String, columns: [String], rows: [Row])
        throws -> (sql: String, parameters: [(any PostgresBindable)?]) {
        let updates = columns.filter { $0 != key }.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        return ("""
            INSERT INTO \(table) SELECT * FROM jsonb_populate_recordset(NULL::\(table), $1::jsonb)
            ON CONFLICT (\(key)) DO UPDATE SET \(updates)
            """, [try json(rows)])
    }

    /// The events of `streams` up to `end` (and recorded up to `recordedUpTo`), by stream in version
    /// order: the histories a batch's folds start from. One statement for the whole batch.
    static func histories(of streams: [String], upTo end: GlobalPosition, recordedUpTo: Date?,
                          on connection: Connection) throws -> [String: [ProjectedEvent]] {
        guard !streams.isEmpty else { return [:] }
        let result = try connection.execute("""
            SELECT stream_id, stream_version, event_type, schema_version, data::text, occurred_at, recorded_at, agency
            FROM eventstore.events
            WHERE stream_id = ANY($1::text[])
              AND (transaction_id, position) <= ($2::xid8, $3::bigint)
              AND ($4::timestamptz IS NULL OR recorded_at <= $4::timestamptz)
            ORDER BY stream_id, stream_version
            """, [streams, String(end.transactionId), end.position, recordedUpTo])
        var histories: [String: [ProjectedEvent]] = [:]
        for row in result.rows {
            let event = ProjectedEvent(
                streamId: try row.get(0), streamVersion: try row.get(1), type: try row.get(2),
                schemaVersion: try row.get(3), data: row.withBytes(4) { Data($0) } ?? Data(),
                occurredAt: try row.get(5), recordedAt: try row.get(6), agency: try row.decode(7))
            histories[event.streamId, default: []].append(event)
        }
        return histories
    }
}

/// A projection whose rows are a function of one stream's history (a case, an operation, …).
///
/// For each batch it takes the whole history of every stream the batch touched (from the batch, or
/// read again in one query when the batch holds only its tail), folds it, and replaces those streams'
/// rows in every table (two statements per table), adjusting its rollups around the replace. Replaying is idempotent, so the rows never depend on where batches happened to start.
public protocol StreamProjection: Projection {
    /// The rows of every table for one stream, by table base name.
    func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]]
}

extension StreamProjection {
    public func apply(_ batch: ProjectionBatch, to target: ProjectionTarget, on connection: Connection) throws {
        try connection.pipeline(try prepare(batch, to: target, reading: connection) ?? [])
    }

    /// Its rows are a function of the event log alone, so they can be folded and encoded ahead.
    public func prepare(_ batch: ProjectionBatch, to target: ProjectionTarget, reading connection: Connection) throws
        -> [ProjectionStatement]? {
        var streams: [String] = []
        var inBatch: [String: [ProjectedEvent]] = [:]
        for event in batch.events {
            if inBatch[event.streamId] == nil { streams.append(event.streamId) }
            inBatch[event.streamId, default: []].append(event)
        }
        guard !streams.isEmpty else { return [] }
        // A stream whose batch events run from version 1 without a gap has its whole history here
        // (the usual case while catching up from zero): only the others are read again.
        let partial = streams.filter { stream in
            let events = inBatch[stream]!
            return events[0].streamVersion != 1 || events.last!.streamVersion != Int64(events.count)
        }
        var histories = try ProjectionSQL.histories(of: partial, upTo: batch.end, recordedUpTo: batch.recordedUpTo,
                                                    on: connection)
        let reread = Set(partial)
        for stream in streams where !reread.contains(stream) { histories[stream] = inBatch[stream] }
        var byTable: [String: [any Encodable]] = [:]
        for stream in streams {
            let history = (histories[stream] ?? []).filter { eventTypes.contains($0.type) }
            for (table, rows) in try rows(stream: stream, history: history) { byTable[table, default: []] += rows }
        }
        // A stream whose version 1 is in the batch has no rows yet: the checkpoint, saved with the rows,
        // is before it. Only the others have rows to delete and contributions to take back.
        let projected = streams.filter { inBatch[$0]![0].streamVersion != 1 }
        var statements: [ProjectionStatement] = []
        // The rollups (the annual totals among them) lose the old rows' contributions and gain the new
        // rows', in the same transaction as the rows themselves.
        func adjustments(_ sign: Int, _ streams: [String]) -> [ProjectionStatement] {
            streams.isEmpty ? [] : Rollups.of(name).map { (Rollups.adjust($0, target, sign: sign), [streams]) }
        }
        statements += adjustments(-1, projected)
        for table in tables {
            statements += try ProjectionSQL.replace(target.table(table, of: name), streams: projected,
                                                    rows: (byTable[table] ?? []).map(AnyEncodable.init))
        }
        statements += adjustments(1, streams)
        return statements
    }
}

/// Type erasure so rows of different structs can travel in one array.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}

/// Decodes a stored event into a domain event, naming the event when it cannot.
func decodeEvent<E: Sendable>(_ event: ProjectedEvent, _ build: (String, Int, Data) throws -> E) throws -> E {
    do { return try build(event.type, event.schemaVersion, event.data) } catch {
        throw ProjectionError.undecodableEvent(stream: event.streamId, version: event.streamVersion, type: event.type,
                                               reason: "\(error)")
    }
}

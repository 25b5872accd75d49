import Foundation
import Postgres

/// The streams one batch touches, each with its whole history up to the batch's end: what a
/// projection whose rows are a function of one stream's history folds.
public struct StreamHistories: Sendable {
    /// The streams in the order the batch first touches them.
    public var streams: [String]
    /// Each stream's events of the projection's types, in version order.
    public var histories: [String: [ProjectedEvent]]
    /// The streams whose version 1 is not in the batch: only these can have rows already (the
    /// checkpoint, saved with the rows, is before the others).
    public var seenBefore: [String]
}

extension ProjectionBatch {
    /// The batch grouped by stream, each stream with its whole history of `types`: from the batch
    /// itself, or read again in one query for the streams of which the batch holds only a tail.
    /// So rows never depend on where batches happened to start.
    public func streamHistories(of types: Set<String>, reading connection: Connection) throws -> StreamHistories {
        var streams: [String] = []
        var inBatch: [String: [ProjectedEvent]] = [:]
        for event in events {
            if inBatch[event.streamId] == nil { streams.append(event.streamId) }
            inBatch[event.streamId, default: []].append(event)
        }
        guard !streams.isEmpty else { return StreamHistories(streams: [], histories: [:], seenBefore: []) }
        // A stream whose batch events run from version 1 without a gap has its whole history here
        // (the usual case while catching up from zero): only the others are read again.
        let partial = streams.filter { stream in
            let events = inBatch[stream]!
            return events[0].streamVersion != 1 || events.last!.streamVersion != Int64(events.count)
        }
        var histories = try Self.histories(of: partial, upTo: end, recordedUpTo: recordedUpTo, on: connection)
        let reread = Set(partial)
        for stream in streams where !reread.contains(stream) { histories[stream] = inBatch[stream] }
        for stream in streams { histories[stream] = (histories[stream] ?? []).filter { types.contains($0.type) } }
        return StreamHistories(streams: streams, histories: histories,
                               seenBefore: streams.filter { inBatch[$0]![0].streamVersion != 1 })
    }

    /// The events of `streams` up to `end` (and recorded up to `recordedUpTo`), by stream in version
    /// order. One statement for the whole batch.
    public static func histories(of streams: [String], upTo end: GlobalPosition, recordedUpTo: Date?,
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

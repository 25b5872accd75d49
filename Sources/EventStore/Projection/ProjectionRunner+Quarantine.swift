import Foundation
import Postgres

/// A stream one projection set aside from a poison event on (`eventstore.quarantined_streams`, 0011).
public struct QuarantinedStream: Sendable, Equatable {
    public var projection: String
    public var version: Int
    public var streamId: String
    /// The event that failed: later events of the stream are held until `project retry`.
    public var position: GlobalPosition
    public var streamVersion: Int64
    public var eventType: String
    public var sqlState: String
    public var error: String
    public var quarantinedAt: Date
    /// Events of the projection's types held from `position` on, up to its checkpoint.
    public var heldEvents: Int64
}

extension ProjectionRunner {
    /// The streams `lane` has set aside: none of their events reach it until a retry.
    func quarantinedStreams(_ lane: Lane) throws -> Set<String> {
        Set(try connection.execute(
            "SELECT stream_id FROM eventstore.quarantined_streams WHERE projection = $1 AND version = $2",
            [lane.projection.name, lane.version]).rows.map { try $0.get(0, as: String.self) })
    }

    /// Applies `events` (of `lane`'s types, in order) to `lane`, quarantining the stream of any event
    /// that fails with a data error, from that event on. In the caller's transaction.
    ///
    /// The whole batch is tried first; only when it fails is it applied event by event (each up to
    /// its own position, so a fold reads no later history), each under a savepoint that a poison
    /// event rolls back. `record` is called for each poison event; it returns nothing to hold.
    func applyQuarantining(_ events: [RecordedEvent], end: GlobalPosition, to lane: Lane, recordedUpTo: Date? = nil,
                           target: ProjectionTarget? = nil, excluding excluded: Set<String>,
                           record: (RecordedEvent, _ sqlState: String, _ message: String) throws -> Void) throws {
        let target = target ?? lane.target
        var excluded = excluded
        let wanted = events.filter { !excluded.contains($0.streamId) }
        guard !wanted.isEmpty else { return }
        let whole = ProjectionBatch(events: wanted.map(ProjectedEvent.init), end: end, recordedUpTo: recordedUpTo)
        guard case .poison = try underSavepoint({ try lane.projection.apply(whole, to: target, on: connection) }) else { return }
        for event in wanted where !excluded.contains(event.streamId) {
            let one = ProjectionBatch(events: [ProjectedEvent(event)], end: event.globalPosition, recordedUpTo: recordedUpTo)
            if case let .poison(state, message) = try underSavepoint({ try lane.projection.apply(one, to: target, on: connection) }) {
                excluded.insert(event.streamId)
                try record(event, state, message)
            }
        }
    }

    /// Runs `body` under a savepoint: nil when it succeeded; the failure when it failed with a data
    /// error (rolled back to the savepoint); anything else is thrown.
    private func underSavepoint(_ body: () throws -> Void) throws -> ProjectionFailure? {
        try connection.run("SAVEPOINT projection_apply")
        do {
            try body()
            try connection.run("RELEASE SAVEPOINT projection_apply")
            return nil
        } catch {
            let failure = ProjectionFailure(error)
            guard case .poison = failure else { throw error }
            try connection.run("ROLLBACK TO SAVEPOINT projection_apply")
            try connection.run("RELEASE SAVEPOINT projection_apply")
            return failure
        }
    }

    /// Records that `lane` set `event`'s stream aside from it on (or from a later event, after a retry).
    func quarantine(_ event: RecordedEvent, of lane: Lane, sqlState: String, message: String) throws {
        try connection.execute("""
            INSERT INTO eventstore.quarantined_streams
                (projection, version, stream_id, transaction_id, position, stream_version, event_type, sql_state, error)
            VALUES ($1, $2, $3, $4::xid8, $5, $6, $7, $8, $9)
            ON CONFLICT (projection, version, stream_id) DO UPDATE
                SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position,
                    stream_version = EXCLUDED.stream_version, event_type = EXCLUDED.event_type,
                    sql_state = EXCLUDED.sql_state, error = EXCLUDED.error, quarantined_at = now(),
                    retries = eventstore.quarantined_streams.retries + 1
            """, [lane.projection.name, lane.version, event.streamId, String(event.transactionId), event.position,
                  event.streamVersion, event.type, sqlState, message])
    }

    /// Every stream the active versions hold in quarantine, with how many events each holds.
    public func quarantined() throws -> [QuarantinedStream] {
        try connection.execute("""
            SELECT q.projection, q.version, q.stream_id, q.transaction_id, q.position, q.stream_version, q.event_type,
                   q.sql_state, q.error, q.quarantined_at,
                   (SELECT count(*) FROM eventstore.events e
                    WHERE e.stream_id = q.stream_id AND e.stream_version >= q.stream_version
                      AND (e.transaction_id, e.position) <= (COALESCE(c.transaction_id, '0'::xid8), COALESCE(c.position, 0)))
            FROM eventstore.quarantined_streams q
            JOIN projections.versions v ON v.name = q.projection AND v.active_version = q.version
            LEFT JOIN eventstore.checkpoints c ON c.name = 'projection:' || q.projection || ':v' || q.version
            ORDER BY q.projection, q.transaction_id, q.position
            """).rows.map { row in
                QuarantinedStream(
                    projection: try row.get(0), version: try row.get(1), streamId: try row.get(2),
                    position: GlobalPosition(transactionId: try row.uint64(3), position: try row.get(4)),
                    streamVersion: try row.get(5), eventType: try row.get(6), sqlState: try row.get(7),
                    error: try row.get(8), quarantinedAt: try row.get(9), heldEvents: try row.get(10))
            }
    }

    /// Replays the held events of the quarantined streams of the active versions (of `projection`,
    /// of `stream`, or all), in order, up to each checkpoint; a stream whose events all apply leaves
    /// quarantine, one that still fails stays set aside from the event that fails now.
    /// Returns the streams released and those still quarantined.
    public func retryQuarantined(projection name: String? = nil, stream: String? = nil) throws
        -> (released: [QuarantinedStream], stillQuarantined: [QuarantinedStream]) {
        if let name { _ = try projection(named: name) }
        let chosen = try quarantined().filter { (name == nil || $0.projection == name) && (stream == nil || $0.streamId == stream) }
        var released: [QuarantinedStream] = []
        for entry in chosen {
            let freed = try connection.transaction { () -> Bool in
                try lock(entry.projection)
                let lane = Lane(projection: try projection(named: entry.projection), version: entry.version)
                let upTo = try checkpoints.load(lane.checkpoint)
                let held = try store.read(stream: entry.streamId, from: entry.streamVersion).filter {
                    $0.globalPosition <= upTo
                        && lane.projection.eventTypes.contains($0.type)
                }.sorted { $0.globalPosition < $1.globalPosition }
                var failed = false
                try applyQuarantining(held, end: upTo, to: lane, excluding: []) { event, state, message in
                    failed = true
                    try quarantine(event, of: lane, sqlState: state, message: message)
                }
                if !failed {
                    try connection.execute(
                        "DELETE FROM eventstore.quarantined_streams WHERE projection = $1 AND version = $2 AND stream_id = $3",
                        [entry.projection, entry.version, entry.streamId])
                }
                return !failed
            }
            if freed { released.append(entry) }
        }
        let still = try quarantined().filter { entry in chosen.contains { $0.projection == entry.projection && $0.streamId == entry.streamId } }
        return (released, still)
    }

    /// Drops the quarantine rows of one version of a projection (rebuilt afresh, or switched away from).
    func forgetQuarantine(of name: String, version: Int) throws {
        try connection.execute("DELETE FROM eventstore.quarantined_streams WHERE projection = $1 AND version = $2",
                               [name, version])
    }
}

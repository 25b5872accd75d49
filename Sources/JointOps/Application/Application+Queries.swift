import Enforcement
import EventStore
import Foundation
import Postgres

extension Application {
    /// Every stream of `kind` folded with `D`, in id order: the read side for `list` commands until the
    /// projections serve them. One query for all streams.
    public func loadAll<D: Decider>(_ decider: D.Type, kind: StreamKind) throws -> [(id: String, state: D.State)] {
        let prefix = "\(kind.prefix)-"
        let rows = try connection.execute("""
            SELECT stream_id, stream_version, event_type, schema_version, data::text
            FROM eventstore.events
            WHERE stream_id COLLATE "C" >= $1 AND stream_id COLLATE "C" < $2
            ORDER BY stream_id, stream_version
            """, [prefix, ReadableIds.upperBound(prefix)])
        var states: [String: D.State] = [:]
        for row in rows.rows {
            let stream: String = try row.get(0)
            let type: String = try row.get(2)
            let data = row.withBytes(4) { Data($0) } ?? Data()
            let event: D.Event
            do { event = try D.Event(eventType: type, schemaVersion: try row.get(3), payload: data) } catch {
                throw ApplicationError.unreadableEvent(stream: stream, version: try row.get(1), type: type, reason: "\(error)")
            }
            states[stream] = D.evolve(states[stream] ?? D.initialState, event)
        }
        let order = try streams(of: kind)
        return order.compactMap { id in states[id].map { (id, $0) } }
    }

    /// One stream folded with `D`, or `notFound`.
    public func load<D: Decider>(_ decider: D.Type, id: String, kind: StreamKind) throws -> D.State {
        let loaded = try handler(decider).load(id)
        guard loaded.version > 0 else { throw ApplicationError.notFound(id, kind: kind) }
        return loaded.state
    }

    /// Events in the store (for tests and the demo's summary).
    public func eventCount() throws -> Int64 {
        try connection.execute("SELECT count(*) FROM eventstore.events")[0].get(0)
    }
}

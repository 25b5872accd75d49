import Enforcement
import EventStore
import Foundation

extension Application {
    /// Every stream of `kind` folded with `D`, in id order: the read side for `list` commands until the
    /// projections serve them. One query for all streams.
    public func loadAll<D: Decider>(_ decider: D.Type, kind: StreamKind) throws -> [(id: String, state: D.State)] {
        var states: [String: D.State] = [:]
        for recorded in try store.readStreams(withPrefix: "\(kind.prefix)-") {
            let event: D.Event
            do {
                event = try D.Event(eventType: recorded.type, schemaVersion: recorded.schemaVersion, payload: recorded.data)
            } catch {
                throw ApplicationError.unreadableEvent(stream: recorded.streamId, version: recorded.streamVersion,
                                                       type: recorded.type, reason: "\(error)")
            }
            states[recorded.streamId] = D.evolve(states[recorded.streamId] ?? D.initialState, event)
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
        try store.eventCount()
    }
}

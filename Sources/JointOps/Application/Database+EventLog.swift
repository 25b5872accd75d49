import EventStore
import Foundation

extension Database {
    /// The events `filter` matches, in commit order (or newest first), for `events list`; `streamExists` says
    /// whether `filter.stream` names a stream at all (true without one), so an empty answer can say why.
    public func events(matching filter: EventFilter) throws -> (events: [RecordedEvent], streamExists: Bool) {
        let store = EventStore(connection: try location.connect(as: .writer))
        let events = try store.events(matching: filter)
        guard events.isEmpty, let stream = filter.stream else { return (events, true) }
        return (events, !(try store.events(matching: EventFilter(stream: stream, limit: 1)).isEmpty))
    }
}

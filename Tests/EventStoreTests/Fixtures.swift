import EventStore
import Foundation
import Postgres
import TestSupport

/// A small event with Chinese text, like the field records JointOps stores.
func sampleEvent(_ index: Int = 0, type: String = "TallyRecorded") -> NewEvent {
    let data = #"{"agency":"交警大队","place":"乌苏市奎屯路","plate":"新G·12345","n":\#(index)}"#
    return NewEvent(type: type, data: Data(data.utf8), occurredAt: Date(timeIntervalSince1970: 1_681_869_600))
}

func metadata(_ commandId: UUID = UUID()) -> CommandMetadata {
    CommandMetadata(commandId: commandId, actor: "王警官", agency: "transport")
}

func eventCount(_ connection: Connection) throws -> Int {
    try connection.execute("SELECT count(*) FROM eventstore.events")[0].get(0)
}

/// Reads all after `position` once `count` events are readable. The commit-safe horizon is
/// cluster-wide: on the shared test cluster, where no test holds a transaction open, this returns at
/// once or after a neighbour's short append commits.
func readAllEventually(_ store: EventStore, after position: GlobalPosition, count: Int,
                       limit: Int = 1000) throws -> [RecordedEvent] {
    var events: [RecordedEvent] = []
    try waitUntil("\(count) events after \(position) are readable") {
        events = try store.readAll(after: position, limit: limit)
        return events.count >= count
    }
    return events
}

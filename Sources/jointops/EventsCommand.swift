import ArgumentParser
import EventStore
import Foundation
import JointOps

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Read the event log.",
        subcommands: [List.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print events in commit-safe order, or one stream's events.")

        @Option(help: "Only this stream, in version order.") var stream: String?
        @Option(help: "At most this many events.") var limit = 50

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be a positive number, e.g. --limit 100") }
        }

        func run() {
            guarded {
                let store = EventStore(connection: try DatabaseLocation.fromEnvironment().connect())
                let events = try stream.map { try store.read(stream: $0) } ?? store.readAll(after: .start, limit: limit)
                for event in events.prefix(limit) {
                    print("\(event.position)\t\(event.streamId)@\(event.streamVersion)\t\(event.type)\t\(event.actor)\t\(String(decoding: event.data, as: UTF8.self))")
                }
            }
        }
    }
}

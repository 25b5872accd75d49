import ArgumentParser
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
        @Option(help: "At most this many events, oldest first.") var limit = 50
        @Option(help: "table, json or csv; without it, one tab-separated line per event (position, stream@version, type, actor, data).")
        var format: OutputFormat?

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be a positive number, e.g. --limit 100") }
        }

        func run() throws {
            let events = try Database().events(stream: stream, limit: limit)
            if let format {
                let recorded = ISO8601DateFormatter()
                emit(Table(["position", "stream", "version", "type", "actor", "recorded_at", "data"], rows: events.map {
                    [String($0.position), $0.streamId, String($0.streamVersion), $0.type, $0.actor,
                     recorded.string(from: $0.recordedAt), String(decoding: $0.data, as: UTF8.self)]
                }), format)
                return
            }
            for event in events {
                print("\(event.position)\t\(event.streamId)@\(event.streamVersion)\t\(event.type)\t\(ControlCharacters.escaped(event.actor))\t\(String(decoding: event.data, as: UTF8.self))")
            }
        }
    }
}

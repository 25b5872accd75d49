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
        @Option(help: "At most this many events.") var limit = 50

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be a positive number, e.g. --limit 100") }
        }

        func run() throws {
            for event in try Database().events(stream: stream, limit: limit) {
                print("\(event.position)\t\(event.streamId)@\(event.streamVersion)\t\(event.type)\t\(ControlCharacters.escaped(event.actor))\t\(String(decoding: event.data, as: UTF8.self))")
            }
        }
    }
}

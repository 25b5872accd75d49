import ArgumentParser
import Enforcement
import EventStore
import Foundation
import JointOps

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Read the event log.",
        discussion: Help.discussion(examples: "jointops events list --stream CASE-2026-0012"),
        subcommands: [List.self]
    )

    /// The audit trail: who recorded what, when it was recorded and when it happened, in Beijing time.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the event log as an audit trail, oldest first (commit order).",
            discussion: Help.discussion("""
                Times are Beijing time (Asia/Shanghai): recorded_at is when JointOps stored the event, occurred_at when
                the officer says it happened (--at).
                """, examples: "jointops events list --stream CASE-2023-0001 --since 2023-04-01 --type CaseFiled --format json",
                "jointops events list --actor ZF-01 --since 2026-11-01 --reverse --limit 20"))

        @Option(help: "Only this stream (a case, operation, … id), e.g. CASE-2023-0001.") var stream: String?
        @Option(help: "Only events recorded by this login or officer.") var actor: String?
        @Option(help: "Only events recorded on or after this day or moment: YYYY-MM-DD or YYYY-MM-DDTHH:MM (Beijing time).")
        var since: String?
        @Option(help: "Only events recorded up to this day (inclusive) or before this moment.") var until: String?
        @Option(name: .customLong("type"), help: "Only events of this type, e.g. CaseFiled (repeat for several).")
        var types: [String] = []
        @Flag(help: "Newest first.") var reverse = false
        @Option(parsing: .unconditional, help: "At most this many events; a note on stderr gives the command for the next page.")
        var limit = 50
        @Option(help: "Only events after this one, in the listing's order: the last row's position, as the next-page note prints it.")
        var after: Int64?
        @OptionGroup var output: FormatOption

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be a positive number, e.g. --limit 100") }
        }

        func run() throws {
            let filter = EventFilter(stream: stream, types: types.isEmpty ? nil : types, actor: actor,
                                     recordedFrom: try since.map { try Self.instant($0, option: "--since").start },
                                     recordedBefore: try until.map { try Self.instant($0, option: "--until").end },
                                     limit: min(limit, Int.max - 1) + 1, order: reverse ? .newestFirst : .oldestFirst, after: after)
            let (read, streamExists) = try Database().events(matching: filter)
            if let stream, !streamExists {
                throw UserFacingError.usage("no stream \(stream) exists: check the id (a case, operation, referral … id "
                    + "such as CASE-2023-0001); `jointops events list` shows every stream's events")
            }
            // One event more than asked for says whether another page follows.
            let events = Array(read.prefix(limit))
            try emit(Self.table(events), output)
            NextPageNote.say(after: read.count > limit ? events.last.map { String($0.position) } : nil)
        }

        /// One row per event; the payload is written into JSON as the object it is.
        static func table(_ events: [RecordedEvent]) -> Table {
            Table(["position", "recorded_at", "occurred_at", "stream", "version", "type", "type_zh", "actor", "agency", "data"],
                  rows: events.map { event in
                [String(event.position), ShanghaiTime.iso(event.recordedAt), ShanghaiTime.iso(event.occurredAt),
                 event.streamId, String(event.streamVersion), event.type, EventTypeLabels.labelZh(event.type),
                 event.actor, event.agency ?? "", String(decoding: event.data, as: UTF8.self)]
            }, kinds: [.integer, .text, .text, .text, .integer, .code, .text, .text, .text, .json])
        }

        /// The instants `--since`/`--until` stand for: a day is the whole day in Beijing time, a moment itself.
        static func instant(_ text: String, option: String) throws -> (start: Date, end: Date) {
            if let day = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) {
                return (BusinessTime(day, hour: 0).instant, BusinessTime(day.adding(days: 1), hour: 0).instant)
            }
            guard let moment = BusinessTime(iso: text) else {
                throw UserFacingError.usage("\(option) `\(text)` is not a date or date-time: write YYYY-MM-DD or "
                    + "YYYY-MM-DDTHH:MM (Beijing time), e.g. 2023-04-19T10:30")
            }
            return (moment.instant, moment.instant)
        }
    }
}

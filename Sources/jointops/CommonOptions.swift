import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// `--actor`, `--at`, `--command-id` and `--format`, shared by every write.
///
/// Values are checked in `request()`, inside `guarded`, so a bad value is one line on stderr and exit 2.
struct WriteOptions: ParsableArguments {
    @Option(help: "Who acts: the officer id (default: $JOINTOPS_ACTOR).")
    var actor: String?

    @Option(help: "When it happened (business time): YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00]; default now.")
    var at: String?

    @Option(name: .customLong("command-id"), help: "A UUID for this command: repeating it is a safe retry.")
    var commandId: String?

    @Option(help: "Output format: table, json or csv.")
    var format: String = "table"

    /// The checked request; throws a usage error naming the bad option.
    func request() throws -> CommandRequest {
        _ = try outputFormat()
        let actor = (self.actor ?? ProcessInfo.processInfo.environment["JOINTOPS_ACTOR"] ?? "")
            .trimmingCharacters(in: .whitespaces)
        guard !actor.isEmpty else { throw CLIError.usage(ApplicationError.missingActor.message) }
        var time: BusinessTime?
        if let at {
            guard let parsed = BusinessTime(iso: at) else {
                throw CLIError.usage("--at `\(at)` is not a date or date-time: write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2023-04-19T10:30")
            }
            time = parsed
        }
        var id: UUID?
        if let commandId {
            guard let parsed = UUID(uuidString: commandId) else {
                throw CLIError.usage("--command-id `\(commandId)` is not a UUID: give one like 3f2504e0-4f89-41d3-9a0c-0305e82c3301 (uuidgen makes one)")
            }
            id = parsed
        }
        return CommandRequest(actor: actor, commandId: id, at: time)
    }

    func outputFormat() throws -> OutputFormat { try parseFormat(format) }
}

/// `--format` for commands that only read.
struct FormatOption: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: String = "table"

    func outputFormat() throws -> OutputFormat { try parseFormat(format) }
}

func parseFormat(_ text: String) throws -> OutputFormat {
    guard let format = OutputFormat(rawValue: text.lowercased()) else {
        throw CLIError.usage("--format `\(text)` is not known: use \(OutputFormat.spellings)")
    }
    return format
}

/// Parses a `YYYY-MM-DD` option value.
func parseDate(_ text: String, option: String) throws -> LocalDate {
    guard let date = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
        throw CLIError.usage("\(option) `\(text)` is not a date: write it as YYYY-MM-DD, e.g. 2023-04-19")
    }
    return date
}

/// Parses an enumeration option by its raw value, listing the choices when it is unknown.
func parseChoice<E: RawRepresentable & CaseIterable>(_ text: String, option: String, as type: E.Type = E.self) throws -> E
where E.RawValue == String {
    if let value = E(rawValue: text) ?? E.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
        return value
    }
    throw CLIError.usage("\(option) `\(text)` is not known: use one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
}

/// Parses a whole-number option (yuan, days, counts), negative allowed: the rules decide what is acceptable.
func parseInt(_ text: String, option: String) throws -> Int {
    guard let value = Int(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")) else {
        throw CLIError.usage("\(option) `\(text)` is not a whole number: give digits, e.g. 5000")
    }
    return value
}

/// Parses a readable id of `kind`.
func parseId(_ text: String, _ kind: StreamKind) throws -> String {
    guard let id = kind.normalise(text) else { throw CLIError.usage(ApplicationError.malformedId(text, kind: kind).message) }
    return id
}

/// Connects (the local cluster by default) and runs `body` with an application, turning errors into one line.
func withApplication(_ body: (Application) throws -> Void) {
    guarded {
        let application = Application(connection: try DatabaseLocation.fromEnvironment().connect())
        try body(application)
    }
}

/// Prints a table in the chosen format.
func emit(_ table: Table, _ format: OutputFormat) {
    // print, not FileHandle: one buffered stream keeps tables and headings in order when piped.
    print(table.rendered(as: format), terminator: "")
}

/// Prints what a write did: the id, the events appended, the resulting status and what can come next.
func report<D: Decider>(_ outcome: Outcome<D>, status: String, next: [String], format: OutputFormat) {
    let events = outcome.events.map(\.eventType).joined(separator: ", ")
    switch format {
    case .table:
        let repeated = outcome.wasAlreadyAppended ? " (already recorded under this --command-id; nothing written)" : ""
        print("\(outcome.stream): \(events) → \(status), version \(outcome.version)\(repeated)")
        if !next.isEmpty { print("next: \(next.joined(separator: ", "))") }
    case .json, .csv:
        emit(Table(["id", "events", "status", "version", "already_recorded", "next"],
                   rows: [[outcome.stream, events, status, String(outcome.version),
                           String(outcome.wasAlreadyAppended), next.joined(separator: " ")]]), format)
    }
}

/// "investigationConcluded" → "investigation concluded".
func words(_ camel: String) -> String {
    var out = ""
    for character in camel {
        if character.isUppercase, !out.isEmpty { out.append(" ") }
        out.append(contentsOf: character.lowercased())
    }
    return out
}

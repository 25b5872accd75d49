import ArgumentParser
import Foundation
import JointOps
import Postgres

/// Runs `jointops` with its arguments and says how it ended; errors become one line on stderr here and
/// nowhere else.
public enum CommandLineTool {
    /// Parses and runs one command line; returns the exit status (0, or 2–5 as `ExitStatus` says).
    public static func run(_ arguments: [String]) -> Int32 {
        // What the command does shapes the advice of an error translated after it failed.
        var intent = CommandIntent.changes
        do {
            try refuseInvalidUTF8()
            try refuseControlCharacters(in: arguments)
            var command = try ReportPlanCommand.routed(arguments) ?? JointOpsCommand.parseAsRoot(arguments)
            intent = Self.intent(of: command)
            let deadline = try StatementTimeout.configured()
            let connectTimeout = try ConnectTimeout.configured()
            try StatementTimeout.$current.withValue(runsWithoutDeadline(command) ? nil : deadline) {
                try ConnectTimeout.$current.withValue(connectTimeout) {
                    try CommandIntent.$current.withValue(intent) {
                        try GivenCommandLine.$current.withValue(GivenCommandLine.describing(command)) { try command.run() }
                    }
                }
            }
            return 0
        } catch {
            return CommandIntent.$current.withValue(intent) { finish(with: error, arguments: arguments) }
        }
    }

    /// Work that is long by nature and watched by whoever runs it: following the log, rebuilding, migrating,
    /// the demo, imports. Every other command's round trips end by `JOINTOPS_STATEMENT_TIMEOUT` (30 s).
    static let commandsWithoutDeadline: [any ParsableCommand.Type] = [
        ProjectCommand.Run.self, ProjectCommand.Rebuild.self, DatabaseCommand.Migrate.self, DemoCommand.self,
        CalendarCommand.Import.self, CaseCommandGroup.Import.self,
    ]

    static func runsWithoutDeadline(_ command: any ParsableCommand) -> Bool {
        commandsWithoutDeadline.contains { $0 == type(of: command) }
    }

    /// Commands that only read although they take no `--format` (those that do, and record nothing, read).
    static let commandsThatOnlyRead: [any ParsableCommand.Type] = [
        ReportCommand.self, VerifyCommand.self, LocalCommand.Status.self, DatabaseCommand.Status.self,
    ]

    /// What `command` does to the database, so that a fault's advice fits it: a write with `WriteOptions`
    /// records an act (under its --command-id), a command that only shows things reads, the rest change.
    static func intent(of command: any ParsableCommand) -> CommandIntent {
        var shows = commandsThatOnlyRead.contains { $0 == type(of: command) }
        for child in Mirror(reflecting: command).children {
            if let write = child.value as? OptionGroup<WriteOptions> {
                return .records(commandId: write.wrappedValue.commandId.flatMap(UUID.init(uuidString:)))
            }
            if child.value is OptionGroup<FormatOption> { shows = true }
        }
        return shows && !(command is DemoCommand) ? .reads : .changes
    }

    /// Every option value is checked here, before parsing, so no free-text option can let a terminal
    /// escape or a carriage return into the log (newline and tab stay allowed).
    static func refuseControlCharacters(in arguments: [String]) throws {
        for argument in arguments {
            guard let scalar = ControlCharacters.firstRefused(in: argument) else { continue }
            let code = "U+" + String(format: "%04X", scalar.value)
            throw UserFacingError.usage("`\(ControlCharacters.escaped(argument))` holds the control character \(code): "
                + "retype the value without it (only newline and tab are allowed in text)")
        }
    }

    /// Swift decodes the process's arguments with repair, so a byte that is no UTF-8 (`\xff`) would be stored
    /// as U+FFFD without a word: the raw `argv` is checked instead.
    static func refuseInvalidUTF8() throws {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            throw UserFacingError.usage("argument \(index) is not UTF-8 text: retype it (or set the terminal to UTF-8)")
        }
    }

    static func finish(with error: Error, arguments: [String]) -> Int32 {
        switch JointOpsCommand.exitCode(for: error) {
        case .success:
            // `jointops help cse`: ArgumentParser would show the nearest parent's help, as if all were well.
            let asked = CommandPath(arguments: Array(arguments.dropFirst()))
            if arguments.first == "help", let unknown = asked.unknownSubcommand {
                say(asked.pointing(unknown))
                return ExitStatus.usage.rawValue
            }
            // --help and --version: ArgumentParser's text, on stdout.
            print(JointOpsCommand.fullMessage(for: error))
            return 0
        case .validationFailure:
            // A parse or validate() error: ArgumentParser says 64 (EX_USAGE); JointOps promises 2, in one line
            // that ends by pointing at the help of the command the words name.
            let path = CommandPath(arguments: arguments)
            let line = path.unknownSubcommand
                ?? UsageMessage.oneLine(JointOpsCommand.message(for: error), full: JointOpsCommand.fullMessage(for: error))
            say(path.pointing(line))
            return ExitStatus.usage.rawValue
        default:
            let failure = UserFacingError(translating: error, rendering: StepSpelling.text)
            say(failure.message)
            // libpq's and the server's own text, for whoever debugs a connection (README "When the database is slow or gone").
            if ProcessInfo.processInfo.environment["JOINTOPS_DEBUG"] == "1",
               let detail = (error as? PostgresError)?.debugDescription ?? (error as? CarriesDebugDetail)?.debugDetail {
                say("debug: \(detail.split(whereSeparator: \.isNewline).joined(separator: " "))")
            }
            return failure.status.rawValue
        }
    }

    private static func say(_ line: String) {
        FileHandle.standardError.write(Data("jointops: \(line)\n".utf8))
    }
}

/// ArgumentParser's usage messages in the command line's own words, on one line.
enum UsageMessage {
    /// "The value 'bus' is invalid for '--sector <sector>'. Please provide one of …" becomes
    /// "--sector `bus` is not known: use one of blackCar (非法营运（黑车）), taxi (…), …" (with "did you mean" when one
    /// is near); other messages keep their words and the "Help:" line of `full`, on one line, without the usage it
    /// repeats (the caller ends the line by pointing at `--help`).
    static func oneLine(_ message: String, full: String) -> String {
        let pattern = #/^The value '(?<value>.*)' is invalid for '(?<option>-[^ ']+)[^']*'(?<rest>(.|\n)*)$/#
        if let match = message.wholeMatch(of: pattern) {
            let values = choices(in: String(match.rest))
            let option = String(match.option), value = String(match.value)
            if values == OutputFormat.allCases.map(\.rawValue) {
                return "\(option) `\(value)` is not known: use \(OutputFormat.spellings)"
            }
            if !values.isEmpty {
                // Each code with its label where the choice has labels: people read the label, type the code.
                let codes = values.map { $0.components(separatedBy: " - ")[0] }
                let shown = labelled[codes].map { labels in zip(codes, labels).map { "\($0) (\($1))" } } ?? values
                let hint = Nearest.word(to: value, among: codes).map { "; did you mean `\($0)`?" } ?? ""
                return "\(option) `\(value)` is not known: use one of \(shown.joined(separator: ", "))\(hint)"
            }
        }
        let flat = { (text: String) in
            text.split(whereSeparator: \.isNewline).prefix { !$0.hasPrefix("Usage:") }
                .map { $0.trimmingCharacters(in: .whitespaces).replacing(#/ {2,}/#, with: " ") }.filter { !$0.isEmpty }
                .joined(separator: "; ")
        }
        var line = flat(full)
        if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
        // "Missing expected argument '<name>'; Help: <name> The report …." says what is missing, then what it is.
        let missing = #/^Missing expected argument '(?<argument>[^']+)'(; Help: [^ ]+( <[^>]+>)? (?<help>.*?)\.?)?$/#
        if let match = line.wholeMatch(of: missing) {
            let help = match.help.map { ": \($0)" } ?? ""
            return "\(match.argument) is missing\(help)"
        }
        return line.isEmpty ? flat(message) : line
    }

    /// The values ArgumentParser lists: a bulleted list (six or more) or `'a', 'b' or 'c'`.
    static func choices(in text: String) -> [String] {
        let bullets = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : nil
        }
        if !bullets.isEmpty { return bullets }
        return text.matches(of: #/'([^']*)'/#).map { String($0.1) }
    }
}

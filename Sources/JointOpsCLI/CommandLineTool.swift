import ArgumentParser
import Foundation
import JointOps

/// Runs `jointops` with its arguments and says how it ended; errors become one line on stderr here and
/// nowhere else.
public enum CommandLineTool {
    /// Parses and runs one command line; returns the exit status (0, or 2–5 as `ExitStatus` says).
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            try refuseInvalidUTF8()
            try refuseControlCharacters(in: arguments)
            var command = try JointOpsCommand.parseAsRoot(arguments)
            let deadline = try StatementTimeout.configured()
            try StatementTimeout.$current.withValue(runsWithoutDeadline(command) ? nil : deadline) {
                try GivenCommandLine.$current.withValue(GivenCommandLine.describing(command)) { try command.run() }
            }
            return 0
        } catch {
            return finish(with: error, arguments: arguments)
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
    /// "--sector `bus` is not known: use one of blackCar, taxi, …" (with "did you mean" when one is near); other
    /// messages keep their words and the "Help:" line of `full`, on one line, without the usage it repeats
    /// (the caller ends the line by pointing at `--help`).
    static func oneLine(_ message: String, full: String) -> String {
        let pattern = #/^The value '(?<value>.*)' is invalid for '(?<option>-[^ ']+)[^']*'(?<rest>(.|\n)*)$/#
        if let match = message.wholeMatch(of: pattern) {
            let values = choices(in: String(match.rest))
            let option = String(match.option), value = String(match.value)
            if values == OutputFormat.allCases.map(\.rawValue) {
                return "\(option) `\(value)` is not known: use \(OutputFormat.spellings)"
            }
            if !values.isEmpty {
                let codes = values.map { $0.components(separatedBy: " - ")[0] }
                let hint = Nearest.word(to: value, among: codes).map { "; did you mean `\($0)`?" } ?? ""
                return "\(option) `\(value)` is not known: use one of \(values.joined(separator: ", "))\(hint)"
            }
        }
        let flat = { (text: String) in
            text.split(whereSeparator: \.isNewline).prefix { !$0.hasPrefix("Usage:") }
                .map { $0.trimmingCharacters(in: .whitespaces).replacing(#/ {2,}/#, with: " ") }.filter { !$0.isEmpty }
                .joined(separator: "; ")
        }
        var line = flat(full)
        if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
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

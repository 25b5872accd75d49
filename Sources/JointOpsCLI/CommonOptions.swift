import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// `--on-behalf-of`, `--at`, `--command-id` and `--format`, shared by every write.
///
/// Who acts is the officer the database login is bound to (`officer bind`), never free text: `--actor`
/// is kept only to say so. Values are checked in `request()`, before anything is written, so a bad value
/// is one line and exit 2.
struct WriteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Removed: who acts is the officer your login is bound to.", visibility: .hidden))
    var actor: String?

    @Option(name: .customLong("on-behalf-of"),
            help: "An administrator recording a paper form: the officer who acted (default: $JOINTOPS_ON_BEHALF_OF).")
    var onBehalfOf: String?

    @Option(help: "When it happened (business time): YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00]; default now.")
    var at: String?

    @Option(name: .customLong("command-id"), help: "A UUID for this command: repeating it is a safe retry.")
    var commandId: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    /// The checked request; throws a usage error naming the bad option.
    func request() throws -> CommandRequest {
        let environment = ProcessInfo.processInfo.environment
        if actor != nil || !(environment["JOINTOPS_ACTOR"] ?? "").isEmpty {
            throw UserFacingError.usage("--actor (and JOINTOPS_ACTOR) are gone: you act as the officer your login is "
                + "bound to (`jointops officer bind`); an administrator recording a form gives --on-behalf-of OFFICER-ID")
        }
        let onBehalfOf = (self.onBehalfOf ?? environment["JOINTOPS_ON_BEHALF_OF"])?
            .trimmingCharacters(in: .whitespaces)
        var time: BusinessTime?
        if let at {
            guard let parsed = BusinessTime(iso: at) else {
                throw UserFacingError.usage("--at `\(at)` is not a date or date-time: write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2023-04-19T10:30")
            }
            time = parsed
        }
        var id: UUID?
        if let commandId {
            guard let parsed = UUID(uuidString: commandId) else {
                throw UserFacingError.usage("--command-id `\(commandId)` is not a UUID: give one like 3f2504e0-4f89-41d3-9a0c-0305e82c3301 (uuidgen makes one)")
            }
            id = parsed
        }
        return CommandRequest(onBehalfOf: onBehalfOf?.isEmpty == false ? onBehalfOf : nil, commandId: id, at: time,
                              given: GivenCommandLine.current)
    }
}

/// `--format`, `--wide` and `--columns` for commands that only read.
struct FormatOption: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Flag(help: "Show every value whole, however wide the terminal (output to a file or pipe is never cut).")
    var wide = false

    @Option(help: ArgumentHelp("Only these columns, in this order, e.g. --columns id,status,sector.", valueName: "a,b,c"))
    var columns: String?

    /// The names `--columns` asks for, nil without it.
    var columnNames: [String]? { columns.map(Self.names(in:)) }

    /// `--columns` with no name (`""`) or a name twice is refused; names the table lacks are refused when it is
    /// printed (`emit`).
    func validate() throws {
        if let names = columnNames { try Self.check(names, example: "id,status") }
    }

    /// `--columns` names at least one column, each once: else one line (exit 2), `example` showing the form.
    static func check(_ names: [String], example: String) throws {
        guard !names.isEmpty else { throw ValidationError("--columns needs column names, e.g. --columns \(example)") }
        if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw ValidationError("--columns names \(twice) twice: give each column once")
        }
    }

/// `a, b,c` → `["a", "b", "c"]`.
    static func names(in columns: String) -> [String] {
        columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A list's agency filter (`--agency`, `--lead`): a registered agency's code, else one line listing the codes
/// (exit 2), as `report --agency` refuses it, since an empty list would read as "nothing happened".
func checkAgencyFilter(_ code: String?, option: String = "--agency", in registry: RegistryState) throws {
    guard let code, registry.agencies[code] == nil else { return }
    throw UserFacingError.usage("\(option): " + ReportError.unknownAgency(code, known: registry.agencies.keys.sorted()).description)
}

/// Parses a `YYYY-MM-DD` option value.
func parseDate(_ text: String, option: String) throws -> LocalDate {
    guard let date = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
        throw UserFacingError.usage("\(option) `\(text)` is not a date: write it as YYYY-MM-DD, e.g. 2023-04-19")
    }
    return date
}

/// Parses a case's amount or count option (yuan, days): a whole number from 0 to its bound in
/// `FigureBounds.caseMaximum` (`field`), else one line naming the bound (exit 2).
func parseAmount(_ text: String, option: String, field: String) throws -> Int {
    let value = try parseInt(text, option: option, field: field)
    guard value >= 0 else { throw UserFacingError.usage("\(option) `\(text)` must be 0 or more") }
    guard value <= FigureBounds.max(field) else { throw beyond(text, option: option, field: field) }
    return value
}

/// Parses a whole-number option, negative allowed: the rules decide what is acceptable (a figure's own
/// bound and sign are checked by the decider, which names the agency). A number too long for any bound says the
/// bound of `field`, not "not a whole number".
func parseInt(_ text: String, option: String, field: String? = nil) throws -> Int {
    let cleaned = text.trimmingCharacters(in: .whitespaces)
        .replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
    if let value = Int(cleaned) { return value }
    let digits = cleaned.hasPrefix("-") ? cleaned.dropFirst() : Substring(cleaned)
    if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
        if cleaned.hasPrefix("-") { throw UserFacingError.usage("\(option) `\(text)` must be 0 or more") }
        throw beyond(text, option: option, field: field)
    }
    throw UserFacingError.usage("\(option) `\(text)` is not a whole number: give digits, e.g. 5000")
}

private func beyond(_ text: String, option: String, field: String?) -> UserFacingError {
    let bound = field.map { " (\($0) ≤ \(FigureBounds.max($0)))" } ?? ""
    return .usage("\(option) `\(text)` is more than the most it may be\(bound): check the figure")
}

/// The help line's bound: "at most 1000000000".
func bound(_ field: String) -> String { "at most \(FigureBounds.max(field))" }

/// Connects (the local cluster by default) and returns the application.
func connectedApplication() throws -> Application { try Database().application() }

/// Prints a table in the chosen format, as wide as the terminal (never cut when piped).
func emit(_ table: Table, _ format: OutputFormat, wide: Bool = false) {
    // print, not FileHandle: one buffered stream keeps tables and headings in order when piped.
    print(table.rendered(as: format, width: wide ? nil : TerminalWidth.ofStandardOutput()), terminator: "")
}

/// Prints a table as `--format`, `--wide` and `--columns` ask.
///
/// - Throws: a usage error when `--columns` names a column the table does not have.
func emit(_ table: Table, _ output: FormatOption) throws {
    var table = table
    if let names = output.columnNames {
        do { table = try table.selecting(names) } catch let error as TableError { throw UserFacingError.usage(error.description) }
    }
    emit(table, output.format, wide: output.wide)
}

/// Said when committed events stay held back behind a long transaction (DESIGN.md §3): not an error,
/// but the output is short of them.
func heldBackNote(waited seconds: Double, _ consequence: String) {
    FileHandle.standardError.write(Data(("jointops: note: some committed events wait behind a transaction running for "
        + "over \(seconds.formatted()) s, so \(consequence); `jointops project status` counts them as held back. "
        + "Run this again once that transaction ends.\n").utf8))
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

/// The year a list is filtered by: 1900 to 2100, so a slip (`--year 12345`, `--year -3`) is refused instead of
/// listing nothing, which would read as "nothing happened that year".
func parseYear(_ text: String, option: String = "--year") throws -> Int {
    let year = try parseInt(text, option: option)
    if let problem = yearProblem(year, option: option) { throw UserFacingError.usage(problem) }
    return year
}

/// The same check in an argument's `validate()`, where a usage error is a `ValidationError`.
func checkYear(_ year: Int?, option: String = "--year") throws {
    if let year, let problem = yearProblem(year, option: option) { throw ValidationError(problem) }
}

private func yearProblem(_ year: Int, option: String) -> String? {
    (1900...2100).contains(year) ? nil : "\(option) `\(year)` is not a year: give one from 1900 to 2100, e.g. \(option) 2023"
}

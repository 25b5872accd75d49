import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// `jointops report plan`: the annual report's 三、下一步工作打算, recorded as an event so the report rebuilds
/// from the log; `--show` prints the latest.
struct ReportPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Record a year's 三、下一步工作打算 from a UTF-8 Markdown file, or --show the latest.",
        discussion: "The text is kept whole in the event (at most \(ReportPlanDecider.maximumBytes / 1_024) KB); recording it again replaces it.")

    @Option(parsing: .unconditional, help: "The report's year, e.g. 2023.") var year: Int
    @Option(help: "The plan, a UTF-8 Markdown file.") var file: String?
    @Option(help: "Code of the agency filing the report (you record as one of its officers).") var agency: String?
    @Flag(help: "Print the latest plan of --year instead of recording one.") var show = false
    @OptionGroup var options: WriteOptions

    func validate() throws {
        guard ReportPlanDecider.years.contains(year) else { throw ValidationError("--year `\(year)` is not a year: give one like 2023") }
        if show {
            guard file == nil, agency == nil else { throw ValidationError("--show prints the recorded plan: leave out --file and --agency") }
        } else {
            guard file != nil, agency != nil else {
                throw ValidationError("recording a plan needs --file plan.md and --agency, e.g. --agency WSJT; or give --show to print it")
            }
        }
    }

    func run() throws {
        let stream = ReportPlanDecider.stream(year: year)
        guard let file, let agency else { return try printLatest(stream) }
        let text = try Self.read(file)
        try options.write(ReportPlanDecider.self) { handler, request in
            try handler.handle(.record(year: year, agency: agency, textZh: text), on: stream, mustExist: false, request: request)
        }
    }

    /// The file's text; a missing file or one not in UTF-8 is a usage error naming it.
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFacingError.usage("cannot read --file \(path): check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UserFacingError.usage("--file \(path) is not UTF-8 text: save it as UTF-8 (WPS/Word: 另存为 纯文本, UTF-8) and run again")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    private func printLatest(_ stream: String) throws {
        guard let plan = try connectedApplication().handler(ReportPlanDecider.self).load(stream).state.latest else {
            throw UserFacingError("no plan is recorded for \(year): record one with `jointops report plan --year \(year) "
                + "--file plan.md --agency AGENCY`", status: .usage)
        }
        switch options.format {
        case .table: print(plan.textZh.hasSuffix("\n") ? plan.textZh : plan.textZh + "\n", terminator: "")
        case .json, .csv:
            emit(Table(["year", "agency", "recorded_on", "text"], rows: [[String(plan.year), plan.agency,
                                                                          plan.recordedOn.description, plan.textZh]],
                       kinds: [.integer, .text, .text, .text]), options.format)
        }
    }
}

extension ReportPlanDecider: WriteSummary {
    static func status(of state: ReportPlanState) -> (code: String, labelZh: String) { ("recorded", "已登记") }
    static func next(after state: ReportPlanState) -> [String] { [] }
}

extension ReportPlanCommand {
    /// `report plan …` parsed as the plan command. `report` takes the report's name as its argument, and
    /// ArgumentParser fills it with "plan" before it looks for a subcommand, so the plan is routed here first.
    /// Nil for any other command line.
    static func routed(_ arguments: [String]) throws -> (any ParsableCommand)? {
        guard arguments.count >= 2, arguments[0] == ReportCommand._commandName, arguments[1] == _commandName else { return nil }
        return try parseAsRoot(Array(arguments.dropFirst(2)))
    }
}

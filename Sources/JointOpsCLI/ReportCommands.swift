import ArgumentParser
import Foundation
import JointOps

/// `jointops report NAME`: a `reporting` view with filters, or `annual` (Markdown + HTML).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a report from schema `reporting` (catching the projections up first).",
        discussion: Help.discussion("""
            Reports (`jointops report --describe NAME` names a report's columns, the filters it takes and its date column):
            \(ReportDescription.lines.map { "  " + $0 }.joined(separator: "\n"))

            A table shows the report's default columns (`--describe` marks them 是), what an analyst reads at a glance:
            its key, the figures that matter, each code by its Chinese label; a note on stderr says how many it leaves
            out. --wide shows every column, every value whole; --columns a,b,c shows those, in that order (a code
            column with its label). Tables show Chinese labels and 是/否; CSV and JSON carry every column unless
            --columns picks some, each code beside its label (`sector`, `sector_zh`), true/false as booleans; JSON is
            typed (numbers, booleans, null, arrays, dates as YYYY-MM-DD), one document, with a schema per report in
            the source tree's schemas/ (report-NAME.schema.json).
            `report annual --year 2023` writes annual-2023.md, annual-2023.html (inline SVG charts) and annual-2023.docx
            (for WPS or Word): the bureau's report in its own sections, the statistics as its appendix; --format json
            prints the figures as one JSON document instead. It is made for the agency `agency bureau CODE` names
            (--bureau overrides it), warning when the year holds no events.
            --as-of folds only the events recorded up to that instant into temporary tables for this run.
            --replica (or JOINTOPS_REPORTING_URL=<conninfo>) reads a hot standby as it stands, without catching up.
            `report plan --year 2023 --file plan.md --agency WSJT` records the year's 三、下一步工作打算 (--show prints it).
            """, examples: "jointops report case_register --year 2026 --agency WSZD",
            "jointops report case_register --columns case_id,sector,party_name,fine_yuan --limit 20",
            "jointops report deadline_summary --year 2026 --wide", "jointops report --describe case_register",
            "jointops report annual --year 2026 --output-dir 年报", "jointops report case_register --format csv --excel > 案件登记.csv"),
    )

    @Argument(help: "The report (a view of schema reporting, or annual).") var name: String
    @Option(parsing: .unconditional, help: "Only this year.") var year: Int?
    @Option(help: "From this day (YYYY-MM-DD), on the report's date column.") var from: String?
    @Option(help: "Up to this day (YYYY-MM-DD).") var to: String?
    @Option(help: "Only this agency code.") var agency: String?
    @Option(help: "Only this campaign code.") var campaign: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Flag(help: "CSV with a UTF-8 byte-order mark, for Excel.") var excel = false
    @Flag(help: "Every column, every value whole, however wide the terminal (a table shows the report's default columns otherwise).")
    var wide = false
    @Option(help: ArgumentHelp("Only these columns, in this order, a code column with its label (CSV and JSON too), "
                               + "e.g. --columns case_id,sector,fine_yuan; `report --describe NAME` lists them.", valueName: "a,b,c"))
    var columns: String?
    @Option(name: .customLong("as-of"), help: "Only events recorded up to this instant (YYYY-MM-DD or ISO 8601).")
    var asOf: String?
    @Option(name: .customLong("output-dir"), help: "Where `annual` writes its files (default: current folder).")
    var outputDirectory = "."
    @Option(help: "The body `annual` is made for, e.g. 乌苏市交通运输局 (default: the agency `agency bureau` named).")
    var bureau: String?
    @Option(parsing: .unconditional, help: "Seconds to wait for committed events held back behind a transaction still running.")
    var wait = 5.0
    @Flag(help: "Say what the report is, the filters it takes, its date column and its columns, without reading it.")
    var describe = false
    @Flag(help: "Read on the local cluster's standby (`jointops local replica start`; JOINTOPS_REPORTING_URL names another), as it stands.")
    var replica = false
    @Option(parsing: .unconditional,
            help: "At most this many rows, in the report's key order; a note on stderr gives the command for the next page.")
    var limit: Int?
    @Option(help: "Only rows after this key: the last row's key as the table or the next-page note prints it, its values joined by commas, a comma inside a value written \\, (case_register: 2023-06-30,CASE-2023-0042; deadlines_due: 2023-06-30,CASE-2023-0042,3; a code column takes its label or code).")
    var after: String?

    func validate() throws {
        guard ReportQuery.names.contains(name) else {
            let nearest = Nearest.word(to: name, among: ReportQuery.names).map { "did you mean \($0)? " } ?? ""
            throw ValidationError("there is no report named \(name); \(nearest)choose one of: \(ReportQuery.names.joined(separator: ", "))")
        }
        if let year, year < 0 { throw ValidationError("--year `\(year)` must be 0 or more, e.g. --year 2023") }
        if name == "annual" && year == nil && !describe { throw ValidationError("report annual needs --year, e.g. --year 2023") }
        if name == "annual" && !describe && (format == .csv || excel) {
            throw ValidationError("report annual writes annual-YEAR.md, .html and .docx, or one JSON document with --format json: "
                                  + "CSV is for the other reports' tables (e.g. report annual_statistics --year 2023 --format csv)")
        }
        if name != "annual" && bureau != nil { throw ValidationError("--bureau names the body of `report annual` only") }
        if let bureau, bureau.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--bureau needs a name, e.g. --bureau 乌苏市交通运输局")
        }
        guard wait >= 0 && wait <= 3600 else { throw ValidationError("--wait takes 0 to 3600 seconds, e.g. --wait 2") }
        try ReportPaging.validate(report: name, limit: limit, after: after)
        try ReportPaging.validateRange(from: from, to: to)
        try validateColumns()
    }

    /// `--columns` names the report's own columns; `annual` writes whole files, and `--describe` lists every column.
    func validateColumns() throws {
        if describe, columns != nil {
            throw ValidationError("--columns picks a report's columns and --describe lists them all: leave one out "
                                  + "(--wide shows the description uncut)")
        }
        if name == "annual", !describe, columns != nil || wide {
            throw ValidationError("report annual writes its files whole: --columns and --wide are for the other reports' tables")
        }
        guard let columns, !describe else { return }
        let names = FormatOption.names(in: columns)
        try FormatOption.check(names, example: ReportColumnSets.defaults(of: name)?.prefix(3).joined(separator: ",") ?? "a,b")
        do { try ReportColumnChoice.check(names, report: name) } catch let error as TableError {
            throw ValidationError(error.description)
        }
    }

    /// Which columns the output carries: `--columns`, else every one (`--wide`, CSV, JSON), else the default set.
    var columnChoice: ReportColumnChoice {
        ReportColumnChoice(columns: columns.map(FormatOption.names(in:)), wide: wide, format: excel ? .csv : format)
    }

    func run() throws {
        if describe { return printDescription() }
        let filter = ReportFilter(year: year, from: try from.map { try parseDate($0, option: "--from") },
                                  to: try to.map { try parseDate($0, option: "--to") }, agency: agency, campaign: campaign,
                                  limit: limit, after: after)
        var instant: Date?
        if let asOf {
            guard let parsed = Self.parseInstant(asOf) else {
                throw UserFacingError.usage("--as-of `\(asOf)` is not a date or time: write YYYY-MM-DD or 2023-12-31T18:00:00+08:00")
            }
            instant = parsed
        }
        let request = ReportRequest(name: name, filter: filter, asOf: instant, wait: .milliseconds(Int(wait * 1000)))
        if let standby = try standbyLocation() { return try runOnStandby(standby, request) }
        if name == "annual", let year {
            let report = try Database().annualReport(year: year, request)
            if report.leftOutHeldBack { heldBackNote(waited: wait, "this report leaves them out") }
            if let behind = report.readAsItStands { readAsItStandsNote(behind) }
            try HorizonNotes.warnIfHeldLong(report.horizon)
            HorizonNotes.quarantineNote(report.quarantinedStreams)
            try write(report.content, year: year, asOf: instant)
            return
        }
        let report = try Database().reportPage(request)
        if report.leftOutHeldBack { heldBackNote(waited: wait, "this report leaves them out") }
        if let behind = report.readAsItStands { readAsItStandsNote(behind) }
        try HorizonNotes.warnIfHeldLong(report.horizon)
        HorizonNotes.quarantineNote(report.quarantinedStreams)
        try printPage(report.content)
    }

    /// The page's chosen columns, then (on stderr) what the default set leaves out and the next page's command.
    func printPage(_ page: ReportPage) throws {
        let choice = columnChoice
        var table = try choice.apply(to: page.table, report: name)
        table.headerLabels = ReportColumnChoice.headerLabels(of: name)
        printTable(table)
        if let note = choice.note(report: name) {
            fflush(nil)   // the rows first, then the note, even when both go to one terminal
            FileHandle.standardError.write(Data("jointops: note: \(note)\n".utf8))
        }
        NextPageNote.say(after: page.nextAfter)
    }

    /// As wide as the terminal (never cut with --wide); never cut when piped.
    func printTable(_ table: Table) {
        print(table.rendered(as: excel ? .csv : format, width: wide ? nil : TerminalWidth.ofStandardOutput(), excelBOM: excel),
              terminator: "")
    }

    /// `--describe`: the report's line, filters, date column and key, then its columns marked when a table shows
    /// them by default (one JSON document with --format json); `annual` its files and its JSON document's members.
    func printDescription() {
        guard let description = ReportDescription(name) else { return }
        switch excel ? .csv : format {
        case .json: print(description.json.rendered(), terminator: "")
        case .csv: printTable(description.table)
        case .table:
            print(description.heading.joined(separator: "\n"))
            printTable(description.table)
        }
    }

    /// `JOINTOPS_REPORTING_URL` when set, else the local replica for --replica; nil reads the primary.
    func standbyLocation() throws -> StandbyLocation? {
        if let standby = StandbyLocation.fromEnvironment() { return standby }
        guard replica else { return nil }
        guard case .local(let cluster) = DatabaseLocation.fromEnvironment() else {
            throw UserFacingError.usage("--replica reads the local cluster's standby: for a server's standby set "
                                        + "JOINTOPS_REPORTING_URL to its connection string")
        }
        return .localReplica(cluster)
    }

    /// Reads the report on a standby as it stands, and says in one line how far behind it is.
    func runOnStandby(_ standby: StandbyLocation, _ request: ReportRequest) throws {
        if name == "annual", let year {
            let report = try Database().annualReport(year: year, request, on: standby)
            standbyNote(report.lag, report.behind)
            try write(report.content, year: year, asOf: request.asOf)
            return
        }
        let report = try Database().report(request, on: standby)
        standbyNote(report.lag, report.behind)
        try printPage(report.content)
    }

    /// "read on the standby: replay lag 0 bytes, 0.0 s; the reporting views are up to date with its log".
    func standbyNote(_ lag: ReplayLag?, _ behind: ProjectionsBehind) {
        let source = lag.map { "read on the standby: \($0.description)" }
            ?? "read on JOINTOPS_REPORTING_URL, which is no standby (no replay lag)"
        let views = behind.events == 0 || behind.oldestRecordedAt == nil
            ? "the reporting views are up to date with its log"
            : "the reporting views leave out its \(Self.latest(behind.events)) (recorded since "
                + "\(ShanghaiTime.iso(behind.oldestRecordedAt!))) until the primary's projector catches up"
        FileHandle.standardError.write(Data("jointops: note: \(source); \(views)\n".utf8))
    }

    /// Writes annual-YEAR.md, .html and .docx into --output-dir (or prints the JSON document for
    /// `--format json`), saying on stderr when the year is empty.
    func write(_ loaded: AnnualReport, year: Int, asOf: Date?) throws {
        var report = loaded
        report.asOf = asOf
        if let bureau { report.bureau = bureau }
        // Said once the report is out: a folder that cannot be written is the one line a refusal prints.
        let warn = { if let warning = report.emptyWarning { FileHandle.standardError.write(Data("jointops: warning: \(warning)\n".utf8)) } }
        if format == .json {
            print(report.json().rendered(), terminator: "")
            return warn()
        }
        let folder = try OutputFolder.prepare(outputDirectory, for: "the annual report")
        let markdown = folder.appendingPathComponent("annual-\(year).md")
        let html = folder.appendingPathComponent("annual-\(year).html")
        let docx = folder.appendingPathComponent("annual-\(year).docx")
        do {
            let document = RuleOfLawReport(statistics: report)
            try document.markdown().write(to: markdown, atomically: true, encoding: .utf8)
            try document.html().write(to: html, atomically: true, encoding: .utf8)
            try document.docx().write(to: docx, options: .atomic)
        } catch {
            throw OutputFolder.failure(folder, "the annual report", error)
        }
        print("wrote \(markdown.path), \(html.path) and \(docx.path)")
        warn()
    }

    /// "latest event", "3 latest events".
    static func latest(_ events: some BinaryInteger) -> String { events == 1 ? "latest event" : "\(events) latest events" }

    /// An analyst's login reads the views without catching them up: say how far behind the log they are.
    func readAsItStandsNote(_ behind: ProjectionsBehind) {
        let state = behind.events == 0 || behind.oldestRecordedAt == nil
            ? "they are up to date with the log"
            : "they leave out the \(Self.latest(behind.events)) (recorded since "
                + "\(ShanghaiTime.iso(behind.oldestRecordedAt!))); the projector (`jointops project run`) brings them up to date"
        FileHandle.standardError.write(Data("jointops: note: read the reporting views as they stand (this login may not catch them up): \(state)\n".utf8))
    }

    /// `YYYY-MM-DD` (end of that day, Beijing time) or an ISO 8601 instant.
    static func parseInstant(_ text: String) -> Date? {
        if text.count == 10, let day = ISO8601DateFormatter.withZone.date(from: text + "T23:59:59.999+08:00") { return day }
        for formatter in [ISO8601DateFormatter.withZone, ISO8601DateFormatter.plain] {
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

extension ISO8601DateFormatter {
    nonisolated(unsafe) static let withZone: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
    nonisolated(unsafe) static let plain: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f
    }()
}

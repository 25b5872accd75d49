import ArgumentParser
import Foundation
import JointOps

/// `jointops report NAME`: a `reporting` view with filters, or `annual` (Markdown + HTML).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a report from schema `reporting` (catching the projections up first).",
        discussion: """
            Reports: \(ReportQuery.names.joined(separator: ", ")).
            `report annual --year 2023` writes annual-2023.md and annual-2023.html (inline SVG charts).
            --as-of folds only the events recorded up to that instant into temporary tables for this run.
            --replica (or JOINTOPS_REPORTING_URL=<conninfo>) reads a hot standby as it stands, without catching up.
            """
    )

    @Argument(help: "The report (a view of schema reporting, or annual).") var name: String
    @Option(parsing: .unconditional, help: "Only this year.") var year: Int?
    @Option(help: "From this day (YYYY-MM-DD), on the report's date column.") var from: String?
    @Option(help: "Up to this day (YYYY-MM-DD).") var to: String?
    @Option(help: "Only this agency code.") var agency: String?
    @Option(help: "Only this campaign code.") var campaign: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Flag(help: "CSV with a UTF-8 byte-order mark, for Excel.") var excel = false
    @Option(name: .customLong("as-of"), help: "Only events recorded up to this instant (YYYY-MM-DD or ISO 8601).")
    var asOf: String?
    @Option(name: .customLong("output-dir"), help: "Where `annual` writes its files (default: current folder).")
    var outputDirectory = "."
    @Option(parsing: .unconditional, help: "Seconds to wait for committed events held back behind a transaction still running.")
    var wait = 5.0
    @Flag(help: "Read on the local cluster's standby (`jointops local replica start`; JOINTOPS_REPORTING_URL names another), as it stands.")
    var replica = false
    @Option(help: "At most this many rows, in the report's key order; a note on stderr gives the command for the next page.")
    var limit: Int?
    @Option(help: "Only rows after this key: the last row's key as the next-page note prints it, its values joined by commas (case_register: 2023-06-30,CASE-2023-0042; deadlines_due: 2023-06-30,CASE-2023-0042,3).")
    var after: String?

    func validate() throws {
        guard ReportQuery.names.contains(name) else {
            throw ValidationError("there is no report named \(name); choose one of: \(ReportQuery.names.joined(separator: ", "))")
        }
        if let year, year < 0 { throw ValidationError("--year `\(year)` must be 0 or more, e.g. --year 2023") }
        if name == "annual" && year == nil { throw ValidationError("report annual needs --year, e.g. --year 2023") }
        guard wait >= 0 && wait <= 3600 else { throw ValidationError("--wait takes 0 to 3600 seconds, e.g. --wait 2") }
        try ReportPaging.validate(report: name, limit: limit, after: after)
    }

    func run() throws {
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
            try write(report.content, year: year)
            return
        }
        let report = try Database().reportPage(request)
        if report.leftOutHeldBack { heldBackNote(waited: wait, "this report leaves them out") }
        if let behind = report.readAsItStands { readAsItStandsNote(behind) }
        try HorizonNotes.warnIfHeldLong(report.horizon)
        HorizonNotes.quarantineNote(report.quarantinedStreams)
        print(report.content.table.rendered(as: excel ? .csv : format, excelBOM: excel), terminator: "")
        NextPageNote.say(after: report.content.nextAfter)
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
            try write(report.content, year: year)
            return
        }
        let report = try Database().report(request, on: standby)
        standbyNote(report.lag, report.behind)
        print(report.content.table.rendered(as: excel ? .csv : format, excelBOM: excel), terminator: "")
        NextPageNote.say(after: report.content.nextAfter)
    }

    /// "read on the standby: replay lag 0 bytes, 0.0 s; the reporting views are up to date with its log".
    func standbyNote(_ lag: ReplayLag?, _ behind: ProjectionsBehind) {
        let source = lag.map { "read on the standby: replay lag \($0.description)" }
            ?? "read on JOINTOPS_REPORTING_URL, which is no standby (no replay lag)"
        let views = behind.events == 0 || behind.oldestRecordedAt == nil
            ? "the reporting views are up to date with its log"
            : "the reporting views leave out its \(behind.events) latest events (recorded since "
                + "\(behind.oldestRecordedAt!.formatted(.iso8601))) until the primary's projector catches up"
        FileHandle.standardError.write(Data("jointops: note: \(source); \(views)\n".utf8))
    }

    /// Writes annual-YEAR.md and annual-YEAR.html into --output-dir.
    func write(_ report: AnnualReport, year: Int) throws {
        let folder = URL(fileURLWithPath: outputDirectory)
        let markdown = folder.appendingPathComponent("annual-\(year).md")
        let html = folder.appendingPathComponent("annual-\(year).html")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try report.markdown().write(to: markdown, atomically: true, encoding: .utf8)
            try report.html().write(to: html, atomically: true, encoding: .utf8)
        } catch {
            throw UserFacingError.usage("cannot write the annual report into the folder \(folder.path)"
                                        + "\(UserFacingError.fileReason(error)): name a folder you may write to with --output-dir")
        }
        print("wrote \(markdown.path) and \(html.path)")
    }

    /// An analyst's login reads the views without catching them up: say how far behind the log they are.
    func readAsItStandsNote(_ behind: ProjectionsBehind) {
        let state = behind.events == 0 || behind.oldestRecordedAt == nil
            ? "they are up to date with the log"
            : "they leave out the \(behind.events) latest events (recorded since "
                + "\(behind.oldestRecordedAt!.formatted(.iso8601))); the projector (`jointops project run`) brings them up to date"
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

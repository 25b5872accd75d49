import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Issue 14, point 1: `report annual_statistics` ("the figures of the 法治政府建设年度报告") and `report annual` give the
/// same number for every figure they share, the report does not contradict itself, and every sentence comes from
/// recorded data.
@Suite struct AnnualStatisticsAgreementTests {
    /// The demo year's `annual_statistics` rows: metric key → (section, Chinese label, value).
    static func statistics(year: Int) throws -> [String: (section: String, zh: String, value: Double?)] {
        let connection = try caughtUp()
        var rows: [String: (String, String, Double?)] = [:]
        for row in try connection.execute(
            "SELECT metric, section, label_zh, value::float8 FROM reporting.annual_statistics WHERE year = $1", [year]).rows {
            rows[try row.get(0)] = (try row.get(1), try row.get(2), try row.decode(3, as: Double.self))
        }
        return rows
    }

    /// A connection to the demo database once its reporting views are made (a report catches the projections up).
    static func caughtUp() throws -> Connection {
        try DemoOutput.cli().ok(["report", "annual_statistics", "--year", "2023"])
        return try DemoOutput.played.get().database.connect()
    }

    @Test func everyFigureTheViewSharesWithTheReportIsTheSameNumber() throws {
        let view = try Self.statistics(year: 2023)
        let report = try AnnualReportTests.annualJSON(try DemoOutput.cli())
        for metric in report["metrics"] as? [[String: Any]] ?? [] {
            let key = metric["metric"] as? String ?? "?"
            #expect(view[key]?.value ?? 0 == (metric["value"] as? NSNumber)?.doubleValue, "\(key)")
        }
        // The rates: the report's timeliness table and the view's rates are one definition (deadline_summary).
        let rateKeys = ["decision": "decided_within_90_days_pct", "service": "served_on_time_pct",
                        "publication": "published_on_time_pct"]
        let clocks = report["timeliness"] as? [[String: Any]] ?? []
        #expect(clocks.count == 3)
        for clock in clocks {
            let key = try #require(rateKeys[clock["kind"] as? String ?? "?"])
            #expect(view[key]?.value == (clock["rate_pct"] as? NSNumber)?.doubleValue, "\(key): \(clock)")
            #expect(view[key]?.zh == "\(clock["label_zh"] as? String ?? "?")（%）", "\(key)")
        }
        #expect(view["published_on_time_pct"]?.value == 99.6 && view["decided_within_90_days_pct"]?.value == 96.1)
        // By source and by sector: the view's rows are the report's breakdown rows, "not recorded" included.
        let accepted = try #require(view["cases_accepted"]?.value)
        for dimension in ["source", "sector"] {
            let breakdown = (report["breakdowns"] as? [[String: Any]] ?? []).first { $0["breakdown"] as? String == dimension }
            let rows = breakdown?["rows"] as? [[String: Any]] ?? []
            #expect(!rows.isEmpty)
            for row in rows {
                let key = "cases_\(dimension)_\(row["code"] as? String ?? "notRecorded")"
                #expect(view[key]?.value == (row["cases"] as? NSNumber)?.doubleValue, "\(key)")
                #expect(view[key]?.zh.hasSuffix("：\(row["label_zh"] as? String ?? "?")") == true, "\(key): \(view[key]?.zh ?? "none")")
            }
            let sum = view.filter { $0.key.hasPrefix("cases_\(dimension)_") }.map { $0.value.value ?? 0 }.reduce(0, +)
            #expect(sum == accepted, "\(dimension) rows sum to \(sum) of \(accepted)")
        }
        #expect(view["cases_sector_notRecorded"]?.value == 2)
    }

    @Test func everySectionOfTheViewHasAChineseLabel() throws {
        let sections = Set(try Self.statistics(year: 2023).values.map(\.section))
        let codes = try #require(ReportCodes.list(view: "annual_statistics", column: "section"))
        for section in sections { #expect(codes.label(section) != section, "\(section) has no label") }
        let output = try DemoOutput.cli().ok(["report", "annual_statistics", "--year", "2023", "--format", "json"]).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        for row in rows { #expect(row["section_zh"] as? String != row["section"] as? String, "\(row)") }
        #expect(rows.contains { $0["section_zh"] as? String == "法律顾问" } && rows.contains { $0["section_zh"] as? String == "信访" })
        #expect(!output.contains("：窗口移交"))
    }

    @Test func aPublicationLawfullyWithheldIsNeitherOnTimeNorLate() throws {
        let connection = try Self.caughtUp()
        let clock = try connection.execute("""
            SELECT status, timeliness FROM reporting.case_deadlines WHERE case_id = 'CASE-2023-0114' AND kind = 'publication'
            """).rows.map { (try $0.get(0, as: String.self), try $0.decode(1, as: String.self)) }
        #expect(clock.count == 1 && clock.first?.0 == "cancelled" && clock.first?.1 == nil, "\(clock)")
        let report = try AnnualReportTests.annualJSON(try DemoOutput.cli())
        let publication = (report["timeliness"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "publication" }
        #expect((publication?["on_time"] as? NSNumber)?.doubleValue == 224, "as many on time as published: 224")
    }

    @Test func theCloseOutsAreOfTheProblemsAboveThemAndProcedureIsOfFiledCases() throws {
        let view = try Self.statistics(year: 2023)
        let problems = view["rectification_problems"]?.value ?? -1
        let closeOuts = ["rectification_closed_on_time", "rectification_closed_late", "rectification_open"]
            .map { view[$0]?.value ?? 0 }.reduce(0, +)
        #expect(problems == 21 && closeOuts == problems, "\(closeOuts) close-outs of \(problems) problems")
        let report = try AnnualReportTests.annualJSON(try DemoOutput.cli())
        let breakdowns = report["breakdowns"] as? [[String: Any]] ?? []
        let procedure = breakdowns.first { $0["breakdown"] as? String == "procedure" }?["rows"] as? [[String: Any]] ?? []
        let counts = Dictionary(procedure.map { ($0["code"] as? String ?? "-", ($0["cases"] as? NSNumber)?.doubleValue ?? 0) },
                                uniquingKeysWith: +)
        #expect(counts == ["ordinary": 103, "summary": 129, "notFiled": 2], "\(counts)")
        #expect(view["cases_ordinary"]?.value == 103)
        let agencies = breakdowns.first { $0["breakdown"] as? String == "agency" }?["rows"] as? [[String: Any]] ?? []
        #expect(!agencies.isEmpty && agencies.allSatisfy { !($0["label_en"] as? String ?? "").isEmpty }, "\(agencies)")
    }

    @Test func aCommitmentIsSaidToBeShortenedOnlyInTheYearItWasShortened() throws {
        let cli = try DemoOutput.cli()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annual-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for year in ["2023", "2026"] { _ = try cli.run(["report", "annual", "--year", year, "--output-dir", folder]) }
        let shortened = "道路运输经营许可审核时间由20个工作日压缩至7个工作日"
        #expect(try String(contentsOfFile: folder + "/annual-2023.md", encoding: .utf8).contains(shortened))
        let later = try String(contentsOfFile: folder + "/annual-2026.md", encoding: .utf8)
        #expect(!later.contains("压缩至") && later.contains("道路运输经营许可承诺7个工作日内办结"))
    }
}

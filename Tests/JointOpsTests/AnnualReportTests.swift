import Foundation
import Postgres
import Testing
import TestSupport

/// Issue 14, point 1: the annual report of the demo year reconciles — every figure it prints equals the figure
/// recomputed from the events with independent SQL, every breakdown sums to its total, and it names the bureau,
/// the period and the time it was made, warning when the period holds nothing.
@Suite struct AnnualReportTests {
    /// Figures counted in working days or against rectification due dates, which the events do not carry.
    static let notRecomputed: Set<String> = ["legal_review_avg_working_days", "rectification_closed_on_time",
                                             "rectification_closed_late"]

    static func annualJSON(_ cli: CLIRunner, _ extra: [String] = []) throws -> [String: Any] {
        let output = try cli.ok(["report", "annual", "--year", "2023", "--format", "json"] + extra).stdout
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    /// The printed figures keyed as `AnnualRecomputationSQL` keys them.
    static func printedFigures(_ report: [String: Any]) -> [String: Double] {
        var figures: [String: Double] = [:]
        for metric in report["metrics"] as? [[String: Any]] ?? [] {
            figures[metric["metric"] as? String ?? "?"] = (metric["value"] as? NSNumber)?.doubleValue
        }
        for breakdown in report["breakdowns"] as? [[String: Any]] ?? [] {
            for row in breakdown["rows"] as? [[String: Any]] ?? [] {
                let key = "breakdown:\(breakdown["breakdown"] as? String ?? "?"):\(row["code"] as? String ?? "-")"
                figures[key] = (row["cases"] as? NSNumber)?.doubleValue
            }
        }
        for clock in report["timeliness"] as? [[String: Any]] ?? [] {
            for status in ["on_time", "late", "overdue", "not_yet_due"] {
                figures["timeliness:\(clock["kind"] as? String ?? "?"):\(status)"] = (clock[status] as? NSNumber)?.doubleValue
            }
        }
        for figure in report["joint_operations"] as? [[String: Any]] ?? [] {
            if let once = figure["counted_once"] as? NSNumber {
                figures["joint:\(figure["metric"] as? String ?? "?"):combined"] = once.doubleValue
            }
            for source in figure["by_source"] as? [[String: Any]] ?? [] {
                figures["joint:\(figure["metric"] as? String ?? "?"):\(source["source"] as? String ?? "?")"] =
                    (source["value"] as? NSNumber)?.doubleValue
            }
        }
        return figures
    }

    @Test func everyFigureOfTheDemoYearEqualsItsRecomputationFromTheEvents() throws {
        let cli = try DemoOutput.cli()
        let printed = Self.printedFigures(try Self.annualJSON(cli))
        let connection = try DemoOutput.played.get().database.connect()
        var recomputed: [String: Double] = [:]
        for row in try connection.execute(AnnualRecomputationSQL.figures, [2023]).rows {
            recomputed[try row.get(0)] = try row.decode(1, as: Double.self)
        }
        #expect(printed.count > 80, "the report prints its figures: \(printed.count)")
        for (key, value) in printed.sorted(by: { $0.key < $1.key }) where !Self.notRecomputed.contains(key) {
            // A status no clock is in (late: 0) has no row in the recomputation.
            let expected: Double = recomputed[key] ?? 0
            #expect(value == expected, "\(key): printed \(value), recomputed \(expected)")
        }
        for (key, value) in recomputed where value != 0 {
            #expect(printed[key] != nil, "\(key) = \(value) is recomputed from the events but the report leaves it out")
        }
    }

    @Test func everyBreakdownSumsToTheCasesAcceptedAndEveryRateToItsParts() throws {
        let report = try Self.annualJSON(try DemoOutput.cli())
        let accepted = Self.printedFigures(report)["cases_accepted"]
        #expect(accepted == 234)
        let breakdowns = report["breakdowns"] as? [[String: Any]] ?? []
        #expect(breakdowns.map { $0["breakdown"] as? String } == ["source", "sector", "agency", "procedure", "stage"])
        for breakdown in breakdowns {
            let rows = breakdown["rows"] as? [[String: Any]] ?? []
            let sum = rows.map { ($0["cases"] as? NSNumber)?.doubleValue ?? 0 }.reduce(0, +)
            #expect(sum == accepted && (breakdown["total"] as? NSNumber)?.doubleValue == accepted, "\(breakdown)")
        }
        // Every demo case names its source (a lead's, or the filing's): no "not recorded" row, as in every breakdown.
        let sources = breakdowns.first { $0["breakdown"] as? String == "source" }?["rows"] as? [[String: Any]] ?? []
        #expect(!sources.isEmpty && sources.allSatisfy { $0["code"] is String && $0["label_zh"] as? String != "未记录" },
                "\(sources)")
        for clock in report["timeliness"] as? [[String: Any]] ?? [] {
            let part = { (name: String) in (clock[name] as? NSNumber)?.doubleValue ?? -1 }
            #expect(part("denominator") == part("on_time") + part("late") + part("overdue"), "\(clock)")
            #expect(part("rate_pct") == (1000 * part("on_time") / part("denominator")).rounded() / 10, "\(clock)")
        }
        let rates = (report["timeliness"] as? [[String: Any]] ?? []).map { ($0["rate_pct"] as? NSNumber)?.doubleValue }
        #expect(rates == [96.1, 99.0, 99.6], "the rates deadline_summary gives: 99/103, 96/97, 225/226")
    }

    @Test func theAnnualReportsJSONValidatesAgainstItsSchema() throws {
        let output = try DemoOutput.cli().ok(["report", "annual", "--year", "2023", "--format", "json"]).stdout
        #expect(try JSONSchemaTests.invalid([("report annual", output, "report-annual.schema.json")]) == [])
    }

    @Test func theReportNamesTheBureauThePeriodAndWhenItWasMade() throws {
        let cli = try DemoOutput.cli()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annual-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try cli.ok(["report", "annual", "--year", "2023", "--output-dir", folder])
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let markdown = try String(contentsOfFile: folder + "/annual-2023.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# 乌苏市交通运输局2023年法治政府建设报告"))
        #expect(markdown.contains("- 单位 Bureau：乌苏市交通运输局\n"))
        #expect(markdown.contains("- 统计期间 Period：2023-01-01 至 2023-12-31\n"))
        #expect(markdown.range(of: #"- 生成时间 Generated：\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00\n"#, options: .regularExpression) != nil)
        #expect(!markdown.contains("注意 Warning"))
        let html = try String(contentsOfFile: folder + "/annual-2023.html", encoding: .utf8)
        #expect(html.contains("乌苏市交通运输局") && html.contains("2023-01-01 至 2023-12-31"))

        // The demo's events were all recorded today: as of now, the year is whole.
        let now = ISO8601DateFormatter().string(from: Date())
        let other = try Self.annualJSON(cli, ["--bureau", "奎屯市交通运输局", "--as-of", now])
        #expect(other["bureau"] as? String == "奎屯市交通运输局")
        #expect((other["as_of"] as? String)?.hasSuffix("+08:00") == true, "\(other["as_of"] ?? "none")")
        #expect(other["warning"] is NSNull)
        #expect(Self.printedFigures(other)["cases_accepted"] == 234)
    }

    // 2012: before anything the demo records, long-standing petitions (received from 2019 on) included.
    @Test(arguments: [["--year", "2012"], ["--year", "2023", "--as-of", "2022-12-31"]])
    func aPeriodWithNoEventsWarnsOnStderrAndInTheReport(_ period: [String]) throws {
        let cli = try DemoOutput.cli()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annual-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try cli.ok(["report", "annual"] + period + ["--output-dir", folder])
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("jointops: warning: no events "), "\(run.stderr)")
        let markdown = try String(contentsOfFile: folder + "/annual-\(period[1]).md", encoding: .utf8)
        #expect(markdown.contains("> **注意 Warning: no events "), "\(markdown.prefix(600))")
        #expect(markdown.contains("| 受理案件 | Cases accepted | 0 |"))
    }

    @Test func theBureauIsARegisteredAgencyNamedByTheAdministrator() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let unknown = try cli.run(["agency", "bureau", "NOSUCH"])
            #expect(unknown.status == 2 && unknown.stderr.split(separator: "\n").count == 1, "\(unknown.stderr)")
            try cli.ok(["agency", "bureau", "WSZD"])
            let again = try cli.ok(["agency", "bureau", "WSZD"])
            #expect(!again.stdout.contains("BureauNamed"))
            let report = try JSONSerialization.jsonObject(with: Data(try cli.ok(
                ["report", "annual", "--year", "2026", "--format", "json"]).stdout.utf8)) as? [String: Any]
            #expect((report?["bureau"] as? String)?.contains("执法大队") == true, "\(report?["bureau"] ?? "none")")
        }
    }
}

import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 14, points 2 and 4, as an analyst runs `jointops report` over the demo year: a table shows the report's
/// default columns and says how many it leaves out, `--columns` picks, `--wide` shows everything, CSV and JSON
/// carry every column, and `--describe` marks the defaults.
@Suite(.serialized) struct ReportColumnsCLITests {
    /// The header of a table, split into its column names.
    static func header(_ table: String) -> [String] {
        (table.split(separator: "\n").first ?? "").split(separator: " ").map(String.init)
    }

    /// A table's data cells (two spaces or more apart), header and rule left out.
    static func cells(_ table: String) -> [String] {
        table.split(separator: "\n").dropFirst(2).flatMap { line in
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    @Test func aTableShowsTheDefaultColumnsAndSaysInOneNoteHowManyItLeavesOut() throws {
        let cli = try DemoOutput.cli()
        let register = try cli.ok(["report", "case_register", "--year", "2023"])
        // People read each column's Chinese name; `--describe` pairs it with the name `--columns` takes.
        #expect(Self.header(register.stdout) == ["受案日期", "案件编号", "办案单位", "行业", "办理阶段", "罚款（元）", "最近届满日期",
                                                  "已逾期", "当事人（脱敏）"], "\(register.stdout)")
        #expect(register.stdout.contains("网约车") && !register.stdout.contains("rideHailing"), "labels, not codes")
        #expect(register.errorLines == ["jointops: note: showing 9 of 33 columns; --wide shows them all, --columns a,b,c picks "
                                        + "(`jointops report --describe case_register` lists them)"])
        let summary = try cli.ok(["report", "deadline_summary", "--year", "2023"])
        #expect(Self.header(summary.stdout) == ["年度", "办案单位", "期限类别", "未办结", "已逾期", "按期完成", "逾期完成", "暂定"])
        // A report whose default set is every column says nothing.
        #expect(try cli.ok(["report", "agencies"]).stderr.isEmpty)
    }

    @Test func columnsPicksAndOrdersColumnsWithTheirLabelsInEveryFormat() throws {
        let cli = try DemoOutput.cli()
        let picked = ["report", "case_register", "--year", "2023", "--columns", "sector,case_id,penalty_zh"]
        let table = try cli.ok(picked)
        #expect(Self.header(table.stdout) == ["行业", "案件编号", "处罚内容"] && table.stderr.isEmpty, "\(table.stdout)\(table.stderr)")
        // The Chinese names people read pick the same columns.
        let byChineseName = try cli.ok(["report", "case_register", "--year", "2023", "--columns", "行业,案件编号,处罚内容", "--format", "csv"])
        #expect(byChineseName.stdout == (try cli.ok(picked + ["--format", "csv"]).stdout))
        #expect(table.stdout.contains("罚款 5000 元"))
        let csv = try cli.ok(picked + ["--format", "csv"]).stdout
        #expect(csv.hasPrefix("sector,sector_zh,case_id,penalty_zh\r\nrideHailing,网约车,CASE-2023-0001,罚款 5000 元\r\n"), "\(csv)")
        let json = try cli.ok(picked + ["--format", "json"]).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count > 200 && rows.allSatisfy { Set($0.keys) == ["sector", "sector_zh", "case_id", "penalty_zh"] })
        #expect(json.contains(#"{"sector": "rideHailing", "sector_zh": "网约车", "case_id": "CASE-2023-0001", "penalty_zh": "罚款 5000 元"}"#),
                "\(json.prefix(200))")
    }

    @Test func anUnknownColumnIsOneUsageLineListingTheReportsColumns() throws {
        let cli = try DemoOutput.cli()
        for arguments in [["report", "case_register", "--columns", "case_id,当事人"],
                          ["report", "case_register", "--columns", "case_id,title", "--format", "json"],
                          ["report", "deadline_summary", "--columns", ","]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2 && result.stdout.isEmpty && result.errorLines.count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasSuffix("; see `jointops report --help`\n"), "\(result.stderr)")
        }
        let unknown = try cli.run(["report", "case_register", "--columns", "case_id,当事人"])
        #expect(unknown.stderr.hasPrefix("jointops: --columns: no column named 当事人; choose from: case_id,agency,stage,stage_zh,"))
        #expect(unknown.stderr.contains(",party_name,") && unknown.stderr.contains(",imported;"), "\(unknown.stderr)")
    }

    @Test func csvAndJSONCarryEveryColumnUnlessColumnsPicksSome() throws {
        let cli = try DemoOutput.cli()
        for name in ["case_register", "deadline_summary", "operations_board", "annual_statistics"] {
            let every = ReportColumnChoice.columns(of: name) ?? []
            let csv = try cli.ok(["report", name, "--format", "csv"])
            #expect(csv.stdout.split(separator: "\r\n").first.map { $0.split(separator: ",").map(String.init) } == every, "\(name)")
            #expect(csv.stderr.isEmpty, "no note under a document programs read: \(csv.stderr)")
            let json = try cli.ok(["report", name, "--format", "json"]).stdout
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            #expect(!rows.isEmpty && rows.allSatisfy { Set($0.keys) == Set(every) }, "\(name)")
        }
    }

    @Test func jsonWithColumnsValidatesAgainstTheReportsSchema() throws {
        let cli = try DemoOutput.cli()
        let picks: [(String, String)] = [("case_register", "case_id,sector,hearing_held,fine_yuan"), ("operations_board", "sectors,operation_id"),
                                         ("annual_statistics", "metric,value"), ("deadline_summary", "kind_zh,overdue"),
                                         ("case_deadlines", "case_id,provisional,timeliness")]
        var outputs: [(name: String, json: String, schema: String)] = []
        for (name, columns) in picks {
            let json = try cli.ok(["report", name, "--columns", columns, "--format", "json", "--limit", "20"]).stdout
            outputs.append(("report \(name) --columns \(columns)", json, ReportSchema.fileName(name)))
        }
        #expect(try JSONSchemaTests.invalid(outputs) == [])
        // The trap is armed: a code without its label, or a column the report lacks, is refused.
        let verdicts = try JSONSchemaTests.invalid([
            ("unlabelled", #"[{"case_id": "CASE-2023-0001", "sector": "blackCar"}]"#, ReportSchema.fileName("case_register")),
            ("unknown", #"[{"case_id": "CASE-2023-0001", "title": "黑车"}]"#, ReportSchema.fileName("case_register")),
        ])
        #expect(verdicts.count == 2, "\(verdicts)")
    }

    @Test func pagingWithAColumnSubsetKeepsTheFullRowsKey() throws {
        let cli = try DemoOutput.cli()
        let first = try cli.ok(["report", "case_register", "--columns", "sector", "--limit", "3", "--format", "csv"])
        #expect(first.stdout.hasPrefix("sector,sector_zh\r\n") && first.stdout.split(separator: "\r\n").count == 4)
        let next = try ReportPagingCLITests.nextCommand(first)
        #expect(next.suffix(2) == ["--after", "2023-01-29,CASE-2023-0003"] && next.contains("--columns"), "\(next)")
        let whole = try cli.ok(["report", "case_register", "--columns", "sector", "--limit", "6", "--format", "csv"]).stdout
            .split(separator: "\r\n").map(String.init)
        #expect(try cli.ok(next).stdout.split(separator: "\r\n").map(String.init) == [whole[0]] + whole[4...6])
    }

    @Test func wideShowsALongValueWholeOnAnEightyColumnTerminal() throws {
        let cli = try DemoOutput.cli()
        let description = "部分案卷询问笔录未载明执法证件号码"
        let wide = try TableWidthTests.onTerminal(cli, ["report", "rectification_tracker", "--wide"], columns: 80)
        #expect(wide.contains(description) && wide.contains("整改意见下发日期") && !wide.contains("…"), "\(wide)")
        #expect(!wide.contains("jointops: note: showing"), "--wide leaves nothing out")
        let fitted = try TableWidthTests.onTerminal(cli, ["report", "rectification_tracker"], columns: 80)
        let lines = fitted.split(separator: "\n").filter { !$0.hasPrefix("jointops: note:") }
        #expect(fitted.contains("…") && lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 }, "\(fitted)")
        #expect(fitted.contains("jointops: note: showing 8 of "), "\(fitted)")
    }

    @Test func booleansAreYesAndNoInTablesAndTrueAndFalseInCSVAndJSON() throws {
        let cli = try DemoOutput.cli()
        let picked = ["report", "case_register", "--columns", "case_id,hearing_held,published", "--limit", "3"]
        let table = try cli.ok(picked).stdout
        #expect(Self.cells(table).prefix(3) == ["CASE-2023-0001", "否", "是"], "\(table)")
        #expect(try cli.ok(picked + ["--format", "csv"]).stdout.contains("CASE-2023-0001,false,true\r\n"))
        #expect(try cli.ok(picked + ["--format", "json"]).stdout.contains(#""hearing_held": false, "published": true"#))
        // The same shape everywhere people read: no table of the demo year shows true or false.
        var commands = DemoOutput.listCommands + DemoOutput.showCommands.prefix(8)
        commands += [["calendar", "show", "2023"], ["officer", "show", "ZF-01"], ["report", "--describe", "case_register"],
                     ["report", "--describe", "annual"]]
        commands += ReportOutputTests.reports.flatMap { [["report", $0], ["report", $0, "--wide"]] }
        var found: [String] = []
        for command in commands {
            let cells = Self.cells(try cli.ok(command).stdout)
            found += cells.filter { ["true", "false", "t", "f", "yes", "no"].contains($0) }.map { "\(command): \($0)" }
        }
        #expect(found.isEmpty, "\(found.prefix(10))")
        #expect(try cli.ok(["officer", "list", "--format", "json"]).stdout.contains(#""certified": true"#))
    }

    @Test func describeMarksTheDefaultsAndEveryDescriptionIsOneValidDocument() throws {
        let cli = try DemoOutput.cli()
        let described = try cli.ok(["report", "--describe", "case_register", "--wide"]).stdout
        #expect(described.contains("order and --after: accepted_on,case_id"), "\(described)")
        let lines = described.split(separator: "\n").map(String.init)
        #expect(Self.header(lines.first { $0.hasPrefix("column ") } ?? "") == ["column", "default", "zh", "en", "holds"])
        #expect(lines.contains { $0.hasPrefix("case_id ") && $0.contains(" 是 ") }, "\(described)")
        #expect(lines.contains { $0.hasPrefix("penalty_zh ") && $0.contains(" 否 ") }, "\(described)")
        var outputs: [(name: String, json: String, schema: String)] = []
        for name in ReportQuery.names {
            outputs.append(("report --describe \(name)", try cli.ok(["report", "--describe", name, "--format", "json"]).stdout,
                            "describe-report.schema.json"))
        }
        #expect(try JSONSchemaTests.invalid(outputs) == [])
        // annual: one document naming the members of the JSON the report prints.
        let annual = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["report", "--describe", "annual", "--format",
                                                                                           "json"]).stdout.utf8)) as? [String: Any])
        let members = (annual["columns"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["report", "annual", "--year", "2023", "--format",
                                                                                             "json"]).stdout.utf8)) as? [String: Any])
        #expect(Set(members) == Set(document.keys) && annual["writes"] as? [String] == ["annual-YEAR.md", "annual-YEAR.html",
                                                                                         "annual-YEAR.docx"])
    }

    @Test func columnsAndWideWithAnnualOrDescribeAreDecidedOneWay() throws {
        let cli = try DemoOutput.cli()
        for arguments in [["report", "annual", "--year", "2023", "--columns", "year"], ["report", "annual", "--year", "2023", "--wide"],
                          ["report", "--describe", "case_register", "--columns", "case_id"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2 && result.stdout.isEmpty && result.errorLines.count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasSuffix("see `jointops report --help`\n"), "\(result.stderr)")
        }
        // --wide widens the description's own table; on a narrow terminal the description is cut without it.
        let narrow = try TableWidthTests.onTerminal(cli, ["report", "--describe", "annual"], columns: 80)
        let wide = try TableWidthTests.onTerminal(cli, ["report", "--describe", "annual", "--wide"], columns: 80)
        #expect(narrow.contains("…") && !wide.contains("…") && wide.contains("an array of objects: metric, label_zh, label_en, by_source"))
    }
}

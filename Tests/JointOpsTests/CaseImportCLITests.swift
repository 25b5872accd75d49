import Foundation
import Postgres
import Testing
import TestSupport

/// Issue 11 point 6, through the binary: `jointops case import` with good rows, each kind of bad row, and a
/// second run; the imported mark in the views; timeliness only where the register dated the step.
@Suite struct CaseImportCLITests {
    static let header = "案件编号,执法机构,行业,当事人,当事人类型,证件号码,违法日期,地点,违法事实,车牌,立案日期,法律依据,处罚种类,罚款金额,决定书文号,决定日期,送达日期,公示日期,缴款日期,结案日期"

    /// Line 2 and 3 are good; lines 4–10 each break one rule.
    static let mixed = [
        header,
        "乌交执〔2026〕001号,WSZD,黑车,马某,自然人,654202199001011234,2026-01-08,乌苏市火车站广场,非法载客,新G·12345,2026-01-09,RTR-63,罚款,20000,乌交罚决〔2026〕1号,2026-02-20,2026-02-24,2026-02-27,2026-03-05,2026-03-10",
        "乌交执〔2026〕002号,WSZD,blackCar,李某,individual,654202198505052345,2026-02-14,乌苏市汽车客运站,\"非法载客，每人50元\",新G·23456,2026-02-15,RTR-63,fine,15000,乌交罚决〔2026〕2号,2026-03-30,,,,",
        "乌交执〔2026〕003号,WSZD,黑车,赵某,自然人,654202199103033456,2026-03-01,乌苏市奎屯路,非法载客,,2026-03-02,RTR-68-2023,罚款,2000,乌交罚决〔2026〕3号,2026-04-01,,,,",
        "乌交执〔2023〕004号,WSZD,班线客运,乌苏市某某客运有限公司,法人或其他组织,91654202MA7XXXXX1K,2023-03-01,乌苏市客运站,驾驶员无从业资格,,2023-03-02,RTR-64,罚款,1500,乌交罚决〔2023〕4号,2023-04-10,,,,",
        "乌交执〔2026〕005号,WSZD,黑车,钱某,自然人,654202199205054567,2026-04-01,乌苏市人民医院,非法载客,,2026-04-02,RTR-63,罚款,20000,乌交罚决〔2026〕5号,2026-05-10,2026-05-06,,,",
        "乌交执〔2026〕006号,WSZD,黑车,马某,自然人,654202199001011234,2026-01-08,乌苏市火车站广场,非法载客,,2026-01-10,RTR-63,罚款,20000,乌交罚决〔2026〕6号,2026-02-21,,,,",
        "乌交执〔2026〕007号,WSZD,黑车,孙某,自然人,654202199307075678,2026-06-01,乌苏市北京路,非法载客,,2026-06-02,RTR-63,罚款,20000,乌交罚决〔2026〕1号,2026-07-01,,,,",
        "乌交执〔2026〕008号,WSZD,黑车,周某,自然人,654202199408086789,2026-02-30,乌苏市南苑路,非法载客,,,,,,,,,,,",
        "乌交执〔2026〕009号,WSZD,黑车,吴某,自然人,654202199509097890,2026-06-05,乌苏市西大街,非法载客,,2026-06-06,RTR-63,罚款,两万,乌交罚决〔2026〕9号,2026-07-06,,,,",
    ].joined(separator: "\r\n") + "\r\n"

    static func file(_ text: String, bom: Bool = true) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID()).csv")
        try Data(((bom ? "\u{FEFF}" : "") + text).utf8).write(to: url)
        return url.path
    }

    /// `line → (result, case, reason)` of a CSV report.
    static func report(_ result: CLIRunner.Result) -> [Int: [String]] {
        var rows: [Int: [String]] = [:]
        for line in result.stdout.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            if let number = Int(fields[0]) { rows[number] = Array(fields.dropFirst()) }
        }
        return rows
    }

    @Test func goodRowsImportEachBadRowIsRefusedWithItsLineAndASecondRunImportsNothingTwice() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let path = try Self.file(Self.mixed)
            let first = try cli.run(["case", "import", path, "--format", "csv"])
            #expect(first.status == 3)
            #expect(first.errorLines == ["jointops: 2 imported, 0 imported before, 7 refused: correct the refused lines and "
                                         + "import the file again (imported rows are not imported twice)"])
            let rows = Self.report(first)
            #expect(rows[2]?.prefix(2) == ["imported", "CASE-2026-0001"])
            #expect(rows[3]?.prefix(2) == ["imported", "CASE-2026-0002"])
            let reasons = rows.mapValues { $0.last ?? "" }
            #expect(reasons[4]?.contains("RTR-68-2023 does not apply to blackCar") == true)
            #expect(reasons[5]?.contains("RTR-64") == true && reasons[5]?.contains("2023-03-01") == true)
            #expect(reasons[6]?.contains("the service of the decision is dated 2026-05-06, before the decision on 2026-05-10") == true)
            #expect(reasons[7]?.contains("CASE-2026-0001") == true && reasons[7]?.contains("fine") == true)
            #expect(reasons[8]?.contains("乌交罚决〔2026〕1号") == true && reasons[8]?.contains("CASE-2026-0001") == true)
            #expect(reasons[9]?.contains("违法日期 (act_date) `2026-02-30` is not a date; write YYYY-MM-DD, e.g. 2026-03-05") == true)
            #expect(reasons[10]?.contains("罚款金额 (fine_yuan) `两万` is not an amount") == true)
            for line in 4...10 { #expect(rows[line]?.first == "refused", "line \(line)") }

            let second = try cli.run(["case", "import", path, "--format", "csv"])
            #expect(second.status == 3)
            let again = Self.report(second)
            #expect(again[2]?.prefix(2) == ["alreadyImported", "CASE-2026-0001"])
            #expect(again[3]?.prefix(2) == ["alreadyImported", "CASE-2026-0002"])
            #expect(second.errorLines.first?.hasPrefix("jointops: 0 imported, 2 imported before, 7 refused") == true)
            // The table is read by people: each line's result by its label; CSV and JSON keep the codes.
            let table = try cli.run(["case", "import", path]).stdout
            #expect(table.contains("line 2: 此前已导入 CASE-2026-0001: imported before; nothing written"), "\(table)")
            #expect(table.contains("line 4: 未导入: ") && !table.contains("alreadyImported"), "\(table)")
            let list = try cli.ok(["case", "list", "--format", "csv"])
            #expect(list.stdout.split(whereSeparator: \.isNewline).count == 3)   // the header and the two imported cases

            let show = try cli.ok(["case", "show", "CASE-2026-0001"])
            #expect(show.stdout.contains("导入") && show.stdout.contains("乌交罚决〔2026〕1号"))
            #expect(list.stdout.contains("导入"))
        }
    }

    /// A row's command id comes from its identity (agency and case number): the same row from another file is
    /// a retry, a row under that identity with other content is another command, refused for its line.
    @Test func aRowImportedBeforeWithChangedContentIsRefusedAndAnUnchangedOneIsARetry() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let lines = Self.mixed.components(separatedBy: "\r\n")
            try cli.ok(["case", "import", try Self.file(lines[0...2].joined(separator: "\n")), "--format", "csv"])
            let changed = lines[1].replacingOccurrences(of: ",罚款,20000,", with: ",罚款,18000,")
            let again = try cli.run(["case", "import", try Self.file([lines[0], lines[2], changed].joined(separator: "\n")),
                                     "--format", "csv"])
            #expect(again.status == 3)
            let rows = Self.report(again)
            #expect(rows[2]?.prefix(2) == ["alreadyImported", "CASE-2026-0002"], "the unchanged row, now on line 2")
            #expect(rows[3]?.first == "refused")
            #expect(rows[3]?.last?.contains("was already used for CASE-2026-0001 by `case import` (导入案件)") == true,
                    "\(again.stdout)")
            let show = try cli.ok(["case", "show", "CASE-2026-0001"]).stdout
            #expect(show.contains("20000") && !show.contains("18000"))
        }
    }

    @Test func anImportedCaseWithoutAServiceDateIsNotKnownRatherThanLate() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            try cli.run(["case", "import", try Self.file(Self.mixed)])
            try cli.ok(["project", "run", "--once"])
            let connection = try database.connect()
            let rows = try connection.execute("""
                SELECT case_id, source, imported, served_on_time, decided_within_deadline, published_on_time
                FROM reporting.case_register ORDER BY case_id
                """)
            #expect(rows.rowCount == 2)
            #expect(try rows[0].get(1, as: String.self) == "imported" && rows[0].get(2, as: Bool.self))
            #expect(try rows[0].decode(3, as: Bool.self) == true && rows[0].decode(5, as: Bool.self) == true)
            #expect(try rows[1].decode(3, as: Bool.self) == nil && rows[1].decode(5, as: Bool.self) == nil)
            #expect(try rows[1].decode(4, as: Bool.self) == true)
            let served = try connection.execute("""
                SELECT value::float8 FROM reporting.annual_statistics WHERE year = 2026 AND metric = 'served_on_time_pct'
                """)
            #expect(try served[0].get(0, as: Double.self) == 100)   // one served case, on time; the other not known
            let clocks = try connection.execute("""
                SELECT kind, timeliness FROM reporting.case_deadlines WHERE case_id = 'CASE-2026-0002' ORDER BY kind
                """)
            #expect(try clocks.rows.map { try $0.get(0, as: String.self) } == ["decision"])
        }
    }

    @Test func theExampleRegisterImportsWholeAndAgainImportsNothing() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("examples/case-register-2026.csv").path
            let first = try cli.ok(["case", "import", example])
            #expect(first.stdout.hasSuffix("4 imported, 0 imported before, 0 refused\n"))
            let second = try cli.ok(["case", "import", example])
            #expect(second.stdout.hasSuffix("0 imported, 4 imported before, 0 refused\n"))
        }
    }

    @Test func aFileWithoutARequiredColumnOrUnreadableIsRefusedWholeWithExit2() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let english = "agency,sector,party_name,party_id,act_date,description\nWSZD,blackCar,马某,654202199001011234,2026-01-08,非法载客\n"
            let path = try Self.file(english, bom: false)
            let missing = try cli.run(["case", "import", path])
            #expect(missing.status == 2)
            #expect(missing.errorLines == ["jointops: cannot import \(path): required column missing: 地点 (place); add it to the first line"])
            let absent = try cli.run(["case", "import", "/nonexistent/register.csv"])
            #expect(absent.status == 2)
            #expect(absent.errorLines == ["jointops: cannot import /nonexistent/register.csv: the file does not exist or cannot be read; check the path"])
            #expect(try cli.ok(["case", "list", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).count <= 1)
        }
    }
}

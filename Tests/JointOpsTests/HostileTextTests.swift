import Enforcement
import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 12 point 7: personal data typed into free text never reaches the analysts' views, CSV cells cannot
/// become spreadsheet formulas, and control characters are refused on input and never printed raw.
@Suite struct HostileTextTests {
    typealias V = ViewSupport

    static let idNumber = "654202199001015678"
    static let mobile = "13912345678"
    static let hostile = "当事人身份证\(idNumber)，电话\(mobile)，驾驶新G12345、新G·54321载客"

    /// A published case whose party (a person's ID number entered as an organisation's), place and facts
    /// carry an ID number, a mobile and plates, and a referral whose subject does; returns the case id.
    static func hostileCase(_ cli: CLIRunner) throws -> String {
        let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", hostile])
        let id = String(lead.stdout.prefix(while: { $0 != ":" }))
        try cli.ok(["case", "file", id, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--party-name", "乌苏市某某运输有限公司",
                    "--party-kind", "organisation", "--party-id", idNumber, "--act-date", V.day(-1),
                    "--act-place", "乌苏市火车站广场（车牌新G12345）", "--sector", "rideHailing", "--description", hostile])
        try cli.ok(["case", "assign-officers", id, "--officer", "ZF-01", "--officer", "ZF-02"])
        try cli.ok(["case", "record-evidence", id, "--kind", "siteRecord", "--description", hostile,
                    "--media", "dvr/0001.mp4", "--sha256", String(repeating: "ab", count: 32),
                    "--officer", "ZF-01", "--officer", "ZF-02"])
        try cli.ok(["case", "conclude-investigation", id, "--findings", hostile])
        try cli.ok(["case", "request-review", id])
        try cli.ok(["review", "pass", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--opinion", "同意。" + hostile])
        try cli.ok(["case", "serve-notice", id, "--fine", "500", "--basis", "RIDE-34-3-2022"])
        try cli.ok(["case", "receive-statement", id, "--summary", hostile])
        try cli.ok(["case", "decide-penalty", id, "--fine", "500", "--basis", "RIDE-34-3-2022",
                    "--number", "乌交执罚〔\(V.today.year)〕第001号"])
        try cli.ok(["case", "publish", id, "--reference", "乌苏市人民政府网站/执法公示/0001"])
        try cli.ok(["referral", "send", "--kind", "agencyToAgency", "--from", "WSZD", "--to", "WSJJ",
                    "--subject", hostile, "--case", id, "--plate", "新G12345"])
        return id
    }

    static let leaks = [#"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])"#, #"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"#,
                        #"新G·?[0-9A-Z]{5,6}(?![0-9A-Z*])"#]

    @Test func noIdNumberMobileOrPlateSurvivesInAnyTextColumnOfAnyReportingView() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try Self.hostileCase(cli)
            // Catches every projection up; the trap is armed: the hostile text reached the register, masked.
            let register = try V.report(cli, "publicity_register").first { $0["case_id"] == id }
            #expect(register?["violation_zh"]?.contains("654***********5678") == true, "\(register ?? [:])")
            #expect(register?["violation_zh"]?.contains("139****5678") == true)
            #expect(register?["violation_zh"]?.contains("新G·1***5") == true)
            #expect(try V.report(cli, "referrals").contains { $0["subject_zh"]?.contains("新G·5***1") == true })

            let connection = try database.connect()
            let columns = try connection.execute("""
                SELECT table_name::text, column_name::text FROM information_schema.columns
                WHERE table_schema = 'reporting' AND data_type = 'text' ORDER BY table_name, ordinal_position
                """).rows.map { (try $0.get(0, as: String.self), try $0.get(1, as: String.self)) }
            #expect(columns.count > 40)
            #expect(columns.contains { $0 == ("publicity_register", "violation_zh") })
            #expect(columns.contains { $0 == ("referrals", "subject_zh") })
            for (view, column) in columns {
                for pattern in Self.leaks {
                    let hits = try connection.execute("""
                        SELECT count(*)::int FROM reporting.\(view) WHERE \(column) ~ $1
                        """, [pattern]).rows[0].get(0, as: Int.self)
                    #expect(hits == 0, "reporting.\(view).\(column) shows \(pattern)")
                }
            }
        }
    }

    @Test func csvTextCellsThatExcelWouldRunAsFormulasGetAQuoteAndNumbersNever() {
        let table = Table(["name", "fine"], rows: [["=HYPERLINK(\"http://x\")", "-5"], ["+A1", "1,200"], ["+1", "+2"], ["-x", "12.5%"],
                                                    ["@SUM(A1)", "0"], ["\tTAB", "3"], ["\rCR", "4"], ["黑车", "-7"]])
        let csv = table.rendered(as: .csv)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\",-5\r\n"))
        #expect(csv.contains("'+A1,\"1,200\"\r\n"))
        #expect(csv.contains("+1,+2\r\n"))
        #expect(csv.contains("'-x,12.5%\r\n"))
        #expect(csv.contains("'@SUM(A1),0\r\n"))
        #expect(csv.contains("'\tTAB,3\r\n"))
        // A carriage return is a control character: never printed raw, so it cannot start a formula either.
        #expect(csv.contains("\\x0DCR,4\r\n"))
        #expect(csv.contains("黑车,-7\r\n"))
        #expect(table.rendered(as: .csv, excelBOM: true).contains("'@SUM(A1),0\r\n"))
    }

    @Test func controlCharactersAreRefusedOnInputInOneLine() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            let before = try HandlerFixtures.eventCount(database.connect())
            for bad in ["乌苏\u{1B}[2J市交通局", "乌苏\r市交通局", "乌苏\u{7}市", "乌苏\u{9B}31m市"] {
                let result = try cli.run(["agency", "register", "WSXX", "--name", bad, "--kind", "transport"])
                #expect(result.status == 2)
                #expect(result.errorLines.count == 1, "\(result.stderr)")
                #expect(result.stderr.contains("holds the control character U+"))
                #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\r"))
            }
            try cli.ok(["agency", "register", "WSXX", "--name", "乌苏市\t交通局\n第二行", "--kind", "transport"])
            #expect(try HandlerFixtures.eventCount(database.connect()) == before + 1)
        }
    }

    @Test func controlCharactersRecordedBeforeTheRefusalArePrintedVisiblyEscaped() throws {
        try TestDatabase.with { database in
            // Older events: written through the application, which (unlike the command line) never refused them.
            let app = try HandlerFixtures.application(database)
            let on = HandlerFixtures.request("2023-01-03")
            try app.handler(RegistryDecider.self).handle(.registerAgency(.init(code: "WSEV", nameZh: "恶意\u{1B}[31m机构\u{9B}", kind: .other)),
                                                         on: StreamKind.registryStream, mustExist: false, request: on)
            try app.handler(RegistryDecider.self).handle(.registerOfficer(id: "ZF-66", nameZh: "王\u{1B}]0;pwned\u{7}", agency: "WSEV",
                                                                          certificateNumber: nil),
                                                         on: StreamKind.registryStream, mustExist: false, request: on)
            let cli = CLIRunner(database: database)
            for arguments in [["agency", "list"], ["agency", "list", "--format", "csv"], ["officer", "list"],
                              ["officer", "list", "--format", "csv"], ["officer", "list", "--format", "json"]] {
                let output = try cli.ok(arguments).stdout.replacingOccurrences(of: "\r\n", with: "\n")
                #expect(!output.unicodeScalars.contains { ControlCharacters.isRefused($0) }, "\(arguments): \(output.debugDescription)")
            }
            #expect(try cli.ok(["agency", "list"]).stdout.contains("恶意\\x1B[31m机构\\x9B"))
            #expect(try cli.ok(["officer", "list", "--format", "csv"]).stdout.contains("王\\x1B]0;pwned\\x07"))
        }
    }
}

import Foundation
import Testing
import TestSupport

/// Issue 11 point 5 through the built binary: `case correct` records a correction, `case show` prints the history,
/// the publicity register shows the republished decision marked 更正, and after service only clerical errors pass.
@Suite struct CaseCorrectionCLITests {
    typealias V = ViewSupport

    @Test func aCorrectionShowsInTheHistoryAndTheRegisterAndAfterServiceOnlyClericalErrorsPass() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try RevokedDecisionReportTests.decidedAndPublished(cli)

            // Before service: the fine is corrected, by another officer, and the decision republished.
            let fine = try cli.ok(["case", "correct", id, "--field", "fine", "--value", "400", "--reason", "罚款金额录入笔误",
                                   "--officer", "ZF-02", "--on-behalf-of", "ZF-02"])
            #expect(fine.stdout.contains(": 更正案件信息 → "), "\(fine.stdout)")
            try cli.ok(["case", "correct", id, "--field", "actDescription", "--value", "未取得网约车运输证，通过平台接单载客",
                        "--reason", "违法事实表述不准确"])
            let show = try V.show(cli, id)
            #expect(show["correction 1"]?.contains("更正 罚款金额（元）: 500 → 400, by ZF-02, reason: 罚款金额录入笔误") == true,
                    "\(show)")
            #expect(show["correction 1"]?.contains("decision republished masked") == true)
            #expect(show["correction 2"]?.contains("未取得经营许可载客 → 未取得网约车运输证，通过平台接单载客") == true, "\(show)")
            #expect(show["act"]?.contains("未取得网约车运输证，通过平台接单载客") == true)
            #expect(show["outcome"]?.contains("罚款 400 yuan") == true)
            let row = try #require(try V.report(cli, "publicity_register").first { $0["case_id"] == id })
            #expect(row["corrected"] == "true" && row["corrected_on"] == V.today.description, "\(row)")
            #expect(row["penalty_zh"] == "罚款 400 元" && row["violation_zh"] == "未取得网约车运输证，通过平台接单载客", "\(row)")

            // After service: a clerical error passes, the fine is refused in one line with exit 3 and nothing written.
            try cli.ok(["case", "serve-decision", id, "--method", "inPerson"])
            try cli.ok(["case", "correct", id, "--field", "partyName", "--value", "马晓明", "--reason", "姓名录入笔误"])
            let before = try cli.ok(["events", "list", "--stream", id, "--limit", "500"]).stdout
            let refused = try cli.run(["case", "correct", id, "--field", "fine", "--value", "300", "--reason", "改罚"])
            #expect(refused.status == 3 && refused.errorLines.count == 1, "\(refused.stderr)")
            #expect(refused.stderr.contains("only by revoking the decision with `jointops case revoke-decision \(id) --by TEXT --reason TEXT`"),
                    "\(refused.stderr)")
            let identity = try cli.run(["case", "correct", id, "--field", "partyKind", "--value", "organisation",
                                        "--reason", "当事人应为公司"])
            #expect(identity.status == 3, "\(identity.stderr)")
            let badValue = try cli.run(["case", "correct", id, "--field", "plate", "--value", "ABC", "--reason", "笔误"])
            #expect(badValue.status == 2, "\(badValue.stderr)")
            let badField = try cli.run(["case", "correct", id, "--field", "colour", "--value", "红", "--reason", "笔误"])
            #expect(badField.status == 2, "\(badField.stderr)")
            #expect(try cli.ok(["events", "list", "--stream", id, "--limit", "500"]).stdout == before)
            #expect(try V.show(cli, id)["party"]?.hasPrefix("马晓明") == true)
        }
    }

    @Test func theHelpListsTheFieldsByCodeWithTheirChineseLabels() throws {
        try TestDatabase.with { database in
            let help = try CLIRunner(database: database).run(["case", "correct", "--help"])
            for text in ["partyName", "当事人姓名或名称", "legalBasis", "法律依据", "待确认"] {
                #expect(help.stdout.contains(text), "\(text) missing from: \(help.stdout)")
            }
        }
    }
}

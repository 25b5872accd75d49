import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 10, point 3 through the built binary, with dates relative to today: reviewers, approvers and the
/// officers on an act are checked by duty and date, and each refusal names the command that fixes it.
@Suite struct AuthorityCLITests {
    static let today = LocalDate(Date())
    static func day(_ offset: Int) -> String { today.adding(days: offset).description }

    /// A filed black-car case of WSZD with ZF-01 and ZF-02 assigned, evidence recorded, concluded and sent to review.
    static func caseAwaitingReview(_ cli: CLIRunner) throws -> String {
        let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "inspection",
                               "--summary", "巡查发现黑车", "--at", day(-10)])
        let id = String(lead.stdout.prefix(while: { $0 != ":" }))
        try cli.ok(["case", "file", id, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--party-name", "马某",
                    "--party-id", "654202199001011234", "--act-date", day(-12), "--act-place", "乌苏市火车站广场",
                    "--sector", "blackCar", "--description", "未取得经营许可载客", "--at", day(-10)])
        try cli.ok(["case", "assign-officers", id, "--officer", "ZF-01", "--officer", "ZF-02", "--at", day(-10)])
        try cli.ok(["case", "record-evidence", id, "--kind", "siteRecord", "--description", "现场检查笔录",
                    "--media", "dvr/0001.mp4", "--sha256", String(repeating: "ab", count: 32),
                    "--officer", "ZF-01", "--officer", "ZF-02", "--at", day(-9)])
        try cli.ok(["case", "conclude-investigation", id, "--findings", "违法事实清楚", "--at", day(-8)])
        try cli.ok(["case", "request-review", id, "--at", day(-8)])
        return id
    }

    @Test func aReviewNeedsANamedDesignatedReviewerWhoDidNotInvestigate() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try Self.caseAwaitingReview(cli)
            let pass = ["review", "pass", id, "--opinion", "同意", "--at", Self.day(-7)]

            let unnamed = try cli.run(pass)
            #expect(unnamed.status == 2 && unnamed.stderr.contains("--reviewer"))
            let nobody = try cli.run(pass + ["--reviewer", "NOBODY"])
            #expect(nobody.status == 2)
            #expect(nobody.stderr.contains("no officer has the id NOBODY: see the registered officers with `jointops officer list`"))
            let investigator = try cli.run(pass + ["--reviewer", "ZF-01"])
            #expect(investigator.status == 3)
            #expect(investigator.stderr.contains("officer ZF-01 investigated case \(id) and may not review it (APL 58)"))
            let undesignated = try cli.run(pass + ["--reviewer", "ZF-09", "--on-behalf-of", "ZF-09"])
            #expect(undesignated.status == 3)
            #expect(undesignated.errorLines == ["jointops: officer ZF-09 is not designated 法制审核人员 (legalReviewer) of WSZD on "
                + "\(Self.day(-7)): designate with `jointops officer designate ZF-09 --role legalReviewer --agency WSZD "
                + "--from \(Self.day(-7))`, or name an officer who is"])

            // The bureau's reviewer, designated for the brigade, reviews; after her duty ends she no longer may.
            try cli.ok(["officer", "undesignate", "FZ-01", "--role", "legalReviewer", "--agency", "WSZD", "--to", Self.day(-7)])
            let shown = try cli.ok(["officer", "show", "FZ-01", "--format", "csv"])
            #expect(shown.stdout.contains("法制审核人员 of WSZD 2023-01-03 to \(Self.day(-7))"))
            let late = try cli.run(["review", "pass", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--opinion", "同意", "--at", Self.day(-6)])
            #expect(late.status == 3 && late.stderr.contains("officer FZ-01 is not designated 法制审核人员 (legalReviewer)"))
            let passed = try cli.ok(pass + ["--reviewer", "FZ-01", "--on-behalf-of", "FZ-01"])
            #expect(passed.stdout.contains(": 法制审核通过 → 调查终结"), "\(passed.stdout)")
        }
    }

    @Test func aWithdrawnCertificateLeavesEarlierActsStandingAndApprovalsNeedTheApprover() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try Self.caseAwaitingReview(cli)
            try cli.ok(["case", "return-review", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--reason", "补充询问笔录", "--at", Self.day(-7)])
            try cli.ok(["officer", "withdraw-certificate", "ZF-02", "--reason", "调离执法岗位", "--at", Self.day(-5)])
            let evidence = ["case", "record-evidence", id, "--kind", "interviewRecord", "--description", "补充询问笔录",
                            "--media", "docs/询问笔录.pdf", "--sha256", String(repeating: "cd", count: 32),
                            "--officer", "ZF-01", "--officer", "ZF-02"]
            let onTheDay = try cli.run(evidence + ["--at", Self.day(-5)])
            #expect(onTheDay.status == 3)
            #expect(onTheDay.stderr.contains("officer ZF-02 holds no valid enforcement certificate on \(Self.day(-5))"))
            try cli.ok(evidence + ["--at", Self.day(-6)])

            let list = try cli.ok(["officer", "list", "--agency", "WSZD", "--format", "csv"])
            #expect(list.stdout.contains("ZD-01,何军,WSZD,,false,审批负责人 of WSZD from 2023-01-03"))
            let shown = try cli.ok(["officer", "show", "ZF-02"])
            #expect(shown.stdout.contains("valid, withdrawn \(Self.day(-5))"))

            let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "群众举报黑车",
                                   "--at", Self.day(-4)])
            let other = String(lead.stdout.prefix(while: { $0 != ":" }))
            let file = ["case", "file", other, "--agency", "WSZD", "--party-name", "李某", "--party-id", "654202199202021234",
                        "--act-date", Self.day(-5), "--act-place", "乌苏市客运站", "--sector", "blackCar",
                        "--description", "载客收费", "--at", Self.day(-4)]
            let byInvestigator = try cli.run(file + ["--approver", "ZF-01"])
            #expect(byInvestigator.status == 3)
            #expect(byInvestigator.stderr.contains("officer ZF-01 is not designated 审批负责人 (approver) of WSZD on \(Self.day(-4)): "
                + "designate with `jointops officer designate ZF-01 --role approver --agency WSZD --from \(Self.day(-4))`"))
            try cli.ok(file + ["--approver", "ZD-01", "--on-behalf-of", "ZD-01"])
        }
    }
}

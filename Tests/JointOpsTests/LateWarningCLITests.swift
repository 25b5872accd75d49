import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 10 point 6 on every late act, through the built binary: an act done after its deadline is recorded
/// (exit 0) with one warning line on stderr, whichever clock it stops; an act in time prints none.
@Suite struct LateWarningCLITests {
    typealias V = ViewSupport

    @Test func aVehicleReleasedAfterItsSeizureRanOutWarnsAndOneReleasedInTimeDoesNot() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try DateRulesCLITests.filedCase(cli)
            for plate in ["新G12345", "新G54321"] {
                try cli.ok(["case", "seize-vehicle", id, "--plate", plate, "--officer", "ZF-01", "--officer", "ZF-02",
                            "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--place", "执法大队停车场", "--at", V.day(-48)])
            }
            // 30 days from 48 days ago: the first release is in time, the second 18 days late or so.
            let inTime = try cli.ok(["case", "release-vehicle", id, "--plate", "新G12345", "--reason", "解除扣押",
                                     "--at", V.day(-20)])
            #expect(inTime.stderr.isEmpty, "\(inTime.stderr)")
            let late = try cli.ok(["case", "release-vehicle", id, "--plate", "新G54321", "--reason", "解除扣押",
                                   "--at", V.day(0)])
            #expect(late.errorLines.count == 1, "\(late.stderr)")
            #expect(late.stderr.hasPrefix("jointops: warning: late: 扣押期限 done \(V.day(0)) after its last day "), "\(late.stderr)")
            #expect(late.stderr.contains("逾期完成, ") && late.stderr.contains(" 日; recorded as late"), "\(late.stderr)")
        }
    }

    @Test func aFilingDeclinedAfterItsDeadlineWarns() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint",
                                   "--summary", "群众举报黑车", "--at", V.day(-40)])
            let id = String(lead.stdout.prefix(while: { $0 != ":" }))
            let declined = try cli.ok(["case", "decline-filing", id, "--reason", "不属于本机关管辖", "--at", V.day(0)])
            #expect(declined.errorLines.count == 1, "\(declined.stderr)")
            #expect(declined.stderr.contains("late: 立案审批期限 done \(V.day(0)) after its last day "), "\(declined.stderr)")
            #expect(declined.stderr.contains("立案审批期限") && declined.stderr.contains("个工作日"), "\(declined.stderr)")
        }
    }

    @Test func aRectificationClosedOutAfterItsDueDateWarns() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let raised = try cli.ok(["rectify", "raise", "--description", "案卷缺少送达回证", "--found-by", "法制科",
                                     "--found-during", "caseFileAudit", "--at", V.day(-30)])
            let id = String(raised.stdout.prefix(while: { $0 != ":" }))
            try cli.ok(["rectify", "issue-opinion", id, "--opinion", "补齐送达回证", "--issued-by", "FZ-01", "--on-behalf-of", "FZ-01", "--at", V.day(-29)])
            try cli.ok(["rectify", "assign-owner", id, "--owner", "执法一中队", "--due", V.day(-10), "--at", V.day(-28)])
            try cli.ok(["rectify", "report-rectified", id, "--description", "已补齐", "--at", V.day(-5)])
            try cli.ok(["rectify", "verify", id, "--verified-by", "FZ-01", "--on-behalf-of", "FZ-01", "--at", V.day(-2)])
            let closed = try cli.ok(["rectify", "close-out", id, "--closed-by", "FZ-01", "--on-behalf-of", "FZ-01", "--at", V.day(0)])
            #expect(closed.errorLines.count == 1, "\(closed.stderr)")
            #expect(closed.stderr.contains("late: rectification closed out \(V.day(0)) after its due date \(V.day(-10)): 逾期销号, 10 日"),
                    "\(closed.stderr)")
        }
    }
}

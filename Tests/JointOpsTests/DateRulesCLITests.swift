import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 10, points 5, 6 and 9 through the built binary, with dates relative to today.
@Suite struct DateRulesCLITests {
    static let today = LocalDate(Date())
    static func day(_ offset: Int) -> String { today.adding(days: offset).description }

    /// A black-car case of an act 50 days ago, filed 48 days ago; returns its id.
    static func filedCase(_ cli: CLIRunner, party: String = "654202199001011234") throws -> String {
        let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "inspection",
                               "--summary", "巡查发现黑车", "--at", day(-48)])
        let id = String(lead.stdout.prefix(while: { $0 != ":" }))
        try cli.ok(["case", "file", id, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--party-name", "马某",
                    "--party-id", party, "--act-date", day(-50), "--act-place", "乌苏市火车站广场",
                    "--sector", "blackCar", "--description", "未取得经营许可载客", "--at", day(-48)])
        try cli.ok(["case", "assign-officers", id, "--officer", "ZF-01", "--officer", "ZF-02", "--at", day(-48)])
        return id
    }

    /// The case of `filedCase`, decided (no penalty) 45 days ago; returns its id.
    static func decidedCase(_ cli: CLIRunner, number: String = "乌交执不罚〔2026〕1号") throws -> String {
        let id = try filedCase(cli)
        try cli.ok(["case", "record-evidence", id, "--kind", "siteRecord", "--description", "现场检查笔录",
                    "--media", "dvr/0001.mp4", "--sha256", String(repeating: "ab", count: 32),
                    "--officer", "ZF-01", "--officer", "ZF-02", "--at", day(-47)])
        try cli.ok(["case", "conclude-investigation", id, "--findings", "违法事实不能成立", "--at", day(-46)])
        try cli.ok(["case", "decide-no-penalty", id, "--reason", "factsNotEstablished", "--number", number,
                    "--at", day(-45)])
        return id
    }

    @Test func datesOutOfOrderOrAheadOfTheClockAreRefusedWithBothDates() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try Self.decidedCase(cli)
            let early = try cli.run(["case", "serve-decision", id, "--method", "inPerson", "--at", Self.day(-46)])
            #expect(early.status == 3)
            #expect(early.stderr.contains(Self.day(-46)) && early.stderr.contains(Self.day(-45)), "\(early.stderr)")
            let filed = try Self.filedCase(cli, party: "654202199303031234")
            let evidence = try cli.run(["case", "record-evidence", filed, "--kind", "document", "--description", "补充",
                                        "--media", "m.pdf", "--sha256", String(repeating: "ab", count: 32),
                                        "--officer", "ZF-01", "--officer", "ZF-02", "--at", Self.day(-51)])
            #expect(evidence.status == 3)
            #expect(evidence.stderr.contains(Self.day(-51)) && evidence.stderr.contains(Self.day(-50)), "\(evidence.stderr)")
            // Before filing but not before the act: allowed.
            try cli.ok(["case", "record-evidence", filed, "--kind", "document", "--description", "补充",
                        "--media", "m.pdf", "--sha256", String(repeating: "ab", count: 32),
                        "--officer", "ZF-01", "--officer", "ZF-02", "--at", Self.day(-49)])
            // An hour ahead of the clock is refused; today as a date is the whole day, so it is allowed.
            let ahead = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3_600))
            let future = try cli.run(["case", "serve-decision", id, "--method", "inPerson", "--at", ahead])
            #expect(future.status == 3)
            #expect(future.stderr.contains("is later than now"))
            try cli.ok(["case", "serve-decision", id, "--method", "inPerson", "--at", Self.day(0)])
        }
    }

    @Test func aLateActIsRecordedWithAWarningAndCaseShowCarriesBothMarks() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try Self.decidedCase(cli)
            // Service is due 7 working days after the decision: today is weeks late.
            let served = try cli.ok(["case", "serve-decision", id, "--method", "inPerson", "--at", Self.day(0)])
            #expect(served.status == 0)
            #expect(served.errorLines.count == 1, "\(served.stderr)")
            #expect(served.stderr.contains("jointops: warning: late: 送达期限 done \(Self.day(0))"), "\(served.stderr)")
            #expect(served.stderr.contains("逾期完成"))
            let show = try cli.ok(["case", "show", id])
            let rows = show.stdout.split(separator: "\n")
            #expect(rows.contains { $0.hasPrefix("deadline service") && $0.contains(" 逾期完成, ") && $0.contains("个工作日") },
                    "\(show.stdout)")
            // Publication (20 working days) was never done: overdue, still open.
            #expect(rows.contains { $0.hasPrefix("deadline publication") && $0.contains(" 已逾期, ") },
                    "\(show.stdout)")
            #expect(rows.contains { $0.hasPrefix("deadline decision") && $0.hasSuffix(" 按期完成") })
        }
    }

    @Test func refusalsAreConsistentAndARevokedDecisionIsNoOutcome() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let number = "乌交执不罚〔2026〕7号"
            let first = try Self.decidedCase(cli, number: number)
            // The same number again, on another case of the agency in the same year.
            let second = try cli.run(["case", "receive-lead", "--agency", "WSZD", "--source", "inspection",
                                      "--summary", "另一线索", "--at", Self.day(-48)])
            let other = String(second.stdout.prefix(while: { $0 != ":" }))
            let refused = try cli.run(["case", "publish", other, "--reference", "gov.cn", "--at", Self.day(-1)])
            #expect(refused.status == 3, "out of order is a rule refusal: \(refused.stderr)")
            #expect(refused.stderr.contains("see what can come next with"))
            do {
                try cli.ok(["case", "file", other, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--party-name", "李某",
                            "--party-id", "654202199202021234", "--act-date", Self.day(-49), "--act-place", "客运站",
                            "--sector", "blackCar", "--description", "载客", "--at", Self.day(-48)])
                try cli.ok(["case", "assign-officers", other, "--officer", "ZF-01", "--officer", "ZF-02", "--at", Self.day(-48)])
                try cli.ok(["case", "record-evidence", other, "--kind", "siteRecord", "--description", "笔录",
                            "--media", "dvr/2.mp4", "--sha256", String(repeating: "cd", count: 32),
                            "--officer", "ZF-01", "--officer", "ZF-02", "--at", Self.day(-47)])
                try cli.ok(["case", "conclude-investigation", other, "--findings", "不成立", "--at", Self.day(-46)])
            }
            let duplicate = try cli.run(["case", "decide-no-penalty", other, "--reason", "factsNotEstablished",
                                         "--number", number, "--at", Self.day(-44)])
            #expect(duplicate.status == 3)
            #expect(duplicate.stderr.contains("already used the decision number \(number)"))
            #expect(duplicate.stderr.contains(first))

            try cli.ok(["case", "revoke-decision", first, "--by", "乌苏市人民政府（复议决定）", "--reason", "复议撤销",
                        "--at", Self.day(-10)])
            let show = try cli.ok(["case", "show", first])
            #expect(show.stdout.split(separator: "\n").contains { $0.hasPrefix("outcome") && $0.contains("none (decision revoked") },
                    "\(show.stdout)")
        }
    }
}

import Foundation
import Testing
import TestSupport

/// Issue 15, as officers type it: case-file audits, the adviser's reviews, petitions, the report's plan and
/// rectification origins — each command once allowed and once refused (one line, exit 2 or 3, nothing written).
@Suite struct YearRecordCLITests {
    /// Runs a command that must be refused with `status`, in one line, writing nothing.
    static func refused(_ cli: CLIRunner, _ arguments: [String], status: Int32, saying text: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try HandlerFixtures.eventCount(cli.database.connect())
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1 && result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try HandlerFixtures.eventCount(cli.database.connect()) == before, "wrote events", sourceLocation: sourceLocation)
    }

    /// A runner recording as the bureau's legal reviewer FZ-01 (an officer of WSJT).
    static func bureau(_ database: TestDatabase) throws -> CLIRunner {
        let cli = CLIRunner(database: database)
        try CLIEndToEndTests.registry(cli)
        var bureau = cli
        bureau.actor = "FZ-01"
        return bureau
    }

    @Test func anAuditOpensARectificationItemPerFindingAndARetryWritesNothing() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            let command = ["audit", "record", "--agency", "WSJT", "--audited", "WSZD", "--files", "60", "--scope", "2023年上半年行政处罚案卷",
                           "--finding", "执法案卷制作流程不规范", "--finding", "询问笔录记录不完整", "--date", "2023-06-15",
                           "--at", "2023-06-15", "--command-id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"]
            let first = try cli.ok(command).stdout
            #expect(first.contains("AUDIT-2023-0001: 登记案卷评查 → 已登记"))
            #expect(first.contains("RECT-2023-0001: 发现问题 → 已发现") && first.contains("RECT-2023-0002: 发现问题"))
            #expect(try cli.ok(command).stdout.contains("RECT-2023-0002: 发现问题 → 已发现, version 1 (already recorded; nothing written)"))
            let items = try cli.ok(["rectify", "list", "--format", "csv"]).stdout
            #expect(items.components(separatedBy: ",caseFileAudit,案卷评查").count == 3)
            let shown = try cli.ok(["audit", "show", "AUDIT-2023-0001"]).stdout
            #expect(shown.contains("RECT-2023-0001 执法案卷制作流程不规范（已发现）"))
            #expect(try cli.ok(["rectify", "show", "RECT-2023-0002"]).stdout.contains("AUDIT-2023-0001"))
        }
    }

    @Test func anAuditForAnotherAgencyWithoutFilesOrFromTomorrowIsRefused() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            let audit = ["audit", "record", "--agency", "WSJT", "--files", "60", "--scope", "上半年案卷", "--finding", "流程不规范",
                         "--at", "2023-06-15"]
            var brigade = cli
            brigade.actor = "ZF-01"
            try Self.refused(brigade, audit, status: 3, saying: "ZF-01 is an officer of WSZD, not of WSJT")
            try Self.refused(cli, audit.map { $0 == "60" ? "0" : $0 }, status: 2, saying: "filesReviewed 0 must be greater than 0")
            try Self.refused(cli, audit + ["--date", "2023-06-16"], status: 2, saying: "2023-06-16 is after the business date 2023-06-15")
        }
    }

    @Test func theAdvisersReviewsAreRecordedByKindAndCounted() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            try cli.ok(["counsel", "record", "--kind", "三方协议", "--subject", "城乡公交运营三方协议", "--counsel", "新疆天衡律师事务所 马律师",
                        "--agency", "WSJT", "--date", "2023-05-10", "--at", "2023-05-10"])
            let review = try cli.ok(["counsel", "record", "--kind", "case", "--subject", "黑车案件合法性审查", "--counsel", "马律师",
                                     "--agency", "WSJT", "--case", "case-2023-0001", "--at", "2023-05-12"]).stdout
            #expect(review.hasPrefix("COUNSEL-2023-0002: 登记法律顾问审核 → 已登记"))
            let listed = try cli.ok(["counsel", "list", "--year", "2023"]).stdout
            #expect(listed.contains("total 2") && listed.contains("合同协议 1") && listed.contains("案件 1"))
            #expect(try cli.ok(["counsel", "list", "--format", "csv"]).stdout.contains(",case,案件,WSJT,CASE-2023-0001,"))
        }
    }

    @Test func aReviewNamingACaseOfAProjectOrForAnotherAgencyIsRefused() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            let review = ["counsel", "record", "--kind", "重大项目", "--subject", "客运站改造提升项目", "--counsel", "马律师",
                          "--agency", "WSJT", "--at", "2023-03-10"]
            try Self.refused(cli, review + ["--case", "CASE-2023-0001"], status: 2, saying: "--case names the case of a case review")
            try Self.refused(cli, review.map { $0 == "WSJT" ? "WSZD" : $0 }, status: 3, saying: "FZ-01 is an officer of WSJT, not of WSZD")
            try Self.refused(cli, review.map { $0 == "重大项目" ? "工程" : $0 }, status: 2, saying: "工程")
        }
    }

    @Test func aLongStandingPetitionIsReceivedAndResolved() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            let received = try cli.ok(["petition", "receive", "--received-on", "2019-03-15", "--agency", "WSJT",
                                       "--subject", "出租汽车经营权有偿使用费退还诉求", "--at", "2023-01-10"]).stdout
            #expect(received.hasPrefix("PET-2023-0001: 受理信访 → 办理中") && received.contains("next: resolve"))
            try cli.ok(["petition", "resolve", "PET-2023-0001", "--resolved-on", "2023-04-20", "--outcome", "释法说理，依法退还部分费用，息诉罢访",
                        "--at", "2023-04-20"])
            let listed = try cli.ok(["petition", "list", "--resolved-in", "2023", "--format", "csv"]).stdout
            #expect(listed.contains("PET-2023-0001,resolved,已化解,WSJT,2019-03-15,2023-04-20,true,"))
        }
    }

    @Test func aPetitionResolvedBeforeItsReceiptOrTwiceIsRefused() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            try cli.ok(["petition", "receive", "--received-on", "2021-03-15", "--agency", "WSJT", "--subject", "班线客车线路调整补偿诉求",
                        "--at", "2023-01-10"])
            let resolve = ["petition", "resolve", "PET-2023-0001", "--outcome", "签订协议，信访人签字认可", "--at", "2023-08-21"]
            try Self.refused(cli, resolve + ["--resolved-on", "2021-03-01"], status: 3,
                             saying: "the resolution of the petition is dated 2021-03-01, before the receipt of the petition on 2021-03-15")
            try cli.ok(resolve)
            try Self.refused(cli, resolve, status: 3, saying: "petition PET-2023-0001 is resolved")
            try Self.refused(cli, ["petition", "resolve", "PET-2023-0009", "--outcome", "化解", "--at", "2023-08-21"], status: 2,
                             saying: "no petition PET-2023-0009 exists")
        }
    }

    @Test func theReportsPlanIsRecordedFromAFileAndShownBack() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID()).md")
            defer { try? FileManager.default.removeItem(at: file) }
            let plan = "## 三、下一步工作打算\n\n### （一）从“学”上下功夫\n邀请上级执法部门和法律顾问进单位讲法。\n"
            try plan.write(to: file, atomically: true, encoding: .utf8)
            let recorded = try cli.ok(["report", "plan", "--year", "2023", "--file", file.path, "--agency", "WSJT", "--at", "2024-01-10"])
            #expect(recorded.stdout.hasPrefix("report-plan-2023: 登记下一步工作打算 → 已登记, version 1"))
            #expect(try cli.ok(["report", "plan", "--year", "2023", "--show"]).stdout == plan)
            #expect(try cli.ok(["report", "report_plans", "--format", "csv"]).stdout.contains("2023,WSJT,"))
        }
    }

    @Test func anEmptyNonUTF8OversizedOrOtherAgencysPlanIsRefused() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plans-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            func file(_ name: String, _ bytes: Data) throws -> String {
                try bytes.write(to: folder.appendingPathComponent(name))
                return folder.appendingPathComponent(name).path
            }
            let plan = ["report", "plan", "--year", "2023", "--agency", "WSJT", "--at", "2024-01-10", "--file"]
            try Self.refused(cli, plan + [try file("empty.md", Data(" \n".utf8))], status: 2, saying: "the plan is empty")
            try Self.refused(cli, plan + [try file("gbk.md", Data([0xC8, 0xFD, 0xA1, 0xA2]))], status: 2, saying: "is not UTF-8 text")
            try Self.refused(cli, plan + [try file("long.md", Data(String(repeating: "计划", count: 11_000).utf8))], status: 2,
                             saying: "the plan is 66000 bytes, more than the 65536 it may be")
            var brigade = cli
            brigade.actor = "ZF-01"
            try Self.refused(brigade, plan + [try file("plan.md", Data("计划".utf8))], status: 3, saying: "not of WSJT")
            try Self.refused(cli, ["report", "plan", "--year", "2022", "--show"], status: 2, saying: "no plan is recorded for 2022")
        }
    }

    @Test func anInspectionToursProblemIsRaisedByHandAndAnAuditsIsNot() throws {
        try TestDatabase.with { database in
            let cli = try Self.bureau(database)
            let raise = ["rectify", "raise", "--description", "窗口先移交处罚再办理审验，存在“以罚代管”", "--found-by", "地委巡察组",
                         "--found-during", "supervision", "--at", "2023-09-05"]
            try cli.ok(raise + ["--origin", "巡察"])
            #expect(try cli.ok(["rectify", "show", "RECT-2023-0001"]).stdout.contains("巡察"))
            try Self.refused(cli, raise + ["--origin", "案卷评查"], status: 2, saying: "jointops audit record --finding")
        }
    }
}

import Foundation
import Testing
import TestSupport

/// Issue 15, point 3: each figure of the bureau's report is a count of its records — one more of each record
/// raises its figure by exactly one, and only its own.
@Suite struct RuleOfLawReportRiseTests {
    /// The sentence of the report that prints each figure, with the figure as its one number.
    static let figures: [(name: String, pattern: String)] = [
        ("party meetings", #"召开(\d+)次党组会"#), ("collective studies", #"领导班子集体学法(\d+)次"#),
        ("staff studies", #"全体干部学法(\d+)次"#), ("enterprise studies", #"组织企业学法(\d+)次"#),
        ("lectures", #"培训授课(\d+)次"#), ("study visits", #"市直行业部门学习(\d+)次"#),
        ("outside study trips", #"外出学习(\d+)次"#), ("outside study person-times", #"共计(\d+)人次"#),
        ("relay trainings", #"传学述训(\d+)次"#), ("handbook items", #"将(\d+)个法律法规汇编成册"#),
        ("case-file audits", #"开展案卷评查(\d+)次"#), ("adviser's projects", #"审核(\d+)个重大项目"#),
        ("adviser's agreements", #"(\d+)个合同协议"#), ("adviser's cases", #"和(\d+)个案件"#),
        ("long-standing petitions resolved", #"未化解的信访案件(\d+)起"#),
    ]

    static func values(_ report: String) throws -> [String: Int] {
        var values: [String: Int] = [:]
        for figure in figures {
            let match = try #require(report.firstMatch(of: try Regex<(Substring, Substring)>(figure.pattern)), "\(figure.name)")
            values[figure.name] = Int(match.output.1)
        }
        return values
    }

    static func report(_ cli: CLIRunner) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-rise-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try cli.ok(["report", "annual", "--year", "2023", "--output-dir", folder.path])
        return try String(contentsOf: folder.appendingPathComponent("annual-2023.md"), encoding: .utf8)
    }

    @Test func recordingOneMoreOfEachActivityRaisesEachFigureOfTheReportByOne() throws {
        try TestDatabase.with { database in
            var cli = CLIRunner(database: database)
            _ = try cli.ok(["demo", "--format", "json"])
            let before = try Self.values(try Self.report(cli))
            cli.actor = "FZ-01"  // a legal reviewer of the bureau, WSJT
            let day = ["--agency", "WSJT", "--at", "2023-11-20"]
            for (kind, extra) in [("党组会", [String]()), ("集体学法", []), ("干部学法", []), ("企业学法", ["--place", "乌苏市某客运公司"]),
                                  ("培训授课", ["--host", "市司法局"]), ("交流学习", ["--place", "奎屯市交通运输局"]),
                                  ("外出学习", ["--place", "乌鲁木齐市", "--participants", "1", "--person-times", "1"]),
                                  ("传学述训", []), ("法律汇编", ["--items", "1"])] {
                try cli.ok(["activity", "record", "--kind", kind, "--title", "年终补充登记"] + extra + day)
            }
            try cli.ok(["audit", "record", "--files", "10", "--scope", "2023年第四季度案卷", "--finding", "送达回证填写不全"] + day)
            for kind in ["重大项目", "三方协议", "case"] {
                try cli.ok(["counsel", "record", "--kind", kind, "--subject", "年终补充审核", "--counsel", "马律师"]
                           + (kind == "case" ? ["--case", "CASE-2023-0002"] : []) + day)
            }
            let petition = try cli.ok(["petition", "receive", "--received-on", "2020-05-06", "--subject", "出租车经营权转让纠纷"] + day).stdout
            let id = String(petition.prefix { $0 != ":" })
            try cli.ok(["petition", "resolve", id, "--outcome", "依法调解，双方达成协议", "--at", "2023-11-21"])

            let after = try Self.values(try Self.report(cli))
            for figure in Self.figures {
                #expect(after[figure.name] == before[figure.name].map { $0 + 1 }, "\(figure.name): \(before[figure.name] ?? -1) → \(after[figure.name] ?? -1)")
            }
        }
    }
}

import Foundation
import Testing
import TestSupport

/// Issue 14, point 1: every case has a source (案件来源). A case filed without a lead names it with `--source`;
/// a lead's case keeps the lead's; a refusal is one line, writes nothing, and says what to do.
@Suite struct CaseSourceCLITests {
    static let partyAct = ["--party-name", "马某", "--party-id", "654202199001011234", "--act-date", ViewSupport.day(-1),
                           "--act-place", "乌苏市火车站广场", "--sector", "黑车", "--description", "未取得道路运输经营许可载客前往奎屯市"]
    static let filing = ["case", "file", "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01"] + partyAct

    /// Every event recorded so far, to show that a refused command wrote nothing.
    static func events(_ cli: CLIRunner) throws -> String { try cli.ok(["events", "list", "--format", "csv"]).stdout }

    /// `case show` names the source the register counts a case under, one definition for both: an on-the-spot
    /// decision was found in inspection (a try-out found `case show` had no source where the register said 检查发现).
    @Test func anOnTheSpotCaseShowsTheSourceTheRegisterCountsItUnder() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let decided = try cli.ok(["case", "decide-on-spot", "--agency", "WSZD", "--officer", "ZF-01", "--officer", "ZF-02",
                                      "--form", "乌交当罚〔2026〕第001号", "--party-name", "艾某", "--party-id", "654202199202021234",
                                      "--act-date", ViewSupport.day(-1), "--act-place", "乌苏市汽车站出口", "--sector", "网约车",
                                      "--description", "未取得网络预约出租汽车驾驶员证从事网约车经营", "--fine", "200",
                                      "--basis", "RIDE-34-3-2022"])
            let id = String(decided.stdout.prefix(while: { $0 != ":" }))
            let show = try ViewSupport.show(cli, id)
            #expect(show["source"] == "inspection" && show["source_zh"] == "检查发现", "\(show)")
            let json = try cli.ok(["case", "show", id, "--format", "json"]).stdout
            #expect(json.contains("\"source\": \"inspection\"") && json.contains("\"source_zh\": \"检查发现\""), "\(json)")
            let register = try ViewSupport.report(cli, "case_register")
            #expect(register.map { [$0["case_id"], $0["source"]] } == [[id, "inspection"]])
        }
    }

    @Test func aCaseFiledWithoutALeadKeepsTheSourceGivenInChinese() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let filed = try cli.ok(Self.filing + ["--source", "投诉"])
            let id = String(filed.stdout.prefix(while: { $0 != ":" }))
            let show = try ViewSupport.show(cli, id)
            #expect(show["source"] == "complaint" && show["source_zh"] == "投诉举报", "\(show)")
            let json = try cli.ok(["case", "show", id, "--format", "json"]).stdout
            #expect(json.contains("\"source\": \"complaint\"") && json.contains("\"source_zh\": \"投诉举报\""), "\(json)")
            let register = try ViewSupport.report(cli, "case_register")
            #expect(register.map { [$0["case_id"], $0["source"], $0["source_zh"]] } == [[id, "complaint", "投诉举报"]])
            let pipeline = try ViewSupport.report(cli, "case_pipeline")
            #expect(pipeline.map { $0["source"] } == ["complaint"], "\(pipeline)")
        }
    }

    @Test func aCaseFiledWithoutALeadOrASourceIsRefusedAsAUsageErrorAndWritesNothing() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let before = try Self.events(cli)
            let refused = try cli.run(Self.filing)
            #expect(refused.status == 2)
            #expect(refused.errorLines.count == 1, "\(refused.stderr)")
            #expect(refused.stderr.contains("needs its source (案件来源): add --source, one of inspection (检查发现), complaint (投诉举报)"),
                    "\(refused.stderr)")
            #expect(try Self.events(cli) == before)
            // A joint operation's case comes as a lead linked to its session.
            let joint = try cli.run(Self.filing + ["--source", "联合执法"])
            #expect(joint.status == 3 && joint.errorLines.count == 1, "\(joint.stderr)")
            #expect(joint.stderr.contains("receive the lead with --source jointOperation, --op and --session"), "\(joint.stderr)")
            #expect(try Self.events(cli) == before)
        }
    }

    @Test func aLeadsSourceStandsAndAnotherIsRefused() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "检查发现", "--summary", "巡查发现黑车拉客"])
            let id = String(lead.stdout.prefix(while: { $0 != ":" }))
            let filing = ["case", "file", id, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01"] + Self.partyAct
            let before = try Self.events(cli)
            let refused = try cli.run(filing + ["--source", "举报"])
            #expect(refused.status == 3 && refused.errorLines.count == 1, "\(refused.stderr)")
            #expect(refused.stderr.contains("came from a lead whose source is 检查发现 (inspection), not 投诉举报 (complaint): "
                                            + "leave out --source"), "\(refused.stderr)")
            #expect(try Self.events(cli) == before)
            try cli.ok(filing + ["--source", "inspection"])
            let show = try ViewSupport.show(cli, id)
            #expect(show["source"] == "inspection" && show["source_zh"] == "检查发现", "\(show)")
        }
    }
}

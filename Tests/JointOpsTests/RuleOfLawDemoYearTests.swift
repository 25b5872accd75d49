import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 15, point 1: the demo year records section 一 of the 2023 report, and the `reporting` views count what the
/// report says — 6 party-group meetings, 12 leadership studies, 30余 staff studies, 4 enterprise studies, 9 lectures,
/// 6 study visits, 4 outside trips with 15 person-times, 2 relay trainings, a handbook of 29 laws and regulations, 2
/// legal reviewers, the licensing commitment cut from 20 to 7 working days and the three named campaigns.
@Suite struct RuleOfLawDemoYearTests {
    typealias V = ViewSupport

    @Test func theDemoYearsViewsCountTheFiguresOfThe2023Report() throws {
        let cli = try DemoOutput.cli()
        let totals = try V.report(cli, "rule_of_law_activity_totals", ["--year", "2023"])
        let byKind = Dictionary(uniqueKeysWithValues: totals.map { ($0["kind"] ?? "", $0) })
        let expected = ["partyMeeting": 6, "collectiveStudy": 12, "enterpriseStudy": 4, "lecture": 9, "studyVisit": 6,
                        "outsideStudy": 4, "relayTraining": 2, "handbook": 1]
        for (kind, count) in expected { #expect(byKind[kind]?["activities"] == String(count), "\(kind)") }
        let staffStudies = try #require(Int(byKind["staffStudy"]?["activities"] ?? ""))
        #expect((31...39).contains(staffStudies), "30余: \(staffStudies)")
        #expect(byKind["outsideStudy"]?["person_times"] == "15" && byKind["handbook"]?["items"] == "29")
        #expect(byKind["partyMeeting"]?["kind_zh"] == "党组会研究法治建设")

        let reviewers = try V.report(cli, "designated_officer_totals", ["--year", "2023"]).filter { $0["role"] == "legalReviewer" }
        #expect(reviewers.map { $0["officers"] } == ["2"] && reviewers.first?["role_zh"] == "法制审核人员")

        let commitment = try V.report(cli, "service_commitments").first { $0["code"] == "ROAD-TRANSPORT-LICENCE" && $0["valid_to"] == "" }
        #expect(commitment?["committed_working_days"] == "7" && commitment?["previous_committed_working_days"] == "20")
        #expect(commitment?["service_zh"] == "道路运输经营许可")

        let campaigns = try V.report(cli, "outreach_campaigns", ["--year", "2023"])
        #expect(Set(campaigns.compactMap { $0["campaign_zh"] }) == ["宪法宣传月", "全国交通宣传日", "平安出行·拒乘‘黑车’"])
        let channels = campaigns.map { $0["channels"] ?? "" }.joined(separator: " ")
        for channel in ["wechatAccount", "douyin", "taxiRoofLights", "busLEDScreens"] { #expect(channels.contains(channel)) }
        #expect(campaigns.contains { ($0["accounts_zh"] ?? "").contains("乌苏零距离") && ($0["accounts_zh"] ?? "").contains("乌苏融媒体") })
        // The campaigns are events of the outreach the report already counts: the leaflets stay 2,352.
        let leaflets = try V.report(cli, "outreach_activities", ["--year", "2023"]).reduce(0) { $0 + (Int($1["leaflets"] ?? "") ?? 0) }
        #expect(leaflets == 2_352)
    }

    @Test func theNewListsJSONOfTheDemoYearValidatesAgainstTheirSchemas() throws {
        let cli = try DemoOutput.cli()
        let outputs = try [(["activity", "list"], "activity-list.schema.json"), (["commitment", "list"], "commitment-list.schema.json"),
                           (["outreach", "list"], "outreach-list.schema.json")].map { command, schema in
            (name: command.joined(separator: " "), json: try cli.ok(command + ["--format", "json"]).stdout, schema: schema)
        }
        #expect(try JSONSchemaTests.invalid(outputs) == [])
        let table = try cli.ok(["activity", "list", "--kind", "外出学习"]).stdout
        #expect(table.contains("4 次") && table.contains("外出学习"))
        // People read labels: no kind or channel code shows in a table (single words like `leaflets` are headers too).
        let codes = (RuleOfLawActivityKind.allCases.map(\.rawValue) + OutreachChannel.allCases.map(\.rawValue))
            .filter { $0.dropFirst().contains(where: \.isUppercase) }
        for command in [["activity", "list"], ["outreach", "list"]] {
            let shown = try cli.ok(command + ["--wide"]).stdout
            for code in codes { #expect(!shown.contains(code), "\(command): \(code)") }
        }
    }
}

import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 15, point 1, through the binary: rule-of-law activities, service commitments and publicity campaigns are
/// recorded in Chinese as officers type them, listed with labels and typed JSON, and every bad entry is one line,
/// exit 2 (bad input) or 3 (a rule), and writes nothing.
@Suite struct RuleOfLawCLITests {
    typealias V = ViewSupport

    /// Runs `arguments`, expecting a one-line refusal with `status` containing `says`, and nothing written.
    static func refused(_ cli: CLIRunner, _ database: TestDatabase, _ arguments: [String], status: Int32, says: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try HandlerFixtures.eventCount(database.connect())
        let result = try cli.run(arguments)
        #expect(result.status == status, "jointops \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(says), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try HandlerFixtures.eventCount(database.connect()) == before, sourceLocation: sourceLocation)
    }

    /// The bureau's study trip of June 2023, recorded by its legal reviewer FZ-01 (an officer of WSJT).
    static let trip = ["activity", "record", "--kind", "外出学习", "--title", "道路运输执法规范化培训", "--place", "乌鲁木齐市",
                       "--agency", "WSJT", "--participants", "4", "--person-times", "6", "--date", "2023-06-12",
                       "--on-behalf-of", "FZ-01"]

    @Test func activitiesAreRecordedInChineseAndListedWithTheTotalsOfEachKind() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = UUID().uuidString
            let recorded = try cli.ok(Self.trip + ["--command-id", id])
            #expect(recorded.stdout.hasPrefix("ROL-2023-0001: 登记法治建设活动 → 已登记, version 1"))
            let again = try cli.ok(Self.trip + ["--command-id", id])
            #expect(again.stdout.contains("ROL-2023-0001") && again.stdout.contains("nothing written"))
            try cli.ok(["activity", "record", "--kind", "党组会", "--title", "研究部署年度法治政府建设工作", "--agency", "WSJT",
                        "--date", "2023-02-10", "--on-behalf-of", "FZ-01"])
            try cli.ok(["activity", "record", "--kind", "法律汇编", "--title", "《交通运输政策法律汇编》", "--items", "29",
                        "--agency", "WSJT", "--at", "2023-03-15", "--on-behalf-of", "FZ-01"])
            try cli.ok(["activity", "record", "--kind", "集体学法", "--title", "学习《中华人民共和国行政处罚法》", "--agency", "WSZD",
                        "--participants", "9", "--date", "2024-03-01"])
            let table = try cli.ok(["activity", "list", "--year", "2023"]).stdout
            #expect(table.contains("外出学习") && table.contains("党组会研究法治建设") && table.contains("乌鲁木齐市"))
            #expect(!table.contains("outsideStudy") && !table.contains("2024-03-01"))
            #expect(table.contains("total          1 次"))
            let json = try cli.ok(["activity", "list", "--kind", "outsideStudy", "--format", "json"]).stdout
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            #expect(rows.count == 1 && rows[0]["kind"] as? String == "outsideStudy" && rows[0]["kind_zh"] as? String == "外出学习")
            #expect(rows[0]["participants"] as? Int == 4 && rows[0]["person_times"] as? Int == 6 && rows[0]["items"] is NSNull)
            let totals = try V.report(cli, "rule_of_law_activity_totals", ["--year", "2023"])
            let byKind = Dictionary(uniqueKeysWithValues: totals.map { ($0["kind"] ?? "", $0) })
            #expect(byKind["outsideStudy"]?["activities"] == "1" && byKind["outsideStudy"]?["person_times"] == "6")
            #expect(byKind["handbook"]?["items"] == "29" && byKind["partyMeeting"]?["kind_zh"] == "党组会研究法治建设")
            #expect(byKind["collectiveStudy"] == nil)
        }
    }

    @Test func aBadActivityIsRefusedInOneLineAndWritesNothing() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            func without(_ option: String) -> [String] {
                guard let index = Self.trip.firstIndex(of: option) else { return Self.trip }
                return Array(Self.trip[..<index] + Self.trip[(index + 2)...])
            }
            func with(_ option: String, _ value: String) -> [String] { without(option) + [option, value] }
            try Self.refused(cli, database, with("--kind", "学习"), status: 2,
                             says: "--kind `学习` is not known: use one of partyMeeting (党组会研究法治建设), collectiveStudy (领导班子集体学法)")
            try Self.refused(cli, database, without("--place"), status: 2, says: "outsideStudy (外出学习) is recorded with --place")
            try Self.refused(cli, database, with("--person-times", "3"), status: 2,
                             says: "3 person-times is fewer than the 4 participants")
            try Self.refused(cli, database, with("--participants", "0"), status: 2, says: "the participants 0 must be greater than 0")
            try Self.refused(cli, database, with("--participants", "5000"), status: 2, says: "participants 5000 is more than 1000")
            try Self.refused(cli, database, with("--title", "training"), status: 2, says: "the title `training` holds no Chinese")
            try Self.refused(cli, database, with("--items", "3"), status: 2, says: "has no --items")
            try Self.refused(cli, database, with("--date", V.day(3)), status: 2, says: "is after the business date")
            try Self.refused(cli, database, Self.trip + ["--at", "2024-01-05"], status: 2,
                             says: "outside 2024, the year of the business date it is recorded on: record it with --at a day of 2023")
            try Self.refused(cli, database, with("--on-behalf-of", "ZF-01"), status: 3,
                             says: "ZF-01 is an officer of WSZD, not of WSJT, and may not act for it")
            try Self.refused(cli, database, with("--agency", "WSXX"), status: 2, says: "no agency has the code WSXX")
        }
    }

    static let licensing = ["commitment", "set", "road-transport-licence", "--service", "道路运输经营许可", "--agency", "WSJT",
                            "--statutory-days", "20"]

    @Test func anAdministratorSetsACommitmentAndTheListShowsItCutFrom20To7() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            try cli.ok(Self.licensing + ["--committed-days", "20", "--from", "2023-01-01", "--at", "2023-01-03"])
            let cut = try cli.ok(Self.licensing + ["--committed-days", "7", "--from", "2023-04-03", "--note", "最多跑一次",
                                                   "--at", "2023-04-03", "--format", "json"]).stdout
            #expect(try JSONSchemaTests.invalid([("commitment set", cut, "write.schema.json")]) == [])
            let listed = try cli.ok(["commitment", "list", "--year", "2023"]).stdout
            #expect(listed.contains("ROAD-TRANSPORT-LICENCE") && listed.contains("道路运输经营许可") && listed.contains("最多跑一次"))
            let rows = try V.report(cli, "service_commitments")
            let current = try #require(rows.first { $0["valid_to"] == "" })
            #expect(current["committed_working_days"] == "7" && current["previous_committed_working_days"] == "20"
                    && current["statutory_working_days"] == "20" && current["valid_from"] == "2023-04-03")
            #expect(rows.contains { $0["valid_to"] == "2023-04-02" && $0["committed_working_days"] == "20" })
            try Self.refused(cli, database, Self.licensing + ["--committed-days", "25", "--from", "2023-06-01", "--at", "2023-06-01"],
                             status: 3, says: "a commitment of 25 working days is slower than the 20 the law allows")
            try Self.refused(cli, database, Self.licensing + ["--committed-days", "5", "--from", "2023-03-01", "--at", "2023-06-01"],
                             status: 3, says: "already has a version in force from 2023-04-03")
            try Self.refused(cli, database, ["commitment", "set", "道路", "--service", "道路运输经营许可", "--agency", "WSJT",
                                             "--statutory-days", "20", "--committed-days", "7"], status: 2, says: "is not a commitment code")
        }
    }

    @Test func anOrdinaryOfficerMayNotSetACommitment() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let officer = try ActingOfficerCLITests.boundOfficer(database, login: login)
            try Self.refused(officer, database, Self.licensing + ["--committed-days", "7"], status: 3,
                             says: "only an administrator keeps the registry and the calendar, and login \(login) is not one")
            // The same officer records the activities of their own agency.
            try officer.ok(["activity", "record", "--kind", "干部学法", "--title", "学习《交通运输行政执法程序规定》", "--agency", "WSZD",
                            "--participants", "30", "--date", V.day(0)])
        }
    }

    @Test func aPublicityCampaignKeepsItsNameChannelsAndAccounts() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            try cli.ok(["outreach", "record", "--event", "“平安出行·拒乘‘黑车’”主题宣传", "--place", "乌苏市火车站广场", "--agency", "WSZD",
                        "--leaflets", "300", "--campaign", "平安出行·拒乘‘黑车’", "--channel", "出租车顶灯", "--channel", "公交车LED屏",
                        "--channel", "微信", "--channel", "douyin", "--channel", "顶灯", "--account", "乌苏零距离", "--account", "乌苏融媒体",
                        "--date", "2023-02-10"])
            try cli.ok(["outreach", "record", "--event", "平安春运宣传", "--place", "乌苏市汽车站", "--agency", "WSZD", "--leaflets", "100",
                        "--date", "2023-01-18"])
            let table = try cli.ok(["outreach", "list"]).stdout
            #expect(table.contains("出租车顶灯、公交车LED屏、微信公众号、抖音号") && !table.contains("taxiRoofLights"))
            let json = try cli.ok(["outreach", "list", "--format", "json"]).stdout
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            #expect(rows[0]["channels"] as? [String] == ["taxiRoofLights", "busLEDScreens", "wechatAccount", "douyin"])
            #expect(rows[1]["channels"] as? [String] == [] && rows[1]["campaign"] is NSNull)
            let campaigns = try V.report(cli, "outreach_campaigns", ["--year", "2023"])
            #expect(campaigns.count == 1 && campaigns[0]["campaign_zh"] == "平安出行·拒乘‘黑车’" && campaigns[0]["leaflets"] == "300")
            // The views' own label arrays are arrays of labels, in JSON, CSV and the table (not `{…}` literals).
            for report in ["outreach_activities", "outreach_campaigns"] {
                let json = try cli.ok(["report", report, "--format", "json"]).stdout
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
                let labelled = try #require(rows.first { ($0["channels"] as? [String])?.isEmpty == false })
                let labels = try #require(labelled["channels_zh"] as? [String], "\(report): \(json)")
                #expect(Set(labels) == ["出租车顶灯", "公交车LED屏", "微信公众号", "抖音号"], "\(report): \(json)")
                let list = labels.joined(separator: ", ")
                let csv = try cli.ok(["report", report, "--format", "csv"]).stdout
                #expect(csv.contains("\"\(list)\"") && !csv.contains("{"), "\(report): \(csv)")
                let wide = try cli.ok(["report", report, "--wide"]).stdout
                #expect(wide.contains(list) && !wide.contains("{"), "\(report): \(wide)")
            }
            try Self.refused(cli, database, ["outreach", "record", "--event", "宣传", "--place", "广场", "--agency", "WSZD",
                                             "--channel", "radio"], status: 2, says: "--channel `radio` is not known: use one of onSite (现场讲解)")
            try Self.refused(cli, database, ["outreach", "record", "--event", "宣传", "--place", "广场", "--agency", "WSZD",
                                             "--campaign", "Safe travel"], status: 2, says: "the campaign `Safe travel` holds no Chinese")
        }
    }
}

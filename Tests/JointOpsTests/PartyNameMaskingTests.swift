import Enforcement
import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 12 point 7: a name recorded on a case as an individual party is masked in every free-text column of
/// every reporting view, whichever stream it was typed into and whether it was typed before or after the case
/// recorded it.
@Suite struct PartyNameMaskingTests {
    typealias V = ViewSupport

    static let name = "张三丰"
    static let masked = "张**"

    /// Mentions the name in every free-text input that reaches a view, the referral's before the case records
    /// the name; then records it as a party.
    static func mentionEverywhere(_ cli: CLIRunner) throws {
        // The traffic police's officer answers the referrals sent to them (each act by the one who does it).
        try cli.ok(["officer", "register", "JJ-01", "--name", "赵磊", "--agency", "WSJJ", "--at", "2023-01-03"])
        let police = ["--on-behalf-of", "JJ-01"]
        let first = try cli.ok(["referral", "send", "--kind", "agencyToAgency", "--from", "WSZD", "--to", "WSJJ",
                                "--subject", "移送\(name)无证营运线索"]).stdout
        let accepted = String(first.prefix(while: { $0 != ":" }))
        try cli.ok(["referral", "accept", accepted, "--accepted-by", "JJ-01"] + police)
        try cli.ok(["referral", "record-feedback", accepted, "--outcome", "已对\(name)另案处理"] + police)
        let second = try cli.ok(["referral", "send", "--kind", "agencyToAgency", "--from", "WSZD", "--to", "WSJJ",
                                 "--subject", "\(name)驾驶车辆违规"]).stdout
        try cli.ok(["referral", "reject", String(second.prefix(while: { $0 != ":" })), "--reason", "\(name)不在本辖区"] + police)

        let party = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "群众举报"])
        let partyCase = String(party.stdout.prefix(while: { $0 != ":" }))
        try cli.ok(["case", "file", partyCase, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--party-name", name,
                    "--party-id", "654202199001015678", "--act-date", V.day(-1), "--act-place", "乌苏市火车站广场",
                    "--sector", "blackCar", "--description", "\(name)未取得经营许可载客"])

        // Another case, of another party, whose facts name him: decided and published.
        let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "举报\(name)同伙"])
        let id = String(lead.stdout.prefix(while: { $0 != ":" }))
        try cli.ok(["case", "file", id, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--party-name", "马某",
                    "--party-id", "654202199201015674", "--act-date", V.day(-1), "--act-place", "\(name)住所楼下",
                    "--sector", "rideHailing", "--description", "受\(name)雇佣未取得经营许可载客"])
        try cli.ok(["case", "assign-officers", id, "--officer", "ZF-01", "--officer", "ZF-02"])
        try cli.ok(["case", "record-evidence", id, "--kind", "siteRecord", "--description", "现场笔录",
                    "--media", "dvr/0002.mp4", "--sha256", String(repeating: "cd", count: 32),
                    "--officer", "ZF-01", "--officer", "ZF-02"])
        try cli.ok(["case", "conclude-investigation", id, "--findings", "查明\(name)组织载客"])
        try cli.ok(["case", "request-review", id])
        try cli.ok(["review", "pass", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--opinion", "同意"])
        try cli.ok(["case", "serve-notice", id, "--fine", "500", "--basis", "RIDE-34-3-2022"])
        try cli.ok(["case", "receive-statement", id, "--summary", "无异议"])
        try cli.ok(["case", "decide-penalty", id, "--fine", "500", "--basis", "RIDE-34-3-2022",
                    "--number", "乌交执罚〔\(V.today.year)〕第002号"])
        try cli.ok(["case", "publish", id, "--reference", "乌苏市人民政府网站/执法公示/0002"])
        try cli.ok(["agency", "register", "WSXH", "--name", "乌苏市\(name)运输协会", "--kind", "other"])
        try cli.ok(["campaign", "create", "CAMP-2023-ZSF", "--title", "\(name)线路专项整治", "--sector", "blackCar",
                    "--from", "2023-01-01", "--to", "2023-12-31"])
        try cli.ok(["op", "plan", "--title", "\(name)线路联合整治", "--lead", "WSZD", "--sector", "blackCar",
                             "--from", V.day(-5), "--to", V.day(5), "--place", "\(name)住所附近"])
        let raised = try cli.ok(["rectify", "raise", "--description", "\(name)案卷缺少送达回证", "--found-by", "法制科",
                                 "--found-during", "caseFileAudit"])
        let item = String(raised.stdout.prefix(while: { $0 != ":" }))
        try cli.ok(["rectify", "issue-opinion", item, "--opinion", "补齐\(name)案送达回证", "--issued-by", "ZD-01", "--on-behalf-of", "ZD-01"])
        try cli.ok(["rectify", "assign-owner", item, "--owner", "执法一中队（\(name)案承办组）", "--due", V.day(10)])
        try cli.ok(["outreach", "record", "--event", "\(name)案警示教育", "--place", "\(name)所在小区", "--agency", "WSZD",
                    "--leaflets", "20", "--people", "30"])
    }

    @Test func aPartysNameTypedIntoAnyStreamsFreeTextIsMaskedInEveryTextColumnOfEveryView() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            try Self.mentionEverywhere(cli)
            // Catches every projection up; the trap is armed: the mentions reached the views, masked.
            let referrals = try V.report(cli, "referrals")
            #expect(referrals.contains { $0["subject_zh"] == "移送\(Self.masked)无证营运线索" }, "\(referrals)")
            #expect(referrals.contains { $0["rejection_reason_zh"] == "\(Self.masked)不在本辖区" })
            #expect(referrals.contains { $0["last_feedback_zh"] == "已对\(Self.masked)另案处理" })
            #expect(try V.report(cli, "outreach_activities").contains { $0["place_zh"] == "\(Self.masked)所在小区" })
            #expect(try V.report(cli, "publicity_register").contains { $0["violation_zh"] == "受\(Self.masked)雇佣未取得经营许可载客" })

            let connection = try database.connect()
            let columns = try connection.execute("""
                SELECT table_name::text, column_name::text FROM information_schema.columns
                WHERE table_schema = 'reporting' AND data_type = 'text' ORDER BY table_name, ordinal_position
                """).rows.map { (try $0.get(0, as: String.self), try $0.get(1, as: String.self)) }
            #expect(columns.count > 40)
            var seen = 0
            for (view, column) in columns {
                let counts = try connection.execute("""
                    SELECT count(*) FILTER (WHERE strpos(\(column), $1) > 0)::int,
                           count(*) FILTER (WHERE strpos(\(column), $2) > 0)::int
                    FROM reporting.\(view)
                    """, [Self.name, Self.masked]).rows[0]
                let (shown, masked) = (try counts.get(0, as: Int.self), try counts.get(1, as: Int.self))
                #expect(shown == 0, "reporting.\(view).\(column) shows \(Self.name)")
                seen += masked
            }
            #expect(seen >= 10, "the name reached \(seen) cells")
        }
    }

    @Test func anOrganisationsNameAndACodeColumnAreLeftAsTheyAre() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            try Self.mentionEverywhere(cli)
            // 乌苏市交通运输局 is no individual's name; the agency's own name stays readable around the masked one.
            let agencies = try V.report(cli, "agencies")
            #expect(agencies.contains { $0["name_zh"] == "乌苏市交通运输局" })
            #expect(agencies.contains { $0["name_zh"] == "乌苏市\(Self.masked)运输协会" }, "\(agencies)")
        }
    }
}

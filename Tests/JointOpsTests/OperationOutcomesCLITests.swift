import Foundation
import Postgres
import Testing
import TestSupport

/// A black-car operation with the traffic police, through the real binary: two sessions, two cases linked to
/// them, one seizure, the police's return; the operation's outcomes by agency show exactly those facts.
@Suite struct OperationOutcomesCLITests {
    static let op = "OP-2026-0001"

    /// Agencies, officers, and the operation with its two sessions (the lead and the police in each).
    static func operation(_ cli: CLIRunner) throws {
        try cli.ok(["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport", "--at", "2026-01-05"])
        try cli.ok(["agency", "register", "WSJJ", "--name", "乌苏市公安局交通警察大队", "--kind", "police", "--at", "2026-01-05"])
        try cli.ok(["agency", "register", "WSSJ", "--name", "乌苏市市场监督管理局", "--kind", "marketRegulation", "--at", "2026-01-05"])
        for (id, name, certificate) in [("ZF-01", "王建国", "65420200001"), ("ZF-02", "李娜", "65420200002")] {
            try cli.ok(["officer", "register", id, "--name", name, "--agency", "WSZD", "--certificate", certificate, "--at", "2026-01-05"])
        }
        try cli.ok(["officer", "register", "ZD-01", "--name", "何军", "--agency", "WSZD", "--at", "2026-01-05"])
        // Each agency's own officer records its leads (a WSZD officer may not act for the police).
        try cli.ok(["officer", "register", "JJ-01", "--name", "马俊", "--agency", "WSJJ", "--at", "2026-01-05"])
        try cli.ok(["officer", "register", "SJ-01", "--name", "高建平", "--agency", "WSSJ", "--at", "2026-01-05"])
        try cli.ok(["officer", "designate", "ZD-01", "--role", "approver", "--from", "2026-01-05", "--at", "2026-01-05"])
        try cli.ok(["op", "plan", "--title", "火车站周边黑车联合整治", "--lead", "WSZD", "--sector", "blackCar",
                    "--from", "2026-10-12", "--to", "2026-10-30", "--place", "乌苏市火车站广场", "--at", "2026-10-09"])
        try cli.ok(["op", "invite", op, "WSJJ", "--at", "2026-10-09"])
        try cli.ok(["op", "approve", op, "--by", "ZD-01", "--on-behalf-of", "ZD-01", "--at", "2026-10-09"])
        try cli.ok(["op", "join", op, "WSJJ", "--at", "2026-10-09"])
        try cli.ok(["op", "launch", op, "--at", "2026-10-12"])
        try cli.ok(["op", "record-session", op, "--session", "S1", "--place", "乌苏市火车站广场", "--date", "2026-10-13",
                    "--tally", "WSZD:officers=12,vehicles=4,inspected=56", "--tally", "WSJJ:officers=6,inspected=20",
                    "--at", "2026-10-13"])
        try cli.ok(["op", "record-session", op, "--session", "S2", "--place", "乌苏市汽车站出口", "--date", "2026-10-20",
                    "--tally", "WSZD:officers=10,inspected=41,educated=15", "--tally", "WSJJ:officers=4",
                    "--at", "2026-10-20"])
    }

    static let party = ["--party-name", "马某", "--party-id", "654202199001011234"]

    @Test func theOutcomesByAgencyShowExactlyTheLinkedCasesTheSeizureAndThePolicesReturn() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try Self.operation(cli)
            // A black car caught at the S1 checkpoint: lead and seizure there, filed two days later.
            try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "jointOperation", "--summary", "设卡检查发现黑车拉客",
                        "--op", Self.op, "--session", "S1", "--at", "2026-10-13"])
            try cli.ok(["case", "seize-vehicle", "CASE-2026-0001", "--plate", "新G12345", "--officer", "ZF-01", "--officer", "ZF-02",
                        "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--place", "执法大队停车场", "--op", Self.op, "--session", "S1",
                        "--at", "2026-10-13"])
            try cli.ok(["case", "file", "CASE-2026-0001", "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01"] + Self.party
                        + ["--act-date", "2026-10-13", "--act-place", "乌苏市火车站广场", "--sector", "blackCar",
                           "--description", "未取得道路运输经营许可，驾驶小型轿车载客前往奎屯市", "--plate", "新G12345",
                           "--at", "2026-10-15"])
            // A ride-hailing driver without a driver's certificate, fined on the spot in S2 (by number: 2).
            try cli.ok(["case", "decide-on-spot", "--agency", "WSZD", "--officer", "ZF-01", "--officer", "ZF-02",
                        "--form", "乌交当罚〔2026〕第001号", "--party-name", "艾某", "--party-id", "654202199202021234",
                        "--act-date", "2026-10-20", "--act-place", "乌苏市汽车站出口", "--sector", "rideHailing",
                        "--description", "未取得网络预约出租汽车驾驶员证从事网约车经营", "--fine", "200",
                        "--basis", "RIDE-34-3-2022", "--op", Self.op, "--session", "2", "--at", "2026-10-20"])
            try cli.ok(["case", "serve-decision", "CASE-2026-0002", "--method", "onTheSpot", "--at", "2026-10-20"])
            try cli.ok(["case", "receive-payment", "CASE-2026-0002", "--amount", "200", "--channel", "ePayment",
                        "--receipt", "电子缴款 1", "--at", "2026-10-21"])
            try cli.ok(["op", "record-return", Self.op, "--session", "S1", "--agency", "WSJJ", "--officers", "6",
                        "--vehicles-deployed", "2", "--vehicles-inspected", "40", "--cases-filed", "3", "--fines-yuan", "600",
                        "--people-educated", "25", "--at", "2026-10-16"])

            let show = try cli.ok(["op", "show", Self.op, "--format", "csv"])
            #expect(show.stdout.contains("outcome WSZD 本局案件台账（关联案件）,\"cases 2, cases filed 1, decisions 1, "
                                         + "fines imposed yuan 200, fines collected yuan 200, vehicles seized 1 (reported by WSZD)\""))
            #expect(show.stdout.contains("outcome WSJJ 本单位报送,\"officers deployed 6, vehicles deployed 2, vehicles inspected 40, "
                                         + "people educated 25, cases filed 3, fines imposed yuan 600 (reported by WSJJ)\""))
            #expect(show.stdout.contains("return WSJJ S1,\"officers 6, vehicles 2, inspected 40, cases 3, fines 600, educated 25\""))
            #expect(show.stdout.contains("total,\"officers 32, vehicles 6, inspected 137, educated 40\""), "\(show.stdout)")

            let rows = try Self.outcomes(cli)
            #expect(rows.count == 4)   // WSZD: linked cases and its tally; WSJJ: its return and its tally
            #expect(rows["WSZD caseRegister"] == ["sessions": "2", "cases": "2", "cases_filed": "1", "decisions": "1",
                                                  "fines_imposed_yuan": "200", "fines_collected_yuan": "200",
                                                  "vehicles_seized": "1", "referrals": "0", "reported_by": "WSZD"])
            #expect(rows["WSJJ partnerReturn"] == ["sessions": "1", "officers_deployed": "6", "vehicles_deployed": "2",
                                                   "vehicles_inspected": "40", "people_educated": "25", "cases_filed": "3",
                                                   "fines_imposed_yuan": "600", "vehicles_seized": "0", "reported_by": "WSJJ"])
            #expect(rows["WSZD sessionTally"]?["officers_deployed"] == "22")
            #expect(rows["WSJJ sessionTally"]?["reported_by"] == "WSZD")

            // The bureau's figures are its case register's: the linked cases, their fines and payments.
            let connection = try database.connect()
            let register = try connection.execute("""
                SELECT count(*)::int, COALESCE(sum(r.paid_yuan), 0)::bigint,
                       count(*) FILTER (WHERE r.outcome IS NOT NULL)::int
                FROM reporting.case_register r
                WHERE r.case_id IN (SELECT record_id FROM reporting.operation_links WHERE operation_id = $1 AND kind = 'case')
                """, [Self.op])
            let outcomes = try connection.execute("""
                SELECT sum(cases)::int, sum(fines_collected_yuan)::bigint, sum(decisions)::int
                FROM reporting.operation_outcomes_by_agency WHERE operation_id = $1 AND source = 'caseRegister'
                """, [Self.op])
            #expect(try register[0].get(0, as: Int.self) == outcomes[0].get(0, as: Int.self))
            #expect(try register[0].get(1, as: Int64.self) == outcomes[0].get(1, as: Int64.self))
            #expect(try register[0].get(2, as: Int.self) == outcomes[0].get(2, as: Int.self))
            let views = try connection.execute("""
                SELECT (SELECT cases_filed FROM reporting.operations_board WHERE operation_id = $1),
                       (SELECT vehicles_seized FROM reporting.operations_board WHERE operation_id = $1),
                       (SELECT sum(fines_yuan)::bigint FROM reporting.operation_outcomes WHERE operation_id = $1),
                       (SELECT sum(legacy_cases_filed)::bigint FROM reporting.operation_outcomes WHERE operation_id = $1)
                """, [Self.op])
            #expect(try views[0].get(0, as: Int64.self) == 4)     // 1 linked and filed (the other decided on the spot) + 3 returned
            #expect(try views[0].get(1, as: Int64.self) == 1)
            #expect(try views[0].get(2, as: Int64.self) == 800)   // 200 on the spot + 600 returned
            #expect(try views[0].get(3, as: Int64.self) == 0)
            // The partner's inspections reach every combined view, once (issue 11 try-out: they showed 0).
            let inspected = try connection.execute("""
                SELECT (SELECT vehicles_inspected FROM reporting.operations_board WHERE operation_id = $1),
                       (SELECT sum(vehicles_inspected)::bigint FROM reporting.operation_outcomes WHERE operation_id = $1 AND agency = 'WSJJ'),
                       (SELECT sum(vehicles_inspected)::bigint FROM reporting.agency_outcomes WHERE year = 2026 AND agency = 'WSJJ'),
                       (SELECT sum(officers_deployed)::bigint FROM reporting.agency_outcomes WHERE year = 2026 AND agency = 'WSJJ')
                """, [Self.op])
            #expect(try inspected[0].get(0, as: Int64.self) == 137)
            #expect(try inspected[0].get(1, as: Int64.self) == 40)
            #expect(try inspected[0].get(2, as: Int64.self) == 40)
            #expect(try inspected[0].get(3, as: Int64.self) == 10, "6 returned for S1 (not 6 + 6), 4 typed for S2")
            // The annual report counts the same facts: linked and returned, never typed twice.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-annual-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try cli.ok(["report", "annual", "--year", "2026", "--output-dir", folder.path])
            let annual = try String(contentsOf: folder.appendingPathComponent("annual-2026.md"), encoding: .utf8)
            // By source (the bureau's linked cases, the police's return, the lead's tallies), then counted once.
            #expect(annual.contains("| 立案数 | Cases filed | 1 | 3 | — | 4 |"), "\(annual)")
            // The police's own 40 inspected in S1 stands in for the 20 the lead typed for it: 56 + 40 + 41.
            #expect(annual.contains("| 检查车辆 | Vehicles inspected | — | 40 | 117 | 137 |"), "\(annual)")
            #expect(annual.contains("| 扣押车辆 | Vehicles seized | 1 | 0 | — | 1 |"))
            #expect(annual.contains("| 罚款（元） | Fines imposed (yuan) | 200 | 600 | — | 800 |"))
            // What is due from the operation is its linked cases' clocks, and nothing else: the seizure of S1 ran
            // out on 2026-11-12 (30 days, never released), the on-the-spot form was never filed with the agency
            // (5 days) nor published (7 working days), and the filed case's decision clock runs into 2027, which has
            // no calendar yet.
            let due = try JSONSerialization.jsonObject(with: Data(cli.ok(["case", "due", "--format", "json"]).stdout.utf8))
                as? [[String: Any]] ?? []
            let dueRows = Set(due.map { "\($0["case_id"] as? String ?? "?") \($0["kind"] as? String ?? "?") \($0["status"] as? String ?? "?")" })
            #expect(dueRows == ["CASE-2026-0001 seizure overdue", "CASE-2026-0001 decision open",
                                "CASE-2026-0002 onSpotFiling overdue", "CASE-2026-0002 publication overdue"], "\(due)")
            #expect(due.first { $0["kind"] as? String == "decision" }?["provisional"] as? Bool == true)
            let board = try cli.ok(["op", "list", "--format", "csv"])
            #expect(board.stdout.hasPrefix("id,status,status_zh,sessions,officers,inspected,cases linked,cases returned,title\r\n"))
            #expect(board.stdout.contains("\(Self.op),inProgress,集中整治中,2,32,137,2,3,火车站周边黑车联合整治"), "\(board.stdout)")
        }
    }

    /// One source per agency and session for its case figures: the police returned cases filed for S1, so a case of
    /// their own linked to S1 would count twice (the try-out's joint_cases_filed went from 3 to 6).
    @Test func anAgencyThatReturnedCaseFiguresForASessionCannotAlsoLinkItsCasesThere() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try Self.operation(cli)
            try cli.ok(["op", "record-return", Self.op, "--session", "S1", "--agency", "WSJJ", "--officers", "6",
                        "--vehicles-inspected", "40", "--cases-filed", "3", "--fines-yuan", "600", "--at", "2026-10-16"])
            let linked = try cli.run(["case", "receive-lead", "--agency", "WSJJ", "--on-behalf-of", "JJ-01", "--source", "jointOperation",
                                      "--summary", "设卡检查发现黑车拉客", "--op", Self.op, "--session", "S1", "--at", "2026-10-13"])
            #expect(linked.status == 3, "\(linked.stdout)\(linked.stderr)")
            #expect(linked.errorLines == ["jointops: WSJJ already returned its own case figures for session S1 of \(Self.op), so "
                    + "its cases there are counted from that return: leave out --op and --session (the return is the figure to use)"])
            #expect(try !cli.ok(["case", "list", "--format", "csv"]).stdout.contains("WSJJ"), "nothing written")

            // The other way round: a police case of S2 is in JointOps, so their S2 return may not type case figures.
            try cli.ok(["case", "receive-lead", "--agency", "WSJJ", "--on-behalf-of", "JJ-01", "--source", "jointOperation", "--summary", "设卡检查发现黑车拉客",
                        "--op", Self.op, "--session", "S2", "--at", "2026-10-20"])
            let typed = try cli.run(["op", "record-return", Self.op, "--session", "S2", "--agency", "WSJJ", "--officers", "4",
                                     "--cases-filed", "1", "--at", "2026-10-21"])
            #expect(typed.status == 3, "\(typed.stdout)\(typed.stderr)")
            #expect(typed.errorLines == ["jointops: WSJJ has cases in JointOps linked to session S2 of \(Self.op), so its case "
                    + "figures there come from them: record the return without --cases-filed, --vehicles-seized and --fines-yuan"])
            try cli.ok(["op", "record-return", Self.op, "--session", "S2", "--agency", "WSJJ", "--officers", "4",
                        "--vehicles-inspected", "12", "--at", "2026-10-21"])
        }
    }

    /// `report operation_outcomes_by_agency` as "AGENCY source" → its non-empty figures.
    static func outcomes(_ cli: CLIRunner) throws -> [String: [String: String]] {
        let csv = try cli.ok(["report", "operation_outcomes_by_agency", "--format", "csv"]).stdout
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [:] }
        let kept = Set(["sessions", "reported_by"]).union(header[header.firstIndex(of: "officers_deployed")!...])
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() where line.count == header.count {
            let cells = Dictionary(uniqueKeysWithValues: zip(header, line))
            rows["\(cells["agency"]!) \(cells["source"]!)"] = cells.filter { kept.contains($0.key) && !$0.value.isEmpty }
        }
        return rows
    }
}

import Foundation
import Testing
import TestSupport

/// Whole stories through the built `jointops` binary, checking what an officer reads.
@Suite struct CLIEndToEndTests {
    static func registry(_ cli: CLIRunner) throws {
        try cli.ok(["agency", "register", "WSJT", "--name", "乌苏市交通运输局", "--kind", "transport", "--at", "2023-01-03"])
        try cli.ok(["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport", "--at", "2023-01-03"])
        try cli.ok(["agency", "register", "WSJJ", "--name", "乌苏市公安局交通警察大队", "--kind", "police", "--at", "2023-01-03"])
        for (id, name, certificate) in [("ZF-01", "王建国", "65420200001"), ("ZF-02", "李娜", "65420200002"),
                                        ("ZF-09", "孙建华", "65420200009")] {
            try cli.ok(["officer", "register", id, "--name", name, "--agency", "WSZD", "--certificate", certificate, "--at", "2023-01-03"])
        }
        try cli.ok(["officer", "register", "ZF-04", "--name", "张伟", "--agency", "WSZD", "--at", "2023-01-03"])
        try cli.ok(["officer", "register", "FZ-01", "--name", "杨慧敏", "--agency", "WSJT", "--certificate", "65420200101", "--at", "2023-01-03"])
        // Duties: the bureau's legal reviewer reviews the brigade's cases; the brigade head approves; ZF-09 chairs.
        try cli.ok(["officer", "register", "ZD-01", "--name", "何军", "--agency", "WSZD", "--at", "2023-01-03"])
        try cli.ok(["officer", "designate", "ZD-01", "--role", "approver", "--from", "2023-01-03", "--at", "2023-01-03"])
        try cli.ok(["officer", "designate", "FZ-01", "--role", "legalReviewer", "--agency", "WSZD", "--from", "2023-01-03",
                    "--at", "2023-01-03"])
        try cli.ok(["officer", "designate", "ZF-09", "--role", "hearingChair", "--from", "2023-01-03", "--at", "2023-01-03"])
    }

    @Test func aJointOperationGoesFromPlanToArchive() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try Self.registry(cli)
            let planned = try cli.ok(["op", "plan", "--title", "火车站周边黑车联合整治", "--lead", "WSZD", "--sector", "blackCar",
                                      "--from", "2023-03-01", "--to", "2023-03-31", "--place", "乌苏市火车站广场", "--at", "2023-02-20"])
            #expect(planned.stdout.hasPrefix("OP-2023-0001: 拟定行动方案 → 方案拟定, version 1"))
            #expect(planned.stdout.contains("next: approve, invite"))
            try cli.ok(["op", "invite", "OP-2023-0001", "WSJJ", "--at", "2023-02-21"])
            try cli.ok(["op", "approve", "OP-2023-0001", "--by", "ZD-01", "--on-behalf-of", "ZD-01", "--at", "2023-02-22"])
            try cli.ok(["op", "join", "op-2023-0001", "WSJJ", "--at", "2023-02-23"])   // ids are case-insensitive
            try cli.ok(["op", "launch", "OP-2023-0001", "--at", "2023-03-01"])
            let session = try cli.ok(["op", "record-session", "OP-2023-0001", "--session", "S1", "--place", "乌苏市火车站广场",
                                      "--tally", "WSZD:officers=12,vehicles=4,inspected=56",
                                      "--tally", "WSJJ:officers=6,inspected=20", "--at", "2023-03-02"])
            #expect(session.stdout.contains("登记现场执法 → 集中整治中"))
            try cli.ok(["op", "conclude", "OP-2023-0001", "--at", "2023-03-31"])
            try cli.ok(["op", "summarise", "OP-2023-0001", "--summary", "查处黑车2辆，形成长效机制", "--at", "2023-04-03"])
            let archived = try cli.ok(["op", "archive", "OP-2023-0001", "--at", "2023-04-10"])
            #expect(archived.stdout.contains("行动归档 → 已归档, version 9"))

            let show = try cli.ok(["op", "show", "OP-2023-0001"])
            #expect(hasRow(show.stdout, "status", "已归档"))
            #expect(hasRow(show.stdout, "tally WSZD", "officers 12, vehicles 4, inspected 56"))
            #expect(hasRow(show.stdout, "tally WSJJ", "officers 6, inspected 20"))
            #expect(hasRow(show.stdout, "next", "(none: closed)"))
            #expect(!show.stdout.contains("…"), "piped output is never cut")

            let json = try cli.ok(["op", "list", "--format", "json"])
            #expect(json.stdout.contains("\"id\": \"OP-2023-0001\", \"status\": \"archived\", \"status_zh\": \"已归档\", \"sessions\": 1"))
            #expect(json.stdout.contains("火车站周边黑车联合整治"))   // Chinese unescaped
            let csv = try cli.ok(["op", "list", "--format", "csv"])
            #expect(csv.stdout.hasPrefix("id,status,status_zh,sessions,officers,inspected,cases linked,cases returned,title\r\n"))
            #expect(csv.stdout.contains("OP-2023-0001,archived,已归档,1,18,76,0,0,火车站周边黑车联合整治\r\n"))
        }
    }

    @Test func aBlackCarCaseGoesFromLeadToClose() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try Self.registry(cli)
            let id = "CASE-2023-0001"
            let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint",
                                   "--summary", "群众举报火车站有黑车拉客", "--at", "2023-08-01"])
            #expect(lead.stdout.hasPrefix("\(id): 登记案源 → 已登记案源"))
            try cli.ok(["case", "file", id, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01",
                        "--party-name", "马某", "--party-id", "654202199001011234", "--act-date", "2023-07-31",
                        "--act-place", "乌苏市火车站广场", "--sector", "blackCar",
                        "--description", "未取得道路运输经营许可，驾驶小型轿车载客前往奎屯市", "--plate", "新G12345",
                        "--at", "2023-08-02"])
            try cli.ok(["case", "assign-officers", id, "--officer", "ZF-01", "--officer", "ZF-02", "--at", "2023-08-02"])
            try cli.ok(["case", "seize-vehicle", id, "--plate", "新G·12345", "--officer", "ZF-01", "--officer", "ZF-02",
                        "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--place", "执法大队停车场", "--at", "2023-08-02"])
            try cli.ok(["case", "record-evidence", id, "--kind", "siteRecord", "--description", "现场检查笔录",
                        "--media", "dvr/0001.mp4", "--sha256", String(repeating: "ab", count: 32),
                        "--officer", "ZF-01", "--officer", "ZF-02", "--at", "2023-08-02"])
            try cli.ok(["case", "conclude-investigation", id, "--findings", "违法事实清楚", "--at", "2023-08-09"])
            try cli.ok(["case", "request-review", id, "--at", "2023-08-10"])
            let queue = try cli.ok(["review", "queue"])
            #expect(queue.stdout.contains(id))
            try cli.ok(["review", "pass", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--opinion", "同意", "--at", "2023-08-11"])
            let notice = try cli.ok(["case", "serve-notice", id, "--fine", "15000", "--basis", "RTR-63-2023", "--hearing-right",
                                     "--at", "2023-08-14"])
            #expect(notice.stdout.contains(": 送达事先告知书 → "))
            try cli.ok(["case", "receive-statement", id, "--summary", "当事人请求从轻处罚", "--at", "2023-08-15"])
            // The 5 working days to ask for a hearing run to 2023-08-21.
            let early = try cli.run(["case", "decide-penalty", id, "--fine", "15000", "--basis", "RTR-63-2023",
                                     "--number", "乌交执罚〔2023〕第001号", "--at", "2023-08-21"])
            #expect(early.status == 3)
            #expect(early.stderr.contains("may still request a hearing until 2023-08-21"))
            try cli.ok(["case", "decide-penalty", id, "--fine", "15000", "--basis", "RTR-63-2023",
                        "--number", "乌交执罚〔2023〕第001号", "--at", "2023-08-22"])
            try cli.ok(["case", "release-vehicle", id, "--plate", "新G12345", "--reason", "解除扣押", "--at", "2023-08-22"])
            try cli.ok(["case", "serve-decision", id, "--method", "inPerson", "--at", "2023-08-23"])
            try cli.ok(["case", "publish", id, "--reference", "乌苏市人民政府网站/执法公示/0001", "--at", "2023-08-24"])
            try cli.ok(["case", "receive-payment", id, "--amount", "15000", "--channel", "bank", "--receipt", "缴款书 123",
                        "--at", "2023-08-30"])
            let closed = try cli.ok(["case", "close", id, "--report", "罚款已缴清，予以结案", "--at", "2023-09-05"])
            #expect(closed.stdout.contains("结案 → 已结案"))
            #expect(closed.stdout.contains("next: archive"))

            let show = try cli.ok(["case", "show", id])
            for (key, value) in [("status", "已结案"), ("plate", "新G·12345"), ("legal review", "审核通过"),
                                 ("outcome", "罚款 15000 yuan (RTR-63-2023 行为时规定)"), ("publication", "已公示 (published)"),
                                 ("paid", "15000 of 15000 yuan"), ("seizure 新G·12345", "已解除扣押"), ("next", "archive")] {
                #expect(hasRow(show.stdout, key, value), "no row \(key) = \(value) in\n\(show.stdout)")
            }
            let list = try cli.ok(["case", "list", "--sector", "blackCar", "--format", "csv"])
            #expect(list.stdout.contains("CASE-2023-0001,closed,已结案,WSZD,blackCar,非法营运（黑车）,2023-08-02,"))
        }
    }

    @Test func aRetryWithTheSameCommandIdWritesNothing() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try Self.registry(cli)
            let commandId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
            let arguments = ["op", "plan", "--title", "网约车联合检查", "--lead", "WSZD", "--sector", "rideHailing",
                             "--from", "2023-03-01", "--to", "2023-03-10", "--at", "2023-02-20", "--command-id", commandId]
            let first = try cli.ok(arguments)
            let again = try cli.ok(arguments)
            #expect(first.stdout.hasPrefix("OP-2023-0001"))
            #expect(again.stdout.hasPrefix("OP-2023-0001"))
            #expect(again.stdout.contains("already recorded under this --command-id; nothing written"))
            let list = try cli.ok(["op", "list", "--format", "csv"])
            #expect(list.stdout.split(separator: "\r\n").count == 2)
        }
    }
}

/// Whether a key-value table has a row `key … value`.
func hasRow(_ table: String, _ key: String, _ value: String) -> Bool {
    table.split(separator: "\n").contains { line in
        line.hasPrefix(key + " ") && line.dropFirst(key.count).trimmingCharacters(in: .whitespaces) == value
    }
}

import Enforcement
import Foundation
import JointOps
import Testing
import TestSupport

/// Bad input through the built binary: one line on stderr saying what is wrong and what to do, the right
/// exit code (usage 2, rule refused 3, conflict 4), and not a single event written.
@Suite struct BadInputTests {
    struct Bad: CustomStringConvertible, Sendable {
        let arguments: [String]
        let code: Int32
        let says: String
        var environment: [String: String] = [:]
        var withoutActor = false
        var description: String { arguments.joined(separator: " ") }
    }

    static let hash = String(repeating: "ab", count: 32)
    static let officers = ["--officer", "ZF-001", "--officer", "ZF-002"]

    static let cases: [Bad] = [
        Bad(arguments: ["op", "plan", "--title", "联合检查", "--lead", "NOPE", "--sector", "taxi", "--from", "2023-03-01",
                        "--to", "2023-03-09", "--at", "2023-02-20"], code: 2, says: "no agency has the code NOPE"),
        Bad(arguments: ["op", "launch", "OP-2023-0001", "--at", "2023-03-01"], code: 3,
            says: "operation OP-2023-0001 is drafted, so `launch` is not possible now"),
        Bad(arguments: ["case", "file", "--agency", "WSZD", "--approver", "ZD-001", "--on-behalf-of", "ZD-001", "--party-name", "马某", "--party-id", "P-9",
                        "--act-date", "2023-03-02", "--act-place", "火车站", "--sector", "blackCar", "--description", "黑车",
                        "--plate", "新G12", "--at", "2023-03-03"], code: 2, says: "新G12"),
        Bad(arguments: ["case", "file", "--agency", "WSZD", "--approver", "ZD-001", "--on-behalf-of", "ZD-001", "--party-name", "马某", "--party-id", "P-9",
                        "--act-date", "2023-13-45", "--act-place", "火车站", "--sector", "blackCar", "--description", "黑车",
                        "--at", "2023-03-03"], code: 2, says: "--act-date `2023-13-45` is not a date"),
        Bad(arguments: ["op", "record-session", "OP-2023-0002", "--session", "S1", "--place", "火车站",
                        "--tally", "WSZD:officers=-3", "--at", "2023-03-02"], code: 2, says: "officersDeployed of WSZD is negative"),
        Bad(arguments: ["case", "serve-notice", "CASE-2023-0001", "--fine", "5000", "--basis", "RTR-63-2022", "--at", "2023-03-10"],
            code: 3, says: "a fine of 5000 yuan is outside 30000–100000 yuan set by RTR-63-2022"),
        Bad(arguments: ["case", "decide-penalty", "CASE-2023-0001", "--fine", "30000", "--basis", "RTR-63-2022",
                        "--number", "乌交执罚〔2023〕1号", "--at", "2023-03-15"], code: 3, says: "needs a passed legal review"),
        Bad(arguments: ["op", "approve", "OP-2023-0001", "--by", "局长", "--at", "2023-02-21"], code: 3,
            says: "is bound to no officer, so it records an act only on the acting officer's behalf: add --on-behalf-of", withoutActor: true),
        Bad(arguments: ["op", "approve", "OP-2023-0001", "--by", "局长", "--actor", "ZF-001", "--at", "2023-02-21"], code: 2,
            says: "--actor (and JOINTOPS_ACTOR) are gone"),
        Bad(arguments: ["op", "approve", "OP-2023-0001", "--by", "局长\u{1B}[2J", "--at", "2023-02-21"], code: 2,
            says: "holds the control character U+001B"),
        Bad(arguments: ["officer", "register", "ZF-001", "--name", "王建国", "--agency", "WSZD", "--at", "2023-03-01"], code: 4,
            says: "officer ZF-001 already exists"),
        Bad(arguments: ["case", "show", "CASE-2023-0999"], code: 2, says: "no case CASE-2023-0999 exists"),
        Bad(arguments: ["case", "list", "--format", "xml"], code: 2, says: "--format `xml` is not known: use table, json or csv"),
        Bad(arguments: ["op", "approve", "OP-2023-0001", "--by", "局长", "--command-id", "not-a-uuid"], code: 2,
            says: "--command-id `not-a-uuid` is not a UUID"),
        Bad(arguments: ["case", "show", "OP-2023-0001"], code: 2, says: "`OP-2023-0001` is not a case id"),
        Bad(arguments: ["op", "approve", "OP-2023-0001", "--by", "局长", "--at", "yesterday"], code: 2,
            says: "--at `yesterday` is not a date or date-time"),
        Bad(arguments: ["op", "approve", "OP-2023-0001", "--by", "局长", "--at", "2999-01-01"], code: 3, says: "is later than now"),
        Bad(arguments: ["op", "plan", "--title", "联合检查", "--lead", "WSZD", "--sector", "bus", "--from", "2023-03-01",
                        "--to", "2023-03-09"], code: 2, says: "--sector `bus` is not known: use one of blackCar"),
        Bad(arguments: ["agency", "register", "ARMY", "--name", "某部", "--kind", "army"], code: 2, says: "--kind `army` is not known"),
        Bad(arguments: ["case", "close", "CASE-2023-0001", "--report", "结案", "--at", "2023-03-08"], code: 3,
            says: "case CASE-2023-0001 is investigation concluded, so `close` is not possible now"),
        Bad(arguments: ["case", "record-evidence", "CASE-2023-0001", "--kind", "document", "--description", "补充证据",
                        "--media", "m.pdf", "--sha256", hash, "--officer", "ZF-001", "--at", "2023-03-05"], code: 3,
            says: "1 officer named, but every investigative or coercive act needs at least 2"),
        Bad(arguments: ["case", "record-evidence", "CASE-2023-0001", "--kind", "document", "--description", "补充证据",
                        "--media", "m.pdf", "--sha256", hash, "--officer", "ZF-001", "--officer", "ZF-004", "--at", "2023-03-05"],
            code: 3, says: "officer ZF-004 holds no valid enforcement certificate"),
        Bad(arguments: ["case", "record-evidence", "CASE-2023-0001", "--kind", "document", "--description", "补充证据",
                        "--media", "m.pdf", "--sha256", hash, "--officer", "ZF-001", "--officer", "ZF-099", "--at", "2023-03-05"],
            code: 2, says: "no officer has the id ZF-099"),
        Bad(arguments: ["case", "record-evidence", "CASE-2023-0001", "--kind", "document", "--description", "补充证据",
                        "--media", "m.pdf", "--sha256", "xyz"] + officers + ["--at", "2023-03-05"], code: 2,
            says: "`xyz` is not a SHA-256 hash"),
        Bad(arguments: ["op", "invite", "OP-2023-0001", "WSZD", "--at", "2023-02-21"], code: 3,
            says: "WSZD already takes part in the operation"),
        Bad(arguments: ["case", "serve-notice", "CASE-2023-0001", "--fine", "lots", "--basis", "RTR-63-2022"], code: 2,
            says: "--fine `lots` is not a whole number"),
        Bad(arguments: ["referral", "send", "--kind", "suspectedCrimeToPolice", "--from", "WSZD", "--to", "WSSJ",
                        "--subject", "涉嫌犯罪", "--at", "2023-03-05"], code: 3, says: "WSSJ is not a police agency"),
        Bad(arguments: ["rectify", "issue-opinion", "RECT-2023-0042", "--opinion", "限期整改", "--issued-by", "局党组"], code: 2,
            says: "no rectification item RECT-2023-0042 exists"),
        Bad(arguments: ["case", "publish", "CASE-2023-0001", "--reference", "gov.cn", "--at", "2023-03-06"], code: 3,
            says: "is investigation concluded, so `publish` is not possible now"),
        Bad(arguments: ["calendar", "import", "/nonexistent/xinjiang-2024.csv"], code: 2, says: "does not exist or cannot be read"),
        Bad(arguments: ["outreach", "record", "--event", "普法宣传", "--place", "广场", "--agency", "WSZD", "--leaflets=-20",
                        "--at", "2023-03-05"], code: 2, says: "leaflets of WSZD is negative"),
        Bad(arguments: ["case", "serve-notice", "CASE-2023-0001", "--fine", "30000", "--basis", "RTR-99", "--at", "2023-03-06"],
            code: 2, says: "unknown legal basis `RTR-99`"),
        Bad(arguments: ["op", "approve", "OP-2023-0001", "--by", "局长", "--at", "2023-02-21",
                        "--command-id", "00000000-0000-4000-8000-000000000001"], code: 4, says: "was already used for OP-2023-0002"),
        Bad(arguments: ["case", "list", "--status", "finished"], code: 2,
            says: "--status `finished` is not known: use one of none (无), leadReceived (已登记案源)"),
        Bad(arguments: ["case", "serve-notice", "CASE-2023-0001", "--type", "jail", "--basis", "RTR-63-2022"], code: 2,
            says: "--type `jail` is not known: use one of warning (警告), criticism ("),
        Bad(arguments: ["case", "file", "--agency", "WSZD"], code: 2, says: "--approver <approver> is missing: Officer id of the approver"),
        // Every option with choices lists each code with its label, as the case register's import does.
        Bad(arguments: ["case", "file", "--source", "网络", "--agency", "WSZD"], code: 2,
            says: "--source `网络` is not known: use one of inspection (检查发现), complaint (投诉举报), assignedBySuperior (上级交办)"),
        Bad(arguments: ["officer", "designate", "ZF-001", "--role", "审批人", "--from", "2023-01-01"], code: 2,
            says: "--role `审批人` is not known: use one of legalReviewer (法制审核人员), approver (审批负责人)"),
        Bad(arguments: ["referral", "show", "REF-2023-0009"], code: 2, says: "no referral REF-2023-0009 exists"),
    ]

    /// A registry, a drafted operation, a launched one (planned with the command id reused above) and a concluded
    /// 黑车 case of March 2023.
    static func seed(_ database: TestDatabase) throws {
        let app = Application(connection: try database.connect())
        try HandlerFixtures.seedRegistry(app)
        let operations = app.handler(OperationDecider.self)
        try operations.create(.operation, request: HandlerFixtures.request("2023-02-20")) { .plan(operationId: $0, HandlerFixtures.plan()) }
        let reused = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!
        let launched = try operations.create(.operation, request: HandlerFixtures.request("2023-02-20", commandId: reused)) {
            .plan(operationId: $0, HandlerFixtures.plan())
        }.stream
        try operations.handle(.approve(approvedBy: HandlerFixtures.approver), on: launched,
                              request: HandlerFixtures.request("2023-02-21", actor: HandlerFixtures.approver))
        try operations.handle(.launch, on: launched, request: HandlerFixtures.request("2023-03-01"))
        let cases = app.handler(CaseDecider.self)
        let party = Party(nameZh: "马某", kind: .individual, partyId: "654202199001011234")
        let act = Act(date: LocalDate(iso: "2023-03-02")!, placeZh: "乌苏市火车站", sector: .blackCar,
                      descriptionZh: "未取得经营许可从事道路旅客运输", plate: "新G·12345")
        let id = try cases.create(.case, request: HandlerFixtures.request("2023-03-03", actor: HandlerFixtures.approver)) {
            .fileCase(caseId: $0, agency: "WSZD", party: party, act: act, approvedBy: HandlerFixtures.approver, source: .inspection)
        }.stream
        let on = HandlerFixtures.request("2023-03-03")
        try cases.handle(.assignOfficers(["ZF-001", "ZF-002"]), on: id, request: on)
        try cases.handle(.recordEvidence(kind: .siteRecord, descriptionZh: "现场笔录", mediaRef: "dvr/1.mp4", sha256: hash,
                                         officers: ["ZF-001", "ZF-002"]), on: id, request: on)
        try cases.handle(.concludeInvestigation(findingsZh: "事实清楚", complex: false, majorPublicInterest: false), on: id,
                         request: HandlerFixtures.request("2023-03-06"))
        try cases.handle(.serveNotice(intended: .fine(30_000, basis: "RTR-63-2022"), hearingRight: false), on: id,
                         request: HandlerFixtures.request("2023-03-07"))
    }

    @Test func everyBadInputIsRefusedWithOneLineTheRightCodeAndNothingWritten() throws {
        #expect(Self.cases.count >= 25)
        try TestDatabase.with { database in
            try Self.seed(database)
            let connection = try database.connect()
            for bad in Self.cases {
                let before = try HandlerFixtures.eventCount(connection)
                var cli = CLIRunner(database: database, actor: "ZF-001")
                if bad.withoutActor { cli.actor = nil }
                let result = try cli.run(bad.arguments, environment: bad.environment)
                #expect(result.status == bad.code, "\(bad): exit \(result.status), stderr \(result.stderr)")
                #expect(result.errorLines.count == 1, "\(bad): stderr is not one line: \(result.stderr)")
                #expect(result.stderr.contains(bad.says), "\(bad): stderr says \(result.stderr)")
                #expect(result.stdout.isEmpty, "\(bad): printed \(result.stdout)")
                #expect(try HandlerFixtures.eventCount(connection) == before, "\(bad) wrote events")
            }
        }
    }
}

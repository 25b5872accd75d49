import Enforcement
import EventStore
import Foundation
import JointOps
import Testing
import TestSupport

/// The defects a user's try-out of the built binary found (issue 10, points 5 and 9), through the real binary and
/// database: each refusal is one line with its exit code and writes nothing, and the advice it gives works.
/// Dates are relative to today. The domain's side of each: `TryOutDefectTests`, `ProcedureOrderTests`.
@Suite struct TryOutDefectCLITests {
    typealias F = HandlerFixtures
    static func day(_ offset: Int) -> String { DateRulesCLITests.day(offset) }

    /// Runs `arguments`, expecting one line on stderr containing `says`, exit `code`, and no event written.
    static func refused(_ cli: CLIRunner, _ database: TestDatabase, _ arguments: [String], code: Int32, says: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try F.eventCount(try database.connect())
        let result = try cli.run(arguments)
        let shown = arguments.joined(separator: " ")
        #expect(result.status == code, "\(shown): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(says), "\(shown): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(shown): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try F.eventCount(try database.connect()) == before, "\(shown) wrote events", sourceLocation: sourceLocation)
    }

    @Test func hugeAndNegativeNumbersAreOneLineUsageErrors() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try LawCLITests.concludedCase(cli)
            let notice = ["case", "serve-notice", id, "--type", "fine", "--type", "confiscationOfIllegalGains",
                          "--basis", "RTR-63", "--at", Self.day(-43)]
            try Self.refused(cli, database, notice + ["--fine", "20000", "--gains", "1000000000000000000"], code: 2,
                             says: "--gains `1000000000000000000` is more than the most it may be (illegalGainsYuan ≤ 100000000)")
            try Self.refused(cli, database, notice + ["--fine", "99999999999999999999"], code: 2,
                             says: "(fineYuan ≤ 1000000000)")
            try Self.refused(cli, database, notice + ["--fine", "-20000"], code: 2, says: "--fine `-20000` must be 0 or more")
            try Self.refused(cli, database, ["case", "due", "--within", "-3"], code: 2, says: "--within `-3` must be 0 or more")
            try Self.refused(cli, database, ["outreach", "record", "--event", "普法宣传", "--place", "广场", "--agency", "WSZD",
                                             "--leaflets", "-20", "--at", Self.day(-1)], code: 2,
                             says: "leaflets of WSZD is negative: it must be 0 or more")
            let help = try cli.ok(["case", "serve-notice", "--help"])
            #expect(help.stdout.contains("1000000000"), "\(help.stdout)")
        }
    }

    @Test func aReviewPassedBeforeItWasRequestedIsRefusedWithBothDates() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try LawCLITests.concludedCase(cli)
            try cli.ok(["case", "request-review", id, "--at", Self.day(-42)])
            try Self.refused(cli, database, ["case", "pass-review", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--opinion", "同意",
                                             "--at", Self.day(-43)], code: 3,
                             says: "is dated \(Self.day(-43)), before the request for legal review on \(Self.day(-42))")
            try cli.ok(["case", "pass-review", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--opinion", "同意", "--at", Self.day(-42)])
        }
    }

    @Test func aWrittenWaiverEndsTheHearingWindowAndEveryAdviceWorks() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try LawCLITests.concludedCase(cli)
            try cli.ok(["case", "serve-notice", id, "--fine", "50000", "--basis", "RTR-63", "--at", Self.day(-43)])
            let decide = ["case", "decide-penalty", id, "--fine", "50000", "--basis", "RTR-63",
                          "--number", "乌交执罚〔\(DateRulesCLITests.today.year)〕第88号", "--at", Self.day(-42)]
            try Self.refused(cli, database, decide, code: 3, says: "or record the party's written waiver with "
                             + "`jointops case waive-hearing \(id) --reason TEXT`")
            try cli.ok(["case", "waive-hearing", id, "--reason", "当事人书面放弃听证", "--at", Self.day(-42)])
            try Self.refused(cli, database, ["case", "request-hearing", id, "--at", Self.day(-42)], code: 3,
                             says: "was already held or waived: decide with `jointops case decide-penalty \(id) --basis BASIS --number NUMBER`")
            try Self.refused(cli, database, decide, code: 3, says: "`jointops case request-review \(id)`")
            try cli.ok(["case", "request-review", id, "--at", Self.day(-42)])
            try cli.ok(["case", "pass-review", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--opinion", "同意", "--at", Self.day(-42)])
            try cli.ok(decide)
            try cli.ok(["case", "serve-decision", id, "--method", "inPerson", "--at", Self.day(-41)])
            // Point 6: paying more than is owed breaks a rule about the case, not the command's syntax.
            try Self.refused(cli, database, ["case", "receive-payment", id, "--amount", "60000", "--channel", "bank",
                                             "--receipt", "BANK-01", "--at", Self.day(-40)], code: 3,
                             says: "60000 yuan is more than the 50000 yuan still owed")
            try Self.refused(cli, database, ["case", "receive-payment", id, "--amount", "-5", "--channel", "bank",
                                             "--receipt", "BANK-01", "--at", Self.day(-40)], code: 2, says: "must be 0 or more")
        }
    }

    static func decideOnSpot(_ cli: CLIRunner, form: String, party: String, at offset: Int) throws -> CLIRunner.Result {
        try cli.run(["case", "decide-on-spot", "--agency", "WSZD", "--officer", "ZF-01", "--officer", "ZF-02",
                     "--form", form, "--party-name", "马某", "--party-id", party, "--act-date", day(offset),
                     "--act-place", "乌苏市火车站广场", "--sector", "rideHailing",
                     "--description", "未取得《网络预约出租汽车驾驶员证》从事网约车经营", "--fine", "200",
                     "--basis", "RIDE-34-3-2022", "--at", day(offset)])
    }

    @Test func aRevokedDecisionIsNotServedAndItsClocksClose() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let decided = try Self.decideOnSpot(cli, form: "DC-0001", party: "654202199001010001", at: -20)
            #expect(decided.status == 0, "\(decided.stderr)")
            let id = String(decided.stdout.prefix(while: { $0 != ":" }))
            try cli.ok(["case", "revoke-decision", id, "--by", "乌苏市人民政府（复议决定）", "--reason", "事实不清",
                        "--at", Self.day(-19)])
            try Self.refused(cli, database, ["case", "serve-decision", id, "--method", "onTheSpot", "--at", Self.day(-18)],
                             code: 3, says: "the decision of case \(id) was revoked")
            try Self.refused(cli, database, ["case", "file-on-spot-decision", id, "--at", Self.day(-18)],
                             code: 3, says: "was revoked")
            let show = try cli.ok(["case", "show", id])
            #expect(hasRow(show.stdout, "next", "close"), "\(show.stdout)")
            let due = try cli.ok(["case", "due"])
            #expect(!due.stdout.contains("当场处罚决定书备案期限"), "\(due.stdout)")
            // Point 4: the same form in another spelling is the same form.
            try Self.refused(cli, database, ["case", "decide-on-spot", "--agency", "WSZD", "--officer", "ZF-01",
                                             "--officer", "ZF-02", "--form", "dc-0001", "--party-name", "马某",
                                             "--party-id", "654202199001010002", "--act-date", Self.day(-2),
                                             "--act-place", "乌苏市火车站广场", "--sector", "rideHailing",
                                             "--description", "未取得《网络预约出租汽车驾驶员证》从事网约车经营",
                                             "--fine", "200", "--basis", "RIDE-34-3-2022", "--at", Self.day(-2)],
                             code: 3, says: "WSZD already used the on-the-spot decision form dc-0001, for \(id)")
        }
    }

    @Test func aNumberClaimedUnderTheOldKeyStillHoldsEverySpelling() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            // A claim as an earlier version stored it: keyed by the spelling typed, ASCII brackets.
            let old = "乌交执不罚[2023]7号"
            let payload: [String: Any] = ["caseId": "CASE-2023-0099", "agency": "WSZD", "year": 2023, "number": old]
            try app.store.append([NewEvent(type: DecisionNumber.claimedEventType,
                                           data: try JSONSerialization.data(withJSONObject: payload),
                                           occurredAt: Date(timeIntervalSince1970: 1_677_800_000))],
                                 to: "DECNO-WSZD-2023-\(old)", expecting: .noStream,
                                 metadata: CommandMetadata(actor: "ZF-001", agency: "WSZD"))
            let id = try DecisionNumberRaceTests.concludedCase(app, party: "654202199001017777")
            let cases = app.handler(CaseDecider.self)
            for spelling in [old, "乌交执不罚〔2023〕7号", "乌交执不罚（２０２３）7号"] {
                do {
                    try cases.handle(.decideNoPenalty(reason: .factsNotEstablished, decisionNumber: spelling), on: id,
                                     request: F.request("2023-03-06"))
                    Issue.record("\(spelling) was accepted although the old claim holds it")
                } catch let rejection as Rejection {
                    #expect(rejection == .decisionNumberTaken(number: spelling, agency: "WSZD", year: 2023, by: "CASE-2023-0099"))
                }
            }
            try cases.handle(.decideNoPenalty(reason: .factsNotEstablished, decisionNumber: "乌交执不罚[2023]8号"), on: id,
                             request: F.request("2023-03-06"))
            #expect(try app.store.version(of: "DECNO-WSZD-2023-乌交执不罚〔2023〕8号") == 1)
        }
    }

    @Test func aHearingChairOfAnotherAgencyIsToldWhyWithoutACase() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            try Self.refused(cli, database, ["officer", "designate", "ZF-01", "--role", "hearingChair", "--agency", "WSJT",
                                             "--from", Self.day(-1), "--at", Self.day(-1)], code: 3,
                             says: "a hearing chair must belong to the agency he chairs for")
        }
    }
}

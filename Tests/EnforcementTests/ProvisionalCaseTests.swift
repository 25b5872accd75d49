import Testing
@testable import Enforcement

/// Issue 10 point 7 on the decider: late in the year, with next year's (or this year's regional) notice not
/// loaded, cases are still received, filed and decided; their deadlines are provisional, and the party's
/// window is lengthened by the margin but still closes.
@Suite struct ProvisionalCaseTests {
    static let act = Act(date: Fixture.date("2026-11-30"), placeZh: "乌苏市奎屯路", sector: .blackCar,
                         descriptionZh: "驾驶新G·12345未取得道路运输经营许可搭载乘客收取费用", plate: "新G12345")
    static let id = "CASE-2026-0101"

    static let noticed: [(String, CaseCommand)] = [
        ("2026-12-01", .receiveLead(caseId: id, agency: Fixture.transport, source: .inspection, summaryZh: "巡查发现涉嫌非法营运")),
        ("2026-12-01", .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan, act: act, approvedBy: Fixture.chenGang)),
        ("2026-12-01", .assignOfficers([Fixture.liMing, Fixture.wangFang])),
        ("2026-12-02", .recordEvidence(kind: .interviewRecord, descriptionZh: "对乘客李四的询问笔录",
                                       mediaRef: "media/2026/0101/001.mp4", sha256: Fixture.sha,
                                       officers: [Fixture.liMing, Fixture.wangFang])),
        ("2026-12-10", .concludeInvestigation(findingsZh: "事实清楚，证据确凿", complex: false, majorPublicInterest: false)),
        ("2026-12-10", .requestLegalReview),
        ("2026-12-11", .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意拟处罚意见")),
        ("2026-12-28", .serveNotice(intended: Fixture.blackCarFine, hearingRight: true)),
    ]

    @Test func aCaseFiledInDecemberIsAllowedWithAProvisionalDecisionDeadline() throws {
        let lead = Array(Self.noticed.prefix(1))
        let result = given(history(CaseDecider.self, lead), when: Self.noticed[1].1, on: "2026-12-01")
        guard case let .success(events) = result, case let .filed(filed)? = events.first else {
            Issue.record("filing was refused: \(String(describing: result.rejection))")
            return
        }
        #expect(filed.decisionDue.due == Fixture.date("2027-03-01"))
        #expect(filed.decisionDue.provisional)
    }

    @Test func aDecisionOnTheSpotOn28DecemberIsAllowedWithProvisionalDeadlines() throws {
        guard case let .outcome(.decideOnSpot(_, agency, party, _, officers, penalty, _)) = CaseStory.onSpot() else { return }
        let act = Act(date: Fixture.date("2026-12-28"), placeZh: "乌苏市客运站", sector: .taxi, descriptionZh: "出租车未按规定使用计价器")
        let result = given([], when: .decideOnSpot(caseId: "CASE-2026-0200", agency: agency, party: party, act: act,
                                                   officers: officers, penalty: penalty, formNumber: "当场-2026-0200"),
                           on: "2026-12-28")
        guard case let .success(events) = result, case let .decidedOnSpot(decided)? = events.first else {
            Issue.record("the on-the-spot decision was refused: \(String(describing: result.rejection))")
            return
        }
        #expect(decided.onSpotFilingDue.provisional)
        #expect(decided.publicationDue?.provisional == true)
    }

    @Test func aHearingRequestInsideTheProvisionalMarginIsAllowed() {
        let events = history(CaseDecider.self, Self.noticed)
        // 12-28 + 5 WD = 01-05 (New Year's Day off, the 2027 notice missing), + 4 WD of margin = 01-11.
        #expect(CaseDecider.fold(events).deadlines[.hearingRequest]?.due == Fixture.date("2027-01-11"))
        #expect(given(events, when: .requestHearing, on: "2027-01-11").eventTypes == ["HearingRequested"])
    }

    @Test func aHearingRequestAfterTheProvisionalWindowIsRefused() {
        let events = history(CaseDecider.self, Self.noticed)
        #expect(given(events, when: .requestHearing, on: "2027-01-12")
            == .failure(.hearingRequestTooLate(due: Fixture.date("2027-01-11"))))
    }

    @Test func aLeadInsideACompleteNationalCalendarIsNotProvisional() {
        let national = DecisionContext(today: Fixture.date("2026-11-02"), jurisdiction: .national, calendar: .shipped,
                                       legalBases: Fixture.legalBases, reference: Fixture.reference)
        let result = given([], when: Self.noticed[0].1, on: "2026-11-02", context: national)
        guard case let .success(events) = result, case let .leadReceived(lead)? = events.first else {
            Issue.record("the lead was refused")
            return
        }
        #expect(lead.filingDue.due == Fixture.date("2026-11-23"))
        #expect(!lead.filingDue.provisional)
    }
}

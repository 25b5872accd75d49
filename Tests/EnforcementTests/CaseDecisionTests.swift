import Testing
@testable import Enforcement

/// The guards before a decision: legal review (APL 58), notice and defence (APL 44, 45, 62), one fine per act
/// (APL 29), the legal range of the text in force (APL 37).
@Suite struct CaseDecisionTests {
    let id = Fixture.caseId
    let decide = CaseCommand.decidePenalty(Fixture.blackCarFine, decisionNumber: "乌交执罚〔2023〕123号")

    @Test func aPenaltyAtTheReviewThresholdWithoutAPassedReviewIsRejected() {
        let noticed = CaseStory.concluded + [("2023-08-14", .serveNotice(intended: Fixture.blackCarFine, hearingRight: true))]
        let result = given(CaseStory.events(noticed), when: decide, on: "2023-08-22")
        #expect(result == .failure(.legalReviewRequired(caseId: id, reasons: [.fineAtOrAboveThreshold])))
        #expect(result.rejection?.message { "<\($0)>" }.contains("<requestLegalReview on case \(id)>") == true)
    }

    @Test func aPenaltyAfterAPassedReviewIsDecided() {
        let result = given(CaseStory.events(CaseStory.noticed), when: decide, on: "2023-08-22")
        guard case .success(let events) = result, case .penaltyDecided(let e)? = events.first else {
            Issue.record("expected PenaltyDecided, got \(result)")
            return
        }
        #expect(e.legalReviewRequired)
        #expect(e.actKey == Fixture.blackCarKey)
        #expect(e.serviceDue.due == Fixture.date("2023-08-31"))
        #expect(e.publicationDue?.due == Fixture.date("2023-08-31"))
    }

    @Test func aReturnedReviewDoesNotAllowTheDecision() {
        let returned = CaseStory.concluded + [
            ("2023-08-10", .requestLegalReview),
            ("2023-08-11", .returnLegalReview(reviewer: Fixture.zhouMin, reasonZh: "证据不足，补充调查")),
            ("2023-08-14", .serveNotice(intended: Fixture.blackCarFine, hearingRight: true)),
        ]
        #expect(given(CaseStory.events(returned), when: decide, on: "2023-08-22")
            == .failure(.legalReviewRequired(caseId: id, reasons: [.fineAtOrAboveThreshold])))
    }

    @Test func passingAReviewThatWasNeverRequestedIsRejected() {
        let result = given(CaseStory.events(CaseStory.concluded), when: .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意"),
                           on: "2023-08-11")
        #expect(result == .failure(.legalReviewNotPending(id)))
    }

    @Test func aSmallFineOutsideTheCatalogueNeedsNoReview() {
        let result = given(LineStory.events(LineStory.noticed(complex: false)), when: LineStory.decide, on: "2023-08-22")
        #expect(result.eventTypes == ["PenaltyDecided"])
    }

    @Test func aComplexCaseNeedsAReviewWhateverTheAmount() {
        let result = given(LineStory.events(LineStory.noticed(complex: true)), when: LineStory.decide, on: "2023-08-22")
        #expect(result == .failure(.legalReviewRequired(caseId: LineStory.id, reasons: [.complexCase])))
    }

    @Test func aDecisionWithoutANoticeIsRejected() {
        let result = given(CaseStory.events(CaseStory.reviewed), when: decide, on: "2023-08-22")
        #expect(result == .failure(.noticeRequired(id)))
    }

    @Test func aPartyWhoWaivedTheNoticeCanBeDecidedAgainst() {
        // A 2,000-yuan fine on a company carries no hearing right, so the waiver alone lets the decision through.
        var waived = LineStory.noticed(complex: false)
        waived[waived.count - 1] = ("2023-08-14", .waiveStatement)
        #expect(given(LineStory.events(waived), when: LineStory.decide, on: "2023-08-14").eventTypes == ["PenaltyDecided"])
    }

    @Test func aPenaltyAboveTheNoticeIsRejected() {
        let higher = CaseCommand.decidePenalty(.fine(25_000, basis: "RTR-63-2023"), decisionNumber: "乌交执罚〔2023〕123号")
        #expect(given(CaseStory.events(CaseStory.noticed), when: higher, on: "2023-08-22")
            == .failure(.penaltyExceedsNotice(noticeYuan: 20_000, decidedYuan: 25_000)))
    }

    @Test func aPenaltyBelowTheNoticeIsAllowed() {
        let lower = CaseCommand.decidePenalty(.fine(15_000, basis: "RTR-63-2023"), decisionNumber: "乌交执罚〔2023〕123号")
        #expect(given(CaseStory.events(CaseStory.noticed), when: lower, on: "2023-08-22").eventTypes == ["PenaltyDecided"])
    }

    @Test func aPenaltyTypeTheNoticeDidNotAnnounceIsRejected() {
        let heavier = Penalty(types: [.fine, .confiscationOfIllegalGains], fineYuan: 20_000, illegalGainsYuan: 800,
                              legalBasisId: "RTR-63-2023")
        #expect(given(CaseStory.events(CaseStory.noticed), when: .decidePenalty(heavier, decisionNumber: "N1"),
                      on: "2023-08-22") == .failure(.penaltyTypeNotInNotice(.confiscationOfIllegalGains)))
    }

    @Test func aNewNoticeMayNotRaiseTheFineAfterThePartyDefendedItself() {
        let defended = CaseStory.noticed + [("2023-08-15", .receiveStatement(summaryZh: "当事人称系亲友搭车，未收费"))]
        let raised = CaseCommand.serveNotice(intended: .fine(30_000, basis: "RTR-63-2023"), hearingRight: true)
        #expect(given(CaseStory.events(defended), when: raised, on: "2023-08-16")
            == .failure(.penaltyIncreasedAfterDefence(earlierYuan: 20_000, newYuan: 30_000)))
        let lowered = CaseCommand.serveNotice(intended: .fine(12_000, basis: "RTR-63-2023"), hearingRight: true)
        #expect(given(CaseStory.events(defended), when: lowered, on: "2023-08-16").eventTypes == ["PreDecisionNoticeServed"])
    }

    @Test func aNoticeWithoutDefenceMayBeReplacedByAHigherOne() {
        let raised = CaseCommand.serveNotice(intended: .fine(30_000, basis: "RTR-63-2023"), hearingRight: true)
        #expect(given(CaseStory.events(CaseStory.noticed), when: raised, on: "2023-08-15").eventTypes
            == ["PreDecisionNoticeServed"])
    }

    @Test func aNoticeOutsideTheLegalRangeIsRejected() {
        let result = given(CaseStory.events(CaseStory.reviewed),
                           when: .serveNotice(intended: .fine(5_000, basis: "RTR-63-2023"), hearingRight: false),
                           on: "2023-08-14")
        #expect(result == .failure(.lawRefused(.fineOutOfRange(amountYuan: 5_000, minYuan: 10_000, maxYuan: 100_000,
                                                               basisId: "RTR-63-2023"))))
    }

    @Test func anActBeforeThe2023TextIsFinedUnderTheLighterNewTextWhenDecidedAfterIt() {
        // The act of 2023-07-10 fell under the 2022 text (30,000 minimum); by the decision the 2023 text
        // (10,000 minimum) is in force and lighter, so it applies (APL 37).
        var act = Fixture.blackCarAct
        act.date = Fixture.date("2023-07-10")
        var steps = CaseStory.noticed
        steps[1] = ("2023-08-01", .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan, act: act,
                                            approvedBy: Fixture.chenGang))
        #expect(given(CaseStory.events(steps), when: decide, on: "2023-08-22").eventTypes == ["PenaltyDecided"])
    }

    @Test func decidingWhileTheHearingRequestWindowIsOpenIsRejected() {
        let result = given(CaseStory.events(CaseStory.noticed), when: decide, on: "2023-08-21")
        #expect(result == .failure(.hearingRequestWindowOpen(caseId: CaseStory.id, until: Fixture.date("2023-08-21"))))
    }

    @Test func anActAnotherAgencyAlreadyFinedCannotBeFinedAgain() {
        let police = CaseRef(caseId: "JJ-2023-0456", agencyCode: Fixture.trafficPolice)
        let context = Fixture.context("2023-08-22", fined: [Fixture.blackCarKey: police])
        let events = CaseStory.events(CaseStory.noticed)
        #expect(given(events, when: decide, on: "2023-08-22", context: context) == .failure(.actAlreadyFined(by: police)))
        let noPenalty = CaseCommand.decideNoPenalty(reason: .minorViolation, decisionNumber: "乌交不罚〔2023〕1号")
        #expect(given(events, when: noPenalty, on: "2023-08-22", context: context).eventTypes == ["NoPenaltyDecided"])
    }

    @Test func theCaseThatImposedTheFineIsNotBlockedByItsOwnEntry() {
        let own = CaseRef(caseId: id, agencyCode: Fixture.transport)
        let context = Fixture.context("2023-08-22", fined: [Fixture.blackCarKey: own])
        #expect(given(CaseStory.events(CaseStory.noticed), when: decide, on: "2023-08-22", context: context).eventTypes
            == ["PenaltyDecided"])
    }

    @Test(arguments: [
        (Penalty(types: [], legalBasisId: "RTR-63-2023"), "name at least one penalty type"),
        (Penalty(types: [.fine], fineYuan: 0, legalBasisId: "RTR-63-2023"), "a fine needs an amount above 0 yuan"),
        (Penalty(types: [.warning], fineYuan: 100, legalBasisId: "RTR-63-2023"),
         "an amount is given but `fine` is not a penalty type"),
    ])
    func aMalformedPenaltyIsRejected(penalty: Penalty, why: String) {
        #expect(given(CaseStory.events(CaseStory.noticed), when: .decidePenalty(penalty, decisionNumber: "N1"),
                      on: "2023-08-22") == .failure(.invalidPenalty(why)))
    }

    @Test func aNoPenaltyDecisionIsPublishedWithinTwentyWorkingDays() {
        let result = given(CaseStory.events(CaseStory.concluded),
                           when: .decideNoPenalty(reason: .factsNotEstablished, decisionNumber: "乌交不罚〔2023〕2号"),
                           on: "2023-08-22")
        guard case .success(let events) = result, case .noPenaltyDecided(let e)? = events.first else {
            Issue.record("expected NoPenaltyDecided, got \(result)")
            return
        }
        #expect(e.publicationDue?.due == Fixture.date("2023-09-19"))
    }

    @Test func aSuspectedCrimeGoesToThePoliceOnly() {
        let concluded = CaseStory.events(CaseStory.concluded)
        #expect(given(concluded, when: .referToPolice(policeAgency: Fixture.trafficPolice, reasonZh: "涉嫌危险驾驶罪"),
                      on: "2023-08-11").eventTypes == ["CriminalReferralMade"])
        #expect(given(concluded, when: .referToPolice(policeAgency: Fixture.market, reasonZh: "涉嫌犯罪"), on: "2023-08-11")
            == .failure(.referralTargetNotPolice(Fixture.market)))
    }

    @Test func aCaseIsTransferredToAnotherAgencyButNotToItself() {
        let filed = CaseStory.events(CaseStory.filed)
        #expect(given(filed, when: .transferOut(toAgency: Fixture.kuitun, reasonZh: "违法行为发生地在奎屯市"),
                      on: "2023-08-02").eventTypes == ["CaseTransferredOut"])
        #expect(given(filed, when: .transferOut(toAgency: Fixture.transport, reasonZh: "?"), on: "2023-08-02")
            == .failure(.referralToSelf(Fixture.transport)))
    }

    @Test func aMinorsDecisionGetsNoPublicationClockAndCannotBePublished() {
        var minor = Fixture.zhangSan
        minor.isMinor = true
        var steps = CaseStory.served
        steps[1] = ("2023-08-01", .fileCase(caseId: id, agency: Fixture.transport, party: minor, act: Fixture.blackCarAct,
                                            approvedBy: Fixture.chenGang))
        let events = CaseStory.events(steps)
        #expect(CaseDecider.fold(events).deadlines[.publication] == nil)
        #expect(given(events, when: .publishDecision(reference: "https://www.wusu.gov.cn/gs/123"), on: "2023-08-23")
            == .failure(.publicationForbidden(.partyIsMinor)))
    }
}

/// A scheduled-line company that skipped a station: a 2,000-yuan fine, below the review threshold.
enum LineStory {
    static let id = "CASE-2023-0150"
    static let act = Act(date: Fixture.date("2023-08-01"), placeZh: "乌苏市客运站", sector: .scheduledLine,
                         descriptionZh: "乌苏—奎屯班车未按批准的站点停靠")
    static let fine = Penalty.fine(2_000, basis: "RTR-68-2023")
    static let decide = CaseCommand.decidePenalty(fine, decisionNumber: "乌交执罚〔2023〕150号")

    static func noticed(complex: Bool) -> [(String, CaseCommand)] {
        [
            ("2023-08-02", .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.company, act: act,
                                     approvedBy: Fixture.chenGang, source: .inspection)),
            ("2023-08-02", .assignOfficers([Fixture.liMing, Fixture.wangFang])),
            ("2023-08-03", .recordEvidence(kind: .audioVisual, descriptionZh: "车载视频", mediaRef: "media/150/1.mp4",
                                           sha256: Fixture.sha, officers: [Fixture.liMing, Fixture.wangFang])),
            ("2023-08-10", .concludeInvestigation(findingsZh: "事实清楚", complex: complex, majorPublicInterest: false)),
            ("2023-08-14", .serveNotice(intended: fine, hearingRight: false)),
        ]
    }

    static func events(_ steps: [(String, CaseCommand)]) -> [CaseEvent] { history(CaseDecider.self, steps) }
}

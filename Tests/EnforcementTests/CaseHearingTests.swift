import Testing
@testable import Enforcement

/// The hearing (APL 64): requested within 5 WD, announced ≥ 7 WD ahead, chaired by a non-investigator, and
/// reviewed afterwards (the decision rests on its record).
@Suite struct CaseHearingTests {
    let id = Fixture.caseId

    @Test func aHearingRequestedWithinFiveWorkingDaysIsRecorded() {
        let result = given(CaseStory.events(CaseStory.noticed), when: .requestHearing, on: "2023-08-21")
        #expect(result.eventTypes == ["HearingRequested"])
    }

    @Test func aHearingRequestAfterFiveWorkingDaysIsRejected() {
        let result = given(CaseStory.events(CaseStory.noticed), when: .requestHearing, on: "2023-08-22")
        #expect(result == .failure(.hearingRequestTooLate(due: Fixture.date("2023-08-21"))))
    }

    @Test func theHearingWindowFollowsTheXinjiangCalendarAcrossEid() {
        // The fixture of DOMAIN.md §5: a notice on Wed 2023-04-19 can be answered until 2023-04-26 in Xinjiang.
        var steps = CaseStory.noticed.map { (_, command) in ("2023-04-19", command) }
        var act = Fixture.blackCarAct
        act.date = Fixture.date("2023-04-18")
        steps[1] = ("2023-04-19", .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan, act: act,
                                            approvedBy: Fixture.chenGang))
        steps[steps.count - 1] = ("2023-04-19", .serveNotice(intended: .fine(30_000, basis: "RTR-63-2022"), hearingRight: true))
        let events = CaseStory.events(steps)
        #expect(CaseDecider.fold(events).deadlines[.hearingRequest]?.due == Fixture.date("2023-04-26"))
        #expect(given(events, when: .requestHearing, on: "2023-04-26").eventTypes == ["HearingRequested"])
    }

    @Test func aHearingTheNoticeDidNotOfferCannotBeRequested() {
        // A 2,000-yuan fine on a company is below the large-amount threshold: the law gives no hearing right.
        let noticed = LineStory.events(LineStory.noticed(complex: false))
        #expect(given(noticed, when: .requestHearing, on: "2023-08-15") == .failure(.hearingNotOffered(LineStory.id)))
    }

    @Test func anInvestigatorMayNotChairTheHearing() {
        let requested = CaseStory.events(CaseStory.noticed + [("2023-08-16", .requestHearing)])
        let result = given(requested, when: .scheduleHearing(date: Fixture.date("2023-08-28"), chair: Fixture.liMing,
                                                             placeZh: "听证室"), on: "2023-08-17")
        #expect(result == .failure(.chairInvestigated(Fixture.liMing)))
    }

    @Test func anOfficerWhoDidNotInvestigateMayChair() {
        let requested = CaseStory.events(CaseStory.noticed + [("2023-08-16", .requestHearing)])
        let result = given(requested, when: .scheduleHearing(date: Fixture.date("2023-08-28"), chair: Fixture.zhaoQiang,
                                                             placeZh: "听证室"), on: "2023-08-17")
        #expect(result.eventTypes == ["HearingScheduled"])
    }

    @Test func aHearingLessThanSevenWorkingDaysAheadIsRejected() {
        let requested = CaseStory.events(CaseStory.noticed + [("2023-08-16", .requestHearing)])
        let result = given(requested, when: .scheduleHearing(date: Fixture.date("2023-08-25"), chair: Fixture.zhaoQiang,
                                                             placeZh: "听证室"), on: "2023-08-17")
        #expect(result == .failure(.hearingTooSoon(date: Fixture.date("2023-08-25"), earliest: Fixture.date("2023-08-28"))))
    }

    @Test func aPendingHearingBlocksTheDecision() {
        let result = given(CaseStory.events(CaseStory.hearingScheduled),
                           when: .decidePenalty(Fixture.blackCarFine, decisionNumber: "N1"), on: "2023-08-25")
        #expect(result == .failure(.hearingPending(id)))
    }

    @Test func aHearingCannotBeHeldBeforeItsDate() {
        let result = given(CaseStory.events(CaseStory.hearingScheduled), when: .holdHearing(recordRef: "听证笔录-123"),
                           on: "2023-08-25")
        #expect(result == .failure(.hearingDateNotReached(Fixture.date("2023-08-28"))))
    }

    @Test func aReviewPassedBeforeTheHearingMustBeRepeatedAfterIt() {
        let held = CaseStory.hearingScheduled + [("2023-08-28", .holdHearing(recordRef: "听证笔录-123"))]
        let decide = CaseCommand.decidePenalty(Fixture.blackCarFine, decisionNumber: "N1")
        #expect(given(CaseStory.events(held), when: decide, on: "2023-08-29")
            == .failure(.legalReviewRequired(caseId: id, reasons: [.fineAtOrAboveThreshold, .hearingHeld])))
        let reviewedAgain = held + [("2023-08-29", .requestLegalReview),
                                    ("2023-08-30", .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意"))]
        #expect(given(CaseStory.events(reviewedAgain), when: decide, on: "2023-08-30").eventTypes == ["PenaltyDecided"])
    }

    @Test func aWaivedHearingUnblocksTheDecision() {
        let waived = CaseStory.hearingScheduled + [("2023-08-25", .waiveHearing(reasonZh: "当事人撤回听证申请"))]
        #expect(given(CaseStory.events(waived), when: .decidePenalty(Fixture.blackCarFine, decisionNumber: "N1"),
                      on: "2023-08-25").eventTypes == ["PenaltyDecided"])
    }

    @Test func aSecondHearingRequestIsRejected() {
        let requested = CaseStory.events(CaseStory.noticed + [("2023-08-16", .requestHearing)])
        #expect(given(requested, when: .requestHearing, on: "2023-08-17") == .failure(.hearingAlreadyRequested(id)))
    }
}

extension CaseHearingTests {
    @Test func aChairDrawnIntoTheInvestigationCannotHoldTheHearing() {
        let drawnIn = CaseStory.hearingScheduled + [
            ("2023-08-18", .assignOfficers([Fixture.liMing, Fixture.wangFang, Fixture.zhaoQiang])),
            ("2023-08-18", .recordEvidence(kind: .witnessStatement, descriptionZh: "补充证人证言", mediaRef: "m/3.mp4",
                                           sha256: Fixture.sha, officers: [Fixture.zhaoQiang, Fixture.liMing])),
        ]
        #expect(given(CaseStory.events(drawnIn), when: .holdHearing(recordRef: "听证笔录-123"), on: "2023-08-28")
            == .failure(.chairInvestigated(Fixture.zhaoQiang)))
    }
}

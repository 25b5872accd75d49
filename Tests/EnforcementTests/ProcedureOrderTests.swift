import Testing
@testable import Enforcement

/// The try-out's defects of issue 10 points 5 and 9, by shape: a procedural step is never dated before the step it
/// follows (cases, operations, referrals, rectification items), and each refusal names both dates. The story's
/// dates: lead and filing 2023-08-01, concluded 08-10, review 08-10/11, notice 08-14, decided and served 08-22.
@Suite struct ProcedureOrderTests {
    typealias Steps = CaseStory.Steps

    struct Early: CustomTestStringConvertible, Sendable {
        let name: String
        let steps: Steps
        let command: CaseCommand
        let day: String
        let earlier: DatedStep
        let earlierOn: String
        let step: DatedStep
        var testDescription: String { name }
    }

    static let heard = CaseStory.hearingScheduled + [("2023-08-28", .holdHearing(recordRef: "听证笔录-123"))]
    static let reviewedAfterNotice = CaseStory.concluded + [
        ("2023-08-14", .serveNotice(intended: Fixture.blackCarFine, hearingRight: true)),
        ("2023-08-22", .requestLegalReview),
        ("2023-08-24", .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意")),
    ]
    static let decide = CaseCommand.decidePenalty(Fixture.blackCarFine, decisionNumber: "乌交执罚〔2023〕123号")
    static let seized = CaseStory.filed + [("2023-08-05", SeizureTests.seize)]

    static let early: [Early] = [
        Early(name: "filing before the lead", steps: CaseStory.leadReceived,
              command: .fileCase(caseId: CaseStory.id, agency: Fixture.transport, party: Fixture.zhangSan,
                                 act: Fixture.blackCarAct, approvedBy: Fixture.chenGang),
              day: "2023-07-31", earlier: .lead, earlierOn: "2023-08-01", step: .filing),
        Early(name: "review passed before it was requested", steps: CaseStory.concluded + [("2023-08-12", .requestLegalReview)],
              command: .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意"), day: "2023-08-11",
              earlier: .reviewRequest, earlierOn: "2023-08-12", step: .review),
        Early(name: "notice before the investigation concluded", steps: CaseStory.concluded,
              command: .serveNotice(intended: Fixture.blackCarFine, hearingRight: true), day: "2023-08-09",
              earlier: .investigationConcluded, earlierOn: "2023-08-10", step: .notice),
        Early(name: "decision before the hearing was held", steps: heard, command: decide, day: "2023-08-27",
              earlier: .hearing, earlierOn: "2023-08-28", step: .decision),
        Early(name: "decision before the review passed", steps: reviewedAfterNotice, command: decide, day: "2023-08-23",
              earlier: .review, earlierOn: "2023-08-24", step: .decision),
        Early(name: "revocation before the decision", steps: CaseStory.decided,
              command: .revokeDecision(byZh: "乌苏市人民政府", reasonZh: "复议撤销"), day: "2023-08-21",
              earlier: .decision, earlierOn: "2023-08-22", step: .revocation),
        Early(name: "release before the seizure", steps: seized,
              command: .releaseVehicle(plate: "新G12345", reasonZh: "调查完毕"), day: "2023-08-04",
              earlier: .seizure, earlierOn: "2023-08-05", step: .release),
        Early(name: "extension before the seizure", steps: seized,
              command: .extendSeizure(plate: "新G12345", days: 30, approvedBy: Fixture.chenGang), day: "2023-08-04",
              earlier: .seizure, earlierOn: "2023-08-05", step: .seizureExtension),
        Early(name: "closing before the payment", steps: CaseStory.paid, command: .close(reportZh: "结案"),
              day: "2023-08-24", earlier: .payment, earlierOn: "2023-08-25", step: .closing),
    ]

    @Test(arguments: early)
    func aStepDatedBeforeTheStepItFollowsIsRefusedWithBothDates(_ early: Early) {
        let result = given(CaseStory.events(early.steps), when: early.command, on: early.day)
        #expect(result == .failure(.datedBefore(step: early.step, on: Fixture.date(early.day), earlier: early.earlier,
                                                earlierOn: Fixture.date(early.earlierOn))))
        #expect(result.failureCategory == .ruleRefused)
    }

    @Test func theSameStepsInOrderAreAllowed() {
        #expect(given(CaseStory.events(CaseStory.concluded + [("2023-08-12", .requestLegalReview)]),
                      when: .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意"), on: "2023-08-12").eventTypes
            == ["LegalReviewPassed"])
        #expect(given(CaseStory.events(Self.reviewedAfterNotice), when: Self.decide, on: "2023-08-24").eventTypes
            == ["PenaltyDecided"])
        #expect(given(CaseStory.events(CaseStory.decided), when: .revokeDecision(byZh: "乌苏市人民政府", reasonZh: "复议撤销"),
                      on: "2023-08-22").eventTypes == ["DecisionRevoked"])
        #expect(given(CaseStory.events(Self.seized), when: .releaseVehicle(plate: "新G12345", reasonZh: "调查完毕"),
                      on: "2023-08-05").eventTypes == ["VehicleReleased"])
    }

    @Test func evidenceMayStillBeRecordedLateAndBeforeFiling() {
        // An interview of 08-03 recorded after the seizure of 08-05, and one of the act's day before the filing:
        // investigative records are not procedural steps.
        #expect(given(CaseStory.events(Self.seized), when: DateOrderTests.evidence, on: "2023-08-03").eventTypes
            == ["EvidenceRecorded"])
        #expect(given(CaseStory.events(Self.seized), when: DateOrderTests.evidence, on: "2023-07-31").eventTypes
            == ["EvidenceRecorded"])
    }

    @Test func aSessionDatedBeforeTheLaunchIsRefused() {
        var session = OperationTests.session
        session.date = Fixture.date("2023-07-31")
        let launched = OperationTests.events(OperationTests.launched)
        #expect(given(OperationDecider.self, launched, when: .recordSession(session), on: "2023-08-02")
            == .failure(.datedBefore(step: .session, on: Fixture.date("2023-07-31"), earlier: .launch,
                                     earlierOn: Fixture.date("2023-08-01"))))
        #expect(given(OperationDecider.self, launched, when: .recordSession(OperationTests.session), on: "2023-08-02")
            .eventTypes == ["FieldSessionRecorded"])
    }

    @Test func anOperationConcludedBeforeItsLastSessionIsRefused() {
        let inProgress = OperationTests.events(OperationTests.inProgress)
        #expect(given(OperationDecider.self, inProgress, when: .conclude, on: "2023-08-01")
            == .failure(.datedBefore(step: .operationConclusion, on: Fixture.date("2023-08-01"), earlier: .session,
                                     earlierOn: Fixture.date("2023-08-02"))))
    }

    @Test func aReferralAnsweredBeforeItWasSentIsRefused() {
        let sent = history(ReferralDecider.self, [("2023-05-10", ReferralTests.windowReferral)])
        #expect(given(ReferralDecider.self, sent, when: .accept(acceptedBy: Fixture.liMing), on: "2023-05-09")
            == .failure(.datedBefore(step: .referralAnswer, on: Fixture.date("2023-05-09"), earlier: .referralSent,
                                     earlierOn: Fixture.date("2023-05-10"))))
        #expect(given(ReferralDecider.self, sent, when: .accept(acceptedBy: Fixture.liMing), on: "2023-05-10").eventTypes
            == ["ReferralAccepted"])
    }

    @Test func aRectificationSignedOffBeforeItsVerificationIsRefused() {
        let verified = RectificationTests.events(RectificationTests.verified)
        #expect(given(RectificationDecider.self, verified, when: .closeOut(closedBy: Fixture.chenGang), on: "2023-05-31")
            == .failure(.datedBefore(step: .closeOut, on: Fixture.date("2023-05-31"), earlier: .verification,
                                     earlierOn: Fixture.date("2023-06-25"))))
        #expect(given(RectificationDecider.self, verified, when: .closeOut(closedBy: Fixture.chenGang), on: "2023-06-28")
            .eventTypes == ["RectificationClosedOut"])
    }
}

extension Result where Failure == Rejection {
    /// The exit-code category of a refusal, nil for a success.
    var failureCategory: RejectionCategory? {
        if case .failure(let rejection) = self { return rejection.category }
        return nil
    }
}

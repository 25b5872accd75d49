import Testing
@testable import Enforcement

/// Legal reviewers (APL 58) and hearing chairs (APL 64): named, designated on the day, never investigators.
@Suite struct AuthorityReviewTests {
    typealias A = AuthorityFixture
    let id = Fixture.caseId
    static let requested = CaseStory.concluded + [("2023-08-10", .requestLegalReview)]

    static func pass(_ reviewer: String) -> CaseCommand { .passLegalReview(reviewer: reviewer, opinionZh: "同意") }

    @Test func aReviewWithoutANamedReviewerIsRefused() {
        #expect(A.given(Self.requested, when: Self.pass(""), on: "2023-08-11") == .failure(.missingField("reviewer")))
    }

    @Test func anUnknownReviewerIsRefusedNamingTheIdAndTheOfficerList() {
        let result = A.given(Self.requested, when: Self.pass("NOBODY"), on: "2023-08-11")
        #expect(result == .failure(.unknownOfficer("NOBODY")))
        #expect(result.rejection?.message.contains("NOBODY: see the registered officers with `list the officers`") == true)
    }

    @Test func anInvestigatorMayNotReviewHisOwnCaseEvenWhenDesignated() {
        let liMingReviews: A.Steps = [("2023-01-03", .designateOfficer(id: Fixture.liMing, role: .legalReviewer, agency: nil,
                                                                        from: Fixture.date("2023-01-03"), to: nil))]
        let result = A.given(Self.requested, registry: liMingReviews, when: Self.pass(Fixture.liMing), on: "2023-08-11")
        #expect(result == .failure(.authorityRefused(.reviewerInvestigated(officer: Fixture.liMing, caseId: id))))
    }

    @Test func anOfficerWithoutTheReviewerDutyMayNotReview() {
        let result = A.given(Self.requested, when: Self.pass(Fixture.zhaoQiang), on: "2023-08-11")
        #expect(result == .failure(.authorityRefused(.notDesignated(officer: Fixture.zhaoQiang, role: .legalReviewer,
                                                                     agency: Fixture.transport, on: Fixture.date("2023-08-11")))))
    }

    @Test func theDesignatedReviewerPassesAndReturnsReviews() {
        #expect(A.given(Self.requested, when: Self.pass(Fixture.zhouMin), on: "2023-08-11").eventTypes == ["LegalReviewPassed"])
        #expect(A.given(Self.requested, when: .returnLegalReview(reviewer: Fixture.zhouMin, reasonZh: "证据不足"),
                        on: "2023-08-11").eventTypes == ["LegalReviewReturned"])
    }

    @Test func returningAReviewNeedsTheReviewerDutyToo() {
        let result = A.given(Self.requested, when: .returnLegalReview(reviewer: Fixture.chenGang, reasonZh: "证据不足"),
                             on: "2023-08-11")
        #expect(result.rejection == .authorityRefused(.notDesignated(officer: Fixture.chenGang, role: .legalReviewer,
                                                                     agency: Fixture.transport, on: Fixture.date("2023-08-11"))))
    }

    @Test func aReviewerDutyEndedOnADayCoversThatDayButNotTheNext() {
        let ended: A.Steps = [("2023-08-10", .endDesignation(id: Fixture.zhouMin, role: .legalReviewer, agency: nil,
                                                             lastDay: Fixture.date("2023-08-10")))]
        #expect(A.given(Self.requested, registry: ended, when: Self.pass(Fixture.zhouMin), on: "2023-08-10").eventTypes
            == ["LegalReviewPassed"])
        #expect(A.given(Self.requested, registry: ended, when: Self.pass(Fixture.zhouMin), on: "2023-08-11").rejection
            == .authorityRefused(.notDesignated(officer: Fixture.zhouMin, role: .legalReviewer, agency: Fixture.transport,
                                                on: Fixture.date("2023-08-11"))))
    }

    // MARK: Hearing chairs

    static let hearingRequested = CaseStory.noticed + [("2023-08-16", .requestHearing)]
    static func schedule(_ chair: String) -> CaseCommand {
        .scheduleHearing(date: Fixture.date("2023-08-28"), chair: chair, placeZh: "乌苏市交通运输局听证室")
    }

    @Test func aTrafficPoliceOfficerMayNotChairTheBureausHearing() {
        let result = A.given(Self.hearingRequested, when: Self.schedule(Fixture.ayigul), on: "2023-08-17")
        #expect(result == .failure(.officerNotOfAgency(officer: Fixture.ayigul, agency: Fixture.transport)))
    }

    @Test func anOfficerWithoutTheChairDutyMayNotChair() {
        let result = A.given(Self.hearingRequested, when: Self.schedule(Fixture.zhouMin), on: "2023-08-17")
        #expect(result == .failure(.authorityRefused(.notDesignated(officer: Fixture.zhouMin, role: .hearingChair,
                                                                     agency: Fixture.transport, on: Fixture.date("2023-08-28")))))
    }

    @Test func theDesignatedChairWhoDidNotInvestigateIsScheduledAndHolds() {
        #expect(A.given(Self.hearingRequested, when: Self.schedule(Fixture.zhaoQiang), on: "2023-08-17").eventTypes
            == ["HearingScheduled"])
        #expect(A.given(CaseStory.hearingScheduled, when: .holdHearing(recordRef: "听证笔录-0123"), on: "2023-08-28").eventTypes
            == ["HearingHeld"])
    }

    @Test func aChairWhoseDutyEndedBeforeTheHearingDayMayNotHoldIt() {
        let ended: A.Steps = [("2023-08-20", .endDesignation(id: Fixture.zhaoQiang, role: .hearingChair, agency: nil,
                                                             lastDay: Fixture.date("2023-08-25")))]
        let scheduled = A.events(CaseStory.hearingScheduled)
        let result = given(scheduled, when: .holdHearing(recordRef: "听证笔录-0123"), on: "2023-08-28",
                           context: A.context("2023-08-28", ended))
        #expect(result == .failure(.authorityRefused(.notDesignated(officer: Fixture.zhaoQiang, role: .hearingChair,
                                                                     agency: Fixture.transport, on: Fixture.date("2023-08-28")))))
    }
}

/// Each authority refusal: one line, exit 3, naming the officer, what is missing and the step that supplies it.
@Suite struct AuthorityMessageTests {
    static let day = Fixture.date("2023-08-11")
    static let samples: [AuthorityRefusal] = [
        .notDesignated(officer: "O-03", role: .legalReviewer, agency: "WSJT", on: day),
        .notCertified(officer: "O-04", on: day), .notAssigned(officer: "O-03", caseId: "CASE-2023-0123"),
        .reviewerInvestigated(officer: "O-01", caseId: "CASE-2023-0123"),
        .alreadyDesignated(officer: "O-05", role: .approver, agency: "WSJT", from: day),
        .noDesignationToEnd(officer: "O-05", role: .hearingChair, agency: "WSJT", lastDay: day),
    ]

    @Test(arguments: samples)
    func aRefusalIsOneRuleSentenceNamingTheOfficer(refusal: AuthorityRefusal) {
        let rejection = Rejection.authorityRefused(refusal)
        #expect(!rejection.message.contains("\n"))
        #expect(rejection.message.hasPrefix("officer O-0"))
        #expect(rejection.message.contains(": "))
        #expect(rejection.category.exitCode == 3)
    }

    @Test func aMissingDutyNamesTheRoleTheDateAndTheDesignation() {
        let message = Rejection.authorityRefused(Self.samples[0]).message { "<\($0)>" }
        #expect(message == "officer O-03 is not designated 法制审核人员 (legalReviewer) of WSJT on 2023-08-11: designate with "
            + "<designate officer O-03 legalReviewer of WSJT from 2023-08-11>, or name an officer who is")
    }
}

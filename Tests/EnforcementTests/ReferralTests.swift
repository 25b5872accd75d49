import Testing
@testable import Enforcement

/// Referrals (移送): licensing window → brigade, agency → agency, suspected crime → police.
@Suite struct ReferralTests {
    static let windowReferral = ReferralCommand.send(
        referralId: "REF-2023-011", kind: .licensingWindowToBrigade, from: Fixture.transport, to: Fixture.transport,
        subjectZh: "新G·12345道路运输证逾期未审验", plate: "新G12345")

    func given(_ steps: [(String, ReferralCommand)], when command: ReferralCommand,
               on day: String) -> Result<[ReferralEvent], Rejection> {
        EnforcementTests.given(ReferralDecider.self, history(ReferralDecider.self, steps), when: command, on: day)
    }

    @Test func theLicensingWindowReferstoItsOwnBrigade() {
        let result = given([], when: Self.windowReferral, on: "2023-05-10")
        guard case .success(let events) = result, case .sent(let e)? = events.first else {
            Issue.record("expected ReferralSent, got \(result)")
            return
        }
        #expect(e.plate == "新G·12345")
    }

    @Test func aReferralOffersTheStepsItWaitsFor() {
        let sent = ReferralDecider.fold(history(ReferralDecider.self, [("2023-05-10", Self.windowReferral)]))
        #expect(ReferralDecider.initialState.nextActions == [.send])
        #expect(sent.nextActions == [.accept, .reject])
        let accepted = ReferralDecider.fold(history(ReferralDecider.self, [("2023-05-10", Self.windowReferral),
                                                                           ("2023-05-11", .accept(acceptedBy: "O-01"))]))
        #expect(accepted.nextActions == [.recordFeedback])
    }

    @Test func aWindowReferralToAnotherKindOfAgencyIsRejected() {
        let result = given([], when: .send(referralId: "R1", kind: .licensingWindowToBrigade, from: Fixture.transport,
                                           to: Fixture.market, subjectZh: "逾期未审验"), on: "2023-05-10")
        #expect(result == .failure(.windowReferralOutsideTransport(Fixture.market)))
    }

    @Test func aSuspectedCrimeGoesOnlyToThePolice() {
        let toPolice = ReferralCommand.send(referralId: "R2", kind: .suspectedCrimeToPolice, from: Fixture.transport,
                                            to: Fixture.trafficPolice, subjectZh: "涉嫌伪造道路运输证", caseId: "CASE-2023-0123")
        #expect(given([], when: toPolice, on: "2023-05-10").eventTypes == ["ReferralSent"])
        let toMarket = ReferralCommand.send(referralId: "R2", kind: .suspectedCrimeToPolice, from: Fixture.transport,
                                            to: Fixture.market, subjectZh: "涉嫌犯罪")
        #expect(given([], when: toMarket, on: "2023-05-10") == .failure(.referralTargetNotPolice(Fixture.market)))
    }

    @Test func anAgencyCannotReferToItself() {
        let result = given([], when: .send(referralId: "R3", kind: .agencyToAgency, from: Fixture.transport,
                                           to: Fixture.transport, subjectZh: "价格违法线索"), on: "2023-05-10")
        #expect(result == .failure(.referralToSelf(Fixture.transport)))
    }

    @Test func anUnknownAgencyIsRejected() {
        let result = given([], when: .send(referralId: "R4", kind: .agencyToAgency, from: Fixture.transport,
                                           to: "NOPE", subjectZh: "线索"), on: "2023-05-10")
        #expect(result == .failure(.unknownAgency("NOPE")))
    }

    @Test func feedbackFollowsAcceptance() {
        let sent = [("2023-05-10", Self.windowReferral)]
        #expect(given(sent, when: .recordFeedback(outcomeZh: "已立案"), on: "2023-05-11")
            == .failure(.notAllowedNow(aggregate: "referral", id: "REF-2023-011", status: "sent", command: .referral(.recordFeedback))))
        let accepted = sent + [("2023-05-11", .accept(acceptedBy: Fixture.liMing))]
        #expect(given(accepted, when: .recordFeedback(outcomeZh: "已立案，罚款10000元"), on: "2023-06-01").eventTypes
            == ["ReferralFeedbackReceived"])
    }

    @Test func aRejectedReferralCannotBeAccepted() {
        let rejected: [(String, ReferralCommand)] = [("2023-05-10", Self.windowReferral),
                                                     ("2023-05-11", .reject(reasonZh: "应先办理审验"))]
        #expect(given(rejected, when: .accept(acceptedBy: Fixture.liMing), on: "2023-05-12")
            == .failure(.notAllowedNow(aggregate: "referral", id: "REF-2023-011", status: "rejected", command: .referral(.accept))))
        let state = ReferralDecider.fold(history(ReferralDecider.self, rejected))
        #expect(state.answeredOn == Fixture.date("2023-05-11"))
    }

    @Test func everyReferralEventRoundTripsThroughJSON() throws {
        let events = history(ReferralDecider.self, [("2023-05-10", Self.windowReferral),
                                                    ("2023-05-11", .accept(acceptedBy: Fixture.liMing)),
                                                    ("2023-06-01", .recordFeedback(outcomeZh: "已立案"))])
            + history(ReferralDecider.self, [("2023-05-10", Self.windowReferral), ("2023-05-11", .reject(reasonZh: "退回"))])
        #expect(Set(events.map(\.eventType)) == Set(ReferralEvent.eventTypes))
        for event in events { #expect(try roundTrip(event) == event, "\(event.eventType)") }
    }
}

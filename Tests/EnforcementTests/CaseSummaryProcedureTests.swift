import Testing
@testable import Enforcement

/// The summary procedure (APL 51, 52, 68; MOT-9 61): warning or small fine, on the spot, cash ≤ 100 yuan.
@Suite struct CaseSummaryProcedureTests {
    let id = "CASE-2023-0200"

    @Test func aFineOf200YuanAgainstAnIndividualIsDecidedOnTheSpot() {
        let result = given([], when: CaseStory.onSpot(fine: 200), on: "2023-08-01")
        guard case .success(let events) = result, case .decidedOnSpot(let e)? = events.first else {
            Issue.record("expected DecidedOnSpot, got \(result)")
            return
        }
        #expect(e.onSpotFilingDue.due == Fixture.date("2023-08-06"))
        #expect(e.onSpotFilingDue.rolledToWorkingDay == Fixture.date("2023-08-07"))
        #expect(CaseDecider.fold(events).procedure == .summary)
    }

    @Test func aFineAbove200YuanAgainstAnIndividualIsRejected() {
        #expect(given([], when: CaseStory.onSpot(fine: 201), on: "2023-08-01")
            == .failure(.summaryLimitExceeded(fineYuan: 201, limitYuan: 200, party: .individual)))
    }

    @Test func anOrganisationMayBeFinedUpTo3000YuanOnTheSpot() {
        #expect(given([], when: CaseStory.onSpot(fine: 3_000, party: Fixture.company), on: "2023-08-01").eventTypes
            == ["DecidedOnSpot"])
        #expect(given([], when: CaseStory.onSpot(fine: 3_001, party: Fixture.company), on: "2023-08-01")
            == .failure(.summaryLimitExceeded(fineYuan: 3_001, limitYuan: 3_000, party: .organisation)))
    }

    @Test func aWarningIsAllowedButAConfiscationIsNot() {
        func onSpot(_ penalty: Penalty) -> CaseCommand {
            guard case let .outcome(.decideOnSpot(caseId, agency, party, act, officers, _, form)) = CaseStory.onSpot() else {
                preconditionFailure()
            }
            return .decideOnSpot(caseId: caseId, agency: agency, party: party, act: act, officers: officers,
                                 penalty: penalty, formNumber: form)
        }
        #expect(given([], when: onSpot(.warning(basis: Fixture.smallFineBasis.id)), on: "2023-08-01").eventTypes
            == ["DecidedOnSpot"])
        let confiscation = Penalty(types: [.confiscationOfIllegalGains], legalBasisId: Fixture.smallFineBasis.id)
        #expect(given([], when: onSpot(confiscation), on: "2023-08-01")
            == .failure(.summaryPenaltyNotAllowed(.confiscationOfIllegalGains)))
    }

    @Test func anOnTheSpotDecisionByOneOfficerIsRejected() {
        guard case let .outcome(.decideOnSpot(caseId, agency, party, act, _, penalty, form)) = CaseStory.onSpot() else {
            return
        }
        let result = given([], when: .decideOnSpot(caseId: caseId, agency: agency, party: party, act: act,
                                                   officers: [Fixture.liMing], penalty: penalty, formNumber: form),
                           on: "2023-08-01")
        #expect(result == .failure(.tooFewOfficers(count: 1)))
    }

    @Test func anOnTheSpotDecisionIsServedOnTheSpotOnly() {
        let decided = CaseStory.events([("2023-08-01", CaseStory.onSpot())])
        #expect(given(decided, when: .serveDecision(method: .post), on: "2023-08-01")
            == .failure(.summaryServedOnTheSpotOnly(id)))
        #expect(given(decided, when: .serveDecision(method: .onTheSpot), on: "2023-08-01").eventTypes == ["DecisionServed"])
    }

    @Test func cashUpTo100YuanIsTakenOnTheSpot() {
        let served = CaseStory.events([("2023-08-01", CaseStory.onSpot(fine: 100)),
                                       ("2023-08-01", .serveDecision(method: .onTheSpot))])
        #expect(given(served, when: .receivePayment(amountYuan: 100, channel: .cashOnSpot, receiptRef: "财政票据 0001"),
                      on: "2023-08-01").eventTypes == ["PaymentReceived"])
    }

    @Test func cashAbove100YuanIsRejected() {
        let served = CaseStory.events([("2023-08-01", CaseStory.onSpot(fine: 150)),
                                       ("2023-08-01", .serveDecision(method: .onTheSpot))])
        #expect(given(served, when: .receivePayment(amountYuan: 150, channel: .cashOnSpot, receiptRef: "0001"),
                      on: "2023-08-01") == .failure(.cashNotAllowed(fineYuan: 150)))
        #expect(given(served, when: .receivePayment(amountYuan: 150, channel: .ePayment, receiptRef: "WX-0001"),
                      on: "2023-08-01").eventTypes == ["PaymentReceived"])
    }

    @Test func closingBeforeTheCopyIsFiledWithTheAgencyIsRejected() {
        let paid: [(String, CaseCommand)] = [
            ("2023-08-01", CaseStory.onSpot()), ("2023-08-01", .serveDecision(method: .onTheSpot)),
            ("2023-08-01", .receivePayment(amountYuan: 50, channel: .cashOnSpot, receiptRef: "0001")),
        ]
        #expect(given(CaseStory.events(paid), when: .close(reportZh: "结案"), on: "2023-08-02")
            == .failure(.onSpotDecisionNotFiled(id)))
        let filed = paid + [("2023-08-03", .fileOnSpotDecision)]
        #expect(given(CaseStory.events(filed), when: .close(reportZh: "结案"), on: "2023-08-03").eventTypes == ["CaseClosed"])
    }

    @Test func anOnTheSpotFineForAnActAlreadyFinedIsRejected() {
        let police = CaseRef(caseId: "JJ-2023-0789", agencyCode: Fixture.trafficPolice)
        let key = ActKey(partyId: Fixture.zhangSan.partyId, actDate: Fixture.date("2023-08-01"))
        #expect(given([], when: CaseStory.onSpot(), on: "2023-08-01", context: Fixture.context("2023-08-01", fined: [key: police]))
            == .failure(.actAlreadyFined(by: police)))
    }

    @Test func onlyOnTheSpotDecisionsAreFiledWithTheAgency() {
        #expect(given(CaseStory.events(CaseStory.served), when: .fileOnSpotDecision, on: "2023-08-23")
            == .failure(.notSummaryProcedure(Fixture.caseId)))
    }
}

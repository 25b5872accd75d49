import Testing
@testable import Enforcement

/// The defects a user's try-out of the built binary found (issue 10, points 5 and 9), each with the test that
/// catches its whole shape: huge amounts, revoked decisions, decision-number spellings, the waiver advice loop,
/// exit categories and codes leaking into messages. Dates out of order: `ProcedureOrderTests`.
@Suite struct TryOutDefectTests {
    static let revoke = CaseCommand.revokeDecision(byZh: "乌苏市人民政府", reasonZh: "行政复议撤销")

    /// The case actions a refusal's advice names.
    static func advice(_ result: Result<[CaseEvent], Rejection>) -> [CaseAction] {
        guard case .failure(let rejection) = result else { return [] }
        var actions: [CaseAction] = []
        _ = rejection.message { step in
            if case .onCase(let action, _) = step { actions.append(action) }
            return "\(step)"
        }
        return actions
    }

    // MARK: 1. Amounts

    @Test func illegalGainsBeyondTheirBoundAreRefusedNotMultipliedIntoAnOverflow() {
        let gains = Penalty(types: [.fine, .confiscationOfIllegalGains], fineYuan: 20_000,
                            illegalGainsYuan: 1_000_000_000_000_000_000, legalBasisId: "RTR-63")
        let result = given(CaseStory.events(CaseStory.concluded), when: .serveNotice(intended: gains, hearingRight: false),
                           on: "2023-08-14")
        #expect(result == .failure(.figureTooLarge(field: "illegalGainsYuan", value: 1_000_000_000_000_000_000,
                                                    maximum: 100_000_000)))
        #expect(result.failureCategory == .invalidInput)
    }

    @Test func gainsAtTheirBoundAreCheckedAgainstTheLawWithoutTrapping() {
        let gains = Penalty(types: [.fine, .confiscationOfIllegalGains], fineYuan: 20_000,
                            illegalGainsYuan: FigureBounds.max("illegalGainsYuan"), legalBasisId: "RTR-63")
        let result = given(CaseStory.events(CaseStory.concluded), when: .serveNotice(intended: gains, hearingRight: false),
                           on: "2023-08-14")
        guard case .failure(.lawRefused(.fineOutOfRange)) = result else {
            Issue.record("expected the fine to be outside the multiple of the gains, got \(result)")
            return
        }
    }

    @Test func fineArithmeticSaturatesInsteadOfOverflowing() {
        #expect(LegalBasis.saturating(Int.max / 2, times: 10) == Int.max)
        #expect(LegalBasis.saturating(30_000, times: 5) == 150_000)
    }

    @Test func aFineBeyondItsBoundIsRefusedAndAPaymentToo() {
        let fine = Penalty(types: [.fine], fineYuan: FigureBounds.max("fineYuan") + 1, legalBasisId: "RTR-63")
        #expect(given(CaseStory.events(CaseStory.concluded), when: .serveNotice(intended: fine, hearingRight: false),
                      on: "2023-08-14")
            == .failure(.figureTooLarge(field: "fineYuan", value: 1_000_000_001, maximum: 1_000_000_000)))
        let huge = CaseCommand.receivePayment(amountYuan: Int.max, channel: .bank, receiptRef: "BANK-01")
        #expect(given(CaseStory.events(CaseStory.served), when: huge, on: "2023-08-25")
            == .failure(.figureTooLarge(field: "amountYuan", value: Int.max, maximum: 1_000_000_000)))
    }

    // MARK: 3. A revoked decision

    @Test func aRevokedDecisionIsNotServed() {
        let revoked = CaseStory.events(CaseStory.decided + [("2023-08-22", Self.revoke)])
        let result = given(revoked, when: .serveDecision(method: .inPerson), on: "2023-08-23")
        #expect(result == .failure(.decisionAlreadyRevoked(CaseStory.id)))
        #expect(result.failureCategory == .ruleRefused)
        #expect(Self.advice(result) == [.close])
        #expect(given(revoked, when: .close(reportZh: "决定已撤销，结案"), on: "2023-08-23").eventTypes == ["CaseClosed"])
    }

    static let revokedOnSpot = CaseStory.events([("2023-08-01", CaseStory.onSpot()), ("2023-08-02", revoke)])

    @Test(arguments: [
        CaseCommand.serveDecision(method: .onTheSpot), .publishDecision(reference: "gov.cn/1"),
        .withholdPublication(reason: .partyIsMinor), revoke, .fileOnSpotDecision,
    ])
    func everyCommandActingOnARevokedDecisionIsRefused(_ command: CaseCommand) {
        #expect(given(Self.revokedOnSpot, when: command, on: "2023-08-03")
            == .failure(.decisionAlreadyRevoked("CASE-2023-0200")))
    }

    @Test func aRevokedDecisionsClocksCloseAndOnlyClosingIsOffered() {
        let state = CaseDecider.fold(Self.revokedOnSpot)
        #expect(state.nextActions == [.close])
        #expect(state.openDeadlines.isEmpty)
        #expect(state.overdueDeadlines(on: Fixture.date("2023-12-31")).isEmpty)
    }

    // MARK: 4. Decision numbers

    @Test(arguments: ["乌交执罚[2026]1号", "乌交执罚【2026】1号", "乌交执罚［2026］1号", "乌交执罚(2026)1号",
                      "乌交执罚（2026）1号", " 乌交执罚〔２０２６〕 1 号", "乌交执罚〔2026〕1号"])
    func everySpellingOfANumberHasOneClaimKey(_ spelling: String) {
        #expect(DecisionNumber(agency: "WSZD", year: 2026, number: spelling).streamId == "DECNO-WSZD-2026-乌交执罚〔2026〕1号")
    }

    @Test func formNumbersIgnoreCaseAndWidth() {
        let keys = ["DC-0001", "dc-0001", "ＤＣ－０００１", "Dc 0001".replacingOccurrences(of: " ", with: "-")]
            .map { DecisionNumber(agency: "WSZD", year: 2026, number: $0, series: .onSpotForm).streamId }
        #expect(Set(keys) == ["FORMNO-WSZD-DC-0001"])
        #expect(DecisionNumber(agency: "WSZD", year: 2026, number: "dc-0001").number == "dc-0001")
    }

    // MARK: 5. Waiving the hearing

    static let decide = CaseCommand.decidePenalty(Fixture.blackCarFine, decisionNumber: "乌交执罚〔2023〕123号")
    static let waive = CaseCommand.waiveHearing(reasonZh: "当事人书面放弃听证")

    @Test func theWindowRefusalsAdviceWorks() {
        let noticed = CaseStory.events(CaseStory.noticed)
        let refused = given(noticed, when: Self.decide, on: "2023-08-16")
        #expect(Self.advice(refused) == [.waiveHearing])
        let waived = noticed + ((try? given(noticed, when: Self.waive, on: "2023-08-16").get()) ?? [])
        #expect(waived.count == noticed.count + 1)
        #expect(given(waived, when: Self.decide, on: "2023-08-16").eventTypes == ["PenaltyDecided"])
    }

    @Test func aWrittenWaiverClosesTheWindowWithoutARequest() {
        let waived = CaseDecider.fold(CaseStory.events(CaseStory.noticed + [("2023-08-15", Self.waive)]))
        #expect(waived.hearing == .waived)
        #expect(waived.deadlines[.hearingRequest] == nil)
        #expect(waived.completedDeadlines[.hearingRequest]?.doneOn == Fixture.date("2023-08-15"))
    }

    @Test func afterAWaiverEveryHearingStepAdvisesTheDecision() {
        let waived = CaseStory.events(CaseStory.noticed + [("2023-08-15", Self.waive)])
        for command in [CaseCommand.requestHearing, Self.waive,
                        .scheduleHearing(date: Fixture.date("2023-08-28"), chair: Fixture.zhaoQiang, placeZh: "听证室")] {
            let result = given(waived, when: command, on: "2023-08-16")
            #expect(result == .failure(.hearingOver(CaseStory.id)))
            #expect(Self.advice(result) == [.decidePenalty])
        }
    }

    @Test func aHearingStepWithoutARequestAdvisesTheRequest() {
        let noticed = CaseStory.events(CaseStory.noticed)
        let result = given(noticed, when: .scheduleHearing(date: Fixture.date("2023-08-28"), chair: Fixture.zhaoQiang,
                                                            placeZh: "听证室"), on: "2023-08-16")
        #expect(Self.advice(result) == [.requestHearing])
        #expect(given(noticed, when: .requestHearing, on: "2023-08-16").eventTypes == ["HearingRequested"])
    }

    @Test func aPendingHearingsAdviceWorks() {
        let requested = CaseStory.events(CaseStory.noticed + [("2023-08-16", .requestHearing)])
        #expect(Self.advice(given(requested, when: Self.decide, on: "2023-08-22")) == [.holdHearing, .waiveHearing])
        #expect(given(requested, when: Self.waive, on: "2023-08-17").eventTypes == ["HearingWaived"])
    }

    @Test func aWaiverAfterTheWindowClosedIsRefused() {
        let result = given(CaseStory.events(CaseStory.noticed), when: Self.waive, on: "2023-08-23")
        #expect(result == .failure(.hearingRequestTooLate(due: Fixture.date("2023-08-21"))))
    }

    // MARK: 6, 7. Categories and messages

    @Test func anOverpaymentIsARuleNotBadInput() {
        #expect(Rejection.paymentExceedsOutstanding(amountYuan: 20_000, outstandingYuan: 0).category == .ruleRefused)
    }

    @Test func aVersionRefusalNamesTheRuleInWordsNotItsCode() {
        let message = LawError.versionNotGoverning(cited: "RTR-63-2019", governing: "RTR-63-2023", rule: .actDateText,
                                                   actDate: Fixture.date("2024-03-01")).message { "\($0)" }
        #expect(message.contains("(行为时规定)"))
        #expect(!message.contains("actDateText"))
    }

    @Test func aChairOfAnotherAgencySaysWhyWithoutMentioningACase() {
        let message = Rejection.authorityRefused(.chairOutsideAgency(officer: "JJ-01", agency: "WSZD")).message
        #expect(message.contains("a hearing chair must belong to the agency he chairs for"))
        #expect(!message.contains("case"))
    }
}

import Testing
@testable import Enforcement

/// Issue 10, point 9: out of order is a rule refusal (exit 3) naming what comes first; a decision number is
/// used once per agency and year; a revoked decision is no longer the case's outcome.
@Suite struct ConsistentRefusalTests {
    static let number = "乌交执罚〔2023〕123号"
    static let decide = CaseCommand.decidePenalty(Fixture.blackCarFine, decisionNumber: number)
    static let key = DecisionNumber(agency: Fixture.transport, year: 2023, number: number)

    static func context(_ day: String, used: [DecisionNumber: String]) -> DecisionContext {
        var context = Fixture.context(day)
        context.decisionNumbersUsed = used
        return context
    }

    @Test func aStepOutOfOrderExits3AndSaysWhatCanComeNext() {
        let result = given(CaseStory.events(CaseStory.filed), when: .publishDecision(reference: "gov.cn/1"),
                           on: "2023-08-02")
        #expect(result.rejection?.category.exitCode == 3)
        #expect(result.rejection?.message.contains("see what can come next with") == true)
        // Someone else having created the record first stays a conflict (exit 4).
        #expect(Rejection.alreadyExists(aggregate: "case", id: "C").category.exitCode == 4)
    }

    @Test func theSameStepInOrderIsAllowed() {
        let result = given(CaseStory.events(CaseStory.decided), when: .publishDecision(reference: "gov.cn/1"),
                           on: "2023-08-22")
        #expect(result.eventTypes == ["DecisionPublished"])
    }

    @Test func aDecisionNumberTheAgencyUsedThisYearIsRefused() {
        let noticed = CaseStory.events(CaseStory.noticed)
        let result = given(noticed, when: Self.decide, on: "2023-08-22",
                           context: Self.context("2023-08-22", used: [Self.key: "CASE-2023-0007"]))
        #expect(result == .failure(.decisionNumberTaken(number: Self.number, agency: Fixture.transport, year: 2023,
                                                        by: "CASE-2023-0007")))
        #expect(result.rejection?.category.exitCode == 3)
        #expect(result.rejection?.message.contains("CASE-2023-0007") == true)
    }

    @Test func aFreeNumberOrTheSameNumberInAnotherYearIsAllowed() {
        let noticed = CaseStory.events(CaseStory.noticed)
        #expect(given(noticed, when: Self.decide, on: "2023-08-22").eventTypes == ["PenaltyDecided"])
        let lastYear = DecisionNumber(agency: Fixture.transport, year: 2022, number: Self.number)
        let result = given(noticed, when: Self.decide, on: "2023-08-22",
                           context: Self.context("2023-08-22", used: [lastYear: "CASE-2022-0001"]))
        #expect(result.eventTypes == ["PenaltyDecided"])
        #expect(CaseDecider.decisionNumbers(for: Self.decide, state: CaseDecider.fold(noticed),
                                            on: Fixture.date("2023-08-22")) == [Self.key])
    }

    @Test func aRevokedDecisionIsNoLongerTheOutcomeButAStandingOneIs() throws {
        let decided = CaseStory.events(CaseStory.decided)
        #expect(CaseDecider.fold(decided).standingOutcome == .penalty(Fixture.blackCarFineRecorded))
        let revoked = try given(decided, when: .revokeDecision(byZh: "乌苏市人民政府", reasonZh: "复议撤销"),
                                on: "2023-09-01").get()
        let state = CaseDecider.fold(decided + revoked)
        #expect(state.standingOutcome == nil)
        #expect(state.outcome == .penalty(Fixture.blackCarFineRecorded))
    }
}

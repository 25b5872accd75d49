import Testing
@testable import Enforcement

/// The on-the-spot form number is used once per agency (whatever the year); and which clocks an act stops,
/// the one definition behind the late warning and the read models' late marks.
@Suite struct OnSpotFormAndClocksStoppedTests {
    static let form = DecisionNumber(agency: Fixture.transport, year: 2023, number: "当场-2023-0200", series: .onSpotForm)

    static func context(_ day: String, used: [DecisionNumber: String]) -> DecisionContext {
        var context = Fixture.context(day)
        context.legalBases = Fixture.legalBases
        context.decisionNumbersUsed = used
        return context
    }

    @Test func anOnSpotFormTheAgencyUsedIsRefusedNamingItsCase() {
        let result = given([], when: CaseStory.onSpot(), on: "2023-08-01",
                           context: Self.context("2023-08-01", used: [Self.form: "CASE-2023-0007"]))
        #expect(result == .failure(.formNumberTaken(number: "当场-2023-0200", agency: Fixture.transport, by: "CASE-2023-0007")))
        #expect(result.rejection?.category.exitCode == 3)
        #expect(result.rejection?.message.contains("CASE-2023-0007") == true)
    }

    @Test func aFreeFormIsAllowedAndClaimedPerAgencyWhateverTheYear() {
        #expect(given([], when: CaseStory.onSpot(), on: "2023-08-01").eventTypes == ["DecidedOnSpot"])
        let numbers = CaseDecider.decisionNumbers(for: CaseStory.onSpot(), state: CaseState(), on: Fixture.date("2023-08-01"))
        #expect(numbers == [Self.form])
        var nextYear = Self.form
        nextYear.year = 2024
        #expect(nextYear.streamId == Self.form.streamId)
        // A decision number of the same text is another series, held apart.
        #expect(DecisionNumber(agency: Fixture.transport, year: 2023, number: Self.form.number).streamId != Self.form.streamId)
    }

    @Test func aReleaseAfterTheSeizureRanOutStopsTheSeizureClockLate() throws {
        let filed = CaseStory.events(CaseStory.filed)
        let seized = try given(filed, when: .seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.wangFang],
                                                          approvedBy: Fixture.chenGang, placeZh: "停车场"), on: "2023-08-01").get()
        let state = CaseDecider.fold(filed + seized)
        let released = try given(filed + seized, when: .releaseVehicle(plate: "新G12345", reasonZh: "解除扣押"),
                                 on: "2023-09-05").get()
        let stopped = state.clocksStopped(by: released[0])
        #expect(stopped.map(\.deadline.kind) == [.seizure])
        #expect(stopped.first?.doneOn == Fixture.date("2023-09-05"))
        let status = DeadlineStatus.of(stopped[0].deadline, doneOn: stopped[0].doneOn, today: stopped[0].doneOn,
                                       calendar: .shipped, in: .xinjiang)
        #expect(status.code == "late")
    }

    @Test func decliningAFilingStopsTheFilingClockAndEvidenceStopsNone() throws {
        let lead = CaseStory.events(CaseStory.leadReceived)
        let declined = try given(lead, when: .declineFiling(reasonZh: "不属于本机关管辖"), on: "2023-09-05").get()
        #expect(CaseDecider.fold(lead).clocksStopped(by: declined[0]).map(\.deadline.kind) == [.filing])
        let filed = CaseStory.events(CaseStory.filed)
        let evidence = CaseStory.events(CaseStory.investigated).last!
        #expect(CaseDecider.fold(filed).clocksStopped(by: evidence).isEmpty)
        #expect(evidence.businessDate == Fixture.date("2023-08-02"))
    }
}

import Foundation
import Testing
@testable import Enforcement

/// Session tallies keep what belongs to no case; partners return their own figures; every figure is bounded.
@Suite struct OperationFigureTests {
    static let day = "2023-08-02"

    func record(_ tally: Tally, for agency: String = Fixture.transport) -> Result<[OperationEvent], Rejection> {
        let session = FieldSession(sessionId: "S1", date: Fixture.date(Self.day), placeZh: "乌苏市奎屯路",
                                   tallies: [agency: tally])
        return given(OperationDecider.self, OperationTests.events(OperationTests.launched), when: .recordSession(session),
                     on: Self.day)
    }

    func submit(_ figures: PartnerReturn, day: String = "2023-08-03") -> Result<[OperationEvent], Rejection> {
        given(OperationDecider.self, OperationTests.events(OperationTests.inProgress), when: .recordReturn(figures), on: day)
    }

    // MARK: Session tallies

    @Test(arguments: ["casesFiled", "vehiclesSeized", "finesYuan", "referrals"])
    func aCaseFigureInANewSessionTallyIsRefused(field: String) {
        var tally = Tally(officersDeployed: 10)
        switch field {
        case "casesFiled": tally.casesFiled = 1
        case "vehiclesSeized": tally.vehiclesSeized = 1
        case "finesYuan": tally.finesYuan = 200
        default: tally.referrals = 1
        }
        #expect(record(tally) == .failure(.jointOperation(.caseFigureInTally(field: field, agency: Fixture.transport))))
    }

    @Test func aTallyOfWhatBelongsToNoCaseIsRecorded() {
        #expect(record(Tally(officersDeployed: 12, vehiclesDeployed: 4, vehiclesInspected: 56, peopleEducated: 30,
                             leaflets: 200)).eventTypes == ["FieldSessionRecorded"])
    }

    @Test func aTallyFigureBeyondItsBoundIsRefusedAndOneAtItsBoundIsRecorded() {
        let maximum = FigureBounds.max("vehiclesInspected")
        #expect(record(Tally(vehiclesInspected: maximum + 1))
            == .failure(.jointOperation(.figureOutOfBounds(field: "vehiclesInspected", agency: Fixture.transport,
                                                           value: maximum + 1, maximum: maximum))))
        #expect(record(Tally(vehiclesInspected: maximum)).eventTypes == ["FieldSessionRecorded"])
        #expect(record(Tally(leaflets: -1)) == .failure(.negativeCount(field: "leaflets", agency: Fixture.transport)))
    }

    @Test func everyBoundKeepsAMillionSessionsOfAHundredAgenciesFarBelowTheBigintLimit() {
        let largest = FigureBounds.maximum.values.max() ?? 0
        #expect(Set(Tally.zero.fields.map(\.name)).isSubset(of: Set(FigureBounds.maximum.keys)))
        #expect(Set(PartnerReturn.fieldNames).isSubset(of: Set(FigureBounds.maximum.keys)))
        #expect(Int64(largest).multipliedReportingOverflow(by: 100_000_000).partialValue < Int64.max / 100)
    }

    @Test func caseFiguresOfASessionRecordedBeforeLinksReadAsLegacy() throws {
        // A FieldSessionRecorded stored by an older version, with fines typed into the lead's tally.
        let stored = #"{"session":{"date":"2023-06-08","placeZh":"四棵树镇路口","sessionId":"S1","tallies":{"WSZD":{"casesFiled":1,"finesYuan":5000,"leaflets":0,"officersDeployed":18,"peopleEducated":38,"rectificationNotices":3,"referrals":1,"vehiclesDeployed":5,"vehiclesInspected":54,"vehiclesSeized":1,"violationsMinor":6,"violationsSerious":2}}}}"#
        let event = try OperationEvent(eventType: "FieldSessionRecorded", schemaVersion: 1, payload: Data(stored.utf8))
        guard case .sessionRecorded(let recorded) = event, let tally = recorded.session.tallies["WSZD"] else {
            Issue.record("not a session")
            return
        }
        #expect(tally.legacyCaseFigures.map(\.name) == ["casesFiled", "vehiclesSeized", "finesYuan", "referrals"])
        #expect(tally.legacyCaseFigures.map(\.value) == [1, 1, 5000, 1])
        #expect(Tally(officersDeployed: 3).legacyCaseFigures.isEmpty)
    }

    // MARK: Partner returns

    @Test func aPartnersReturnForASessionItTookPartInIsRecordedAgainstIt() throws {
        let figures = PartnerReturn(sessionId: "1", agency: Fixture.trafficPolice, officersDeployed: 6, vehiclesDeployed: 2,
                                    vehiclesInspected: 40, casesFiled: 3, finesYuan: 600, peopleEducated: 25)
        guard case .returnRecorded(let recorded)? = try submit(figures).get().first else {
            Issue.record("no return")
            return
        }
        #expect(recorded.partnerReturn.sessionId == "S1")
        #expect(recorded.partnerReturn.agency == Fixture.trafficPolice)
        #expect(recorded.partnerReturn.finesYuan == 600)
    }

    @Test func aReturnForAnUnknownSessionOrByAnAbsentAgencyIsRefused() {
        #expect(submit(PartnerReturn(sessionId: "S2", agency: Fixture.trafficPolice)).rejection
            == .jointOperation(.sessionNotFound(operationId: OperationTests.id, session: "S2", recorded: ["S1"])))
        #expect(submit(PartnerReturn(sessionId: "S1", agency: Fixture.market)).rejection
            == .jointOperation(.agencyNotInSession(agency: Fixture.market, operationId: OperationTests.id, sessionId: "S1")))
    }

    @Test func theBureauReturnsNothingItsResultsComeFromItsLinkedCases() {
        #expect(submit(PartnerReturn(sessionId: "S1", agency: Fixture.transport, casesFiled: 2)).rejection
            == .jointOperation(.returnFromBureau(Fixture.transport)))
    }

    @Test func aSecondReturnOfTheSameAgencyForTheSameSessionIsRefused() {
        let figures = PartnerReturn(sessionId: "S1", agency: Fixture.trafficPolice, officersDeployed: 6)
        let first = OperationTests.inProgress + [("2023-08-03", OperationCommand.recordReturn(figures))]
        #expect(given(OperationDecider.self, OperationTests.events(first), when: .recordReturn(figures), on: "2023-08-04").rejection
            == .jointOperation(.returnAlreadyRecorded(agency: Fixture.trafficPolice, sessionId: "S1")))
    }

    @Test func aReturnedFigureBeyondItsBoundOrNegativeIsRefused() {
        let maximum = FigureBounds.max("finesYuan")
        #expect(submit(PartnerReturn(sessionId: "S1", agency: Fixture.trafficPolice, finesYuan: 5_000_000_000_000_000_000)).rejection
            == .jointOperation(.figureOutOfBounds(field: "finesYuan", agency: Fixture.trafficPolice,
                                                  value: 5_000_000_000_000_000_000, maximum: maximum)))
        #expect(submit(PartnerReturn(sessionId: "S1", agency: Fixture.trafficPolice, finesYuan: maximum)).eventTypes
            == ["PartnerReturnRecorded"])
        #expect(submit(PartnerReturn(sessionId: "S1", agency: Fixture.trafficPolice, casesFiled: -1)).rejection
            == .negativeCount(field: "casesFiled", agency: Fixture.trafficPolice))
    }

    @Test func aReturnAfterTheOperationConcludedIsRecorded() {
        let concluded = OperationTests.events(OperationTests.concluded)
        #expect(given(OperationDecider.self, concluded,
                      when: .recordReturn(PartnerReturn(sessionId: "S1", agency: Fixture.trafficPolice, officersDeployed: 2)),
                      on: "2023-09-01").eventTypes == ["PartnerReturnRecorded"])
    }

    // MARK: The same shape elsewhere

    @Test func anOutreachActivitysFiguresAreBoundedToo() {
        let record = { (leaflets: Int) in
            given(OutreachDecider.self, [], when: .record(activityId: "PUB-2023-0001", OutreachActivity(
                eventZh: "普法宣传", placeZh: "乌苏市百泉镇", date: Fixture.date("2023-05-20"), agency: Fixture.transport,
                leaflets: leaflets, peopleReached: 80)), on: "2023-05-20")
        }
        #expect(record(5_000_000_000_000_000_000).rejection
            == .jointOperation(.figureOutOfBounds(field: "leaflets", agency: Fixture.transport,
                                                  value: 5_000_000_000_000_000_000, maximum: 1_000_000)))
        #expect(record(-1).rejection == .negativeCount(field: "leaflets", agency: Fixture.transport))
        #expect(record(1_000_000).rejection == nil)
    }
}

import Testing
@testable import Enforcement

/// Vehicle seizure (Coercion Law 18, 25): two certified officers, 30 days, one extension of ≤ 30 days.
@Suite struct SeizureTests {
    static let seize = CaseCommand.seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.wangFang],
                                                approvedBy: Fixture.chenGang, placeZh: "乌苏市奎屯路")
    static let seized = CaseStory.filed + [("2023-08-01", seize)]
    static let extend = CaseCommand.extendSeizure(plate: "新G·12345", days: 30, approvedBy: Fixture.chenGang)

    @Test func seizingWithTwoCertifiedOfficersStartsA30DayClock() {
        let result = given(CaseStory.events(CaseStory.filed), when: Self.seize, on: "2023-08-01")
        guard case .success(let events) = result, case .vehicleSeized(let e)? = events.first else {
            Issue.record("expected VehicleSeized, got \(result)")
            return
        }
        #expect(e.plate == "新G·12345")
        #expect(e.due.due == Fixture.date("2023-08-31"))
    }

    @Test func seizingWithOneOfficerIsRejected() {
        let result = given(CaseStory.events(CaseStory.filed),
                           when: .seizeVehicle(plate: "新G12345", officers: [Fixture.liMing], approvedBy: Fixture.chenGang,
                                               placeZh: "乌苏市奎屯路"), on: "2023-08-01")
        #expect(result == .failure(.tooFewOfficers(count: 1)))
    }

    @Test func seizingWithAnUncertifiedOfficerIsRejected() {
        let result = given(CaseStory.events(CaseStory.filed),
                           when: .seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.maLi],
                                               approvedBy: Fixture.chenGang, placeZh: "乌苏市奎屯路"), on: "2023-08-01")
        #expect(result == .failure(.authorityRefused(.notCertified(officer: Fixture.maLi, on: Fixture.date("2023-08-01")))))
    }

    @Test func seizingWithoutTheHeadsApprovalIsRejected() {
        let result = given(CaseStory.events(CaseStory.filed),
                           when: .seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.wangFang],
                                               approvedBy: "", placeZh: "乌苏市奎屯路"), on: "2023-08-01")
        #expect(result == .failure(.missingField("approvedBy")))
    }

    @Test func seizingAVehicleAlreadySeizedIsRejected() {
        let result = given(CaseStory.events(Self.seized), when: Self.seize, on: "2023-08-02")
        #expect(result == .failure(.vehicleAlreadySeized("新G·12345")))
    }

    @Test func extendingOnceBy30DaysMovesTheEndToDay60RolledPastNationalDay() {
        let result = given(CaseStory.events(Self.seized), when: Self.extend, on: "2023-08-30")
        guard case .success(let events) = result, case .seizureExtended(let e)? = events.first else {
            Issue.record("expected SeizureExtended, got \(result)")
            return
        }
        #expect(e.due.due == Fixture.date("2023-09-30"))
        #expect(e.due.rolledToWorkingDay == Fixture.date("2023-10-07"))   // 国庆 holiday, then a make-up Saturday
    }

    @Test func extendingASecondTimeIsRejected() {
        let extended = CaseStory.events(Self.seized + [("2023-08-30", Self.extend)])
        #expect(given(extended, when: Self.extend, on: "2023-09-01") == .failure(.seizureAlreadyExtended("新G·12345")))
    }

    @Test(arguments: [0, 31, -5])
    func extendingByAnInvalidNumberOfDaysIsRejected(days: Int) {
        let result = given(CaseStory.events(Self.seized),
                           when: .extendSeizure(plate: "新G·12345", days: days, approvedBy: Fixture.chenGang), on: "2023-08-30")
        #expect(result == .failure(.invalidSeizureExtension(days: days)))
    }

    @Test func extendingAfterTheSeizureEndedIsRejected() {
        let result = given(CaseStory.events(Self.seized), when: Self.extend, on: "2023-09-01")
        #expect(result == .failure(.seizureExpired(plate: "新G·12345", due: Fixture.date("2023-08-31"))))
    }

    @Test func releasingEndsTheSeizureAndItsClock() {
        let released = CaseStory.events(Self.seized + [("2023-08-05", .releaseVehicle(plate: "新G 12345",
                                                                                      reasonZh: "当事人接受处理"))])
        let state = CaseDecider.fold(released)
        #expect(state.activeSeizures.isEmpty)
        #expect(state.openDeadlines.map(\.kind) == [.decision])
    }

    @Test func releasingAVehicleThatIsNotSeizedIsRejected() {
        let result = given(CaseStory.events(CaseStory.filed), when: .releaseVehicle(plate: "新G12345", reasonZh: "放行"),
                           on: "2023-08-02")
        #expect(result == .failure(.vehicleNotSeized("新G·12345")))
    }

    @Test func confiscatingWithoutADecisionThatConfiscatesIsRejected() {
        let decided = CaseStory.events(Self.seized + CaseStory.decided.dropFirst(CaseStory.filed.count))
        #expect(given(decided, when: .confiscateVehicle(plate: "新G12345"), on: "2023-08-23")
            == .failure(.confiscationNotDecided(Fixture.caseId)))
    }

    @Test func confiscatingAfterADecisionThatConfiscatesPropertyIsAllowed() {
        let penalty = Penalty(types: [.fine, .confiscationOfProperty], fineYuan: 20_000,
                              legalBasisId: Fixture.vehicleConfiscationBasis.id)
        let steps = Self.seized + CaseStory.reviewed.dropFirst(CaseStory.filed.count) + [
            ("2023-08-14", .serveNotice(intended: penalty, hearingRight: true)),
            ("2023-08-22", .decidePenalty(penalty, decisionNumber: "乌交执罚〔2023〕124号")),
        ]
        let result = given(CaseStory.events(steps), when: .confiscateVehicle(plate: "新G12345"), on: "2023-08-23")
        #expect(result.eventTypes == ["VehicleConfiscated"])
    }

    @Test func closingWhileAVehicleIsStillSeizedIsRejected() {
        let paid = Self.seized + CaseStory.paid.dropFirst(CaseStory.filed.count)
        #expect(given(CaseStory.events(paid), when: .close(reportZh: "结案"), on: "2023-08-28")
            == .failure(.seizureStillActive("新G·12345")))
        let released = paid + [("2023-08-28", .releaseVehicle(plate: "新G12345", reasonZh: "已缴纳罚款"))]
        #expect(given(CaseStory.events(released), when: .close(reportZh: "结案"), on: "2023-08-28").eventTypes
            == ["CaseClosed"])
    }
}

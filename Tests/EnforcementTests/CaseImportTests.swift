import Testing
@testable import Enforcement

/// Issue 11 point 6: a row of an imported register is checked for what a row can show, all or nothing.
@Suite struct CaseImportTests {
    /// 张三's black-car case of 2023-07-31, filed, fined 20,000 yuan, served, published, paid and closed.
    static func row(_ change: (inout ImportedCase) -> Void = { _ in }) -> ImportedCase {
        var row = ImportedCase(caseId: "CASE-2026-0001", agency: Fixture.transport, party: Fixture.zhangSan,
                               act: Fixture.blackCarAct, filedOn: Fixture.date("2023-08-01"),
                               penalty: .fine(20_000, basis: "RTR-63"), decisionNumber: "乌交罚决〔2023〕17号",
                               decidedOn: Fixture.date("2023-09-15"), servedOn: Fixture.date("2023-09-18"),
                               publishedOn: Fixture.date("2023-09-20"), paidOn: Fixture.date("2023-09-25"), closedOn: Fixture.date("2023-10-08"),
                               fileName: "register.csv", line: 2)
        change(&row)
        return row
    }

    static func importing(_ row: ImportedCase, context: DecisionContext = Fixture.context("2026-12-01"))
        -> Result<[CaseEvent], Rejection> {
        given([], when: .importCase(row), on: "2026-12-01", context: context)
    }

    @Test func aWholeRowBecomesOneImportedCaseClosedWithItsGoverningBasis() throws {
        let events = try Self.importing(Self.row()).get()
        #expect(events.map(\.eventType) == ["CaseImported"])
        let state = CaseDecider.fold(events)
        #expect(state.imported && state.status == .closed)
        #expect(state.penalty?.legalBasisId == "RTR-63-2023" && state.penalty?.citedAs == "RTR-63")
        #expect(state.paidYuan == 20_000 && state.published && state.decisionNumber == "乌交罚决〔2023〕17号")
        #expect(state.openDeadlines.isEmpty)
        #expect(Set(state.completedDeadlines.keys) == [.decision, .service, .publication])
        #expect(try roundTrip(events[0]) == events[0])
    }

    @Test func aRowWithoutServiceDateRecordsNoServiceClockSoItIsNeitherOnTimeNorLate() throws {
        let events = try Self.importing(Self.row { $0.servedOn = nil; $0.paidOn = nil; $0.closedOn = nil }).get()
        let state = CaseDecider.fold(events)
        #expect(state.status == .decided)
        #expect(state.completedDeadlines[.service] == nil && state.deadlines[.service] == nil)
        guard case .imported(let imported) = events[0] else { Issue.record("not an import"); return }
        #expect(imported.serviceDue == nil && imported.decisionDue != nil)
    }

    @Test func aBasisThatDoesNotFitTheSectorIsRefused() {
        let result = Self.importing(Self.row { $0.penalty = .fine(2_000, basis: "RTR-68-2023") })
        #expect(result == .failure(.lawRefused(.basisNotForSector(cited: "RTR-68-2023", sector: .blackCar,
                                                                                      fitting: ["RTR-63", "TEST-VEHICLE"]))))
    }

    @Test func aBasisNotYetInForceOnTheActDateIsRefused() {
        // RTR-64 of the 2023 text took effect on 2023-07-20; the scheduled-line act was on 2023-03-01.
        let result = Self.importing(Self.row {
            $0.party = Fixture.company
            $0.act = Act(date: Fixture.date("2023-03-01"), placeZh: "乌苏市客运站", sector: .scheduledLine, descriptionZh: "驾驶员无从业资格")
            $0.filedOn = Fixture.date("2023-03-02")
            $0.decidedOn = Fixture.date("2023-04-10")
            $0.servedOn = Fixture.date("2023-04-12"); $0.publishedOn = nil; $0.paidOn = nil; $0.closedOn = nil
            $0.penalty = .fine(1_500, basis: "RTR-64")
        })
        #expect(result == .failure(.lawRefused(.noVersionInForce(family: "RTR-64", on: Fixture.date("2023-03-01")))))
    }

    @Test func aServiceDatedBeforeTheDecisionIsRefused() {
        let result = Self.importing(Self.row { $0.servedOn = Fixture.date("2023-09-10") })
        #expect(result == .failure(.datedBefore(step: .service, on: Fixture.date("2023-09-10"), earlier: .decision,
                                                earlierOn: Fixture.date("2023-09-15"))))
    }

    @Test func aFilingDatedBeforeTheActIsRefused() {
        let result = Self.importing(Self.row { $0.filedOn = Fixture.date("2023-07-30") })
        #expect(result == .failure(.datedBefore(step: .filing, on: Fixture.date("2023-07-30"), earlier: .act, earlierOn: Fixture.date("2023-07-31"))))
    }

    @Test func aClosingBeforeThePaymentIsRefused() {
        let result = Self.importing(Self.row { $0.closedOn = Fixture.date("2023-09-21") })
        #expect(result == .failure(.datedBefore(step: .closing, on: Fixture.date("2023-09-21"), earlier: .payment,
                                                earlierOn: Fixture.date("2023-09-25"))))
    }

    @Test func aDateAfterTodayIsRefused() {
        let result = Self.importing(Self.row { $0.closedOn = Fixture.date("2026-12-02") })
        #expect(result == .failure(.dateInFuture(Fixture.date("2026-12-02"), today: Fixture.date("2026-12-01"))))
    }

    @Test func anActAlreadyFinedByAnotherCaseIsRefused() {
        let other = CaseRef(caseId: "CASE-2023-0007", agencyCode: Fixture.trafficPolice)
        let context = Fixture.context("2026-12-01", fined: [Fixture.blackCarKey: other])
        #expect(Self.importing(Self.row(), context: context) == .failure(.actAlreadyFined(by: other)))
    }

    @Test func anActAlreadyFiledByAnotherCaseIsRefused() {
        let other = CaseRef(caseId: "CASE-2023-0008", agencyCode: Fixture.trafficPolice)
        let context = Fixture.context("2026-12-01", filed: [Fixture.blackCarKey: other])
        #expect(Self.importing(Self.row(), context: context) == .failure(.actAlreadyFiled(by: other)))
    }

    @Test func aDecisionNumberTheAgencyUsedThatYearIsRefused() {
        var context = Fixture.context("2026-12-01")
        let number = DecisionNumber(agency: Fixture.transport, year: 2023, number: "乌交罚决〔2023〕17号")
        context.decisionNumbersUsed = [number: "CASE-2023-0099"]
        #expect(Self.importing(Self.row(), context: context) == .failure(number.taken(by: "CASE-2023-0099")))
        #expect(CaseDecider.decisionNumbers(for: .importCase(Self.row()), state: CaseState(), on: Fixture.date("2026-12-01")) == [number])
    }

    @Test func anActPastItsLimitationPeriodWhenFiledIsRefused() {
        let result = Self.importing(Self.row { $0.filedOn = Fixture.date("2025-08-01"); $0.decidedOn = Fixture.date("2025-09-15")
            $0.servedOn = nil; $0.publishedOn = nil; $0.paidOn = nil; $0.closedOn = nil })
        #expect(result == .failure(.limitationPeriodExpired(actDate: Fixture.date("2023-07-31"), expiredOn: Fixture.date("2025-07-31"))))
    }

    @Test func anUnknownAgencyIsRefused() {
        #expect(Self.importing(Self.row { $0.agency = "NOPE" }) == .failure(.unknownAgency("NOPE")))
    }

    @Test func aCaseThatExistsIsNotImportedOver() {
        let events = (try? Self.importing(Self.row()).get()) ?? []
        let again = given(events, when: .importCase(Self.row()), on: "2026-12-01")
        #expect(again == .failure(.alreadyExists(aggregate: "case", id: "CASE-2026-0001")))
    }
}

import Testing
@testable import Enforcement

@Suite struct LocalDateTests {
    @Test func parsesAndPrintsIsoDates() {
        #expect(LocalDate(iso: "2023-04-19")?.description == "2023-04-19")
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2023-4-19") == nil)
    }

    @Test func knowsTheWeekday() {
        #expect(LocalDate(iso: "2023-04-19")!.isoWeekday == 3)  // Wednesday
        #expect(LocalDate(iso: "2023-01-28")!.isWeekend)
    }

    @Test func addsDaysAndMonthsAcrossYearEnds() {
        #expect(LocalDate(iso: "2023-12-31")!.adding(days: 1).description == "2024-01-01")
        #expect(LocalDate(iso: "2023-01-31")!.adding(months: 1).description == "2023-02-28")
    }
}

import Testing
@testable import Enforcement

@Suite struct LocalDateTests {
    @Test func parsesAndPrintsIsoDates() {
        #expect(LocalDate(iso: "2023-04-19")?.description == "2023-04-19")
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2023-4-19") == nil)
        #expect(LocalDate(iso: "2024-02-29")?.description == "2024-02-29")
    }

    @Test(arguments: ["", "2023-04-1", "2023-04-199", "2023/04/19", "2023-04-1a", "+023-04-19", "2023-0-419",
                      "２０２３-04-19", "2023年4月19日", "2023-13-01", "2023-04-00", " 2023-04-19", "2023-04-19\n"])
    func refusesWhatIsNotAnIsoDate(text: String) {
        #expect(LocalDate(iso: text) == nil)
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

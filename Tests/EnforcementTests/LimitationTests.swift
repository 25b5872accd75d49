import Testing
@testable import Enforcement

@Suite struct LimitationTests {
    @Test func anOrdinaryActExpiresAfterTwoYears() {
        #expect(LimitationPeriod.expires(actDate: day("2023-04-19"), harmedLifeHealthOrFinance: false) == day("2025-04-19"))
    }

    @Test func anActThatHarmedLifeHealthOrFinanceExpiresAfterFiveYears() {
        #expect(LimitationPeriod.expires(actDate: day("2023-04-19"), harmedLifeHealthOrFinance: true) == day("2028-04-19"))
    }

    @Test func anActOnTwentyNinthFebruaryExpiresOnTheLastDayOfFebruary() {
        #expect(LimitationPeriod.expires(actDate: day("2024-02-29"), harmedLifeHealthOrFinance: false) == day("2026-02-28"))
        #expect(LimitationPeriod.expires(actDate: day("2024-02-29"), harmedLifeHealthOrFinance: true) == day("2029-02-28"))
    }

    @Test func discoveryOnTheLastDayIsStillInTime() {
        let act = day("2024-02-29")
        #expect(!LimitationPeriod.isTimeBarred(actDate: act, discoveredOn: day("2026-02-28"), harmedLifeHealthOrFinance: false))
        #expect(LimitationPeriod.isTimeBarred(actDate: act, discoveredOn: day("2026-03-01"), harmedLifeHealthOrFinance: false))
        #expect(!LimitationPeriod.isTimeBarred(actDate: act, discoveredOn: day("2026-03-01"), harmedLifeHealthOrFinance: true))
    }
}

import Testing
@testable import Enforcement

/// A table of days judged at once agrees day by day with the one-day judgement, across complete and
/// provisional years (the read models' working-day table is built with it).
@Suite struct ProvisionalWorkingDaysTests {
    @Test func aRangeOfDaysIsJudgedAsEachDayAlone() {
        let calendar = WorkingDayCalendar.shipped
        let first = Fixture.date("2022-09-25"), last = Fixture.date("2027-02-20")
        let days = calendar.provisionalWorkingDays(from: first, through: last, in: .xinjiang)
        #expect(days.count == first.days(until: last) + 1)
        #expect(days.allSatisfy { $0.working == calendar.provisionalWorkingDay($0.date, in: .xinjiang).working })
        // National Day 2022 (no notice shipped): the statutory days are off; Spring Festival 2026 is off as shipped.
        let working = Dictionary(uniqueKeysWithValues: days.map { ($0.date.description, $0.working) })
        #expect(working["2022-10-03"] == false && working["2022-10-05"] == true)
        #expect(working["2026-02-16"] == false)
    }
}

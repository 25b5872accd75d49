import Testing
@testable import Enforcement

/// Parses an ISO date in tests; a typo is a test bug.
func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

@Suite struct CalendarTests {
    let calendar = WorkingDayCalendar.shipped

    // Counting from 12-31 of the year before would need that year's notice; count inside the year.
    func countWorkingDays(_ year: Int, _ jurisdiction: Jurisdiction) throws -> Int {
        var count = 0
        var date = day("\(year)-01-01")
        while date.year == year {
            if try calendar.isWorkingDay(date, in: jurisdiction) { count += 1 }
            date = date.adding(days: 1)
        }
        return count
    }

    @Test func twentyTwentyThreeHas249NationalAnd245XinjiangWorkingDays() throws {
        #expect(try countWorkingDays(2023, .national) == 249)
        #expect(try countWorkingDays(2023, .xinjiang) == 245)
    }

    @Test func twentyTwentyFourHas251NationalWorkingDays() throws {
        #expect(try countWorkingDays(2024, .national) == 251)
    }

    @Test func twentyTwentyFiveXinjiangLosesTheWeekdaysOfBothEidHolidays() throws {
        let national = try countWorkingDays(2025, .national)
        #expect(national == 248)
        // 03-31 (Mon), 06-06 (Fri), 06-09 (Mon), 06-10 (Tue) are weekdays off in Xinjiang only.
        #expect(try countWorkingDays(2025, .xinjiang) == national - 4)
    }

    @Test func makeUpWeekendsAreWorkingDaysAndHolidaysAreNot() throws {
        #expect(try calendar.isWorkingDay(day("2023-01-28"), in: .national))   // Saturday, make-up
        #expect(try !calendar.isWorkingDay(day("2023-10-05"), in: .national))  // Thursday, National Day
        #expect(try !calendar.isWorkingDay(day("2023-04-21"), in: .xinjiang))  // 肉孜节
        #expect(try calendar.isWorkingDay(day("2023-04-21"), in: .national))
        #expect(try calendar.isWorkingDay(day("2024-02-09"), in: .national))   // New Year's Eve only "encouraged" off
    }

    @Test func newYearsEve2022BelongsToThe2023Notice() {
        let entry = calendar.entries(on: day("2022-12-31"), in: .national).first
        #expect(entry?.kind == .holiday)
        #expect(entry?.noticeYear == 2023)
        #expect(entry?.source.contains("2022-12-08") == true)
        #expect(!calendar.isComplete(year: 2022, in: .national))
    }

    @Test func xinjiangNeedsBothTheNationalAndTheRegionalNotice() {
        #expect(calendar.isComplete(year: 2023, in: .xinjiang))
        #expect(calendar.isComplete(year: 2024, in: .national))
        #expect(!calendar.isComplete(year: 2024, in: .xinjiang))
        #expect(calendar.isComplete(year: 2025, in: .xinjiang))
        #expect(calendar.isComplete(year: 2026, in: .national))
        #expect(!calendar.isComplete(year: 2026, in: .xinjiang))
        #expect(!calendar.isComplete(year: 2027, in: .national))
    }

    @Test func aStrictQueryAboutAYearWithoutANoticeIsRefused() {
        #expect(throws: CalendarError.yearNotLoaded(year: 2027, jurisdiction: .national)) {
            try calendar.isWorkingDay(day("2027-01-05"), in: .national)
        }
        // National 2024 is loaded, so what is missing for Xinjiang is the regional notice.
        #expect(throws: CalendarError.yearNotLoaded(year: 2024, jurisdiction: .xinjiang)) {
            try calendar.isWorkingDay(day("2024-04-10"), in: .xinjiang)
        }
    }

    @Test func theRefusalTellsTheUserWhatToImport() {
        let error = CalendarError.yearNotLoaded(year: 2026, jurisdiction: .xinjiang)
        #expect(error.message { "<\($0)>" } == "no working-day calendar is loaded for 2026 (xinjiang); "
            + "import the official notice with <import the holiday notice>")
    }

    @Test func aStrictCountThroughAMissingYearIsRefused() {
        #expect(throws: CalendarError.yearNotLoaded(year: 2027, jurisdiction: .national)) {
            try calendar.adding(workingDays: 5, to: day("2026-12-29"), in: .national)
        }
        #expect(throws: CalendarError.yearNotLoaded(year: 2024, jurisdiction: .xinjiang)) {
            try calendar.adding(workingDays: 5, to: day("2023-12-28"), in: .xinjiang)
        }
    }

    @Test func ageInWorkingDaysDoesNotCountTheTriggerDay() throws {
        #expect(try calendar.workingDays(from: day("2023-04-19"), to: day("2023-04-19"), in: .national) == 0)
        #expect(try calendar.workingDays(from: day("2023-04-19"), to: day("2023-04-25"), in: .national) == 5)
        #expect(try calendar.workingDays(from: day("2023-04-19"), to: day("2023-04-25"), in: .xinjiang) == 4)
        #expect(try calendar.workingDays(from: day("2023-04-25"), to: day("2023-04-19"), in: .national) == -5)
    }

    @Test func countingBackwardsFindsTheLatestDayForAHearingNotice() throws {
        // A hearing on 2023-10-12 needs notice at least 7 working days before (APL 64).
        #expect(try calendar.adding(workingDays: -7, to: day("2023-10-12"), in: .national) == day("2023-09-27"))
    }

    @Test func regionalHolidaysCanBeMadeNotToStopClocks() throws {
        let lenient = WorkingDayCalendar(entries: calendar.entries, regionalHolidaysStopClocks: false)
        #expect(try lenient.adding(workingDays: 5, to: day("2023-04-19"), in: .xinjiang) == day("2023-04-25"))
    }
}

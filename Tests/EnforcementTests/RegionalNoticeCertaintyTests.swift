import Testing
@testable import Enforcement

/// A try-out found every fresh case of December 2026 noted "provisional deadline (立案审批期限 2026-12-23)":
/// the 2026 national notice is shipped, the Xinjiang regional one is not, and any day of 2026 counted as
/// uncertain in Xinjiang. The regional notice only gives days around 肉孜节 and 古尔邦节 (March and May in
/// 2026): a day far from both is as certain as the national calendar says.
@Suite struct RegionalNoticeCertaintyTests {
    let calendar = WorkingDayCalendar.shipped

    @Test func aFilingDeadlineCountedThroughDecember2026InXinjiangIsNotProvisional() {
        let due = calendar.counting(workingDays: 15, after: Fixture.date("2026-12-02"), in: .xinjiang)
        #expect(due == .init(Fixture.date("2026-12-23"), provisional: false))
    }

    @Test func aCountThroughTheWeeksOf2026sEidsStaysProvisionalUntilTheRegionalNoticeIsImported() {
        // 古尔邦节 1447 falls on 2026-05-27 (Umm al-Qura); 肉孜节 on 2026-03-20.
        #expect(calendar.counting(workingDays: 5, after: Fixture.date("2026-05-22"), in: .xinjiang).provisional)
        #expect(calendar.counting(workingDays: 3, after: Fixture.date("2026-03-17"), in: .xinjiang).provisional)
        #expect(!calendar.counting(workingDays: 5, after: Fixture.date("2026-05-22"), in: .national).provisional)
    }

    @Test func aYearWithoutTheNationalNoticeStaysProvisionalWhateverTheSeason() {
        #expect(calendar.counting(workingDays: 7, after: Fixture.date("2026-12-24"), in: .xinjiang).provisional)
        #expect(calendar.counting(workingDays: 7, after: Fixture.date("2027-09-01"), in: .national).provisional)
    }

    @Test func theComputedEidsMatchTheShippedXinjiangNotices() {
        // 2023: 肉孜节 04-21, 古尔邦节 06-28–06-30; 2025: 03-29–03-31, 06-06–06-10 (domain-notes §6.2, §6.4).
        let eids = Set(RegionalFestivals.eids(near: Fixture.date("2023-06-01")) + RegionalFestivals.eids(near: Fixture.date("2025-05-01")))
        for day in ["2023-04-21", "2023-06-28", "2025-03-30", "2025-06-06"] { #expect(eids.contains(Fixture.date(day)), "\(day)") }
        for entry in calendar.entries where entry.kind == .regionalHoliday {
            #expect(RegionalFestivals.mayConcern(entry.date, in: .xinjiang), "\(entry.date) lies within reach of a festival")
        }
    }

    @Test func regionalDaysOffThatDoNotStopClocksNeverMakeAYearProvisional() {
        let calendar = WorkingDayCalendar(entries: WorkingDayCalendar.shippedEntries, regionalHolidaysStopClocks: false)
        #expect(!calendar.counting(workingDays: 5, after: Fixture.date("2026-05-22"), in: .xinjiang).provisional)
    }
}

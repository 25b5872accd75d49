import Foundation
import Testing
@testable import Enforcement

/// Issue 10 point 7: a calendar gap never stops work. Deadlines into a (jurisdiction, year) without a complete
/// calendar are provisional (DOMAIN.md §5, domain-notes §6.4b, §6.5); the 2026 national notice ships.
@Suite struct ProvisionalDeadlineTests {
    let calendar = WorkingDayCalendar.shipped

    // MARK: The 2026 national notice (domain-notes §6.4b)

    @Test func twentyTwentySixHas248NationalWorkingDays() throws {
        var count = 0
        var date = day("2026-01-01")
        while date.year == 2026 {
            if try calendar.isWorkingDay(date, in: .national) { count += 1 }
            date = date.adding(days: 1)
        }
        #expect(count == 248)
    }

    @Test func aPublicationDecidedOn18September2026IsDueOn29SeptemberNotProvisional() {
        // 09-20 is a make-up day before the window, not in it.
        let publication = Deadlines.publication(decided: day("2026-09-18"), calendar: calendar, in: .national)
        #expect(publication.due == day("2026-09-29"))
        #expect(!publication.provisional)
    }

    @Test func aHearingWindowFrom11February2026CountsTheMakeUpSaturday() {
        let window = Deadlines.hearingRequest(noticeServed: day("2026-02-11"), calendar: calendar, in: .national)
        #expect(window.due == day("2026-02-25"))
        #expect(!window.provisional)
    }

    // MARK: Statutory days known without a notice

    @Test func foundationsChineseCalendarGivesTheKnownLunarHolidays() {
        let springFestivals = [2023, 2024, 2025, 2026].map { StatutoryHolidays.lunarDate(month: 1, day: 1, near: (1, 21), in: $0) }
        #expect(springFestivals == ["2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17"].map(day))
        #expect(StatutoryHolidays.lunarDate(month: 5, day: 5, near: (5, 25), in: 2023) == day("2023-06-22"))
        #expect(StatutoryHolidays.lunarDate(month: 8, day: 15, near: (9, 5), in: 2023) == day("2023-09-29"))
    }

    @Test func theQingmingFormulaMatchesTheNotices() {
        #expect([2023, 2024, 2025, 2026].map(StatutoryHolidays.qingmingDay(in:)) == [5, 4, 4, 5])
    }

    @Test func theStatutoryDaysOf2026AreInsideTheNoticesDaysOff() throws {
        // Every day the measures fix must be off in the real 2026 notice: the provisional rule never
        // calls a certain day off a working day.
        let days = StatutoryHolidays.days(in: 2026)
        #expect(days.count == 13)
        for (date, name) in days where !date.isWeekend {
            #expect(try !calendar.isWorkingDay(date, in: .national), "\(date) \(name)")
        }
    }

    // MARK: Provisional counting

    @Test func decidedOnChristmasEve2026TheServiceIsDueOn5January2027Provisionally() {
        let service = Deadlines.service(decided: day("2026-12-24"), calendar: calendar, in: .national)
        #expect(service == Deadline(kind: .service, due: day("2027-01-05"), basis: "APL 61", labelZh: "送达期限",
                                    provisional: true, recount: .init(from: day("2026-12-24"), days: 7)))
    }

    @Test func aXinjiangHearingWindowTakesTheMarginWhileTheRegionalNoticeIsMissing() {
        // In the weeks of 古尔邦节 2026 (05-27) the missing regional notice may give days off: 05-22 + 5 WD = 05-29,
        // then 4 WD of margin: 06-01 … 06-04.
        let window = Deadlines.hearingRequest(noticeServed: day("2026-05-22"), calendar: calendar, in: .xinjiang)
        #expect(window.due == day("2026-06-04"))
        #expect(window.provisional)
        // The bureau's own duty in the same place gets no margin.
        #expect(Deadlines.service(decided: day("2026-05-22"), calendar: calendar, in: .xinjiang).due == day("2026-06-02"))
        // Past New Year's Day the missing national 2027 notice does the same: 12-28 + 5 WD = 01-05, + 4 WD = 01-11.
        #expect(Deadlines.hearingRequest(noticeServed: day("2026-12-28"), calendar: calendar, in: .xinjiang).due == day("2027-01-11"))
    }

    @Test func theMarginIsConfigurablePerJurisdiction() {
        let none = calendar.with(margins: ProvisionalMargins([.xinjiang: 0]))
        #expect(Deadlines.hearingRequest(noticeServed: day("2026-12-24"), calendar: none, in: .xinjiang).due
            == day("2026-12-31"))
    }

    @Test func aDeadlineWhollyInsideCompleteCalendarsIsNotProvisional() {
        #expect(!Deadlines.service(decided: day("2026-12-01"), calendar: calendar, in: .national).provisional)
        #expect(!Deadlines.hearingRequest(noticeServed: day("2025-06-03"), calendar: calendar, in: .xinjiang).provisional)
        // Xinjiang 2026 has no regional notice: a window in the weeks of its 古尔邦节 is provisional there; one in
        // December is not, since the notice gives no day then.
        #expect(Deadlines.service(decided: day("2026-05-22"), calendar: calendar, in: .xinjiang).provisional)
        #expect(!Deadlines.service(decided: day("2026-12-01"), calendar: calendar, in: .xinjiang).provisional)
    }

    @Test func importingTheNoticeCompletesTheYearAndTheRecountIsCertain() {
        let complete = calendar.merging([], complete: [.init(.xinjiang, 2026), .init(.national, 2027), .init(.xinjiang, 2027)])
        let window = Deadlines.hearingRequest(noticeServed: day("2026-12-24"), calendar: complete, in: .xinjiang)
        #expect(window.due == day("2026-12-31"))
        #expect(!window.provisional)
    }

    @Test func aProvisionalDeadlineIsRecountedOnceTheNoticeIsImported() {
        let provisional = Deadlines.hearingRequest(noticeServed: day("2026-12-28"), calendar: calendar, in: .xinjiang)
        #expect(provisional.provisional)
        // A (made-up) 2027 notice giving 2027-01-04 off besides New Year's Day, declared complete with Xinjiang 2026.
        let notice = ["2027-01-01", "2027-01-04"].map {
            CalendarEntry(jurisdiction: .national, date: day($0), kind: .holiday, source: "test")
        }
        let complete = calendar.merging(notice, complete: [.init(.xinjiang, 2026), .init(.national, 2027), .init(.xinjiang, 2027)])
        let recounted = provisional.recounted(with: complete, in: .xinjiang)
        #expect(recounted.due == day("2027-01-06"))
        #expect(!recounted.provisional)
        // Still incomplete: the same provisional date.
        #expect(provisional.recounted(with: calendar, in: .xinjiang) == provisional)
    }

    @Test func aCaseDecidesWithItsRecountedDeadlines() {
        let events = history(CaseDecider.self, ProvisionalCaseTests.noticed)
        let complete = calendar.merging([], complete: [.init(.xinjiang, 2026), .init(.national, 2027), .init(.xinjiang, 2027)])
        let context = DecisionContext(today: day("2027-01-05"), jurisdiction: .xinjiang, calendar: complete,
                                      legalBases: Fixture.legalBases, reference: Fixture.reference)
        // The provisional window ran to 2027-01-11; with the notices complete (this made-up 2027 one gives no day
        // off at all) it ended on 2027-01-04.
        #expect(given(events, when: .requestHearing, on: "2027-01-05", context: context)
            == .failure(.hearingRequestTooLate(due: day("2027-01-04"))))
    }

    // MARK: Stored form

    @Test func aDeadlineStoresItsProvisionalMarkOnlyWhenTrue() throws {
        let certain = Deadline(kind: .service, due: day("2026-12-10"), basis: "APL 61", labelZh: "送达期限")
        let certainJSON = String(decoding: try JSONEncoder().encode(certain), as: UTF8.self)
        #expect(!certainJSON.contains("provisional"))
        var provisional = certain
        provisional.provisional = true
        let data = try JSONEncoder().encode(provisional)
        #expect(String(decoding: data, as: UTF8.self).contains("\"provisional\":true"))
        #expect(try JSONDecoder().decode(Deadline.self, from: data) == provisional)
        #expect(try JSONDecoder().decode(Deadline.self, from: Data(certainJSON.utf8)) == certain)
    }
}


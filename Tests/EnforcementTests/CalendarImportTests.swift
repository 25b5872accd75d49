import Testing
@testable import Enforcement

@Suite struct CalendarImportTests {
    let notice2026 = """
        jurisdiction,date,kind,source
        # 2026 national notice (test data, not the real notice)
        national,2026-01-01,holiday,国务院办公厅 test
        national,2026-01-02,holiday,国务院办公厅 test
        national,2026-01-04,makeupWorkday,国务院办公厅 test

        xinjiang,2026-03-20,regionalHoliday,"自治区人民政府办公厅 test, 肉孜节"
        """

    func error(_ csv: String) -> CalendarImportError? {
        do { _ = try WorkingDayCalendar.parseCSV(csv); return nil } catch { return error }
    }

    @Test func aGoodFileMergesAndCompletesItsYearOnlyWhenDeclaredComplete() throws {
        let entries = try WorkingDayCalendar.parseCSV(notice2026)
        #expect(entries.count == 4)
        #expect(entries.last?.source == "自治区人民政府办公厅 test, 肉孜节")
        let partial = WorkingDayCalendar.shipped.merging(entries)
        #expect(!partial.isComplete(year: 2026, in: .xinjiang))
        let calendar = WorkingDayCalendar.shipped.merging(entries, complete: [.init(.xinjiang, 2026)])
        #expect(calendar.isComplete(year: 2026, in: .xinjiang))
        #expect(try calendar.isWorkingDay(day("2026-01-04"), in: .national))   // Sunday, make-up
        #expect(try !calendar.isWorkingDay(day("2026-01-02"), in: .national))
        #expect(try !calendar.isWorkingDay(day("2026-03-20"), in: .xinjiang))
        // Earlier years are untouched.
        #expect(try calendar.adding(workingDays: 5, to: day("2023-04-19"), in: .xinjiang) == day("2023-04-26"))
    }

    @Test func anImportChangesOnlyItsListedDaysAndNeverWipesAYear() throws {
        let oneLine = try WorkingDayCalendar.parseCSV("""
            jurisdiction,date,kind,source
            national,2023-10-02,makeupWorkday,corrected
            """)
        let calendar = WorkingDayCalendar.shipped.merging(oneLine)
        #expect(try calendar.isWorkingDay(day("2023-10-02"), in: .national))
        // The rest of National Day 2023 stays off, and the year stays complete.
        #expect(try !calendar.isWorkingDay(day("2023-10-03"), in: .national))
        #expect(try !calendar.isWorkingDay(day("2023-10-06"), in: .national))
        #expect(calendar.isComplete(year: 2023, in: .national))
        #expect(calendar.entries.count == WorkingDayCalendar.shipped.entries.count)
    }

    @Test func anOrdinaryDayTakesBackADayListedEarlier() throws {
        let first = WorkingDayCalendar.shipped.merging(try WorkingDayCalendar.parseCSV(notice2026))
        let corrected = first.merging(try WorkingDayCalendar.parseCSV("""
            jurisdiction,date,kind,source
            xinjiang,2026-03-20,ordinaryDay,corrected
            """))
        #expect(corrected.provisionalWorkingDay(day("2026-03-20"), in: .xinjiang).working)
        #expect(corrected.entry(on: day("2026-03-20"), of: .xinjiang) == nil)
    }

    @Test func anOptionalNoticeYearColumnPlacesDecemberDays() throws {
        let entries = try WorkingDayCalendar.parseCSV("""
            jurisdiction,date,kind,source,notice_year
            national,2025-12-31,holiday,x,2026
            xinjiang,2026-03-20,regionalHoliday,x,
            """)
        #expect(entries.map(\.noticeYear) == [2026, 2026])
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let entries = try WorkingDayCalendar.parseCSV("jurisdiction,date,kind,source\r\nnational,2026-01-01,holiday,x\r\n")
        #expect(entries.count == 1)
    }

    @Test func anUnknownJurisdictionNamesItsLine() {
        let result = error("jurisdiction,date,kind,source\nnational,2026-01-01,holiday,x\ntibet,2026-01-02,holiday,x")
        #expect(result == .unknownJurisdiction(line: 3, value: "tibet"))
        #expect(result?.message.hasPrefix("line 3: unknown jurisdiction `tibet`; use one of national, xinjiang") == true)
    }

    @Test func aBadDateNamesItsLine() {
        #expect(error("jurisdiction,date,kind,source\nnational,2026-02-30,holiday,x") == .badDate(line: 2, value: "2026-02-30"))
        #expect(error("jurisdiction,date,kind,source\nnational,2026/01/01,holiday,x") == .badDate(line: 2, value: "2026/01/01"))
    }

    @Test func anUnknownKindNamesItsLine() {
        let result = error("jurisdiction,date,kind,source\n\nnational,2026-01-01,vacation,x")
        #expect(result == .unknownKind(line: 3, value: "vacation"))
        #expect(result?.message.contains("holiday, makeupWorkday, regionalHoliday") == true)
    }

    @Test func aMissingColumnNamesItsLine() {
        #expect(error("jurisdiction,date,kind,source\nnational,2026-01-01,holiday") ==
                .wrongFieldCount(line: 2, expected: 4, found: 3))
        #expect(error("jurisdiction,date,kind,source\nnational,2026-01-01,holiday,") ==
                .emptyField(line: 2, column: "source"))
    }

    @Test func aWrongOrMissingHeaderIsRefused() {
        #expect(error("date,kind\n") == .badHeader(line: 1, found: "date,kind"))
        #expect(error("") == .badHeader(line: 1, found: ""))
    }

    @Test func aRegionalHolidayCannotBeNational() {
        #expect(error("jurisdiction,date,kind,source\nnational,2026-03-20,regionalHoliday,x") ==
                .regionalHolidayInNationalCalendar(line: 2))
    }

    @Test func aDayListedTwiceWithDifferentKindsIsRefused() {
        let csv = "jurisdiction,date,kind,source\nnational,2026-01-04,holiday,x\nnational,2026-01-04,makeupWorkday,x"
        #expect(error(csv) == .conflictingEntry(line: 3, date: day("2026-01-04"), firstLine: 2))
    }

    @Test func anUnclosedQuoteIsRefused() {
        #expect(error("jurisdiction,date,kind,source\nnational,2026-01-01,holiday,\"open") == .unterminatedQuote(line: 2))
    }
}

/// Issue 10 point 8: an import never wipes a calendar, and changing a shipped official day needs `--replace`.
@Suite struct CalendarImportChangeTests {
    @Test func changingADayAShippedNoticeSetsIsFoundSoTheImportNeedsReplace() throws {
        let nationalDay = try WorkingDayCalendar.parseCSV("jurisdiction,date,kind,source\nnational,2023-10-02,makeupWorkday,x")
        let found = try #require(WorkingDayCalendar.firstChangeToAnOfficialDay(nationalDay))
        #expect(found.official?.kind == .holiday)
        #expect(found.official?.source.contains("2022-12-08") == true)
        // A weekday the shipped 2026 notice leaves ordinary is official too.
        let extraDay = try WorkingDayCalendar.parseCSV("jurisdiction,date,kind,source\nnational,2026-03-02,holiday,x")
        #expect(WorkingDayCalendar.firstChangeToAnOfficialDay(extraDay)?.official == nil)
        #expect(WorkingDayCalendar.firstChangeToAnOfficialDay(extraDay)?.entry.date == day("2026-03-02"))
    }

    @Test func aRegionalYearNotShippedOrADayAsShippedNeedsNoReplace() throws {
        let xinjiang2026 = try WorkingDayCalendar.parseCSV("""
            jurisdiction,date,kind,source
            xinjiang,2026-03-20,regionalHoliday,x
            national,2026-01-04,makeupWorkday,x
            """)
        #expect(WorkingDayCalendar.firstChangeToAnOfficialDay(xinjiang2026) == nil)
    }

    @Test func anImportSaysDayByDayWhatItAddsChangesOrLeaves() throws {
        let file = try WorkingDayCalendar.parseCSV("""
            jurisdiction,date,kind,source
            xinjiang,2026-03-20,regionalHoliday,x
            national,2023-10-02,makeupWorkday,x
            national,2023-10-03,holiday,x
            """)
        #expect(WorkingDayCalendar.shipped.changes(importing: file).map(\.outcome) == [.added, .changed, .unchanged])
        #expect(WorkingDayCalendar.shipped.changes(importing: file)[1].before == .holiday)
    }
}

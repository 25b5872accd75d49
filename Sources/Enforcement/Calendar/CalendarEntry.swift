/// One day named in an official holiday notice: a day off or a make-up working day.
///
/// `noticeYear` is the year whose notice lists the day, which is not always the day's own year:
/// the 2023 national notice gives 2022-12-31 off. A year counts as loaded for a jurisdiction once
/// at least one entry of that notice year is present (see ``WorkingDayCalendar/isLoaded(year:in:)``).
public struct CalendarEntry: Hashable, Codable, Sendable {
    public var jurisdiction: Jurisdiction
    public var date: LocalDate
    public var kind: CalendarDayKind
    /// The notice the day comes from, e.g. "国务院办公厅 2022-12-08 关于2023年部分节假日安排的通知".
    public var source: String
    /// The year of the notice that lists this day.
    public var noticeYear: Int

    /// Creates an entry. Without `noticeYear`, a national entry dated 25–31 December belongs to the
    /// next year's notice (the New Year holiday and its make-up Saturday spill back into December:
    /// 2022-12-31 in the 2023 notice, 2018-12-29 in the 2019 notice); every other entry belongs to its own year.
    public init(jurisdiction: Jurisdiction, date: LocalDate, kind: CalendarDayKind, source: String,
                noticeYear: Int? = nil) {
        self.jurisdiction = jurisdiction
        self.date = date
        self.kind = kind
        self.source = source
        self.noticeYear = noticeYear ?? CalendarEntry.defaultNoticeYear(jurisdiction: jurisdiction, date: date)
    }

    static func defaultNoticeYear(jurisdiction: Jurisdiction, date: LocalDate) -> Int {
        // Regional Eid holidays move through the solar year and can fall in late December, so only
        // the national New Year holiday is assumed to belong to the next notice.
        if jurisdiction == .national, date.month == 12, date.day >= 25 { return date.year + 1 }
        return date.year
    }
}

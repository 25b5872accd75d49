/// Working days per jurisdiction, built from the official holiday notices.
///
/// A day is a working day if a notice makes it a make-up working day (调休上班日), or if it is
/// Monday–Friday and no notice gives it off (domain-notes §6.5). A (jurisdiction, year) is
/// *complete* when its whole notice is loaded: shipped, or imported with `--complete`. The strict
/// questions (`isWorkingDay`, `adding(workingDays:)`, …) throw ``CalendarError/yearNotLoaded(year:jurisdiction:)``
/// outside complete years; deadlines use the provisional ones (`WorkingDayCalendar+Provisional.swift`),
/// which never refuse (DOMAIN.md §5).
///
/// The value is immutable and cheap to share; import a notice with ``merging(_:complete:)``.
public struct WorkingDayCalendar: Sendable {
    /// A (jurisdiction, notice year) pair.
    public struct LoadedYear: Hashable, Codable, Sendable {
        public var jurisdiction: Jurisdiction
        public var year: Int
        public init(_ jurisdiction: Jurisdiction, _ year: Int) {
            self.jurisdiction = jurisdiction
            self.year = year
        }
    }

    /// Every entry, sorted by date, national before regional.
    public var entries: [CalendarEntry] { byDay.values.sorted { ($0.date, $0.jurisdiction.rawValue) < ($1.date, $1.jurisdiction.rawValue) } }
    /// The notices loaded whole, per jurisdiction (the regional one alone, for `.xinjiang`).
    public let completeYears: Set<LoadedYear>
    /// Whether a region's own days off stop working-day clocks there. Default `true`.
    ///
    /// Not verified (domain-notes §1.1, §9 question 4): set it to `false` if the bureau's legal
    /// reviewers decide Xinjiang's Eid holidays do not stop statutory clocks.
    public let regionalHolidaysStopClocks: Bool
    /// Working days added to the party's windows while a year is provisional.
    public let margins: ProvisionalMargins

    private struct DayKey: Hashable { let jurisdiction: Jurisdiction; let dayNumber: Int }
    private let byDay: [DayKey: CalendarEntry]

    /// Creates a calendar in which every notice year present in `entries` is complete.
    public init(entries: [CalendarEntry], regionalHolidaysStopClocks: Bool = true, margins: ProvisionalMargins = .standard) {
        self.init(entries: entries,
                  completeYears: Set(entries.map { LoadedYear($0.jurisdiction, $0.noticeYear) }),
                  regionalHolidaysStopClocks: regionalHolidaysStopClocks, margins: margins)
    }

    /// Creates a calendar with an explicit list of complete notices (a notice may list no day at all).
    /// Later entries for the same jurisdiction and date win; an `ordinaryDay` entry removes the day.
    public init(entries: [CalendarEntry], completeYears: Set<LoadedYear>, regionalHolidaysStopClocks: Bool = true,
                margins: ProvisionalMargins = .standard) {
        var byDay: [DayKey: CalendarEntry] = [:]
        for entry in entries {
            let key = DayKey(jurisdiction: entry.jurisdiction, dayNumber: entry.date.dayNumber)
            byDay[key] = entry.kind == .ordinaryDay ? nil : entry
        }
        self.byDay = byDay
        self.completeYears = completeYears
        self.regionalHolidaysStopClocks = regionalHolidaysStopClocks
        self.margins = margins
    }

    /// A calendar with `imported` laid over this one.
    ///
    /// Only the listed days change: every other day, of the same year too, is kept (an import never
    /// wipes a calendar). `complete` names the (jurisdiction, year) pairs the import declares whole.
    public func merging(_ imported: [CalendarEntry], complete: Set<LoadedYear> = []) -> WorkingDayCalendar {
        WorkingDayCalendar(entries: entries + imported, completeYears: completeYears.union(complete),
                           regionalHolidaysStopClocks: regionalHolidaysStopClocks, margins: margins)
    }

    /// The same days with other margins for provisional windows.
    public func with(margins: ProvisionalMargins) -> WorkingDayCalendar {
        WorkingDayCalendar(entries: entries, completeYears: completeYears,
                           regionalHolidaysStopClocks: regionalHolidaysStopClocks, margins: margins)
    }

    /// Whether `year` is certain in `jurisdiction`. Xinjiang needs both the national and the regional notice.
    public func isComplete(year: Int, in jurisdiction: Jurisdiction) -> Bool {
        guard completeYears.contains(LoadedYear(.national, year)) else { return false }
        return jurisdiction == .national || completeYears.contains(LoadedYear(jurisdiction, year))
    }

    /// The entry of one jurisdiction alone on `date` (no national entry for a regional question).
    public func entry(on date: LocalDate, of jurisdiction: Jurisdiction) -> CalendarEntry? {
        byDay[DayKey(jurisdiction: jurisdiction, dayNumber: date.dayNumber)]
    }

    /// The entries that apply to `date` in `jurisdiction` (national first, then regional).
    public func entries(on date: LocalDate, in jurisdiction: Jurisdiction) -> [CalendarEntry] {
        var found: [CalendarEntry] = []
        if let national = byDay[DayKey(jurisdiction: .national, dayNumber: date.dayNumber)] { found.append(national) }
        if jurisdiction != .national,
           let regional = byDay[DayKey(jurisdiction: jurisdiction, dayNumber: date.dayNumber)] { found.append(regional) }
        return found
    }

    /// Whether `date` is a working day in `jurisdiction`.
    /// - Throws: `.yearNotLoaded` when the notice for `date`'s year is missing.
    public func isWorkingDay(_ date: LocalDate, in jurisdiction: Jurisdiction) throws(CalendarError) -> Bool {
        guard isComplete(year: date.year, in: jurisdiction) else {
            // Name the notice actually missing, so the user imports the right file.
            let missing: Jurisdiction = completeYears.contains(LoadedYear(.national, date.year)) ? jurisdiction : .national
            throw .yearNotLoaded(year: date.year, jurisdiction: missing)
        }
        var makeup = false
        for entry in entries(on: date, in: jurisdiction) {
            switch entry.kind {
            case .holiday: return false
            case .regionalHoliday:
                if regionalHolidaysStopClocks { return false }
            case .makeupWorkday: makeup = true
            case .ordinaryDay: break
            }
        }
        return makeup || !date.isWeekend
    }

    /// The day `n` working days after `start`; the trigger day itself is not counted.
    ///
    /// A negative `n` counts backwards (the latest day to send a hearing notice `n` working days
    /// before the hearing). `n == 0` returns `start`.
    /// - Throws: `.yearNotLoaded` as soon as the count reaches a year without a notice.
    public func adding(workingDays n: Int, to start: LocalDate, in jurisdiction: Jurisdiction) throws(CalendarError) -> LocalDate {
        let step = n < 0 ? -1 : 1
        var remaining = abs(n)
        var day = start
        while remaining > 0 {
            day = day.adding(days: step)
            if try isWorkingDay(day, in: jurisdiction) { remaining -= 1 }
        }
        return day
    }

    /// The number of working days after `from` up to and including `to` (an age in working days:
    /// 0 on the trigger day, 1 on the next working day). Negative when `to` is before `from`.
    public func workingDays(from: LocalDate, to: LocalDate, in jurisdiction: Jurisdiction) throws(CalendarError) -> Int {
        if to < from { return -(try workingDays(from: to, to: from, in: jurisdiction)) }
        var count = 0
        var day = from
        while day < to {
            day = day.adding(days: 1)
            if try isWorkingDay(day, in: jurisdiction) { count += 1 }
        }
        return count
    }

    /// `date` if it is a working day, otherwise the next working day (a calendar-day period that
    /// ends on a day off ends on the next working day, by analogy with Civil Code Art 203).
    public func nextWorkingDay(onOrAfter date: LocalDate, in jurisdiction: Jurisdiction) throws(CalendarError) -> LocalDate {
        var day = date
        while !(try isWorkingDay(day, in: jurisdiction)) { day = day.adding(days: 1) }
        return day
    }
}

extension WorkingDayCalendar {
    /// A computed date and whether it rests on a year that is not complete.
    public struct Counted: Equatable, Sendable {
        public var date: LocalDate
        /// True when a day consulted lies in a (jurisdiction, year) without a complete calendar.
        public var provisional: Bool

        public init(_ date: LocalDate, provisional: Bool = false) {
            self.date = date
            self.provisional = provisional
        }
    }

    /// Whether `date` is a working day, and whether that is certain.
    ///
    /// In a complete year this is ``isWorkingDay(_:in:)``. Otherwise it is judged from what is certain
    /// (DOMAIN.md §5): the days the loaded entries list, weekends, and — while the national notice is
    /// missing — the statutory days off of ``StatutoryHolidays``. No make-up working day is assumed.
    public func provisionalWorkingDay(_ date: LocalDate, in jurisdiction: Jurisdiction) -> (working: Bool, certain: Bool) {
        var statutory = StatutoryDays()
        return provisionalWorkingDay(date, in: jurisdiction, statutory: &statutory)
    }

    /// Each day from `first` through `last` with whether it is a working day, judged as
    /// ``provisionalWorkingDay(_:in:)`` judges it, the statutory days computed once per year (for tables of days).
    public func provisionalWorkingDays(from first: LocalDate, through last: LocalDate,
                                       in jurisdiction: Jurisdiction) -> [(date: LocalDate, working: Bool)] {
        var statutory = StatutoryDays()
        var days: [(date: LocalDate, working: Bool)] = []
        var day = first
        while day <= last {
            days.append((day, provisionalWorkingDay(day, in: jurisdiction, statutory: &statutory).working))
            day = day.adding(days: 1)
        }
        return days
    }

    /// The day `n` working days after `start` (the trigger day not counted), never refusing.
    ///
    /// `partysWindow`: the window protects the party (a hearing request, a minimum notice before a
    /// hearing or a court application), so while it is provisional it is lengthened by the
    /// jurisdiction's margin (``ProvisionalMargins``): erring late never takes a right away. The
    /// bureau's own duties take no margin. A negative `n` counts backwards.
    public func counting(workingDays n: Int, after start: LocalDate, in jurisdiction: Jurisdiction,
                         partysWindow: Bool = false) -> Counted {
        var statutory = StatutoryDays()
        var provisional = false
        func count(_ n: Int, from start: LocalDate) -> LocalDate {
            let step = n < 0 ? -1 : 1
            var remaining = abs(n)
            var day = start
            while remaining > 0 {
                day = day.adding(days: step)
                let judged = provisionalWorkingDay(day, in: jurisdiction, statutory: &statutory)
                if !judged.certain { provisional = true }
                if judged.working { remaining -= 1 }
            }
            return day
        }
        var due = count(n, from: start)
        if provisional, partysWindow { due = count(margins.margin(for: jurisdiction), from: due) }
        return Counted(due, provisional: provisional)
    }

    /// `date` if it is a working day, otherwise the next one, never refusing.
    public func rolling(onOrAfter date: LocalDate, in jurisdiction: Jurisdiction) -> Counted {
        var statutory = StatutoryDays()
        var provisional = false
        var day = date
        while true {
            let judged = provisionalWorkingDay(day, in: jurisdiction, statutory: &statutory)
            if !judged.certain { provisional = true }
            if judged.working { return Counted(day, provisional: provisional) }
            day = day.adding(days: 1)
        }
    }

    /// The statutory days off per year, computed once per count (the lunar dates are not free).
    struct StatutoryDays {
        private var byYear: [Int: Set<Int>] = [:]
        mutating func contains(_ date: LocalDate) -> Bool {
            if let days = byYear[date.year] { return days.contains(date.dayNumber) }
            let days = Set(StatutoryHolidays.days(in: date.year).map(\.date.dayNumber))
            byYear[date.year] = days
            return days.contains(date.dayNumber)
        }
    }

    private func provisionalWorkingDay(_ date: LocalDate, in jurisdiction: Jurisdiction,
                                       statutory: inout StatutoryDays) -> (working: Bool, certain: Bool) {
        if let working = try? isWorkingDay(date, in: jurisdiction) { return (working, true) }
        // Only the regional notice is missing, and it cannot concern this day (its festivals are months
        // away, or regional days off do not stop clocks): the day is as certain as the national one.
        if jurisdiction != .national, let national = try? isWorkingDay(date, in: .national),
           !regionalHolidaysStopClocks || !RegionalFestivals.mayConcern(date, in: jurisdiction) {
            switch entry(on: date, of: jurisdiction)?.kind {
            case .regionalHoliday? where regionalHolidaysStopClocks: return (false, true)
            case .makeupWorkday?: return (true, true)
            default: return (national, true)
            }
        }
        var makeup = false
        for entry in entries(on: date, in: jurisdiction) {
            switch entry.kind {
            case .holiday: return (false, false)
            case .regionalHoliday:
                if regionalHolidaysStopClocks { return (false, false) }
            case .makeupWorkday: makeup = true
            case .ordinaryDay: break
            }
        }
        if makeup { return (true, false) }
        if !isComplete(year: date.year, in: .national), statutory.contains(date) { return (false, false) }
        return (!date.isWeekend, false)
    }
}

/// What an import does to one listed day.
public struct CalendarDayChange: Sendable, Equatable {
    public enum Outcome: String, Sendable { case added, changed, unchanged }
    public var jurisdiction: Jurisdiction
    public var date: LocalDate
    /// The day's kind before the import (`ordinaryDay` when nothing was listed).
    public var before: CalendarDayKind
    public var after: CalendarDayKind
    public var outcome: Outcome

    public init(jurisdiction: Jurisdiction, date: LocalDate, before: CalendarDayKind, after: CalendarDayKind,
                outcome: Outcome) {
        self.jurisdiction = jurisdiction
        self.date = date
        self.before = before
        self.after = after
        self.outcome = outcome
    }
}

extension WorkingDayCalendar {
    /// Day by day, what laying `imported` over this calendar changes (issue 10: an import never wipes).
    public func changes(importing imported: [CalendarEntry]) -> [CalendarDayChange] {
        imported.map { entry in
            let before = self.entry(on: entry.date, of: entry.jurisdiction)?.kind ?? .ordinaryDay
            let outcome: CalendarDayChange.Outcome = before == entry.kind ? .unchanged
                : before == .ordinaryDay ? .added : .changed
            return CalendarDayChange(jurisdiction: entry.jurisdiction, date: entry.date, before: before,
                                     after: entry.kind, outcome: outcome)
        }
    }

    /// The first listed day that differs from what a shipped official notice sets: a day the notice lists,
    /// or a day of a shipped notice year that it leaves ordinary. Changing it needs `--replace`.
    /// - Returns: the shipped entry (nil when the notice leaves the day ordinary) and the imported one.
    public static func firstChangeToAnOfficialDay(_ imported: [CalendarEntry]) -> (official: CalendarEntry?, entry: CalendarEntry)? {
        for entry in imported {
            let official = shipped.entry(on: entry.date, of: entry.jurisdiction)
            let inShippedNotice = official != nil || shipped.completeYears.contains(.init(entry.jurisdiction, entry.noticeYear))
            if inShippedNotice, (official?.kind ?? .ordinaryDay) != entry.kind { return (official, entry) }
        }
        return nil
    }
}

import Enforcement

/// Tables about working-day calendars: one year's days, and the complete notices.
public enum CalendarTables {
    /// The days off and make-up working days of `year` in `jurisdiction`, with their source.
    ///
    /// A year without a complete national notice also lists the statutory days the holiday measures fix
    /// (kind `statutoryHoliday`), which provisional deadlines count as off. `complete` (a JSON boolean) says
    /// whether the notice the row comes from — its own jurisdiction's — is complete, as `calendar list` says it.
    /// (The year's deadlines need both notices: that is `status`.)
    public static func year(_ year: Int, in jurisdiction: Jurisdiction, calendar: WorkingDayCalendar) -> Table {
        var rows: [(date: LocalDate, cells: [String])] = []
        let jurisdictions: [Jurisdiction] = jurisdiction == .national ? [.national] : [.national, jurisdiction]
        let listed = calendar.entries.filter { $0.date.year == year && jurisdictions.contains($0.jurisdiction) }
        for entry in listed {
            rows.append((entry.date, [entry.date.description, weekday(entry.date), entry.kind.rawValue, entry.kind.labelZh,
                                      entry.jurisdiction.rawValue, entry.jurisdiction.labelZh, entry.source,
                                      calendar.completeYears.contains(.init(entry.jurisdiction, entry.noticeYear)) ? "true" : "false"]))
        }
        if !calendar.isComplete(year: year, in: .national) {
            let source = year >= 2025 ? StatutoryHolidays.source2024 : StatutoryHolidays.source2013
            for (date, name) in StatutoryHolidays.days(in: year)
            where !listed.contains(where: { $0.date == date && $0.jurisdiction == .national }) {
                rows.append((date, [date.description, weekday(date), "statutoryHoliday", "法定节假日（放假办法）", "national",
                                    Jurisdiction.national.labelZh, "\(name)，\(source)", "false"]))
            }
        }
        rows.sort { $0.date < $1.date }
        return Table(["date", "weekday", "kind", "kind_zh", "jurisdiction", "jurisdiction_zh", "source", "complete"],
                     rows: rows.map(\.cells), kinds: [.text, .text, .code, .text, .code, .text, .text, .boolean])
    }

    /// One line saying whether the year is complete, and what is missing if not.
    public static func status(_ year: Int, in jurisdiction: Jurisdiction, calendar: WorkingDayCalendar) -> String {
        if calendar.isComplete(year: year, in: jurisdiction) {
            return "\(jurisdiction.rawValue) \(year): complete"
        }
        let missing = [Jurisdiction.national, jurisdiction].filter { !calendar.completeYears.contains(.init($0, year)) }
        let names = Array(Set(missing)).map(\.rawValue).sorted().joined(separator: " and ")
        return "\(jurisdiction.rawValue) \(year): provisional (no complete \(names) notice; import it with --complete)"
    }

    /// The (jurisdiction, year) pairs whose notice is complete, with the number of days listed.
    public static func completeNotices(_ calendar: WorkingDayCalendar) -> Table {
        let years = calendar.completeYears.sorted { ($0.year, $0.jurisdiction.rawValue) < ($1.year, $1.jurisdiction.rawValue) }
        let entries = calendar.entries
        return Table(["jurisdiction", "jurisdiction_zh", "year", "days listed"], rows: years.map { loaded in
            let count = entries.filter { $0.jurisdiction == loaded.jurisdiction && $0.noticeYear == loaded.year }.count
            return [loaded.jurisdiction.rawValue, loaded.jurisdiction.labelZh, String(loaded.year), String(count)]
        }, kinds: [.code, .text, .integer, .integer])
    }

    static func weekday(_ date: LocalDate) -> String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.isoWeekday - 1]
    }
}

import Enforcement
import Foundation
import Postgres

/// The bureau's working days, for ages "in working days as of today" computed by views.
enum WorkingDays {
    /// Wusu is in Xinjiang (DOMAIN.md §5); a year without the regional notice falls back to the
    /// national one, and a year without any notice to Monday–Friday.
    static let jurisdiction = Jurisdiction.xinjiang
    static let years = 2020...2030

    /// Working days between two dates as the calendar counts them (trigger day not counted);
    /// nil when a year in between has no notice at all.
    static func between(_ from: LocalDate, _ to: LocalDate) -> Int? {
        let calendar = WorkingDayCalendar.shipped
        if let days = try? calendar.workingDays(from: from, to: to, in: jurisdiction) { return days }
        return try? calendar.workingDays(from: from, to: to, in: .national)
    }

    static func isWorkingDay(_ day: LocalDate) -> Bool {
        let calendar = WorkingDayCalendar.shipped
        if let working = try? calendar.isWorkingDay(day, in: jurisdiction) { return working }
        if let working = try? calendar.isWorkingDay(day, in: .national) { return working }
        return !day.isWeekend
    }

    /// Fills `projections.working_days` for `years` (idempotent, one statement).
    static func fill(on connection: Connection) throws {
        struct Day: Encodable { let day: String; let isWorkingDay: Bool }
        var days: [Day] = []
        var day = LocalDate(year: years.lowerBound, month: 1, day: 1)!
        let end = LocalDate(year: years.upperBound, month: 12, day: 31)!
        while day <= end {
            days.append(Day(day: day.description, isWorkingDay: isWorkingDay(day)))
            day = day.adding(days: 1)
        }
        let upsert = try ProjectionSQL.upsert("projections.working_days", key: "day",
                                              columns: ["day", "is_working_day"], rows: days)
        try connection.execute(upsert.sql, upsert.parameters)
    }
}

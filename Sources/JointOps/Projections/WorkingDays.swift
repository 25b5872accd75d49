import Enforcement
import EventStore
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

    /// A row of `projections.working_days` (created by a migration).
    struct Day: Codable {
        let day: LocalDate
        let isWorkingDay: Bool
    }

    static let table = ProjectionTable("working_days", row: Day.self, primaryKey: ["day"])

    /// Fills `projections.working_days` for `years` (idempotent, one statement).
    static func fill(on connection: Connection) throws {
        var days: [Day] = []
        var day = LocalDate(year: years.lowerBound, month: 1, day: 1)!
        let end = LocalDate(year: years.upperBound, month: 12, day: 31)!
        while day <= end {
            days.append(Day(day: day, isWorkingDay: isWorkingDay(day)))
            day = day.adding(days: 1)
        }
        let upsert = try ProjectionSQL.upsert("projections.\(table.name)", table, key: "day", rows: days)
        try connection.execute(upsert.sql, upsert.parameters)
    }
}

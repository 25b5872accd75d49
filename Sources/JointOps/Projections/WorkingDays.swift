import Enforcement
import EventStore
import Foundation
import Postgres

/// The bureau's working days for the read models: the calendar in force (the shipped notices with every
/// imported one laid over them, ``WorkingDayCalendar/effective(imports:margins:)``, the one the deciders
/// use), and `projections.working_days`, its copy for ages "in working days as of today" in the views.
enum WorkingDays {
    /// Wusu is in Xinjiang (DOMAIN.md §5), as the application decides (`Application.jurisdiction`).
    static let jurisdiction = Jurisdiction.xinjiang
    static let years = 2020...2030

    /// The calendar in force, from the imports of the `calendar` stream recorded up to `recordedUpTo`
    /// (nil: all of them).
    static func effective(reading connection: Connection, recordedUpTo: Date? = nil) throws -> WorkingDayCalendar {
        let events = try EventStore(connection: connection).read(stream: StreamKind.calendarStream)
        var imports: [CalendarImported] = []
        for event in events where event.type == CalendarImported.eventType {
            if let recordedUpTo, event.recordedAt > recordedUpTo { continue }
            do { imports.append(try JSONDecoder().decode(CalendarImported.self, from: event.data)) } catch {
                throw ProjectionError.undecodableEvent(stream: event.streamId, version: event.streamVersion,
                                                       type: event.type, reason: "\(error)")
            }
        }
        return WorkingDayCalendar.effective(imports: imports)
    }

    /// Working days after `from` up to and including `to`, judged as deadlines are (a day of a year without
    /// a complete calendar as the provisional rule judges it: weekends and fixed holidays off).
    static func between(_ from: LocalDate, _ to: LocalDate, calendar: WorkingDayCalendar) -> Int {
        guard from < to else { return 0 }
        return calendar.provisionalWorkingDays(from: from.adding(days: 1), through: to, in: jurisdiction)
            .filter(\.working).count
    }

    /// A row of `projections.working_days` (created by a migration).
    struct Day: Codable {
        let day: LocalDate
        let isWorkingDay: Bool
    }

    static let table = ProjectionTable("working_days", row: Day.self, primaryKey: ["day"])

    /// The statement that sets `projections.working_days` for `years` from `calendar` (idempotent): run at
    /// install and again whenever a calendar import is projected, so the views' ages follow the import.
    static func fill(from calendar: WorkingDayCalendar) throws -> ProjectionStatement {
        let first = LocalDate(year: years.lowerBound, month: 1, day: 1)!
        let last = LocalDate(year: years.upperBound, month: 12, day: 31)!
        let days = calendar.provisionalWorkingDays(from: first, through: last, in: jurisdiction).map {
            Day(day: $0.date, isWorkingDay: $0.working)
        }
        return try ProjectionSQL.upsert("projections.\(table.name)", table, key: "day", rows: days)
    }

    /// Fills `projections.working_days` from the calendar in force.
    static func fill(on connection: Connection) throws {
        let statement = try fill(from: try effective(reading: connection))
        try connection.execute(statement.sql, statement.parameters)
    }

    // MARK: - SQL for the views

    /// Every day of the table numbered by the working days up to it (`n`): the working days after `a` up
    /// to `b` are `n(b) - n(a)`, one join instead of a count per row.
    static let numbered = """
        SELECT day, (count(*) FILTER (WHERE is_working_day) OVER (ORDER BY day))::int AS n
        FROM projections.working_days
        """

    /// SQL: whether a clock of kind `kindColumn` counts working days (``DeadlineKind/countsWorkingDays``).
    static func countsWorkingDays(_ kindColumn: String) -> String {
        let kinds = DeadlineKind.allCases.filter(\.countsWorkingDays).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return "(\(kindColumn) IN (\(kinds)))"
    }
}

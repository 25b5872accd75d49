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

    /// A row of `projections.working_days` (created by migrations 0003 and 0014).
    struct Day: Codable {
        let day: LocalDate
        let isWorkingDay: Bool
        /// Working days from the table's first day up to and including `day`: the working days after `a`
        /// up to `b` are `n(b) - n(a)`, two key lookups instead of a count per row.
        let workingDayNumber: Int
    }

    static let table = ProjectionTable("working_days", row: Day.self, primaryKey: ["day"])

    /// The statement that sets `projections.working_days` for `years` from `calendar` (idempotent): run at
    /// install and again whenever a calendar import is projected, so the views' ages follow the import.
    static func fill(from calendar: WorkingDayCalendar) throws -> ProjectionStatement {
        let first = LocalDate(year: years.lowerBound, month: 1, day: 1)!
        let last = LocalDate(year: years.upperBound, month: 12, day: 31)!
        var number = 0
        let days = calendar.provisionalWorkingDays(from: first, through: last, in: jurisdiction).map { day in
            if day.working { number += 1 }
            return Day(day: day.date, isWorkingDay: day.working, workingDayNumber: number)
        }
        return try ProjectionSQL.upsert("projections.\(table.name)", table, key: "day", rows: days)
    }

    /// Fills `projections.working_days` from the calendar in force.
    static func fill(on connection: Connection) throws {
        let statement = try fill(from: try effective(reading: connection))
        try connection.execute(statement.sql, statement.parameters)
    }

    // MARK: - SQL for the views

    /// The working days after `from` up to and including today, for a clock or request dated `from`, from the
    /// numbers of `projections.working_days`: `numbers` is the row of `from` (``joinNumbers(of:as:)``), `upto`
    /// holds today's number and the table's last day (``joinToday``). A day outside the table counts as the
    /// table's nearest end, as counting the table's rows would. No subquery a row: its estimated cost made
    /// PostgreSQL compile the deadline summary with JIT on every read (half a second).
    static func sinceDay(_ from: String, numbers: String) -> String {
        """
        (COALESCE(upto.n, 0) - COALESCE(\(numbers).working_day_number,
                                        CASE WHEN \(from) > upto.last_day THEN upto.last_n ELSE 0 END))
        """
    }

    /// The join giving `alias.working_day_number` for the day `day`.
    static func joinNumbers(of day: String, as alias: String) -> String {
        "LEFT JOIN projections.working_days \(alias) ON \(alias).day = \(day)"
    }

    /// The join giving `upto.n` (the number of today: of the last day of the table up to today), and the
    /// table's last day and its number.
    static let joinToday = """
        CROSS JOIN (SELECT (SELECT working_day_number FROM projections.working_days
                            WHERE day <= \(ReportingViews.today) ORDER BY day DESC LIMIT 1) AS n,
                           last.day AS last_day, last.working_day_number AS last_n
                    FROM (SELECT NULL) one
                    LEFT JOIN (SELECT day, working_day_number FROM projections.working_days
                               ORDER BY day DESC LIMIT 1) last ON true) upto
        """

    /// SQL: whether a clock of kind `kindColumn` counts working days (``DeadlineKind/countsWorkingDays``).
    static func countsWorkingDays(_ kindColumn: String) -> String {
        let kinds = DeadlineKind.allCases.filter(\.countsWorkingDays).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return "(\(kindColumn) IN (\(kinds)))"
    }
}

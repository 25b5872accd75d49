import Enforcement
import Foundation

/// One open statutory deadline of `jointops case due`: the same row as `reporting.deadlines_due`.
public struct DueDeadline: Encodable, Sendable, Equatable {
    /// The legal last day (rolled to a working day on a calendar-day clock).
    public var due: LocalDate
    public var caseId: String
    public var agency: String?
    public var officers: [String]
    /// The step the clock waits for (``DeadlineKind``), and its Chinese name.
    public var kind: DeadlineKind
    public var labelZh: String
    public var basis: String
    public var strictDue: LocalDate
    public var provisional: Bool
    /// `open` or `overdue` (``DeadlineStatus``).
    public var status: DeadlineStatus

    public var daysOverdue: Int? {
        if case .overdue(let days) = status { return days }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case due, caseId = "case_id", agency, officers, kind, labelZh = "label_zh", basis, strictDue = "strict_due"
        case countsWorkingDays = "counts_working_days", provisional, status, statusZh = "status_zh"
        case daysOverdue = "days_overdue"
    }

    /// Typed JSON: dates as `YYYY-MM-DD`, booleans, numbers, and null for what does not apply.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(due, forKey: .due)
        try c.encode(caseId, forKey: .caseId)
        try c.encode(agency, forKey: .agency)
        try c.encode(officers, forKey: .officers)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(labelZh, forKey: .labelZh)
        try c.encode(basis, forKey: .basis)
        try c.encode(strictDue, forKey: .strictDue)
        try c.encode(kind.countsWorkingDays, forKey: .countsWorkingDays)
        try c.encode(provisional, forKey: .provisional)
        try c.encode(status.code, forKey: .status)
        try c.encode(status.labelZh, forKey: .statusZh)
        try c.encode(daysOverdue, forKey: .daysOverdue)
    }
}

/// What is due (issue 11, point 4): every open statutory deadline of the cases, soonest first, each judged
/// open or overdue by ``DeadlineStatus`` with the calendar in force, provisional ones marked.
public enum DeadlinesDue {
    /// The open deadlines of `cases` (already counted again with `calendar`), filtered: assigned to `officer`,
    /// held by `agency`, and with a last day at most `within` calendar days after `today` (overdue ones always).
    public static func list(_ cases: [(id: String, state: CaseState)], today: LocalDate, calendar: WorkingDayCalendar,
                            in jurisdiction: Jurisdiction, officer: String? = nil, agency: String? = nil,
                            within: Int? = nil) -> [DueDeadline] {
        let horizon = within.map { today.adding(days: $0) }
        var rows: [DueDeadline] = []
        for (id, state) in cases {
            if let officer, !state.assignedOfficers.contains(officer) { continue }
            if let agency, state.agency != agency { continue }
            for deadline in state.openDeadlines {
                if let horizon, deadline.legallyDue > horizon { continue }
                rows.append(DueDeadline(
                    due: deadline.legallyDue, caseId: id, agency: state.agency, officers: state.assignedOfficers,
                    kind: deadline.kind, labelZh: deadline.labelZh, basis: deadline.basis, strictDue: deadline.due,
                    provisional: deadline.provisional,
                    status: DeadlineStatus.of(deadline, doneOn: nil, today: today, calendar: calendar, in: jurisdiction)))
            }
        }
        return rows.sorted { ($0.due, $0.caseId, $0.kind.rawValue) < ($1.due, $1.caseId, $1.kind.rawValue) }
    }

    /// The list as a table: the last day (（暂定） when provisional), case, step in Chinese, and how it stands
    /// (days overdue in the clock's unit, 个工作日 or 日); narrow enough for an 80-column terminal.
    public static func table(_ rows: [DueDeadline]) -> Table {
        Table(["due", "case", "step", "status", "officers"], rows: rows.map { row in
            [row.provisional ? "\(row.due)（暂定）" : row.due.description, row.caseId, row.labelZh,
             row.status.text(for: row.kind), row.officers.joined(separator: ", ")]
        })
    }

    /// The list as one JSON document (an array of typed objects).
    public static func json(_ rows: [DueDeadline]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
    }
}

/// The clocks of DOMAIN.md §5 that the case tracks.
public enum DeadlineKind: String, Codable, Sendable, CaseIterable {
    case filing, evidencePreservation, seizure, hearingRequest, decision, service, publication,
         publicationWithdrawal, payment, onSpotFiling
}

/// A computed due date with the rule it comes from.
///
/// Working-day clocks always end on a working day, so `rolledToWorkingDay` is nil. A calendar-day
/// clock that ends on a day off keeps both dates: `due` is the strict date (use it for internal
/// alerts) and `rolledToWorkingDay` the next working day (legal validity, by analogy with Civil
/// Code Art 203 — to be confirmed with the bureau, domain-notes §1.1).
public struct Deadline: Equatable, Codable, Sendable {
    public var kind: DeadlineKind
    /// The strict last day.
    public var due: LocalDate
    /// The next working day when `due` is a day off on a calendar-day clock; otherwise nil.
    public var rolledToWorkingDay: LocalDate?
    /// The legal basis, e.g. "APL 64".
    public var basis: String
    /// The clock's name in Chinese, for documents and the CLI, e.g. "听证申请期限".
    public var labelZh: String

    public init(kind: DeadlineKind, due: LocalDate, rolledToWorkingDay: LocalDate? = nil, basis: String, labelZh: String) {
        self.kind = kind
        self.due = due
        self.rolledToWorkingDay = rolledToWorkingDay
        self.basis = basis
        self.labelZh = labelZh
    }

    /// The last day on which the act is still in time: the rolled date if there is one.
    public var legallyDue: LocalDate { rolledToWorkingDay ?? due }

    /// Whether an act done on `date` is late in law (after ``legallyDue``). Internal alerts should
    /// compare with `due` instead, which is never later.
    public func isOverdue(on date: LocalDate) -> Bool { date > legallyDue }
}

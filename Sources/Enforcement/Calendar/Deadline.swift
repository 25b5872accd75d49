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
///
/// A deadline is *provisional* when its computation reached a (jurisdiction, year) whose calendar is
/// not complete (DOMAIN.md §5): it is shown as such and recomputed once the notice is imported.
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
    /// Computed from what is certain because a year it reaches has no complete calendar.
    public var provisional: Bool

    public init(kind: DeadlineKind, due: LocalDate, rolledToWorkingDay: LocalDate? = nil, basis: String, labelZh: String,
                provisional: Bool = false) {
        self.kind = kind
        self.due = due
        self.rolledToWorkingDay = rolledToWorkingDay
        self.basis = basis
        self.labelZh = labelZh
        self.provisional = provisional
    }

    private enum CodingKeys: String, CodingKey { case kind, due, rolledToWorkingDay, basis, labelZh, provisional }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(DeadlineKind.self, forKey: .kind), due: try c.decode(LocalDate.self, forKey: .due),
                  rolledToWorkingDay: try c.decodeIfPresent(LocalDate.self, forKey: .rolledToWorkingDay),
                  basis: try c.decode(String.self, forKey: .basis), labelZh: try c.decode(String.self, forKey: .labelZh),
                  provisional: try c.decodeIfPresent(Bool.self, forKey: .provisional) ?? false)
    }

    /// Writes `provisional` only when true, so every event stored before it existed encodes back unchanged.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(due, forKey: .due)
        try c.encodeIfPresent(rolledToWorkingDay, forKey: .rolledToWorkingDay)
        try c.encode(basis, forKey: .basis)
        try c.encode(labelZh, forKey: .labelZh)
        if provisional { try c.encode(true, forKey: .provisional) }
    }

    /// The last day as shown: `2027-01-05`, or `2027-01-05（暂定）` when provisional.
    public var dueText: String { provisional ? "\(due)（暂定）" : due.description }

    /// The last day on which the act is still in time: the rolled date if there is one.
    public var legallyDue: LocalDate { rolledToWorkingDay ?? due }

    /// Whether an act done on `date` is late in law (after ``legallyDue``). Internal alerts should
    /// compare with `due` instead, which is never later.
    public func isOverdue(on date: LocalDate) -> Bool { date > legallyDue }
}

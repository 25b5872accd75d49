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
    /// How to count the date again once the calendar is complete; set only on provisional deadlines.
    public var recount: Recount?

    /// The count behind a provisional date: `days` working days after `from`, or (when `days` is 0) the
    /// first working day on or after `from`.
    public struct Recount: Equatable, Codable, Sendable {
        public var from: LocalDate
        public var days: Int
        public var partysWindow: Bool

        public init(from: LocalDate, days: Int, partysWindow: Bool = false) {
            self.from = from
            self.days = days
            self.partysWindow = partysWindow
        }
    }

    public init(kind: DeadlineKind, due: LocalDate, rolledToWorkingDay: LocalDate? = nil, basis: String, labelZh: String,
                provisional: Bool = false, recount: Recount? = nil) {
        self.kind = kind
        self.due = due
        self.rolledToWorkingDay = rolledToWorkingDay
        self.basis = basis
        self.labelZh = labelZh
        self.provisional = provisional
        self.recount = provisional ? recount : nil
    }

    private enum CodingKeys: String, CodingKey { case kind, due, rolledToWorkingDay, basis, labelZh, provisional, recount }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(DeadlineKind.self, forKey: .kind), due: try c.decode(LocalDate.self, forKey: .due),
                  rolledToWorkingDay: try c.decodeIfPresent(LocalDate.self, forKey: .rolledToWorkingDay),
                  basis: try c.decode(String.self, forKey: .basis), labelZh: try c.decode(String.self, forKey: .labelZh),
                  provisional: try c.decodeIfPresent(Bool.self, forKey: .provisional) ?? false,
                  recount: try c.decodeIfPresent(Recount.self, forKey: .recount))
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
        try c.encodeIfPresent(recount, forKey: .recount)
    }

    /// The deadline counted again with `calendar` (after a notice was imported); a certain one is returned as is.
    public func recounted(with calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        guard provisional, let recount else { return self }
        var again = self
        if recount.days == 0 {
            let rolled = calendar.rolling(onOrAfter: recount.from, in: jurisdiction)
            again.rolledToWorkingDay = rolled.date == due ? nil : rolled.date
            again.provisional = rolled.provisional
        } else {
            let counted = calendar.counting(workingDays: recount.days, after: recount.from, in: jurisdiction,
                                            partysWindow: recount.partysWindow)
            again.due = counted.date
            again.provisional = counted.provisional
        }
        if !again.provisional { again.recount = nil }
        return again
    }

    /// The due date as every list, register and view shows it: the legal last day (``legallyDue``, rolled past a
    /// day off), `2027-01-05`, or `2027-01-05（暂定）` when provisional. The strict date is only the internal
    /// alert (``alertText``).
    public var dueText: String { provisional ? "\(legallyDue)（暂定）" : legallyDue.description }

    /// The internal alert when the last day was rolled past a day off: `internal alert 2027-01-03`; nil otherwise.
    public var alertText: String? { rolledToWorkingDay == nil ? nil : "internal alert \(due)" }

    /// The last day on which the act is still in time: the rolled date if there is one.
    public var legallyDue: LocalDate { rolledToWorkingDay ?? due }

    /// Whether an act done on `date` is late in law (after ``legallyDue``). Internal alerts should
    /// compare with `due` instead, which is never later.
    public func isOverdue(on date: LocalDate) -> Bool { date > legallyDue }
}

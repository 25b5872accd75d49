/// Where one deadline stands: the single definition of *late* and *overdue* (issue 10, point 6).
///
/// - *late* (逾期完成, code `late`): the act was done, but after the deadline's legal last day
///   (``Deadline/legallyDue``). A late act is valid; it is recorded and shown, never refused.
/// - *overdue* (已逾期, code `overdue`): the act is still not done and the legal last day has passed.
///
/// Both count the days past the legal last day in the clock's own unit: working days (个工作日) for a
/// working-day clock, calendar days (日) for a calendar-day clock. A day beyond a complete calendar is
/// counted as the provisional calendar would (weekends and fixed holidays off).
public enum DeadlineStatus: Equatable, Sendable {
    /// Not done, and the legal last day has not passed.
    case open
    /// Done on or before the legal last day.
    case onTime(doneOn: LocalDate)
    /// Done after the legal last day, `days` days (in the clock's unit) late.
    case late(doneOn: LocalDate, days: Int)
    /// Not done and `days` days (in the clock's unit) past the legal last day.
    case overdue(days: Int)

    /// The status of `deadline`, done on `doneOn` (nil while still open), seen on `today`.
    public static func of(_ deadline: Deadline, doneOn: LocalDate?, today: LocalDate,
                          calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> DeadlineStatus {
        let last = deadline.legallyDue
        if let doneOn {
            guard doneOn > last else { return .onTime(doneOn: doneOn) }
            return .late(doneOn: doneOn, days: daysPast(last, until: doneOn, deadline.kind, calendar, jurisdiction))
        }
        guard today > last else { return .open }
        return .overdue(days: daysPast(last, until: today, deadline.kind, calendar, jurisdiction))
    }

    /// The machine code: `open`, `onTime`, `late` or `overdue`.
    public var code: String {
        switch self {
        case .open: "open"
        case .onTime: "onTime"
        case .late: "late"
        case .overdue: "overdue"
        }
    }

    /// The label: 进行中, 按期完成, 逾期完成 or 已逾期.
    public var labelZh: String {
        switch self {
        case .open: "进行中"
        case .onTime: "按期完成"
        case .late: "逾期完成"
        case .overdue: "已逾期"
        }
    }

    /// The label with its count for `kind`'s unit: "逾期完成, 3 个工作日", "已逾期, 2 日", "按期完成".
    public func text(for kind: DeadlineKind) -> String {
        let unit = kind.countsWorkingDays ? "个工作日" : "日"
        switch self {
        case .open, .onTime: return labelZh
        case .late(_, let days), .overdue(let days): return "\(labelZh), \(days) \(unit)"
        }
    }

    /// Days after `last` up to and including `end`: working days on a working-day clock, else calendar days.
    private static func daysPast(_ last: LocalDate, until end: LocalDate, _ kind: DeadlineKind,
                                 _ calendar: WorkingDayCalendar, _ jurisdiction: Jurisdiction) -> Int {
        guard kind.countsWorkingDays else { return last.days(until: end) }
        var count = 0
        var day = last
        while day < end {
            day = day.adding(days: 1)
            if calendar.provisionalWorkingDay(day, in: jurisdiction).working { count += 1 }
        }
        return count
    }
}

extension DeadlineKind {
    /// Whether the clock counts working days (APL 61, 64, 48, …) rather than calendar days (seizure, decision,
    /// payment, on-the-spot filing).
    public var countsWorkingDays: Bool {
        switch self {
        case .filing, .evidencePreservation, .hearingRequest, .service, .publication, .publicationWithdrawal: true
        case .seizure, .decision, .payment, .onSpotFiling: false
        }
    }
}

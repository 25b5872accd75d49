/// Decides on a year's report plan (one stream per year): its text is stored in the event, so it has a limit.
public enum ReportPlanDecider: Decider {
    public typealias Command = ReportPlanCommand
    public typealias Event = ReportPlanEvent
    public typealias State = ReportPlanState

    /// The most UTF-8 bytes a plan may have: the 2023 plan is about 3 KB; every event is read whole.
    public static let maximumBytes = 64 * 1_024
    /// The years a report may be for (the command line refuses others before asking).
    public static let years = 2000...9999

    public static var initialState: ReportPlanState { ReportPlanState() }

    public static func decide(_ command: ReportPlanCommand, state: ReportPlanState,
                              context: DecisionContext) throws(Rejection) -> [ReportPlanEvent] {
        switch command {
        case let .record(year, agency, textZh):
            // A plan is written at the year's end or after it, never for a year to come.
            guard year <= context.today.year else {
                throw .dateInFuture(LocalDate(year: year, month: 1, day: 1)!, today: context.today)
            }
            try Rejection.requireText(textZh, "plan")
            let bytes = textZh.utf8.count
            guard bytes <= maximumBytes else { throw .textTooLong(field: "plan", bytes: bytes, maximum: maximumBytes) }
            try YearRecordRules.requireAgency(agency, context)
            // The same text again changes nothing.
            if let latest = state.latest, latest.textZh == textZh, latest.agency == agency { return [] }
            return [.recorded(.init(year: year, agency: agency, textZh: textZh, recordedOn: context.today))]
        }
    }

    public static func evolve(_ state: ReportPlanState, _ event: ReportPlanEvent) -> ReportPlanState {
        var s = state
        switch event {
        case .recorded(let e):
            s.latest = e
            s.versions += 1
        }
        return s
    }

    /// The plan is recorded by an officer of the agency that files the report (DESIGN.md §9).
    public static func actingClaim(for command: ReportPlanCommand, state: ReportPlanState) -> ActingClaim {
        switch command { case .record(_, let agency, _): .agency(agency) }
    }

    /// The plan's stream for `year`.
    public static func stream(year: Int) -> String { "report-plan-\(year)" }
}

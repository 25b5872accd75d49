/// Decides commands on a case (案件): the ordinary procedure, the summary procedure and vehicle seizures.
///
/// Every hard rule of DOMAIN.md §4 is a guard here; deadlines are computed at decision time with the
/// context's calendar and recorded in the events, so `evolve` stays pure and total.
public enum CaseDecider: Decider {
    public typealias Command = CaseCommand
    public typealias Event = CaseEvent
    public typealias State = CaseState

    public static var initialState: CaseState { CaseState() }

    /// Statuses in which the case is open and not yet decided.
    static let beforeDecision: Set<CaseState.Status> = [.leadReceived, .investigating, .investigationConcluded]
    /// Statuses in which a seized vehicle can still be dealt with.
    static let seizureManageable: Set<CaseState.Status> = Set(CaseState.Status.allCases).subtracting([.none, .closed, .archived])

    public static func decide(_ command: CaseCommand, state: CaseState,
                              context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        // A notice imported since a provisional deadline was set decides from the recounted date.
        let state = state.recountingProvisionalDeadlines(with: context.calendar, in: context.jurisdiction)
        if !command.mayStartCase {
            guard state.status != .none else {
                throw .notFound(aggregate: "case", next: .openCase)
            }
        }
        switch command {
        case .opening(let command):
            try requireOperationLink(command)
            return try decideOpening(command, state, context)
        case .investigation(let command): return try decideInvestigation(command, state, context)
        case .seizure(let command): return try decideSeizure(command, state, context)
        case .procedure(let command): return try decideProcedure(command, state, context)
        case .outcome(let command): return try decideOutcome(command, state, context)
        case .afterDecision(let command): return try decideAfterDecision(command, state, context)
        case .execution(let command): return try decideExecution(command, state, context)
        case let .duringOperation(command, link): return try decideDuringOperation(command, link, state, context)
        case .correction(let command): return try decideCorrection(command, state, context)
        case .importCase(let row): return try decideImport(row, state, context)
        }
    }

    /// The acts a command's cross-case lookups need (`DecisionContext.casesAlreadyFiled`, `finesAlreadyImposed`):
    /// the act being filed, decided on the spot, or fined.
    public static func actKeys(for command: CaseCommand, state: CaseState) -> [ActKey] {
        switch command {
        case let .opening(.fileCase(_, _, party, act, _, _)), let .outcome(.decideOnSpot(_, _, party, act, _, _, _)):
            [ActKey(partyId: party.partyId, actDate: act.date)]
        case .outcome(.decidePenalty):
            state.actKey.map { [$0] } ?? []
        case .opening(.receiveLead), .opening(.declineFiling), .investigation, .seizure, .procedure,
             .outcome(.decideNoPenalty), .outcome(.referToPolice), .outcome(.transferOut), .afterDecision, .execution:
            []
        case .duringOperation(let command, _):
            actKeys(for: command, state: state)
        case .correction(let command): correctedActKeys(command, state)
        case .importCase(let row):
            [row.actKey]
        }
    }

    static func decideOpening(_ command: CaseCommand.Opening, _ state: CaseState,
                              _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        switch command {
        case let .receiveLead(caseId, agency, source, summaryZh):
            return try receiveLead(caseId, agency, source, summaryZh, state, context)
        case let .fileCase(caseId, agency, party, act, approvedBy, source):
            try require(state, [.none, .leadReceived], command)
            try requireMainLineOrder(.filing, state, context)
            return try fileCase(caseId, agency, party, act, approvedBy, source, state, context)
        case .declineFiling(let reasonZh):
            try require(state, [.leadReceived], command)
            try requireMainLineOrder(.filingDeclined, state, context)
            try Rejection.requireText(reasonZh, "reason")
            return [.filingDeclined(.init(reasonZh: reasonZh, declinedOn: context.today))]
        }
    }

    private static func receiveLead(_ caseId: String, _ agency: String, _ source: LeadSource, _ summaryZh: String,
                                    _ state: CaseState, _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        guard state.status == .none else { throw .alreadyExists(aggregate: "case", id: state.caseId ?? caseId) }
        try Rejection.requireText(caseId, "case id")
        try Rejection.requireText(summaryZh, "summary")
        _ = try checkAgency(agency, context: context)
        let due = context.deadline { c, j in
            Deadlines.filing(leadReceived: context.today, workingDays: context.filingAlertWorkingDays,
                                 calendar: c, in: j)
        }
        return [.leadReceived(.init(caseId: caseId, agency: agency, source: source, summaryZh: summaryZh,
                                    receivedOn: context.today, filingDue: due))]
    }

    private static func fileCase(_ caseId: String, _ agency: String, _ party: Party, _ act: Act, _ approvedBy: String,
                                 _ source: LeadSource?, _ state: CaseState,
                                 _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let caseId = state.caseId ?? caseId
        try Rejection.requireText(caseId, "case id")
        _ = try checkAgency(agency, context: context)
        if let leadAgency = state.agency, leadAgency != agency {
            throw .leadHeldByOtherAgency(leadAgency: leadAgency, filingAgency: agency)
        }
        // Discovery is when the lead came in: a lead received in time keeps the act punishable (APL 36).
        let act = try checkPartyAndAct(party, act, discoveredOn: state.leadReceivedOn ?? context.today, today: context.today)
        let key = ActKey(partyId: party.partyId, actDate: act.date)
        try checkFirstToFile(key, caseId: caseId, context: context)
        try checkApprover(approvedBy, agency: agency, context)   // MOT-9 63: approved by the agency head
        let filingSource = try checkFilingSource(source, state)
        let due = context.deadline { c, j in
            Deadlines.decision(filed: context.today, calendar: c, in: j)
        }
        let expires = LimitationPeriod.expires(actDate: act.date, harmedLifeHealthOrFinance: act.harmedLifeHealthOrFinance)
        return [.filed(.init(caseId: caseId, agency: agency, party: party, act: act, approvedBy: approvedBy,
                             filedOn: context.today, limitationExpires: expires, decisionDue: due, source: filingSource))]
    }
}

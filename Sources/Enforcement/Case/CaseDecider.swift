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
        switch command {
        case .receiveLead, .fileCase, .decideOnSpot: break
        default:
            guard state.status != .none else {
                throw .notFound(aggregate: "case", next: .openCase)
            }
        }
        switch command {
        case let .receiveLead(caseId, agency, source, summaryZh):
            return try receiveLead(caseId, agency, source, summaryZh, state, context)
        case let .fileCase(caseId, agency, party, act, approvedBy):
            try require(state, [.none, .leadReceived], command)
            return try fileCase(caseId, agency, party, act, approvedBy, state, context)
        case .declineFiling(let reasonZh):
            try require(state, [.leadReceived], command)
            try Rejection.requireText(reasonZh, "reason")
            return [.filingDeclined(.init(reasonZh: reasonZh, declinedOn: context.today))]
        case .assignOfficers(let officers):
            try require(state, [.investigating, .investigationConcluded], command)
            let team = try checkTeam(officers, agency: state.agency, context: context)
            return [.officersAssigned(.init(officers: team, assignedOn: context.today))]
        case let .recordEvidence(kind, descriptionZh, mediaRef, sha256, officers):
            // Also after the conclusion: a returned legal review often asks for supplementary evidence (补充调查).
            try require(state, [.investigating, .investigationConcluded], command)
            try Rejection.requireText(descriptionZh, "evidence description")
            try Rejection.requireText(mediaRef, "media reference")
            guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { throw .invalidHash(sha256) }
            let team = try checkTeam(officers, agency: state.agency, context: context)
            return [.evidenceRecorded(.init(kind: kind, descriptionZh: descriptionZh, mediaRef: mediaRef,
                                            sha256: sha256.lowercased(), officers: team, recordedOn: context.today))]
        case let .preserveEvidence(itemsZh, officers, approvedBy):
            try require(state, [.investigating], command)
            guard !state.preservationPending else { throw .preservationPending(state.caseId ?? "?") }
            try Rejection.requireText(itemsZh, "preserved items")
            try Rejection.requireText(approvedBy, "approvedBy")
            let team = try checkTeam(officers, agency: state.agency, context: context)
            let due = try context.deadline { c, j throws(CalendarError) in
                try Deadlines.evidencePreservation(preserved: context.today, calendar: c, in: j)
            }
            return [.evidencePreserved(.init(itemsZh: itemsZh, officers: team, approvedBy: approvedBy,
                                             preservedOn: context.today, decisionDue: due))]
        case .resolvePreservedEvidence(let outcomeZh):
            try require(state, [.investigating, .investigationConcluded], command)
            guard state.preservationPending else { throw .noPreservedEvidence(state.caseId ?? "?") }
            try Rejection.requireText(outcomeZh, "outcome")
            return [.preservedEvidenceResolved(.init(outcomeZh: outcomeZh, resolvedOn: context.today))]
        case .seizeVehicle, .extendSeizure, .releaseVehicle, .confiscateVehicle:
            return try decideSeizure(command, state, context)
        case .concludeInvestigation, .requestLegalReview, .passLegalReview, .returnLegalReview, .serveNotice,
             .receiveStatement, .waiveStatement, .requestHearing, .scheduleHearing, .holdHearing, .waiveHearing:
            return try decideProcedure(command, state, context)
        case .decidePenalty, .decideNoPenalty, .referToPolice, .transferOut:
            return try decideOutcome(command, state, context)
        case let .decideOnSpot(caseId, agency, party, act, officers, penalty, formNumber):
            try require(state, [.none, .leadReceived], command)
            return try decideOnSpot(caseId, agency, party, act, officers, penalty, formNumber, state, context)
        case .serveDecision, .publishDecision, .withholdPublication, .revokeDecision, .withdrawPublication:
            return try decideAfterDecision(command, state, context)
        case .receivePayment, .serveEnforcementDemand, .applyForCourtEnforcement, .fileOnSpotDecision,
             .close, .archive:
            return try decideExecution(command, state, context)
        }
    }

    private static func receiveLead(_ caseId: String, _ agency: String, _ source: LeadSource, _ summaryZh: String,
                                    _ state: CaseState, _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        guard state.status == .none else { throw .alreadyExists(aggregate: "case", id: state.caseId ?? caseId) }
        try Rejection.requireText(caseId, "case id")
        try Rejection.requireText(summaryZh, "summary")
        _ = try checkAgency(agency, context: context)
        let due = try context.deadline { c, j throws(CalendarError) in
            try Deadlines.filing(leadReceived: context.today, workingDays: context.filingAlertWorkingDays,
                                 calendar: c, in: j)
        }
        return [.leadReceived(.init(caseId: caseId, agency: agency, source: source, summaryZh: summaryZh,
                                    receivedOn: context.today, filingDue: due))]
    }

    private static func fileCase(_ caseId: String, _ agency: String, _ party: Party, _ act: Act, _ approvedBy: String,
                                 _ state: CaseState, _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let caseId = state.caseId ?? caseId
        try Rejection.requireText(caseId, "case id")
        try Rejection.requireText(approvedBy, "approvedBy")
        _ = try checkAgency(agency, context: context)
        if let leadAgency = state.agency, leadAgency != agency {
            throw .leadHeldByOtherAgency(leadAgency: leadAgency, filingAgency: agency)
        }
        // Discovery is when the lead came in: a lead received in time keeps the act punishable (APL 36).
        let act = try checkPartyAndAct(party, act, discoveredOn: state.leadReceivedOn ?? context.today, today: context.today)
        let key = ActKey(partyId: party.partyId, actDate: act.date)
        try checkFirstToFile(key, caseId: caseId, context: context)
        let due = try context.deadline { c, j throws(CalendarError) in
            try Deadlines.decision(filed: context.today, calendar: c, in: j)
        }
        let expires = LimitationPeriod.expires(actDate: act.date, harmedLifeHealthOrFinance: act.harmedLifeHealthOrFinance)
        return [.filed(.init(caseId: caseId, agency: agency, party: party, act: act, approvedBy: approvedBy,
                             filedOn: context.today, limitationExpires: expires, decisionDue: due))]
    }
}

/// Decides commands on a joint operation (联合执法行动).
///
/// Only participating agencies (the lead, or a supporting agency that joined) may report tallies, and nothing
/// changes once the operation is archived or cancelled.
public enum OperationDecider: Decider {
    public typealias Command = OperationCommand
    public typealias Event = OperationEvent
    public typealias State = OperationState

    public static var initialState: OperationState { OperationState() }

    public static func decide(_ command: OperationCommand, state: OperationState,
                              context: DecisionContext) throws(Rejection) -> [OperationEvent] {
        let today = context.today
        if state.isClosed {
            throw .operationClosed(operationId: state.operationId ?? "?", status: state.status.rawValue)
        }
        if state.status == .none, !command.createsOperation {
            throw .notFound(aggregate: "operation", next: .planOperation)
        }
        switch command {
        case let .plan(operationId, plan):
            guard state.status == .none else { throw .alreadyExists(aggregate: "operation", id: operationId) }
            try validate(plan, context: context)
            return [.planned(.init(operationId: operationId, plan: plan, plannedOn: today))]

        case .approve(let approvedBy):
            try require(state, in: [.drafted], for: command)
            try Rejection.requireOrder(.approval, on: today, after: state.lastStep)
            try Rejection.requireText(approvedBy, "approvedBy")
            try checkApprover(approvedBy, of: state.plan?.leadAgency, on: today, context)
            return [.approved(.init(approvedBy: approvedBy, approvedOn: today))]

        case .launch:
            try require(state, in: [.approved], for: command)
            try Rejection.requireOrder(.launch, on: today, after: state.lastStep)
            if let plan = state.plan, today > plan.to { throw .outsideOperationWindow(date: today, from: plan.from, to: plan.to) }
            return [.launched(.init(launchedOn: today))]

        case .inviteAgency(let agency):
            try require(state, in: [.drafted, .approved, .launched, .inProgress], for: command)
            guard context.reference.agencies[agency] != nil else { throw .unknownAgency(agency) }
            guard !state.participating.contains(agency) else { throw .agencyAlreadyTakingPart(agency) }
            guard !state.invited.contains(agency) else { throw .agencyAlreadyInvited(agency) }
            return [.agencyInvited(.init(agency: agency, invitedOn: today))]

        case .joinOperation(let agency):
            try require(state, in: [.drafted, .approved, .launched, .inProgress], for: command)
            guard !state.participating.contains(agency) else { throw .agencyAlreadyTakingPart(agency) }
            guard state.invited.contains(agency) else { throw .agencyNotInvited(agency) }
            return [.agencyJoined(.init(agency: agency, joinedOn: today))]

        case .withdrawAgency(let agency):
            try require(state, in: [.drafted, .approved, .launched, .inProgress], for: command)
            guard agency != state.plan?.leadAgency else { throw .leadAgencyCannotWithdraw(agency) }
            guard state.supporting.contains(agency) else {
                throw .agencyNotTakingPart(operationId: state.operationId ?? "?", agency: agency)
            }
            return [.agencyWithdrew(.init(agency: agency, withdrewOn: today))]

        case .recordSession(let session):
            try require(state, in: [.launched, .inProgress], for: command)
            try validate(session, state: state, today: today)
            return [.sessionRecorded(.init(session: session))]

        case .recordReturn(let partnerReturn):
            // Partners report after the session, often after the operation concluded.
            try require(state, in: [.inProgress, .concluded, .summarised], for: command)
            return [.returnRecorded(.init(partnerReturn: try checked(partnerReturn, state: state, context: context),
                                          recordedOn: today))]

        case .conclude:
            try require(state, in: [.inProgress], for: command)
            try Rejection.requireOrder(.operationConclusion, on: today, after: state.lastStep)
            return [.concluded(.init(concludedOn: today))]

        case .summarise(let summaryZh):
            try require(state, in: [.concluded], for: command)
            try Rejection.requireOrder(.summary, on: today, after: state.lastStep)
            try Rejection.requireText(summaryZh, "summary")
            return [.summarised(.init(summaryZh: summaryZh, summarisedOn: today))]

        case .archive:
            try require(state, in: [.summarised], for: command)
            try Rejection.requireOrder(.operationArchiving, on: today, after: state.lastStep)
            return [.archived(.init(archivedOn: today))]

        case .cancel(let reasonZh):
            try require(state, in: [.drafted, .approved, .launched, .inProgress], for: command)
            try Rejection.requireOrder(.cancellation, on: today, after: state.lastStep)
            try Rejection.requireText(reasonZh, "reason")
            return [.cancelled(.init(reasonZh: reasonZh, cancelledOn: today))]
        }
    }

    public static func evolve(_ state: OperationState, _ event: OperationEvent) -> OperationState {
        var next = state
        if let (step, date) = lifecycleStep(of: event) { next.lastStep = LastStep.latest(state.lastStep, step, on: date) }
        switch event {
        case .planned(let e):
            next.operationId = e.operationId
            next.plan = e.plan
            next.status = .drafted
        case .approved: next.status = .approved
        case .launched(let e):
            next.status = .launched
            next.launchedOn = e.launchedOn
        case .agencyInvited(let e): next.invited.insert(e.agency)
        case .agencyJoined(let e):
            next.invited.remove(e.agency)
            next.supporting.insert(e.agency)
            next.withdrawn.remove(e.agency)
        case .agencyWithdrew(let e):
            next.supporting.remove(e.agency)
            next.withdrawn.insert(e.agency)
        case .sessionRecorded(let e):
            next.sessions.append(e.session)
            next.status = .inProgress
        case .returnRecorded(let e): next.returns.append(e.partnerReturn)
        case .concluded: next.status = .concluded
        case .summarised(let e):
            next.summaryZh = e.summaryZh
            next.status = .summarised
        case .archived: next.status = .archived
        case .cancelled: next.status = .cancelled
        }
        return next
    }

    /// The lifecycle step an event records and its date; sessions count, so the conclusion follows the last one.
    private static func lifecycleStep(of event: OperationEvent) -> (DatedStep, LocalDate)? {
        switch event {
        case .planned(let e): (.planning, e.plannedOn)
        case .approved(let e): (.approval, e.approvedOn)
        case .launched(let e): (.launch, e.launchedOn)
        case .sessionRecorded(let e): (.session, e.session.date)
        case .concluded(let e): (.operationConclusion, e.concludedOn)
        case .summarised(let e): (.summary, e.summarisedOn)
        case .archived(let e): (.operationArchiving, e.archivedOn)
        case .cancelled(let e): (.cancellation, e.cancelledOn)
        case .agencyInvited, .agencyJoined, .agencyWithdrew, .returnRecorded: nil
        }
    }

    private static func require(_ state: OperationState, in allowed: Set<OperationState.Status>,
                                for command: OperationCommand) throws(Rejection) {
        guard allowed.contains(state.status) else {
            throw .notAllowedNow(aggregate: "operation", id: state.operationId ?? "?",
                                 status: state.status.rawValue, command: .operation(command.action))
        }
    }

    private static func validate(_ plan: OperationPlan, context: DecisionContext) throws(Rejection) {
        try Rejection.requireText(plan.titleZh, "title")
        guard !plan.sectors.isEmpty else { throw .missingField("sectors") }
        guard plan.from <= plan.to else { throw .invalidPeriod(from: plan.from, to: plan.to) }
        guard context.reference.agencies[plan.leadAgency] != nil else { throw .unknownAgency(plan.leadAgency) }
    }

    private static func validate(_ session: FieldSession, state: OperationState, today: LocalDate) throws(Rejection) {
        try Rejection.requireText(session.sessionId, "sessionId")
        guard !state.sessions.contains(where: { $0.sessionId == session.sessionId }) else {
            throw .sessionAlreadyRecorded(session.sessionId)
        }
        guard session.date <= today else { throw .dateInFuture(session.date, today: today) }
        try Rejection.requireOrder(.session, on: session.date, after: .launch, on: state.launchedOn)
        if let plan = state.plan, session.date < plan.from || session.date > plan.to {
            throw .outsideOperationWindow(date: session.date, from: plan.from, to: plan.to)
        }
        guard !session.tallies.isEmpty else { throw .missingField("tallies") }
        // Sorted so the same bad session always yields the same rejection.
        for (agency, tally) in session.tallies.sorted(by: { $0.key < $1.key }) {
            guard state.participating.contains(agency) else {
                throw .agencyNotTakingPart(operationId: state.operationId ?? "?", agency: agency)
            }
            try checkFigures(tally, agency: agency)
        }
    }
}

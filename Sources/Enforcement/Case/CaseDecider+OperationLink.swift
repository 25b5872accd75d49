// Acts made during a joint operation (联合执法) link to its field session, so the bureau's results per operation
// and agency are counted from its cases and never typed twice. The link is checked against the operation the
// handler loaded (`DecisionContext.operations`), whatever the operation's status now: field records are often
// entered after the operation concluded.
extension CaseDecider {
    /// The operations whose state deciding `command` needs, for `DecisionContext.operations`.
    public static func operationIds(for command: CaseCommand) -> [String] {
        if case let .duringOperation(_, link) = command { return [link.operationId] }
        return []
    }

    /// A lead from a joint operation says which one: `jointOperation` without a link is refused (a linked lead
    /// goes through `decideDuringOperation`, never here).
    static func requireOperationLink(_ command: CaseCommand.Opening) throws(Rejection) {
        if case .receiveLead(_, _, .jointOperation, _) = command { throw .jointOperation(.linkRequired) }
    }

    /// Decides a lead, an on-the-spot decision or a seizure made in the session `link` names, and stamps the
    /// link (with the session's recorded id) on the event it produces.
    ///
    /// The acting agency is the lead's or decision's agency, or for a seizure the agency holding the case; it
    /// must have taken part in the session, and the act must be dated the session's day.
    static func decideDuringOperation(_ command: CaseCommand, _ link: OperationLink, _ state: CaseState,
                                      _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        switch command {
        case .opening(let opening):
            guard case let .receiveLead(_, agency, source, _) = opening else { break }
            // The lead's own source says where it came from: an operation, and only an operation.
            guard source == .jointOperation else { throw .jointOperation(.linkNeedsJointOperationSource(source)) }
            let checked = try context.checked(link, agency: agency)
            return try decideOpening(opening, state, context).map { $0.linked(to: checked) }
        case .outcome(let outcome):
            guard case let .decideOnSpot(_, agency, _, _, _, _, _) = outcome else { break }
            let checked = try context.checked(link, agency: state.agency ?? agency)
            return try decideOutcome(outcome, state, context).map { $0.linked(to: checked) }
        case .seizure(let seizure):
            guard case .seizeVehicle = seizure else { break }
            let checked = try context.checked(link, agency: state.agency)
            return try decideSeizure(seizure, state, context).map { $0.linked(to: checked) }
        case .investigation, .procedure, .afterDecision, .execution, .duringOperation, .correction, .importCase:
            break
        }
        throw .jointOperation(.linkNotAllowed(command.action))
    }
}

extension CaseCommand {
    /// `command` made during the session `link` names, or `command` itself when there is no link.
    public static func during(_ link: OperationLink?, _ command: CaseCommand) -> CaseCommand {
        link.map { .duringOperation(command, $0) } ?? command
    }
}

extension CaseEvent {
    /// The event with `link` recorded, for the events an act in a session produces (others pass unchanged).
    fileprivate func linked(to link: OperationLink) -> CaseEvent {
        switch self {
        case .leadReceived(var e): e.operation = link; return .leadReceived(e)
        case .decidedOnSpot(var e): e.operation = link; return .decidedOnSpot(e)
        case .vehicleSeized(var e): e.operation = link; return .vehicleSeized(e)
        default: return self   // an act produces only its own event; nothing else is linked
        }
    }
}

/// Decides commands on a rectification item (整改问题), from the finding to its sign-off (销号).
public enum RectificationDecider: Decider {
    public typealias Command = RectificationCommand
    public typealias Event = RectificationEvent
    public typealias State = RectificationState

    public static var initialState: RectificationState { RectificationState() }

    public static func decide(_ command: RectificationCommand, state: RectificationState,
                              context: DecisionContext) throws(Rejection) -> [RectificationEvent] {
        let today = context.today
        if state.status == .none, !command.raisesItem {
            throw .notFound(aggregate: "rectification", next: .raiseRectification)
        }
        switch command {
        case let .raise(itemId, descriptionZh, foundBy, foundDuring, origin, auditId):
            guard state.status == .none else { throw .alreadyExists(aggregate: "rectification", id: state.itemId ?? itemId) }
            try Rejection.requireText(itemId, "item id")
            try Rejection.requireText(descriptionZh, "description")
            try Rejection.requireText(foundBy, "foundBy")
            // An audit's finding names its audit; no other item does.
            if origin == .caseFileAudit { try Rejection.requireText(auditId ?? "", "audit id") }
            return [.raised(.init(itemId: itemId, descriptionZh: descriptionZh, foundBy: foundBy, foundDuring: foundDuring,
                                  raisedOn: today, origin: origin, auditId: origin == .caseFileAudit ? auditId : nil))]
        case let .issueOpinion(opinionZh, issuedBy):
            try require(state, [.raised], command)
            try Rejection.requireOrder(.opinion, on: today, after: state.lastStep)
            try Rejection.requireText(opinionZh, "opinion")
            try Rejection.requireText(issuedBy, "issuedBy")
            try requireOfficer(issuedBy, context)
            return [.opinionIssued(.init(opinionZh: opinionZh, issuedBy: issuedBy, issuedOn: today))]
        case let .assignOwner(owner, due):
            try require(state, [.opinionIssued, .assigned], command)
            try Rejection.requireOrder(.ownerAssignment, on: today, after: state.lastStep)
            try Rejection.requireText(owner, "owner")
            guard due >= today else { throw .dateInPast(due, today: today) }
            return [.ownerAssigned(.init(owner: owner, due: due, assignedOn: today))]
        case .reportRectified(let descriptionZh):
            try require(state, [.assigned], command)
            try Rejection.requireOrder(.rectificationReport, on: today, after: state.lastStep)
            try Rejection.requireText(descriptionZh, "description")
            return [.reported(.init(descriptionZh: descriptionZh, reportedOn: today))]
        case .verify(let verifiedBy):
            try require(state, [.rectified], command)
            try Rejection.requireOrder(.verification, on: today, after: state.lastStep)
            try Rejection.requireText(verifiedBy, "verifiedBy")
            try requireOfficer(verifiedBy, context)
            return [.verified(.init(verifiedBy: verifiedBy, verifiedOn: today))]
        case let .rejectRectification(verifiedBy, reasonZh):
            try require(state, [.rectified], command)
            try Rejection.requireOrder(.verification, on: today, after: state.lastStep)
            try Rejection.requireText(verifiedBy, "verifiedBy")
            try requireOfficer(verifiedBy, context)
            try Rejection.requireText(reasonZh, "reason")
            return [.rejected(.init(verifiedBy: verifiedBy, reasonZh: reasonZh, rejectedOn: today))]
        case .closeOut(let closedBy):
            try require(state, [.verified], command)
            try Rejection.requireOrder(.closeOut, on: today, after: state.lastStep)
            try Rejection.requireText(closedBy, "closedBy")
            try requireOfficer(closedBy, context)
            return [.closedOut(.init(closedBy: closedBy, closedOutOn: today))]
        }
    }

    public static func evolve(_ state: RectificationState, _ event: RectificationEvent) -> RectificationState {
        var s = state
        s.lastStep = LastStep.latest(s.lastStep, step(of: event), on: date(of: event))
        switch event {
        case .raised(let e):
            s.itemId = e.itemId
            s.descriptionZh = e.descriptionZh
            s.foundDuring = e.foundDuring
            s.origin = e.origin ?? .campaignSelfExamination
            s.auditId = e.auditId
            s.raisedOn = e.raisedOn
            s.status = .raised
        case .opinionIssued: s.status = .opinionIssued
        case .ownerAssigned(let e):
            s.owner = e.owner
            s.due = e.due
            s.status = .assigned
        case .reported: s.status = .rectified
        case .verified: s.status = .verified
        case .rejected:
            // Back to the owner, same due date: a failed fix does not buy time.
            s.rejections += 1
            s.status = .assigned
        case .closedOut(let e):
            s.closedOutOn = e.closedOutOn
            s.status = .closedOut
        }
        return s
    }

    private static func step(of event: RectificationEvent) -> DatedStep {
        switch event {
        case .raised: .raising
        case .opinionIssued: .opinion
        case .ownerAssigned: .ownerAssignment
        case .reported: .rectificationReport
        case .verified, .rejected: .verification
        case .closedOut: .closeOut
        }
    }

    private static func date(of event: RectificationEvent) -> LocalDate {
        switch event {
        case .raised(let e): e.raisedOn
        case .opinionIssued(let e): e.issuedOn
        case .ownerAssigned(let e): e.assignedOn
        case .reported(let e): e.reportedOn
        case .verified(let e): e.verifiedOn
        case .rejected(let e): e.rejectedOn
        case .closedOut(let e): e.closedOutOn
        }
    }

    private static func require(_ state: RectificationState, _ allowed: Set<RectificationState.Status>,
                                _ command: RectificationCommand) throws(Rejection) {
        guard allowed.contains(state.status) else {
            throw .notAllowedNow(aggregate: "rectification", id: state.itemId ?? "?", status: state.status.rawValue,
                                 command: .rectification(command.action))
        }
    }
}

/// Decides commands on a referral (移送) between the licensing window, agencies and the police.
public enum ReferralDecider: Decider {
    public typealias Command = ReferralCommand
    public typealias Event = ReferralEvent
    public typealias State = ReferralState

    public static var initialState: ReferralState { ReferralState() }

    public static func decide(_ command: ReferralCommand, state: ReferralState,
                              context: DecisionContext) throws(Rejection) -> [ReferralEvent] {
        let today = context.today
        if state.status == .none, !command.sendsReferral {
            throw .notFound(aggregate: "referral", next: .sendReferral)
        }
        switch command {
        case let .send(referralId, kind, from, to, subjectZh, caseId, plateText, link):
            guard state.status == .none else { throw .alreadyExists(aggregate: "referral", id: state.referralId ?? referralId) }
            try Rejection.requireText(referralId, "referral id")
            try Rejection.requireText(subjectZh, "subject")
            try checkRoute(kind, from: from, to: to, context: context)
            var plate: String?
            if let plateText {
                do { plate = try PlateNumber(plateText).text } catch { throw .invalidPlate(error) }
            }
            // The sending agency must have taken part in the session, on the day the referral is sent.
            let operation = try link.map { link throws(Rejection) in try context.checked(link, agency: from) }
            return [.sent(.init(referralId: referralId, kind: kind, from: from, to: to, subjectZh: subjectZh,
                                caseId: caseId, plate: plate, sentOn: today, operation: operation))]
        case .accept(let acceptedBy):
            try require(state, [.sent], command)
            try Rejection.requireOrder(.referralAnswer, on: today, after: state.lastStep)
            try Rejection.requireText(acceptedBy, "acceptedBy")
            // Accepted by a registered officer of the receiving agency, by id (a name typed as text proves nothing).
            guard let officer = context.reference.officers[acceptedBy] else { throw .unknownOfficer(acceptedBy) }
            if let to = state.to, officer.agencyCode != to { throw .officerNotOfAgency(officer: acceptedBy, agency: to) }
            return [.accepted(.init(acceptedBy: acceptedBy, acceptedOn: today))]
        case .reject(let reasonZh):
            try require(state, [.sent], command)
            try Rejection.requireOrder(.referralAnswer, on: today, after: state.lastStep)
            try Rejection.requireText(reasonZh, "reason")
            return [.rejected(.init(reasonZh: reasonZh, rejectedOn: today))]
        case .recordFeedback(let outcomeZh):
            try require(state, [.accepted], command)
            try Rejection.requireOrder(.feedback, on: today, after: state.lastStep)
            try Rejection.requireText(outcomeZh, "outcome")
            return [.feedbackReceived(.init(outcomeZh: outcomeZh, receivedOn: today))]
        }
    }

    /// The operation a referral sent during a joint operation names, for `DecisionContext.operations`.
    public static func operationIds(for command: ReferralCommand) -> [String] {
        if case let .send(_, _, _, _, _, _, _, link?) = command { return [link.operationId] }
        return []
    }

    public static func evolve(_ state: ReferralState, _ event: ReferralEvent) -> ReferralState {
        var s = state
        switch event {
        case .sent(let e):
            s.referralId = e.referralId
            s.kind = e.kind
            s.from = e.from
            s.to = e.to
            s.sentOn = e.sentOn
            s.status = .sent
            s.lastStep = LastStep.latest(s.lastStep, .referralSent, on: e.sentOn)
        case .accepted(let e):
            s.status = .accepted
            s.answeredOn = e.acceptedOn
            s.lastStep = LastStep.latest(s.lastStep, .referralAnswer, on: e.acceptedOn)
        case .rejected(let e):
            s.status = .rejected
            s.answeredOn = e.rejectedOn
            s.lastStep = LastStep.latest(s.lastStep, .referralAnswer, on: e.rejectedOn)
        case .feedbackReceived(let e):
            s.feedback.append(e.outcomeZh)
            s.lastStep = LastStep.latest(s.lastStep, .feedback, on: e.receivedOn)
        }
        return s
    }

    /// Each kind has its own route: crimes go to the police, window referrals stay inside the transport side
    /// (the window and the brigade may share the bureau's code), other referrals go to another agency.
    private static func checkRoute(_ kind: ReferralKind, from: String, to: String,
                                   context: DecisionContext) throws(Rejection) {
        guard let sender = context.reference.agencies[from] else { throw .unknownAgency(from) }
        guard let receiver = context.reference.agencies[to] else { throw .unknownAgency(to) }
        switch kind {
        case .suspectedCrimeToPolice:
            guard receiver.kind == .police else { throw .referralTargetNotPolice(to) }
            guard from != to else { throw .referralToSelf(to) }
        case .licensingWindowToBrigade:
            guard sender.kind == .transport else { throw .windowReferralOutsideTransport(from) }
            guard receiver.kind == .transport else { throw .windowReferralOutsideTransport(to) }
        case .agencyToAgency:
            guard from != to else { throw .referralToSelf(to) }
        }
    }

    private static func require(_ state: ReferralState, _ allowed: Set<ReferralState.Status>,
                                _ command: ReferralCommand) throws(Rejection) {
        guard allowed.contains(state.status) else {
            throw .notAllowedNow(aggregate: "referral", id: state.referralId ?? "?", status: state.status.rawValue,
                                 command: .referral(command.action))
        }
    }
}

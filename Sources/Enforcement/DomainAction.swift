/// A command of any aggregate, named as data: what a rejection says is not possible now, and what a state
/// offers next. The command line spells each as its own verb; the domain never does.
public enum DomainAction: Sendable, Hashable, CustomStringConvertible {
    case `case`(CaseAction)
    case operation(OperationAction)
    case rectification(RectificationAction)
    case referral(ReferralAction)
    case petition(PetitionAction)

    /// The action's domain name, for logs and tests.
    public var description: String {
        switch self {
        case .case(let action): action.rawValue
        case .operation(let action): action.rawValue
        case .rectification(let action): action.rawValue
        case .referral(let action): action.rawValue
        case .petition(let action): action.rawValue
        }
    }
}

/// A step of a joint operation, one per operation command.
public enum OperationAction: String, Sendable, Hashable, CaseIterable {
    case plan, approve, launch, inviteAgency, joinOperation, withdrawAgency, recordSession, conclude, summarise
    case archive, cancel, recordReturn
}

/// A step of a rectification item, one per rectification command.
public enum RectificationAction: String, Sendable, Hashable, CaseIterable {
    case raise, issueOpinion, assignOwner, reportRectified, verify, rejectRectification, closeOut
}

/// A step of a petition (信访), one per petition command.
public enum PetitionAction: String, Sendable, Hashable, CaseIterable {
    case receive, resolve
}

/// A step of a referral, one per referral command.
public enum ReferralAction: String, Sendable, Hashable, CaseIterable {
    case send, accept, reject, recordFeedback
}

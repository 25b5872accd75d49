/// The route of a referral (移送).
public enum ReferralKind: String, Codable, Sendable, CaseIterable {
    /// From the bureau's licensing window to its enforcement brigade (窗口移交). Reported separately: the 2023
    /// report criticises "refer for a penalty before processing the annual review" as 以罚代管.
    case licensingWindowToBrigade
    /// Between agencies, by referral letter (移送函), when the case belongs elsewhere.
    case agencyToAgency
    /// A suspected crime to the police (移送司法机关); mandatory (APL 27, 82).
    case suspectedCrimeToPolice
}

/// What can be asked of a referral: send → accept or reject → feedback.
public enum ReferralCommand: Sendable, Equatable {
    /// Sends a case or lead; the first command of every referral. `caseId` and `plate` are optional links;
    /// `operation` names the joint operation's session it was made in (checked like a case's link).
    case send(referralId: String, kind: ReferralKind, from: String, to: String, subjectZh: String,
              caseId: String? = nil, plate: String? = nil, operation: OperationLink? = nil)
    /// The receiving agency accepts it.
    case accept(acceptedBy: String)
    /// The receiving agency refuses it.
    case reject(reasonZh: String)
    /// The receiving agency reports what it did (may be repeated).
    case recordFeedback(outcomeZh: String)

    /// Whether the command starts a referral (only `.send` does).
    var sendsReferral: Bool {
        if case .send = self { return true }
        return false
    }

    /// The step this command takes, as rejections name it.
    public var action: ReferralAction {
        switch self {
        case .send: .send
        case .accept: .accept
        case .reject: .reject
        case .recordFeedback: .recordFeedback
        }
    }
}

import Foundation

/// What happened to a referral.
public enum ReferralEvent: PayloadEvent {
    case sent(Sent)
    case accepted(Accepted)
    case rejected(Rejected)
    case feedbackReceived(FeedbackReceived)

    public struct Sent: EventPayload {
        public static let eventType = "ReferralSent"
        public let referralId: String
        public let kind: ReferralKind
        public let from: String
        public let to: String
        public let subjectZh: String
        public let caseId: String?
        /// Normalised plate, when a vehicle is concerned.
        public let plate: String?
        public let sentOn: LocalDate
        /// The joint operation's session the referral was made in, if any.
        public var operation: OperationLink? = nil
    }

    public struct Accepted: EventPayload {
        public static let eventType = "ReferralAccepted"
        public let acceptedBy: String
        public let acceptedOn: LocalDate
    }

    public struct Rejected: EventPayload {
        public static let eventType = "ReferralRejected"
        public let reasonZh: String
        public let rejectedOn: LocalDate
    }

    public struct FeedbackReceived: EventPayload {
        public static let eventType = "ReferralFeedbackReceived"
        public let outcomeZh: String
        public let receivedOn: LocalDate
    }

    public var payload: any EventPayload {
        switch self {
        case .sent(let p): p
        case .accepted(let p): p
        case .rejected(let p): p
        case .feedbackReceived(let p): p
        }
    }

    public static let decoders = EventCoding.table([
        EventCoding.entry(Sent.self) { ReferralEvent.sent($0) },
        EventCoding.entry(Accepted.self) { ReferralEvent.accepted($0) },
        EventCoding.entry(Rejected.self) { ReferralEvent.rejected($0) },
        EventCoding.entry(FeedbackReceived.self) { ReferralEvent.feedbackReceived($0) },
    ])

    /// The stored names of all referral events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

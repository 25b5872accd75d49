import Foundation

/// What happened to a rectification item.
public enum RectificationEvent: PayloadEvent {
    case raised(Raised)
    case opinionIssued(OpinionIssued)
    case ownerAssigned(OwnerAssigned)
    case reported(Reported)
    case verified(Verified)
    case rejected(Rejected)
    case closedOut(ClosedOut)

    public struct Raised: EventPayload {
        public static let eventType = "RectificationItemRaised"
        public let itemId: String
        public let descriptionZh: String
        public let foundBy: String
        public let foundDuring: FoundDuring
        public let raisedOn: LocalDate
        /// Nil in items raised before origins were recorded: they were all the special campaign's
        /// self-examination, and are read so (`RectificationState.origin`). Such stored events stay as written,
        /// and encode back byte for byte; every new item states its origin.
        public let origin: RectificationOrigin?
        public let auditId: String?
    }

    public struct OpinionIssued: EventPayload {
        public static let eventType = "RectificationOpinionIssued"
        public let opinionZh: String
        public let issuedBy: String
        public let issuedOn: LocalDate
    }

    public struct OwnerAssigned: EventPayload {
        public static let eventType = "RectificationOwnerAssigned"
        public let owner: String
        public let due: LocalDate
        public let assignedOn: LocalDate
    }

    public struct Reported: EventPayload {
        public static let eventType = "RectificationReported"
        public let descriptionZh: String
        public let reportedOn: LocalDate
    }

    public struct Verified: EventPayload {
        public static let eventType = "RectificationVerified"
        public let verifiedBy: String
        public let verifiedOn: LocalDate
    }

    public struct Rejected: EventPayload {
        public static let eventType = "RectificationRejected"
        public let verifiedBy: String
        public let reasonZh: String
        public let rejectedOn: LocalDate
    }

    public struct ClosedOut: EventPayload {
        public static let eventType = "RectificationClosedOut"
        public let closedBy: String
        public let closedOutOn: LocalDate
    }

    public var payload: any EventPayload {
        switch self {
        case .raised(let p): p
        case .opinionIssued(let p): p
        case .ownerAssigned(let p): p
        case .reported(let p): p
        case .verified(let p): p
        case .rejected(let p): p
        case .closedOut(let p): p
        }
    }

    public static let decoders = EventCoding.table([
        EventCoding.entry(Raised.self) { RectificationEvent.raised($0) },
        EventCoding.entry(OpinionIssued.self) { RectificationEvent.opinionIssued($0) },
        EventCoding.entry(OwnerAssigned.self) { RectificationEvent.ownerAssigned($0) },
        EventCoding.entry(Reported.self) { RectificationEvent.reported($0) },
        EventCoding.entry(Verified.self) { RectificationEvent.verified($0) },
        EventCoding.entry(Rejected.self) { RectificationEvent.rejected($0) },
        EventCoding.entry(ClosedOut.self) { RectificationEvent.closedOut($0) },
    ])

    /// The stored names of all rectification events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

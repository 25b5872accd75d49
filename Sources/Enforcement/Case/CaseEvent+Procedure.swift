// Payloads of the events between the end of the investigation and the decision.
extension CaseEvent {
    public struct InvestigationConcluded: EventPayload {
        public static let eventType = "InvestigationConcluded"
        public let findingsZh: String
        public let complex: Bool
        public let majorPublicInterest: Bool
        public let concludedOn: LocalDate
    }

    public struct LegalReviewRequested: EventPayload {
        public static let eventType = "LegalReviewRequested"
        public let requestedOn: LocalDate
    }

    public struct LegalReviewPassed: EventPayload {
        public static let eventType = "LegalReviewPassed"
        public let reviewer: String
        public let opinionZh: String
        public let passedOn: LocalDate
    }

    public struct LegalReviewReturned: EventPayload {
        public static let eventType = "LegalReviewReturned"
        public let reviewer: String
        public let reasonZh: String
        public let returnedOn: LocalDate
    }

    public struct NoticeServed: EventPayload {
        public static let eventType = "PreDecisionNoticeServed"
        public let intended: Penalty
        /// Whether the notice offers a hearing (required by law or granted voluntarily).
        public let hearingRight: Bool
        public let servedOn: LocalDate
        /// 5 WD to request a hearing (APL 64); nil when the notice grants no hearing.
        public let hearingRequestDue: Deadline?
        /// Why the notice offers a hearing; nil when it offers none, or in notices recorded before this was stored.
        public var hearingRightBasis: HearingRightBasis? = nil
        /// The grounds of APL 63 when the law requires the hearing right; nil otherwise.
        public var hearingRightGrounds: [HearingRightGround]? = nil
    }

    public struct StatementReceived: EventPayload {
        public static let eventType = "StatementReceived"
        public let summaryZh: String
        public let receivedOn: LocalDate
    }

    public struct StatementWaived: EventPayload {
        public static let eventType = "StatementWaived"
        public let waivedOn: LocalDate
    }

    public struct HearingRequested: EventPayload {
        public static let eventType = "HearingRequested"
        public let requestedOn: LocalDate
    }

    public struct HearingScheduled: EventPayload {
        public static let eventType = "HearingScheduled"
        public let date: LocalDate
        public let chair: String
        public let placeZh: String
        public let scheduledOn: LocalDate
    }

    public struct HearingHeld: EventPayload {
        public static let eventType = "HearingHeld"
        public let chair: String
        public let recordRef: String
        public let heldOn: LocalDate
    }

    public struct HearingWaived: EventPayload {
        public static let eventType = "HearingWaived"
        public let reasonZh: String
        public let waivedOn: LocalDate
    }
}

// Payloads of the decisions and of everything that follows them.
extension CaseEvent {
    public struct PenaltyDecided: EventPayload {
        public static let eventType = "PenaltyDecided"
        public let penalty: Penalty
        public let decisionNumber: String
        /// The act fined, for the one-fine-per-act lookup.
        public let actKey: ActKey
        /// Whether the review catalogue required a legal review (it then passed).
        public let legalReviewRequired: Bool
        public let decidedOn: LocalDate
        /// 7 WD to serve when the party is absent (APL 61).
        public let serviceDue: Deadline
        /// 7 WD to publish; nil when the decision may not be published (a minor party).
        public let publicationDue: Deadline?
    }

    public struct NoPenaltyDecided: EventPayload {
        public static let eventType = "NoPenaltyDecided"
        public let reason: NoPenaltyReason
        public let decisionNumber: String
        public let decidedOn: LocalDate
        public let serviceDue: Deadline
        /// 20 WD to publish (other enforcement decisions); nil for a minor party.
        public let publicationDue: Deadline?
    }

    public struct CriminalReferralMade: EventPayload {
        public static let eventType = "CriminalReferralMade"
        public let policeAgency: String
        public let reasonZh: String
        public let referredOn: LocalDate
    }

    public struct TransferredOut: EventPayload {
        public static let eventType = "CaseTransferredOut"
        public let toAgency: String
        public let reasonZh: String
        public let transferredOn: LocalDate
    }

    public struct DecidedOnSpot: EventPayload {
        public static let eventType = "DecidedOnSpot"
        public let caseId: String
        public let agency: String
        public let party: Party
        public let act: Act
        public let officers: [String]
        public let penalty: Penalty
        public let formNumber: String
        public let actKey: ActKey
        public let decidedOn: LocalDate
        /// 5 days to file the copy with the agency (MOT-9 61).
        public let onSpotFilingDue: Deadline
        public let publicationDue: Deadline?
        /// The joint operation's session the decision was made in, if any.
        public var operation: OperationLink? = nil
    }

    public struct DecisionServed: EventPayload {
        public static let eventType = "DecisionServed"
        public let method: ServiceMethod
        public let consentRef: String?
        public let servedOn: LocalDate
        /// 15 CD to pay (APL 67); nil when there is no fine.
        public let paymentDue: Deadline?
    }

    public struct DecisionPublished: EventPayload {
        public static let eventType = "DecisionPublished"
        public let reference: String
        public let publishedOn: LocalDate
    }

    public struct PublicationWithheld: EventPayload {
        public static let eventType = "PublicationWithheld"
        public let reason: PublicationPolicy.WithholdingReason
        public let withheldOn: LocalDate
    }

    public struct DecisionRevoked: EventPayload {
        public static let eventType = "DecisionRevoked"
        public let byZh: String
        public let reasonZh: String
        public let revokedOn: LocalDate
        /// 3 WD to take the publication down (APL 48); nil when it was never published.
        public let withdrawalDue: Deadline?
    }

    public struct PublicationWithdrawn: EventPayload {
        public static let eventType = "PublicationWithdrawn"
        public let reasonZh: String
        public let withdrawnOn: LocalDate
    }

    public struct PaymentReceived: EventPayload {
        public static let eventType = "PaymentReceived"
        public let amountYuan: Int
        public let channel: PaymentChannel
        public let receiptRef: String
        public let receivedOn: LocalDate
    }

    public struct EnforcementDemandServed: EventPayload {
        public static let eventType = "EnforcementDemandServed"
        public let servedOn: LocalDate
        /// The first day a court application is allowed: 10 WD after the demand (Coercion Law 54).
        public let courtApplicationFrom: LocalDate
    }

    public struct CourtEnforcementApplied: EventPayload {
        public static let eventType = "CourtEnforcementApplied"
        public let courtZh: String
        public let appliedOn: LocalDate
    }

    public struct OnSpotDecisionFiled: EventPayload {
        public static let eventType = "OnSpotDecisionFiled"
        public let filedOn: LocalDate
    }

    public struct Closed: EventPayload {
        public static let eventType = "CaseClosed"
        public let reportZh: String
        public let closedOn: LocalDate
    }

    public struct Archived: EventPayload {
        public static let eventType = "CaseArchived"
        public let fileRef: String
        public let archivedOn: LocalDate
    }
}

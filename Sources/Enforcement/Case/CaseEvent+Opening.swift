// Payloads of the events that open a case and record its investigation.
extension CaseEvent {
    public struct LeadReceived: EventPayload {
        public static let eventType = "CaseLeadReceived"
        public let caseId: String
        public let agency: String
        public let source: LeadSource
        public let summaryZh: String
        public let receivedOn: LocalDate
        /// When the filing decision becomes overdue (an alert: the law says "promptly").
        public let filingDue: Deadline
        /// The joint operation's session the lead came from; nil for other leads (and every lead before links).
        public var operation: OperationLink? = nil
    }

    public struct Filed: EventPayload {
        public static let eventType = "CaseFiled"
        public let caseId: String
        public let agency: String
        public let party: Party
        public let act: Act
        public let approvedBy: String
        public let filedOn: LocalDate
        /// The last day the act could still be punished (APL 36), recorded for reports.
        public let limitationExpires: LocalDate
        /// 90 CD to decide (APL 60).
        public let decisionDue: Deadline
        /// Where a case filed without a lead came from (案件来源); nil after a lead (the lead's source stands) and
        /// in every filing recorded before filings carried a source (those cases read as "not recorded").
        public var source: LeadSource? = nil
    }

    public struct FilingDeclined: EventPayload {
        public static let eventType = "FilingDeclined"
        public let reasonZh: String
        public let declinedOn: LocalDate
    }

    public struct OfficersAssigned: EventPayload {
        public static let eventType = "OfficersAssigned"
        public let officers: [String]
        public let assignedOn: LocalDate
    }

    public struct EvidenceRecorded: EventPayload {
        public static let eventType = "EvidenceRecorded"
        public let kind: EvidenceKind
        public let descriptionZh: String
        /// Where the file or recording is kept (whole-process recording, 执法全过程记录).
        public let mediaRef: String
        /// SHA-256 of the media, hex.
        public let sha256: String
        public let officers: [String]
        public let recordedOn: LocalDate
    }

    public struct EvidencePreserved: EventPayload {
        public static let eventType = "EvidencePreserved"
        public let itemsZh: String
        public let officers: [String]
        public let approvedBy: String
        public let preservedOn: LocalDate
        /// 7 WD to decide what to do with it (APL 56).
        public let decisionDue: Deadline
    }

    public struct PreservedEvidenceResolved: EventPayload {
        public static let eventType = "PreservedEvidenceResolved"
        public let outcomeZh: String
        public let resolvedOn: LocalDate
    }

    public struct VehicleSeized: EventPayload {
        public static let eventType = "VehicleSeized"
        /// Normalised plate (新G·12345).
        public let plate: String
        public let officers: [String]
        public let approvedBy: String
        public let placeZh: String
        public let seizedOn: LocalDate
        /// 30 CD (Coercion Law 25).
        public let due: Deadline
        /// The joint operation's session the vehicle was seized in, if any.
        public var operation: OperationLink? = nil
    }

    public struct SeizureExtended: EventPayload {
        public static let eventType = "SeizureExtended"
        public let plate: String
        public let days: Int
        public let approvedBy: String
        public let extendedOn: LocalDate
        /// The new end of the seizure: 30 + `days` CD after it began.
        public let due: Deadline
    }

    public struct VehicleReleased: EventPayload {
        public static let eventType = "VehicleReleased"
        public let plate: String
        public let reasonZh: String
        public let releasedOn: LocalDate
    }

    public struct VehicleConfiscated: EventPayload {
        public static let eventType = "VehicleConfiscated"
        public let plate: String
        public let confiscatedOn: LocalDate
    }
}

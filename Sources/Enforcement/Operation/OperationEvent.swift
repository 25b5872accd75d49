import Foundation

/// What happened to a joint operation. Stored names are listed in `OperationEvent.decoders`.
public enum OperationEvent: PayloadEvent {
    case planned(Planned)
    case approved(Approved)
    case launched(Launched)
    case agencyInvited(AgencyInvited)
    case agencyJoined(AgencyJoined)
    case agencyWithdrew(AgencyWithdrew)
    case sessionRecorded(SessionRecorded)
    case returnRecorded(ReturnRecorded)
    case concluded(Concluded)
    case summarised(Summarised)
    case archived(Archived)
    case cancelled(Cancelled)

    public struct Planned: EventPayload {
        public static let eventType = "OperationPlanned"
        public let operationId: String
        public let plan: OperationPlan
        public let plannedOn: LocalDate
    }

    public struct Approved: EventPayload {
        public static let eventType = "OperationApproved"
        public let approvedBy: String
        public let approvedOn: LocalDate
    }

    public struct Launched: EventPayload {
        public static let eventType = "OperationLaunched"
        public let launchedOn: LocalDate
    }

    public struct AgencyInvited: EventPayload {
        public static let eventType = "OperationAgencyInvited"
        public let agency: String
        public let invitedOn: LocalDate
    }

    public struct AgencyJoined: EventPayload {
        public static let eventType = "OperationAgencyJoined"
        public let agency: String
        public let joinedOn: LocalDate
    }

    public struct AgencyWithdrew: EventPayload {
        public static let eventType = "OperationAgencyWithdrew"
        public let agency: String
        public let withdrewOn: LocalDate
    }

    public struct SessionRecorded: EventPayload {
        public static let eventType = "FieldSessionRecorded"
        public let session: FieldSession
    }

    /// A partner agency's return for one session.
    public struct ReturnRecorded: EventPayload {
        public static let eventType = "PartnerReturnRecorded"
        public let partnerReturn: PartnerReturn
        public let recordedOn: LocalDate
    }

    public struct Concluded: EventPayload {
        public static let eventType = "OperationConcluded"
        public let concludedOn: LocalDate
    }

    public struct Summarised: EventPayload {
        public static let eventType = "OperationSummarised"
        public let summaryZh: String
        public let summarisedOn: LocalDate
    }

    public struct Archived: EventPayload {
        public static let eventType = "OperationArchived"
        public let archivedOn: LocalDate
    }

    public struct Cancelled: EventPayload {
        public static let eventType = "OperationCancelled"
        public let reasonZh: String
        public let cancelledOn: LocalDate
    }

    public var payload: any EventPayload {
        switch self {
        case .planned(let p): p
        case .approved(let p): p
        case .launched(let p): p
        case .agencyInvited(let p): p
        case .agencyJoined(let p): p
        case .agencyWithdrew(let p): p
        case .sessionRecorded(let p): p
        case .returnRecorded(let p): p
        case .concluded(let p): p
        case .summarised(let p): p
        case .archived(let p): p
        case .cancelled(let p): p
        }
    }

    /// Every stored name of this aggregate, with the function that rebuilds its case.
    public static let decoders = EventCoding.table([
        EventCoding.entry(Planned.self) { OperationEvent.planned($0) },
        EventCoding.entry(Approved.self) { OperationEvent.approved($0) },
        EventCoding.entry(Launched.self) { OperationEvent.launched($0) },
        EventCoding.entry(AgencyInvited.self) { OperationEvent.agencyInvited($0) },
        EventCoding.entry(AgencyJoined.self) { OperationEvent.agencyJoined($0) },
        EventCoding.entry(AgencyWithdrew.self) { OperationEvent.agencyWithdrew($0) },
        EventCoding.entry(SessionRecorded.self) { OperationEvent.sessionRecorded($0) },
        EventCoding.entry(ReturnRecorded.self) { OperationEvent.returnRecorded($0) },
        EventCoding.entry(Concluded.self) { OperationEvent.concluded($0) },
        EventCoding.entry(Summarised.self) { OperationEvent.summarised($0) },
        EventCoding.entry(Archived.self) { OperationEvent.archived($0) },
        EventCoding.entry(Cancelled.self) { OperationEvent.cancelled($0) },
    ])

    /// The stored names of all operation events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

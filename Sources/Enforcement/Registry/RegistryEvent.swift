import Foundation

/// What changed in the registry.
public enum RegistryEvent: PayloadEvent {
    case agencyRegistered(AgencyRegistered)
    case officerRegistered(OfficerRegistered)
    case officerCertified(OfficerCertified)
    case certificateWithdrawn(CertificateWithdrawn)
    case campaignCreated(CampaignCreated)
    case officerDesignated(OfficerDesignated)
    case designationEnded(DesignationEnded)
    case loginBound(LoginBound)
    case loginUnbound(LoginUnbound)
    case bureauNamed(BureauNamed)

    public struct AgencyRegistered: EventPayload {
        public static let eventType = "AgencyRegistered"
        public let agency: ReferenceData.Agency
        public let registeredOn: LocalDate
    }

    public struct OfficerRegistered: EventPayload {
        public static let eventType = "OfficerRegistered"
        public let officer: ReferenceData.Officer
        public let registeredOn: LocalDate
    }

    public struct OfficerCertified: EventPayload {
        public static let eventType = "OfficerCertified"
        public let officerId: String
        public let certificateNumber: String
        public let certifiedOn: LocalDate
    }

    public struct CertificateWithdrawn: EventPayload {
        public static let eventType = "OfficerCertificateWithdrawn"
        public let officerId: String
        public let reasonZh: String
        public let withdrawnOn: LocalDate
    }

    public struct CampaignCreated: EventPayload {
        public static let eventType = "CampaignCreated"
        public let campaign: Campaign
        public let createdOn: LocalDate
    }

    public struct OfficerDesignated: EventPayload {
        public static let eventType = "OfficerDesignated"
        public let designation: Designation
        public let designatedOn: LocalDate
    }

    public struct DesignationEnded: EventPayload {
        public static let eventType = "OfficerDesignationEnded"
        public let officerId: String
        public let role: OfficerRole
        public let agency: String
        /// The last day of the duty.
        public let lastDay: LocalDate
        public let endedOn: LocalDate
    }

    /// A database login now acts as `officerId` (a login acts for one officer; an officer may have several).
    public struct LoginBound: EventPayload {
        public static let eventType = "OfficerLoginBound"
        public let officerId: String
        public let login: String
        public let boundOn: LocalDate
    }

    /// A database login no longer acts as `officerId` (`officer unbind`): it records as nobody until bound again.
    public struct LoginUnbound: EventPayload {
        public static let eventType = "OfficerLoginUnbound"
        public let officerId: String
        public let login: String
        public let unboundOn: LocalDate
    }

    /// The agency the annual report is made for (报告单位): the last one named stands.
    public struct BureauNamed: EventPayload {
        public static let eventType = "BureauNamed"
        public let agency: String
        public let namedOn: LocalDate
    }

    public var payload: any EventPayload {
        switch self {
        case .agencyRegistered(let p): p
        case .officerRegistered(let p): p
        case .officerCertified(let p): p
        case .certificateWithdrawn(let p): p
        case .campaignCreated(let p): p
        case .officerDesignated(let p): p
        case .designationEnded(let p): p
        case .loginBound(let p): p
        case .loginUnbound(let p): p
        case .bureauNamed(let p): p
        }
    }

    public static let decoders = EventCoding.table([
        EventCoding.entry(AgencyRegistered.self) { RegistryEvent.agencyRegistered($0) },
        EventCoding.entry(OfficerRegistered.self) { RegistryEvent.officerRegistered($0) },
        EventCoding.entry(OfficerCertified.self) { RegistryEvent.officerCertified($0) },
        EventCoding.entry(CertificateWithdrawn.self) { RegistryEvent.certificateWithdrawn($0) },
        EventCoding.entry(CampaignCreated.self) { RegistryEvent.campaignCreated($0) },
        EventCoding.entry(OfficerDesignated.self) { RegistryEvent.officerDesignated($0) },
        EventCoding.entry(DesignationEnded.self) { RegistryEvent.designationEnded($0) },
        EventCoding.entry(LoginBound.self) { RegistryEvent.loginBound($0) },
        EventCoding.entry(LoginUnbound.self) { RegistryEvent.loginUnbound($0) },
        EventCoding.entry(BureauNamed.self) { RegistryEvent.bureauNamed($0) },
    ])

    /// The stored names of all registry events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

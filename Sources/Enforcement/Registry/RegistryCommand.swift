/// What can be asked of the registry: the one stream holding agencies, officers and campaigns, so that
/// duplicates are refused in one place.
public enum RegistryCommand: Sendable, Equatable {
    case registerAgency(ReferenceData.Agency)
    /// Registers an officer; `certificateNumber` nil for staff without an enforcement certificate (e.g. a chair).
    case registerOfficer(id: String, nameZh: String, agency: String, certificateNumber: String?)
    /// Records a newly issued enforcement certificate.
    case certifyOfficer(id: String, certificateNumber: String)
    /// Records that an officer's certificate was withdrawn or expired: the officer may no longer act.
    case withdrawCertificate(id: String, reasonZh: String)
    case createCampaign(Campaign)
    /// Appoints an officer to a duty for `agency` (nil: the officer's own) from `from` to `to` (inclusive; nil: open).
    case designateOfficer(id: String, role: OfficerRole, agency: String?, from: LocalDate, to: LocalDate?)
    /// Ends an open duty: `lastDay` is its last day.
    case endDesignation(id: String, role: OfficerRole, agency: String?, lastDay: LocalDate)
    /// Binds a database login to an officer: whatever that login records is recorded as the officer's.
    case bindLogin(officer: String, login: String)
    /// Ends the bindings of every login bound to the officer: they record as nobody until bound again.
    case unbindLogins(officer: String)
    /// Names the registered agency the annual report is made for (报告单位, e.g. 乌苏市交通运输局).
    case nameBureau(agency: String)

    /// The CLI verb.
    public var name: String {
        switch self {
        case .registerAgency: "agency register"
        case .registerOfficer: "officer register"
        case .certifyOfficer: "officer certify"
        case .withdrawCertificate: "officer withdraw-certificate"
        case .createCampaign: "campaign create"
        case .designateOfficer: "officer designate"
        case .endDesignation: "officer undesignate"
        case .bindLogin: "officer bind"
        case .unbindLogins: "officer unbind"
        case .nameBureau: "agency bureau"
        }
    }
}

/// The registered agencies, officers and campaigns.
public struct RegistryState: Sendable, Equatable {
    public internal(set) var agencies: [String: ReferenceData.Agency] = [:]
    public internal(set) var officers: [String: ReferenceData.Officer] = [:]
    public internal(set) var campaigns: [String: Campaign] = [:]
    /// Each officer's certificates with their periods, by officer id.
    public internal(set) var certificates: [String: [CertificatePeriod]] = [:]
    /// Every duty ever designated, in the order recorded.
    public internal(set) var designations: [Designation] = []
    /// The officer each bound database login acts as, by login.
    public internal(set) var logins: [String: String] = [:]
    /// The agency the annual report is made for (`agency bureau`), once named.
    public internal(set) var bureau: String?

    public init() {}

    /// The reference data deciders consult (`DecisionContext.reference`).
    public var referenceData: ReferenceData {
        ReferenceData(agencies: Array(agencies.values), officers: Array(officers.values), certificates: certificates,
                      designations: designations)
    }

    /// The officer holding `certificateNumber`, if any.
    func officer(withCertificate number: String) -> ReferenceData.Officer? {
        officers.values.first { $0.certificateNumber == number }
    }
}

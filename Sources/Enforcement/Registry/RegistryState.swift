/// The registered agencies, officers and campaigns.
public struct RegistryState: Sendable, Equatable {
    public internal(set) var agencies: [String: ReferenceData.Agency] = [:]
    public internal(set) var officers: [String: ReferenceData.Officer] = [:]
    public internal(set) var campaigns: [String: Campaign] = [:]

    public init() {}

    /// The reference data deciders consult (`DecisionContext.reference`).
    public var referenceData: ReferenceData {
        ReferenceData(agencies: Array(agencies.values), officers: Array(officers.values))
    }

    /// The officer holding `certificateNumber`, if any.
    func officer(withCertificate number: String) -> ReferenceData.Officer? {
        officers.values.first { $0.certificateNumber == number }
    }
}

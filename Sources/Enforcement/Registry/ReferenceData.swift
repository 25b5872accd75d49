/// The agencies and officers a decision may refer to, read from the registry by the caller.
///
/// Deciders only read it; the `RegistryDecider` is where it changes (`RegistryState.referenceData`).
public struct ReferenceData: Sendable, Equatable {
    /// A government body taking part in enforcement.
    public struct Agency: Codable, Sendable, Equatable {
        /// Stable short code chosen by the bureau, e.g. `"WSJT"` for 乌苏市交通运输局.
        public var code: String
        public var nameZh: String
        public var kind: AgencyKind

        public init(code: String, nameZh: String, kind: AgencyKind) {
            self.code = code
            self.nameZh = nameZh
            self.kind = kind
        }
    }

    /// An enforcement officer (执法人员).
    public struct Officer: Codable, Sendable, Equatable {
        public var id: String
        public var nameZh: String
        /// Code of the agency the officer belongs to.
        public var agencyCode: String
        /// Number of the enforcement certificate (执法证件), nil when the officer holds none.
        public var certificateNumber: String?
        /// False once the certificate is withdrawn or expired: the officer may no longer act.
        public var certified: Bool

        public init(id: String, nameZh: String, agencyCode: String, certificateNumber: String?, certified: Bool) {
            self.id = id
            self.nameZh = nameZh
            self.agencyCode = agencyCode
            self.certificateNumber = certificateNumber
            self.certified = certified
        }
    }

    /// Agencies by code.
    public var agencies: [String: Agency]
    /// Officers by id.
    public var officers: [String: Officer]
    /// Each officer's certificates with their periods, by officer id. An officer missing here is judged by
    /// `Officer.certified` on every day (reference data given without history).
    public var certificates: [String: [CertificatePeriod]]
    /// Each officer's duties, by officer id.
    public var designations: [String: [Designation]]

    public init(agencies: [Agency] = [], officers: [Officer] = [], certificates: [String: [CertificatePeriod]] = [:],
                designations: [Designation] = []) {
        self.agencies = Dictionary(agencies.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        self.officers = Dictionary(officers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.certificates = certificates
        self.designations = Dictionary(grouping: designations, by: \.officerId)
    }

    /// Whether officer `id` held a valid enforcement certificate on `day`.
    public func isCertified(_ id: String, on day: LocalDate) -> Bool {
        guard let periods = certificates[id] else {
            return officers[id].map { $0.certified && $0.certificateNumber != nil } ?? false
        }
        return periods.contains { $0.covers(day) }
    }

    /// Whether officer `id` held the duty `role` for `agency` on `day`.
    public func isDesignated(_ id: String, as role: OfficerRole, for agency: String, on day: LocalDate) -> Bool {
        designations[id, default: []].contains { $0.role == role && $0.agency == agency && $0.covers(day) }
    }
}

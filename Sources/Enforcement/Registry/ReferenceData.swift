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

    public init(agencies: [Agency] = [], officers: [Officer] = []) {
        self.agencies = Dictionary(agencies.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        self.officers = Dictionary(officers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }
}

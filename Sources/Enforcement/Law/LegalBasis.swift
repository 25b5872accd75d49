/// One version of one penalty article: the law, its version, the article and the interval in which
/// that text was in force.
///
/// Statutes are renumbered when amended, so a basis is always law + version + article
/// (domain-notes §0). Versions of the same rule share a ``family`` so that APL Art 37 (apply the
/// text in force on the act's date unless a later text is lighter) can find them.
public struct LegalBasis: Identifiable, Codable, Sendable, Equatable {
    /// A fine band in whole yuan, both ends inclusive ("以上…以下" includes the bounds).
    public struct FineRange: Hashable, Codable, Sendable, CustomStringConvertible {
        public var minYuan: Int
        public var maxYuan: Int
        public init(minYuan: Int, maxYuan: Int) {
            precondition(0 <= minYuan && minYuan <= maxYuan, "bad fine range \(minYuan)...\(maxYuan)")
            self.minYuan = minYuan
            self.maxYuan = maxYuan
        }
        public func contains(_ yuan: Int) -> Bool { minYuan <= yuan && yuan <= maxYuan }
        public var description: String { "\(minYuan)–\(maxYuan) yuan" }
    }

    /// A fine counted as a multiple of the illegal gains once they exceed a threshold
    /// (RTR 63: gains over 20,000 yuan → 2–10 × the gains).
    public struct GainsMultiple: Hashable, Codable, Sendable {
        /// Gains strictly above this use the multiple ("超过"); gains at or below it use the fixed band.
        public var thresholdYuan: Int
        public var minMultiple: Int
        public var maxMultiple: Int
        public init(thresholdYuan: Int, minMultiple: Int, maxMultiple: Int) {
            self.thresholdYuan = thresholdYuan
            self.minMultiple = minMultiple
            self.maxMultiple = maxMultiple
        }
    }

    /// The enforcement sector, for reports and campaign grouping.
    public enum Sector: String, Codable, Sendable, CaseIterable {
        case unlicensedPassengerTransport, taxi, rideHailing, drivingSchool, scheduledLine, operatingVehicleDriver
        /// Anything else (priority-vehicle monitoring, bureau-added rules).
        case other
    }

    /// Stable id naming the version, e.g. "RTR-63-2023".
    public var id: String
    /// Groups the versions of one rule, e.g. "RTR-63-passenger".
    public var family: String
    /// The law in English, e.g. "Road Transport Regulation".
    public var law: String
    public var lawZh: String
    /// The version date of the text, e.g. "2023-07-20".
    public var version: String
    /// The article in that version, e.g. "63(2)".
    public var article: String
    public var effectiveFrom: LocalDate
    /// The last day this text was in force; nil while current.
    public var effectiveTo: LocalDate?
    public var sector: Sector
    /// The offence in Chinese, as the decision would quote it.
    public var offenceZh: String
    /// The fixed fine band for a natural person; nil if the article does not fine individuals.
    public var individualFine: FineRange?
    /// The fixed fine band for an organisation; nil if the article does not fine organisations.
    public var organisationFine: FineRange?
    public var gainsMultiple: GainsMultiple?
    /// Whether illegal gains are confiscated (a confiscation sends the decision to legal review).
    public var confiscatesIllegalGains: Bool
    /// How far this entry is verified, in domain-notes tags ("V", "R: article number").
    public var verification: String

    public init(id: String, family: String, law: String, lawZh: String, version: String, article: String,
                effectiveFrom: LocalDate, effectiveTo: LocalDate? = nil, sector: Sector, offenceZh: String,
                individualFine: FineRange?, organisationFine: FineRange?, gainsMultiple: GainsMultiple? = nil,
                confiscatesIllegalGains: Bool = false, verification: String) {
        self.id = id
        self.family = family
        self.law = law
        self.lawZh = lawZh
        self.version = version
        self.article = article
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.sector = sector
        self.offenceZh = offenceZh
        self.individualFine = individualFine
        self.organisationFine = organisationFine
        self.gainsMultiple = gainsMultiple
        self.confiscatesIllegalGains = confiscatesIllegalGains
        self.verification = verification
    }

    /// Whether this text was in force on `date`.
    public func isInForce(on date: LocalDate) -> Bool {
        effectiveFrom <= date && (effectiveTo.map { date <= $0 } ?? true)
    }

    /// The fixed fine band for `party`.
    public func fineRange(for party: PartyKind) -> FineRange? {
        party == .individual ? individualFine : organisationFine
    }

    /// The band a fine must fall in, given the illegal gains: the multiple of the gains above the
    /// threshold, the fixed band otherwise. Nil when the article fines no such party.
    public func fineRange(for party: PartyKind, illegalGainsYuan: Int) -> FineRange? {
        guard let fixed = fineRange(for: party) else { return nil }
        if let multiple = gainsMultiple, illegalGainsYuan > multiple.thresholdYuan {
            return FineRange(minYuan: illegalGainsYuan * multiple.minMultiple,
                             maxYuan: illegalGainsYuan * multiple.maxMultiple)
        }
        return fixed
    }

    /// A citation for documents, e.g. "《中华人民共和国道路运输条例》（2023-07-20）第63(2)条".
    public var citationZh: String { "《\(lawZh)》（\(version)）第\(article)条" }
    /// A short English citation, e.g. "Road Transport Regulation (2023-07-20) Art 63(2)".
    public var citation: String { "\(law) (\(version)) Art \(article)" }
}

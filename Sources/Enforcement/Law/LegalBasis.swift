/// One version of one penalty article: the law, its version, the article and the interval in which
/// that text was in force, with the case sectors it applies to and the penalties it provides.
///
/// Statutes are renumbered when amended, so a basis is always law + version + article
/// (domain-notes §0). Versions of the same rule share a ``family`` (a short public id such as
/// `RTR-63`) so that APL Art 37 (apply the text in force on the act's date unless a later text is
/// lighter) can find them; officers cite the family or a version id.
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
        /// Lower at both ends than `other` (APL 37's lighter later text).
        public func isLowerAtBothEnds(than other: FineRange) -> Bool { minYuan < other.minYuan && maxYuan < other.maxYuan }
        public var description: String { "\(minYuan)–\(maxYuan) yuan" }
    }

    /// A fine counted as a multiple of the illegal gains once they exceed a threshold
    /// (RTR 63: gains over 20,000 yuan → 2–10 × the gains).
    public struct GainsMultiple: Hashable, Codable, Sendable, CustomStringConvertible {
        /// Gains strictly above this use the multiple ("超过"); gains at or below it use the fixed band.
        public var thresholdYuan: Int
        public var minMultiple: Int
        public var maxMultiple: Int
        public init(thresholdYuan: Int, minMultiple: Int, maxMultiple: Int) {
            self.thresholdYuan = thresholdYuan
            self.minMultiple = minMultiple
            self.maxMultiple = maxMultiple
        }
        public var description: String { "gains over \(thresholdYuan) yuan: \(minMultiple)–\(maxMultiple) × the gains" }
    }

    /// Stable id naming the version, e.g. "RTR-63-2023".
    public var id: String
    /// The short public id of the rule across its versions, e.g. "RTR-63".
    public var family: String
    /// The law in English, e.g. "Road Transport Regulation".
    public var law: String
    public var lawZh: String
    /// The version date of the text, e.g. "2023-07-20".
    public var version: String
    /// The article in that version, e.g. "63(2)"; empty when the source does not give it.
    public var article: String
    public var effectiveFrom: LocalDate
    /// The last day this text was in force; nil while current.
    public var effectiveTo: LocalDate?
    /// The case sectors the article applies to (a case's `Act.sector` must be one of them).
    public var sectors: [Sector]
    /// The penalty types the article provides, sorted.
    public var penaltyTypes: [PenaltyType]
    /// The offence in Chinese, as the decision would quote it.
    public var offenceZh: String
    /// The fixed fine band for a natural person; nil if the article does not fine individuals.
    public var individualFine: FineRange?
    /// The fixed fine band for an organisation; nil if the article does not fine organisations.
    public var organisationFine: FineRange?
    public var gainsMultiple: GainsMultiple?
    /// Where the entry comes from: an S-number of domain-notes §8, or the statute text read in full.
    public var source: String
    /// The domain-notes tag of the entry's content.
    public var tag: SourceTag
    /// Why the entry is not fully verified (shipped marked 未核实); nil when it is.
    public var unverifiedBecause: String?

    public init(id: String, family: String, law: String, lawZh: String, version: String, article: String,
                effectiveFrom: LocalDate, effectiveTo: LocalDate? = nil, sectors: [Sector], penaltyTypes: [PenaltyType],
                offenceZh: String, individualFine: FineRange?, organisationFine: FineRange?,
                gainsMultiple: GainsMultiple? = nil, source: String, tag: SourceTag, unverifiedBecause: String? = nil) {
        self.id = id
        self.family = family
        self.law = law
        self.lawZh = lawZh
        self.version = version
        self.article = article
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.sectors = sectors
        self.penaltyTypes = Array(Set(penaltyTypes)).sorted()
        self.offenceZh = offenceZh
        self.individualFine = individualFine
        self.organisationFine = organisationFine
        self.gainsMultiple = gainsMultiple
        self.source = source
        self.tag = tag
        self.unverifiedBecause = unverifiedBecause
    }

    /// Whether this text was in force on `date`.
    public func isInForce(on date: LocalDate) -> Bool {
        effectiveFrom <= date && (effectiveTo.map { date <= $0 } ?? true)
    }

    /// Whether the entry ships marked 未核实.
    public var isUnverified: Bool { unverifiedBecause != nil }

    /// Whether illegal gains are confiscated under this article.
    public var confiscatesIllegalGains: Bool { penaltyTypes.contains(.confiscationOfIllegalGains) }

    /// The fixed fine band for `party`.
    public func fineRange(for party: PartyKind) -> FineRange? {
        party == .individual ? individualFine : organisationFine
    }

    /// The band a fine must fall in, given the illegal gains: the multiple of the gains above the
    /// threshold, the fixed band otherwise. Nil when the article fines no such party.
    public func fineRange(for party: PartyKind, illegalGainsYuan: Int) -> FineRange? {
        guard let fixed = fineRange(for: party) else { return nil }
        if let multiple = gainsMultiple, illegalGainsYuan > multiple.thresholdYuan {
            // Bounded input keeps the product small, but an overflow must never trap: saturate instead.
            return FineRange(minYuan: Self.saturating(illegalGainsYuan, times: multiple.minMultiple),
                             maxYuan: Self.saturating(illegalGainsYuan, times: multiple.maxMultiple))
        }
        return fixed
    }

    /// `a × b`, or `Int.max` when the product does not fit.
    static func saturating(_ a: Int, times b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }

    /// Whether this text allows `penalty` for `party`: every type provided and any fine within the band.
    public func allows(_ penalty: Penalty, party: PartyKind) -> Bool {
        guard penalty.types.allSatisfy(penaltyTypes.contains) else { return false }
        guard penalty.fineYuan > 0 else { return true }
        return fineRange(for: party, illegalGainsYuan: penalty.illegalGainsYuan)?.contains(penalty.fineYuan) ?? false
    }

    /// The in-force interval, e.g. "2022-05-01 – 2023-07-19" or "2023-07-20 –".
    public var inForceText: String { "\(effectiveFrom) – \(effectiveTo?.description ?? "")" }

    /// A citation for documents, e.g. "《中华人民共和国道路运输条例》（2023-07-20）第63(2)条".
    public var citationZh: String { "《\(lawZh)》（\(version)）" + (article.isEmpty ? "条款未核实" : "第\(article)条") }
    /// A short English citation, e.g. "Road Transport Regulation (2023-07-20) Art 63(2)".
    public var citation: String { "\(law) (\(version)) Art \(article.isEmpty ? "unverified" : article)" }
}

/// The tags of domain-notes ("How to read this file").
public enum SourceTag: String, Codable, Sendable, CaseIterable {
    /// [V] checked against a source of §8.
    case V
    /// [L] one locality's rule or practice.
    case L
    /// [R] from the researcher's own knowledge, not checked.
    case R
    /// [D] a design suggestion, not law.
    case D
}

/// The 较大数额 (relatively large amount) at which a fine gives the party a right to a hearing (APL 63).
///
/// Provinces or sectors set the amounts; the Xinjiang transport figure was not obtained (domain-notes §1.2
/// row 5a, §9 question 2), so the shipped default is the common pattern, tagged [R] until confirmed.
public struct LargeFineThreshold: Codable, Sendable, Equatable {
    /// A natural person's fine at or above this (yuan) is large.
    public var individualYuan: Int
    /// An organisation's fine at or above this (yuan) is large.
    public var organisationYuan: Int
    /// Where the amounts come from.
    public var source: String
    public var tag: SourceTag

    public init(individualYuan: Int, organisationYuan: Int, source: String, tag: SourceTag) {
        self.individualYuan = individualYuan
        self.organisationYuan = organisationYuan
        self.source = source
        self.tag = tag
    }

    /// 10,000 yuan for individuals, 100,000 for organisations [R].
    public static let shippedDefault = LargeFineThreshold(
        individualYuan: 10_000, organisationYuan: 100_000,
        source: "domain-notes §1.2 row 5a: common pattern, Xinjiang transport threshold not obtained (§9 q2)", tag: .R)

    /// The threshold for `party`, in yuan.
    public func yuan(for party: PartyKind) -> Int {
        party == .individual ? individualYuan : organisationYuan
    }
}

/// The large-amount thresholds per agency: reference data, the shipped default where an agency has none.
public struct HearingThresholds: Sendable, Equatable {
    public var fallback: LargeFineThreshold
    /// Thresholds set for an agency (by its code), each with its own source.
    public var byAgency: [String: LargeFineThreshold]

    public init(fallback: LargeFineThreshold = .shippedDefault, byAgency: [String: LargeFineThreshold] = [:]) {
        self.fallback = fallback
        self.byAgency = byAgency
    }

    public static let shipped = HearingThresholds()

    /// The threshold the agency applies.
    public func threshold(forAgency agency: String?) -> LargeFineThreshold {
        agency.flatMap { byAgency[$0] } ?? fallback
    }
}

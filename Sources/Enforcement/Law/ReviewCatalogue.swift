/// The bureau's catalogue of decisions that need legal review first (法制审核目录清单, APL 58).
///
/// The bureau's own catalogue was not obtained (domain-notes §9 question 5); the defaults are the
/// common local pattern [L: S15b]: fines of 10,000 yuan or more for an individual, 100,000 or more
/// for an organisation, anything that went to a hearing, and any confiscation.
public struct ReviewCatalogue: Sendable, Codable, Equatable {
    /// Why a decision needs review.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case fineAtOrAboveThreshold, hearingHeld, confiscation, majorPublicInterest, complexCase
    }

    /// An individual's fine at or above this (yuan) needs review.
    public var individualFineThresholdYuan: Int
    /// An organisation's fine at or above this (yuan) needs review.
    public var organisationFineThresholdYuan: Int
    /// A case that went through a hearing always needs review.
    public var hearingAlwaysReviewed: Bool
    /// Any confiscation needs review.
    public var confiscationAlwaysReviewed: Bool

    public init(individualFineThresholdYuan: Int = 10_000, organisationFineThresholdYuan: Int = 100_000,
                hearingAlwaysReviewed: Bool = true, confiscationAlwaysReviewed: Bool = true) {
        self.individualFineThresholdYuan = individualFineThresholdYuan
        self.organisationFineThresholdYuan = organisationFineThresholdYuan
        self.hearingAlwaysReviewed = hearingAlwaysReviewed
        self.confiscationAlwaysReviewed = confiscationAlwaysReviewed
    }

    /// The default catalogue.
    public static let standard = ReviewCatalogue()

    /// The fine threshold for `party`, in yuan.
    public func fineThresholdYuan(for party: PartyKind) -> Int {
        party == .individual ? individualFineThresholdYuan : organisationFineThresholdYuan
    }

    /// Every reason this decision needs review; empty when it needs none.
    ///
    /// Major public interest and complex cases always need review by law (APL 58 (1), (3)), whatever
    /// the catalogue says.
    public func reasons(fineYuan: Int, party: PartyKind, hadHearing: Bool, confiscation: Bool,
                        majorPublicInterest: Bool = false, complex: Bool = false) -> [Reason] {
        var reasons: [Reason] = []
        if fineYuan >= fineThresholdYuan(for: party) { reasons.append(.fineAtOrAboveThreshold) }
        if hadHearing && hearingAlwaysReviewed { reasons.append(.hearingHeld) }
        if confiscation && confiscationAlwaysReviewed { reasons.append(.confiscation) }
        if majorPublicInterest { reasons.append(.majorPublicInterest) }
        if complex { reasons.append(.complexCase) }
        return reasons
    }

    /// Whether a `LegalReviewPassed` must come before the decision.
    public func requiresLegalReview(fineYuan: Int, party: PartyKind, hadHearing: Bool, confiscation: Bool,
                                    majorPublicInterest: Bool = false, complex: Bool = false) -> Bool {
        !reasons(fineYuan: fineYuan, party: party, hadHearing: hadHearing, confiscation: confiscation,
                 majorPublicInterest: majorPublicInterest, complex: complex).isEmpty
    }
}

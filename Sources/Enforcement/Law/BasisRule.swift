/// Which rule of APL Art 37 chose the version recorded with a penalty.
public enum BasisRule: String, Codable, Sendable, CaseIterable {
    /// The text in force on the act's date (从旧).
    case actDateText
    /// A later text in force on the decision date that is lighter (从轻): it allows the chosen penalty and
    /// the act-date text does not, or its band is lower at both ends.
    case lighterLaterText
}

extension BasisRule: Labelled {
    public var labelZh: String {
        switch self {
        case .actDateText: "行为时规定"
        case .lighterLaterText: "从轻适用新规定"
        }
    }
}

/// The version that governs a penalty and the rule that chose it.
public struct GoverningBasis: Sendable, Equatable {
    public let basis: LegalBasis
    public let rule: BasisRule
}

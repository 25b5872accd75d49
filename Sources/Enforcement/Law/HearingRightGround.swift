/// Why the law gives the party a right to a hearing (APL 63, domain-notes §1.2 row 5a).
public enum HearingRightGround: String, Codable, Sendable, CaseIterable {
    case permitRevocation, businessSuspension, qualificationDowngrade
    /// Confiscation of large illegal gains (at the large-fine threshold) or of property.
    case largeConfiscation
    /// A fine at or above the 较大数额 threshold.
    case largeFine

    /// The grounds `penalty` gives `party` under `threshold`; empty when the law requires no hearing right.
    ///
    /// The value of confiscated property is not recorded, so a property confiscation always counts as
    /// large [D]: when in doubt the party keeps the right.
    public static func grounds(for penalty: Penalty, party: PartyKind, threshold: LargeFineThreshold) -> [Self] {
        let limit = threshold.yuan(for: party)
        var grounds: [Self] = []
        if penalty.types.contains(.permitRevocation) { grounds.append(.permitRevocation) }
        if penalty.types.contains(.businessSuspension) { grounds.append(.businessSuspension) }
        if penalty.types.contains(.qualificationDowngrade) { grounds.append(.qualificationDowngrade) }
        if penalty.types.contains(.confiscationOfProperty)
            || (penalty.types.contains(.confiscationOfIllegalGains) && penalty.illegalGainsYuan >= limit) {
            grounds.append(.largeConfiscation)
        }
        if penalty.fineYuan >= limit { grounds.append(.largeFine) }
        return grounds
    }
}

/// Why a notice offers a hearing: the law requires it, or the agency granted it voluntarily.
public enum HearingRightBasis: String, Codable, Sendable, CaseIterable {
    case requiredByLaw, grantedVoluntarily
}

extension HearingRightGround: Labelled {
    public var labelZh: String {
        switch self {
        case .permitRevocation: "吊销许可证件"
        case .businessSuspension: "责令停产停业"
        case .qualificationDowngrade: "降低资质等级"
        case .largeConfiscation: "没收较大数额违法所得或较大价值非法财物"
        case .largeFine: "较大数额罚款"
        }
    }
}

extension HearingRightBasis: Labelled {
    public var labelZh: String {
        switch self {
        case .requiredByLaw: "依法享有听证权"
        case .grantedVoluntarily: "法律未要求，自愿告知听证"
        }
    }
}

/// A kind of administrative penalty (APL 9), as far as a transport bureau can impose it.
public enum PenaltyType: String, Codable, Sendable, CaseIterable, Comparable {
    /// 警告.
    case warning
    /// 通报批评.
    case criticism
    /// 罚款.
    case fine
    /// 没收违法所得.
    case confiscationOfIllegalGains
    /// 没收非法财物 (e.g. a vehicle used for unlicensed transport).
    case confiscationOfProperty
    /// 降低资质等级.
    case qualificationDowngrade
    /// 吊销许可证件.
    case permitRevocation
    /// 责令停产停业 / 限制开展生产经营活动.
    case businessSuspension

    /// Whether the type takes property away; confiscations need a legal review in the catalogue.
    public var isConfiscation: Bool { self == .confiscationOfIllegalGains || self == .confiscationOfProperty }

    public static func < (a: PenaltyType, b: PenaltyType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A penalty as intended in the pre-decision notice or as decided. Amounts are whole yuan (`Int`).
public struct Penalty: Codable, Sendable, Equatable {
    /// The penalty types, sorted and without repeats.
    public var types: [PenaltyType]
    /// The fine in yuan: > 0 exactly when `types` contains `.fine`.
    public var fineYuan: Int
    /// Illegal gains (违法所得) in yuan, confiscated with `.confiscationOfIllegalGains`; above the basis's
    /// threshold the fine band becomes a multiple of them (RTR 63). 0 when none were found.
    public var illegalGainsYuan: Int
    /// Id of the legal basis in the `LegalBasisCatalogue`, e.g. `"RTR-63-2"`.
    public var legalBasisId: String

    public init(types: [PenaltyType], fineYuan: Int = 0, illegalGainsYuan: Int = 0, legalBasisId: String) {
        self.types = Array(Set(types)).sorted()
        self.fineYuan = fineYuan
        self.illegalGainsYuan = illegalGainsYuan
        self.legalBasisId = legalBasisId
    }

    /// A fine alone.
    public static func fine(_ yuan: Int, basis: String) -> Penalty {
        Penalty(types: [.fine], fineYuan: yuan, legalBasisId: basis)
    }

    /// A warning alone.
    public static func warning(basis: String) -> Penalty {
        Penalty(types: [.warning], legalBasisId: basis)
    }

    public var includesConfiscation: Bool { types.contains(where: \.isConfiscation) }
}

/// Why a case ends without a penalty (APL 57, 33).
public enum NoPenaltyReason: String, Codable, Sendable, CaseIterable {
    /// 违法行为轻微并及时改正，没有造成危害后果 (the party must still be educated, APL 33 ¶3).
    case minorViolation
    /// 违法事实不能成立.
    case factsNotEstablished
    /// 初次违法且危害后果轻微并及时改正.
    case firstMinorCorrected
}

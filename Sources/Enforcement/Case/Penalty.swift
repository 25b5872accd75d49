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
///
/// In a command `legalBasisId` is what the officer cited (a family such as `RTR-63`, or a version id); in
/// an event the decider has replaced it with the governing version, kept the citation in `citedAs` and
/// stored the rule of APL 37 that chose it. Events recorded before that carry neither (`basisRule` nil).
public struct Penalty: Codable, Sendable, Equatable {
    /// The penalty types, sorted and without repeats.
    public var types: [PenaltyType]
    /// The fine in yuan: > 0 exactly when `types` contains `.fine`.
    public var fineYuan: Int
    /// Illegal gains (违法所得) in yuan, confiscated with `.confiscationOfIllegalGains`; above the basis's
    /// threshold the fine band becomes a multiple of them (RTR 63). 0 when none were found.
    public var illegalGainsYuan: Int
    /// The legal basis: as cited in a command, the governing version id in an event.
    public var legalBasisId: String
    /// What the officer cited, when the decider recorded the governing version; nil in commands and old events.
    public var citedAs: String?
    /// Which rule of APL 37 chose `legalBasisId`; nil in commands and in events recorded before the rule was stored.
    public var basisRule: BasisRule?

    public init(types: [PenaltyType], fineYuan: Int = 0, illegalGainsYuan: Int = 0, legalBasisId: String,
                citedAs: String? = nil, basisRule: BasisRule? = nil) {
        self.types = Array(Set(types)).sorted()
        self.fineYuan = fineYuan
        self.illegalGainsYuan = illegalGainsYuan
        self.legalBasisId = legalBasisId
        self.citedAs = citedAs
        self.basisRule = basisRule
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

    /// The same penalty under the governing version, remembering what was cited.
    public func governed(by governing: GoverningBasis) -> Penalty {
        Penalty(types: types, fineYuan: fineYuan, illegalGainsYuan: illegalGainsYuan, legalBasisId: governing.basis.id,
                citedAs: legalBasisId, basisRule: governing.rule)
    }

    /// The basis as people read it: "RTR-63-2023 行为时规定"; an event recorded before versions were
    /// checked shows the id as typed, labelled so.
    public var basisLabelZh: String { "\(legalBasisId) \(basisRule?.labelZh ?? Self.recordedAsTypedZh)" }

    /// The label of a basis recorded before the governing version and its rule were stored.
    public static let recordedAsTypedZh = "旧记录未核定版本"
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

/// The party (当事人) a case is against.
public struct Party: Codable, Sendable, Equatable {
    /// Name as on the ID card or business licence, e.g. 张三 or 乌苏市某某运输有限公司.
    public var nameZh: String
    public var kind: PartyKind
    /// A stable key for "the same party" across agencies: ID-card number, unified social credit code, or the
    /// plate when the driver is unknown. It is part of `ActKey`, so agencies must agree on it.
    public var partyId: String
    /// A minor's decision is never published (DOMAIN.md §6).
    public var isMinor: Bool

    public init(nameZh: String, kind: PartyKind, partyId: String, isMinor: Bool = false) {
        self.nameZh = nameZh
        self.kind = kind
        self.partyId = partyId
        self.isMinor = isMinor
    }
}

/// The alleged violation (违法行为) a case is about.
public struct Act: Codable, Sendable, Equatable {
    /// The day of the act, or the day a continuing act ended: the law in force on it applies (APL 37) and the
    /// limitation period runs from it (APL 36).
    public var date: LocalDate
    public var placeZh: String
    public var sector: Sector
    public var descriptionZh: String
    /// The vehicle involved, as written on the plate (新G·12345); checked when given.
    public var plate: String?
    /// Life, health or financial safety was harmed: the limitation period is 5 years instead of 2.
    public var harmedLifeHealthOrFinance: Bool

    public init(date: LocalDate, placeZh: String, sector: Sector, descriptionZh: String, plate: String? = nil,
                harmedLifeHealthOrFinance: Bool = false) {
        self.date = date
        self.placeZh = placeZh
        self.sector = sector
        self.descriptionZh = descriptionZh
        self.plate = plate
        self.harmedLifeHealthOrFinance = harmedLifeHealthOrFinance
    }
}

/// Identifies one act across agencies, for "one fine per act" (APL 29) and "first to file holds the case" (APL 25).
///
/// Two cases about the same party on the same day are treated as the same act; that is deliberately strict,
/// because the cost of a wrong refusal (a person looks and decides) is lower than a double fine.
public struct ActKey: Hashable, Codable, Sendable {
    public var partyId: String
    public var actDate: LocalDate

    public init(partyId: String, actDate: LocalDate) {
        self.partyId = partyId
        self.actDate = actDate
    }
}

/// A case of some agency, as named by the lookups in `DecisionContext`.
public struct CaseRef: Hashable, Codable, Sendable {
    public var caseId: String
    public var agencyCode: String

    public init(caseId: String, agencyCode: String) {
        self.caseId = caseId
        self.agencyCode = agencyCode
    }
}

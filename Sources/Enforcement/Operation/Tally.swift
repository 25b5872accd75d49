/// What one agency did in one field session (集中整治). Every count is ≥ 0 and within `FigureBounds`.
///
/// Officers and vehicles are counted in deployments (人次 / 台次), so the same officer on two sessions counts twice.
/// A session records only what belongs to no case (inspections, education, leaflets). The case fields
/// (`caseFields`: cases, vehicles seized, fines, referrals) are read from sessions recorded before cases were
/// linked to their session: those are "typed by the lead agency (legacy)" (`legacyCaseFigures`), shown apart and
/// never added to the figures counted from linked cases.
public struct Tally: Codable, Sendable, Equatable {
    /// 出动执法人员 (person-times).
    public var officersDeployed: Int
    /// 出动执法车辆 (vehicle-times), police cars included.
    public var vehiclesDeployed: Int
    /// 检查车辆.
    public var vehiclesInspected: Int
    public var violationsSerious: Int
    public var violationsMinor: Int
    /// 立案数.
    public var casesFiled: Int
    /// 扣押/暂扣车辆.
    public var vehiclesSeized: Int
    /// Fines imposed, in yuan (reported in totals only, never per officer: APL 74).
    public var finesYuan: Int
    /// 教育劝导人次.
    public var peopleEducated: Int
    /// 宣传单 distributed.
    public var leaflets: Int
    /// 整改通知书 issued.
    public var rectificationNotices: Int
    /// 移送 made.
    public var referrals: Int

    public init(officersDeployed: Int = 0, vehiclesDeployed: Int = 0, vehiclesInspected: Int = 0,
                violationsSerious: Int = 0, violationsMinor: Int = 0, casesFiled: Int = 0,
                vehiclesSeized: Int = 0, finesYuan: Int = 0, peopleEducated: Int = 0, leaflets: Int = 0,
                rectificationNotices: Int = 0, referrals: Int = 0) {
        self.officersDeployed = officersDeployed
        self.vehiclesDeployed = vehiclesDeployed
        self.vehiclesInspected = vehiclesInspected
        self.violationsSerious = violationsSerious
        self.violationsMinor = violationsMinor
        self.casesFiled = casesFiled
        self.vehiclesSeized = vehiclesSeized
        self.finesYuan = finesYuan
        self.peopleEducated = peopleEducated
        self.leaflets = leaflets
        self.rectificationNotices = rectificationNotices
        self.referrals = referrals
    }

    /// An all-zero tally, the identity for `+`.
    public static let zero = Tally()

    /// The counts by their JSON name, in declaration order (used for checks and reports).
    public var fields: [(name: String, value: Int)] {
        [("officersDeployed", officersDeployed), ("vehiclesDeployed", vehiclesDeployed),
         ("vehiclesInspected", vehiclesInspected), ("violationsSerious", violationsSerious),
         ("violationsMinor", violationsMinor), ("casesFiled", casesFiled), ("vehiclesSeized", vehiclesSeized),
         ("finesYuan", finesYuan), ("peopleEducated", peopleEducated), ("leaflets", leaflets),
         ("rectificationNotices", rectificationNotices), ("referrals", referrals)]
    }

    /// The fields that belong to cases: new sessions leave them 0; the bureau's are counted from its linked
    /// cases, a partner's come in its return (`PartnerReturn`).
    public static let caseFields: Set<String> = ["casesFiled", "vehiclesSeized", "finesYuan", "referrals"]

    /// The case figures an earlier version let the lead agency type into the session (牵头单位填报（旧）).
    public var legacyCaseFigures: [(name: String, value: Int)] {
        fields.filter { Self.caseFields.contains($0.name) && $0.value != 0 }
    }

    /// The name of the first negative count, if any.
    public var firstNegativeField: String? { fields.first { $0.value < 0 }?.name }

    public static func + (a: Tally, b: Tally) -> Tally {
        Tally(officersDeployed: a.officersDeployed + b.officersDeployed,
              vehiclesDeployed: a.vehiclesDeployed + b.vehiclesDeployed,
              vehiclesInspected: a.vehiclesInspected + b.vehiclesInspected,
              violationsSerious: a.violationsSerious + b.violationsSerious,
              violationsMinor: a.violationsMinor + b.violationsMinor,
              casesFiled: a.casesFiled + b.casesFiled,
              vehiclesSeized: a.vehiclesSeized + b.vehiclesSeized,
              finesYuan: a.finesYuan + b.finesYuan,
              peopleEducated: a.peopleEducated + b.peopleEducated,
              leaflets: a.leaflets + b.leaflets,
              rectificationNotices: a.rectificationNotices + b.rectificationNotices,
              referrals: a.referrals + b.referrals)
    }
}

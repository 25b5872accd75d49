/// A partner agency's own results for one field session (配合单位报送): the traffic police, market regulation and
/// others run their cases in their own systems and report the figures. Recorded against that agency; every
/// figure is ≥ 0 and within `FigureBounds`; fines are whole yuan.
public struct PartnerReturn: Codable, Sendable, Equatable {
    /// The session's recorded id (`S1`).
    public var sessionId: String
    /// The reporting agency's code.
    public var agency: String
    /// 出动执法人员（人次）.
    public var officersDeployed: Int
    /// 出动执法车辆（台次）.
    public var vehiclesDeployed: Int
    /// 检查车辆.
    public var vehiclesInspected: Int
    /// 立案 in the agency's own system.
    public var casesFiled: Int
    /// 扣押/暂扣车辆.
    public var vehiclesSeized: Int
    /// 罚款（元）imposed by the agency.
    public var finesYuan: Int
    /// 教育劝导（人次）.
    public var peopleEducated: Int

    public init(sessionId: String, agency: String, officersDeployed: Int = 0, vehiclesDeployed: Int = 0,
                vehiclesInspected: Int = 0, casesFiled: Int = 0, vehiclesSeized: Int = 0, finesYuan: Int = 0,
                peopleEducated: Int = 0) {
        self.sessionId = sessionId
        self.agency = agency
        self.officersDeployed = officersDeployed
        self.vehiclesDeployed = vehiclesDeployed
        self.vehiclesInspected = vehiclesInspected
        self.casesFiled = casesFiled
        self.vehiclesSeized = vehiclesSeized
        self.finesYuan = finesYuan
        self.peopleEducated = peopleEducated
    }

    /// The figures by their JSON name, in declaration order (checks, reports).
    public var fields: [(name: String, value: Int)] {
        [("officersDeployed", officersDeployed), ("vehiclesDeployed", vehiclesDeployed),
         ("vehiclesInspected", vehiclesInspected), ("casesFiled", casesFiled), ("vehiclesSeized", vehiclesSeized),
         ("finesYuan", finesYuan), ("peopleEducated", peopleEducated)]
    }

    /// Whether it types case figures (cases filed, vehicles seized, fines): then the agency's cases of that
    /// session are counted from it, and none of its JointOps cases may link there.
    public var hasCaseFigures: Bool { casesFiled != 0 || vehiclesSeized != 0 || finesYuan != 0 }

    /// The field names, for help texts.
    public static let fieldNames = PartnerReturn(sessionId: "", agency: "").fields.map(\.name)
}

/// A regulated transport sector; campaigns, operations and cases are counted by it.
public enum Sector: String, Codable, Sendable, CaseIterable {
    /// 黑车: carrying passengers for money without a permit.
    case blackCar
    /// 巡游出租汽车.
    case taxi
    /// 网约车.
    case rideHailing
    /// 驾校 (机动车驾驶员培训).
    case drivingSchool
    /// 班线客运.
    case scheduledLine
    /// 两客一危一货: coaches, dangerous goods, heavy trucks and tractors.
    case keyVehicles
    /// Freight and anything else.
    case other

    /// The Chinese label used in reports.
    public var labelZh: String {
        switch self {
        case .blackCar: "非法营运（黑车）"
        case .taxi: "巡游出租汽车"
        case .rideHailing: "网约车"
        case .drivingSchool: "驾校"
        case .scheduledLine: "班线客运"
        case .keyVehicles: "两客一危一货"
        case .other: "其他"
        }
    }
}

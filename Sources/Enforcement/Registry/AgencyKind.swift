/// What kind of government body an agency is; referrals and joint operations check it.
public enum AgencyKind: String, Codable, Sendable, CaseIterable {
    /// 交通运输局 and its 综合行政执法大队 (licensing side and enforcement brigade).
    case transport
    /// 公安 / 交警 (traffic, patrol and criminal police).
    case police
    /// 市场监管.
    case marketRegulation
    /// 城管 / 城市执法.
    case urbanManagement
    /// 应急管理.
    case emergencyManagement
    /// 文化和旅游.
    case cultureTourism
    /// 乡镇政府、村委会.
    case township
    /// 司法局.
    case justice
    case other
}

/// How a publicity campaign reaches people (宣传渠道), as the 2023 report names them: on site, leaflets,
/// the WeChat account, Douyin, taxi roof lights, bus LED screens.
public enum OutreachChannel: String, Codable, Sendable, CaseIterable {
    /// 现场讲解、设咨询台.
    case onSite
    /// 发放宣传单、宣传手册.
    case leaflets
    /// 横幅、标语.
    case banners
    /// 微信公众号.
    case wechatAccount
    /// 抖音号.
    case douyin
    /// 出租车顶灯.
    case taxiRoofLights
    /// 公交车LED屏.
    case busLEDScreens
    /// 其他.
    case other
}

extension OutreachChannel: Labelled {
    public var labelZh: String {
        switch self {
        case .onSite: "现场讲解"
        case .leaflets: "发放宣传单"
        case .banners: "横幅标语"
        case .wechatAccount: "微信公众号"
        case .douyin: "抖音号"
        case .taxiRoofLights: "出租车顶灯"
        case .busLEDScreens: "公交车LED屏"
        case .other: "其他"
        }
    }
}

extension OutreachChannel: Aliased {
    public var aliasesZh: [String] {
        switch self {
        case .onSite: ["现场", "咨询台", "设咨询台"]
        case .leaflets: ["宣传单", "宣传手册", "宣传材料"]
        case .banners: ["横幅", "标语"]
        case .wechatAccount: ["微信", "公众号"]
        case .douyin: ["抖音"]
        case .taxiRoofLights: ["顶灯"]
        case .busLEDScreens: ["公交LED屏", "LED屏"]
        case .other: []
        }
    }
}

/// A publicity event (普法宣传): where, when, by whom, and how many leaflets; and, for a named campaign
/// (宪法宣传月, 全国交通宣传日, 平安出行·拒乘“黑车”), its name, the channels it used and the accounts it posted on.
public struct OutreachActivity: Codable, Sendable, Equatable {
    public var eventZh: String
    public var placeZh: String
    public var date: LocalDate
    /// Code of the organising agency.
    public var agency: String
    /// 宣传单 handed out; ≥ 0.
    public var leaflets: Int
    /// People reached or consulted; ≥ 0.
    public var peopleReached: Int
    /// The publicity campaign it belongs to (宣传活动名称); nil for a stand-alone event.
    public var campaignZh: String?
    /// The channels used, each once; empty for events recorded before channels were.
    public var channels: [OutreachChannel]
    /// The online accounts it was posted on (微信公众号“乌苏零距离”, 抖音号“乌苏融媒体”).
    public var accountsZh: [String]

    public init(eventZh: String, placeZh: String, date: LocalDate, agency: String, leaflets: Int, peopleReached: Int = 0,
                campaignZh: String? = nil, channels: [OutreachChannel] = [], accountsZh: [String] = []) {
        self.eventZh = eventZh
        self.placeZh = placeZh
        self.date = date
        self.agency = agency
        self.leaflets = leaflets
        self.peopleReached = peopleReached
        self.campaignZh = campaignZh
        self.channels = channels
        self.accountsZh = accountsZh
    }

    private enum CodingKeys: String, CodingKey {
        case eventZh, placeZh, date, agency, leaflets, peopleReached, campaignZh, channels, accountsZh
    }

    // Activities recorded before campaigns and channels were have neither key: they read as none. Empty ones are
    // not written, so such an activity's stored JSON keeps its first shape.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(eventZh: try c.decode(String.self, forKey: .eventZh), placeZh: try c.decode(String.self, forKey: .placeZh),
                  date: try c.decode(LocalDate.self, forKey: .date), agency: try c.decode(String.self, forKey: .agency),
                  leaflets: try c.decode(Int.self, forKey: .leaflets), peopleReached: try c.decode(Int.self, forKey: .peopleReached),
                  campaignZh: try c.decodeIfPresent(String.self, forKey: .campaignZh),
                  channels: try c.decodeIfPresent([OutreachChannel].self, forKey: .channels) ?? [],
                  accountsZh: try c.decodeIfPresent([String].self, forKey: .accountsZh) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(eventZh, forKey: .eventZh)
        try c.encode(placeZh, forKey: .placeZh)
        try c.encode(date, forKey: .date)
        try c.encode(agency, forKey: .agency)
        try c.encode(leaflets, forKey: .leaflets)
        try c.encode(peopleReached, forKey: .peopleReached)
        try c.encodeIfPresent(campaignZh, forKey: .campaignZh)
        if !channels.isEmpty { try c.encode(channels, forKey: .channels) }
        if !accountsZh.isEmpty { try c.encode(accountsZh, forKey: .accountsZh) }
    }
}

/// What can be asked of an outreach activity: recording it, once.
public enum OutreachCommand: Sendable, Equatable {
    case record(activityId: String, OutreachActivity)
}

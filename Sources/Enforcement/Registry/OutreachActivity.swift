/// A publicity event (普法宣传): where, when, by whom, and how many leaflets.
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

    public init(eventZh: String, placeZh: String, date: LocalDate, agency: String, leaflets: Int, peopleReached: Int = 0) {
        self.eventZh = eventZh
        self.placeZh = placeZh
        self.date = date
        self.agency = agency
        self.leaflets = leaflets
        self.peopleReached = peopleReached
    }
}

/// What can be asked of an outreach activity: recording it, once.
public enum OutreachCommand: Sendable, Equatable {
    case record(activityId: String, OutreachActivity)
}

/// The implementation plan (实施方案) of a joint operation.
public struct OperationPlan: Codable, Sendable, Equatable {
    public var titleZh: String
    /// Code of the campaign (专项整治) the operation belongs to, if any.
    public var campaignCode: String?
    /// Target sectors; at least one.
    public var sectors: [Sector]
    /// Code of the lead agency (牵头单位).
    public var leadAgency: String
    /// First and last day of the action window, inclusive.
    public var from: LocalDate
    public var to: LocalDate
    /// Where the action takes place (checkpoints, stations, townships).
    public var placesZh: [String]

    public init(titleZh: String, campaignCode: String? = nil, sectors: [Sector], leadAgency: String,
                from: LocalDate, to: LocalDate, placesZh: [String] = []) {
        self.titleZh = titleZh
        self.campaignCode = campaignCode
        self.sectors = sectors
        self.leadAgency = leadAgency
        self.from = from
        self.to = to
        self.placesZh = placesZh
    }
}

/// One day or shift of field action (集中整治) and what each participating agency did in it.
public struct FieldSession: Codable, Sendable, Equatable {
    /// Caller-chosen id, unique within the operation (e.g. `"S1"`).
    public var sessionId: String
    public var date: LocalDate
    public var placeZh: String
    /// Tallies by agency code.
    public var tallies: [String: Tally]

    public init(sessionId: String, date: LocalDate, placeZh: String, tallies: [String: Tally]) {
        self.sessionId = sessionId
        self.date = date
        self.placeZh = placeZh
        self.tallies = tallies
    }
}

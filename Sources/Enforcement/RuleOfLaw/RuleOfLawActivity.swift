/// One rule-of-law activity (法治建设活动): a meeting, a study, a lecture, a visit, a trip, a relay training or a
/// handbook, as the annual report counts them.
public struct RuleOfLawActivity: Codable, Sendable, Equatable {
    public var kind: RuleOfLawActivityKind
    /// Topic or agenda (主题、议题), or the handbook's title (《交通运输政策法律汇编》).
    public var titleZh: String
    public var date: LocalDate
    /// Code of the agency that held it.
    public var agency: String
    /// Where (地点): the peer county or department visited, the destination of a trip, the enterprise.
    public var placeZh: String?
    /// Who gave it (主讲人、授课单位): the lecturer.
    public var hostZh: String?
    /// People who took part (参加人数); nil when not counted.
    public var participants: Int?
    /// Person-times (参加人次): a person counted once per session or day; ≥ participants. Nil: as many as participants.
    public var personTimes: Int?
    /// Laws and regulations compiled (汇编法律法规件数): handbooks only.
    public var items: Int?

    public init(kind: RuleOfLawActivityKind, titleZh: String, date: LocalDate, agency: String, placeZh: String? = nil,
                hostZh: String? = nil, participants: Int? = nil, personTimes: Int? = nil, items: Int? = nil) {
        self.kind = kind
        self.titleZh = titleZh
        self.date = date
        self.agency = agency
        self.placeZh = placeZh
        self.hostZh = hostZh
        self.participants = participants
        self.personTimes = personTimes
        self.items = items
    }

    /// Person-times as the report counts them: given, else one per participant, else none.
    public var countedPersonTimes: Int { personTimes ?? participants ?? 0 }

    /// The largest accepted figures: a county bureau has a few hundred staff; a study year has a few hundred
    /// sessions; no transport handbook compiles a thousand laws. Beyond them a figure is a typing error.
    public static let maximum: [String: Int] = ["participants": 1_000, "personTimes": 10_000, "items": 1_000]
    /// The longest accepted text: a title or a place is a line, not a document.
    public static let maximumTextLength = 200
}

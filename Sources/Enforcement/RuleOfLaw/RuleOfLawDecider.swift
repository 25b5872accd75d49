/// Decides on a rule-of-law activity (one stream per activity): what the report counts must be whole, dated
/// in its year and within what a county bureau can reach.
public enum RuleOfLawDecider: Decider {
    public typealias Command = RuleOfLawCommand
    public typealias Event = RuleOfLawEvent
    /// The activity once recorded.
    public typealias State = RuleOfLawActivity?

    public static var initialState: RuleOfLawActivity? { nil }

    public static func decide(_ command: RuleOfLawCommand, state: RuleOfLawActivity?,
                              context: DecisionContext) throws(Rejection) -> [RuleOfLawEvent] {
        switch command {
        case let .record(activityId, activity):
            guard state == nil else { throw .alreadyExists(aggregate: "rule-of-law activity", id: activityId) }
            try Rejection.requireText(activityId, "activity id")
            try check(activity, today: context.today)
            guard context.reference.agencies[activity.agency] != nil else { throw .unknownAgency(activity.agency) }
            return [.recorded(.init(activityId: activityId, activity: activity))]
        }
    }

    public static func evolve(_ state: RuleOfLawActivity?, _ event: RuleOfLawEvent) -> RuleOfLawActivity? {
        switch event { case .recorded(let e): e.activity }
    }

    /// The activity's own rules: Chinese text, the details its kind needs and no others, counts from 1 to their
    /// bound, person-times no fewer than participants, and a day in the business date's year, not after it.
    static func check(_ activity: RuleOfLawActivity, today: LocalDate) throws(Rejection) {
        let kind = activity.kind
        try RuleOfLawRejection.requireChinese(activity.titleZh, "title")
        if let place = activity.placeZh { try RuleOfLawRejection.requireChinese(place, "place") }
        if let host = activity.hostZh { try RuleOfLawRejection.requireChinese(host, "host") }
        if kind.needsPlace, activity.placeZh == nil { throw .ruleOfLaw(.detailRequired(kind: kind, option: "--place")) }
        if kind.needsHost, activity.hostZh == nil { throw .ruleOfLaw(.detailRequired(kind: kind, option: "--host")) }
        if kind.needsPersonTimes, activity.personTimes == nil {
            throw .ruleOfLaw(.detailRequired(kind: kind, option: "--person-times"))
        }
        if kind.isCompilation {
            if activity.items == nil { throw .ruleOfLaw(.detailRequired(kind: kind, option: "--items")) }
            if activity.participants != nil { throw .ruleOfLaw(.detailNotApplicable(kind: kind, option: "--participants")) }
            if activity.personTimes != nil { throw .ruleOfLaw(.detailNotApplicable(kind: kind, option: "--person-times")) }
        } else if activity.items != nil {
            throw .ruleOfLaw(.detailNotApplicable(kind: kind, option: "--items"))
        }
        let counts = [("participants", activity.participants), ("personTimes", activity.personTimes), ("items", activity.items)]
        for case let (field, value?) in counts {
            guard value >= 1 else { throw .notPositive(field: field, value: value) }
            let maximum = RuleOfLawActivity.maximum[field] ?? 1_000
            guard value <= maximum else { throw .figureTooLarge(field: field, value: value, maximum: maximum) }
        }
        if let personTimes = activity.personTimes, let participants = activity.participants, personTimes < participants {
            throw .ruleOfLaw(.personTimesBelowParticipants(personTimes: personTimes, participants: participants))
        }
        guard activity.date <= today else { throw .dateInFuture(activity.date, today: today) }
        guard activity.date.year == today.year else { throw .ruleOfLaw(.dateOutsideYear(date: activity.date, year: today.year)) }
    }
}

extension RuleOfLawDecider {
    /// An activity is recorded by an officer of the agency that held it (DESIGN.md §9).
    public static func actingClaim(for command: RuleOfLawCommand, state: RuleOfLawActivity?) -> ActingClaim {
        switch command {
        case .record(_, let activity): .agency(activity.agency)
        }
    }
}

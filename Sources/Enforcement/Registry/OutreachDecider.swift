/// Decides on an outreach activity (one stream per activity).
public enum OutreachDecider: Decider {
    public typealias Command = OutreachCommand
    public typealias Event = OutreachEvent
    /// The activity once recorded.
    public typealias State = OutreachActivity?

    public static var initialState: OutreachActivity? { nil }

    public static func decide(_ command: OutreachCommand, state: OutreachActivity?,
                              context: DecisionContext) throws(Rejection) -> [OutreachEvent] {
        switch command {
        case let .record(activityId, activity):
            guard state == nil else { throw .alreadyExists(aggregate: "outreach", id: activityId) }
            try Rejection.requireText(activityId, "activity id")
            try Rejection.requireText(activity.eventZh, "event")
            try Rejection.requireText(activity.placeZh, "place")
            if let campaign = activity.campaignZh { try RuleOfLawRejection.requireChinese(campaign, "campaign") }
            for account in activity.accountsZh { try RuleOfLawRejection.requireChinese(account, "account") }
            guard context.reference.agencies[activity.agency] != nil else { throw .unknownAgency(activity.agency) }
            guard activity.date <= context.today else { throw .dateInFuture(activity.date, today: context.today) }
            // Bounded like every reported figure, so no sum of them can overflow a report (FigureBounds).
            try FigureBounds.check([("leaflets", activity.leaflets), ("peopleReached", activity.peopleReached)], agency: activity.agency)
            return [.recorded(.init(activityId: activityId, activity: activity))]
        }
    }

    public static func evolve(_ state: OutreachActivity?, _ event: OutreachEvent) -> OutreachActivity? {
        switch event { case .recorded(let e): e.activity }
    }
}

extension OutreachDecider {
    /// An activity is recorded by an officer of the agency that organised it (DESIGN.md §9).
    public static func actingClaim(for command: OutreachCommand, state: OutreachActivity?) -> ActingClaim {
        switch command {
        case .record(_, let activity): .agency(activity.agency)
        }
    }
}

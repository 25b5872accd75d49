import Foundation

/// What happened to a rule-of-law activity: it was recorded.
public enum RuleOfLawEvent: PayloadEvent {
    case recorded(Recorded)

    public struct Recorded: EventPayload {
        public static let eventType = "RuleOfLawActivityRecorded"
        public let activityId: String
        public let activity: RuleOfLawActivity
    }

    public var payload: any EventPayload {
        switch self { case .recorded(let p): p }
    }

    public static let decoders = EventCoding.table([EventCoding.entry(Recorded.self) { RuleOfLawEvent.recorded($0) }])

    /// The stored names of all rule-of-law activity events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

/// What can be asked of a rule-of-law activity: recording it, once.
public enum RuleOfLawCommand: Sendable, Equatable {
    case record(activityId: String, RuleOfLawActivity)
}

import Foundation

/// The annual report's 三、下一步工作打算 for a year, kept whole in the log so the report rebuilds from events.
public enum ReportPlanCommand: Sendable, Equatable {
    /// Records the plan's text (Markdown, Chinese) for `year`, written by `agency`; a later one replaces it.
    case record(year: Int, agency: String, textZh: String)
}

/// What happened to a year's plan.
public enum ReportPlanEvent: PayloadEvent {
    case recorded(Recorded)

    public struct Recorded: EventPayload {
        public static let eventType = "ReportPlanRecorded"
        public let year: Int
        public let agency: String
        public let textZh: String
        public let recordedOn: LocalDate
    }

    public var payload: any EventPayload {
        switch self { case .recorded(let p): p }
    }

    public static let decoders = EventCoding.table([EventCoding.entry(Recorded.self) { ReportPlanEvent.recorded($0) }])

    /// The stored names of all report-plan events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

/// A year's plan: the latest text and how many times it was recorded.
public struct ReportPlanState: Sendable, Equatable {
    public internal(set) var latest: ReportPlanEvent.Recorded?
    public internal(set) var versions = 0

    public init() {}
}

import Foundation

/// What happened to an adviser's review.
public enum CounselEvent: PayloadEvent {
    case recorded(Recorded)

    public struct Recorded: EventPayload {
        public static let eventType = "CounselReviewRecorded"
        public let reviewId: String
        public let review: CounselReview
    }

    public var payload: any EventPayload {
        switch self { case .recorded(let p): p }
    }

    public static let decoders = EventCoding.table([EventCoding.entry(Recorded.self) { CounselEvent.recorded($0) }])

    /// The stored names of all counsel events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

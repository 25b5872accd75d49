import Foundation

/// What happened to an outreach activity.
public enum OutreachEvent: DomainEvent {
    case recorded(Recorded)

    public struct Recorded: EventPayload {
        public static let eventType = "OutreachActivityRecorded"
        public let activityId: String
        public let activity: OutreachActivity
    }

    public var eventType: String { Recorded.eventType }
    public var schemaVersion: Int { 1 }
    public func encodedPayload() throws -> Data {
        switch self { case .recorded(let p): try EventCoding.encode(p) }
    }

    public init(eventType: String, schemaVersion: Int, payload: Data) throws {
        self = try EventCoding.decode(Self.decoders, eventType: eventType, schemaVersion: schemaVersion, payload: payload)
    }

    static let decoders = EventCoding.table([EventCoding.entry(Recorded.self) { OutreachEvent.recorded($0) }])

    /// The stored names of all outreach events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

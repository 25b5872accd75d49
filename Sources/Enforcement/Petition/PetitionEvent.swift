import Foundation

/// What happened to a petition.
public enum PetitionEvent: PayloadEvent {
    case received(Received)
    case resolved(Resolved)

    public struct Received: EventPayload {
        public static let eventType = "PetitionReceived"
        public let petitionId: String
        public let petition: Petition
    }

    public struct Resolved: EventPayload {
        public static let eventType = "PetitionResolved"
        public let outcomeZh: String
        public let resolvedOn: LocalDate
    }

    public var payload: any EventPayload {
        switch self {
        case .received(let p): p
        case .resolved(let p): p
        }
    }

    public static let decoders = EventCoding.table([
        EventCoding.entry(Received.self) { PetitionEvent.received($0) },
        EventCoding.entry(Resolved.self) { PetitionEvent.resolved($0) },
    ])

    /// The stored names of all petition events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

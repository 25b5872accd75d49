import Foundation

/// What changed in the service commitments.
public enum CommitmentEvent: PayloadEvent {
    case set(CommitmentSet)

    public struct CommitmentSet: EventPayload {
        public static let eventType = "ServiceCommitmentSet"
        public let commitment: ServiceCommitment
        public let setOn: LocalDate
    }

    public var payload: any EventPayload {
        switch self { case .set(let p): p }
    }

    public static let decoders = EventCoding.table([EventCoding.entry(CommitmentSet.self) { CommitmentEvent.set($0) }])

    /// The stored names of all commitment events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

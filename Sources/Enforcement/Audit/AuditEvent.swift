import Foundation

/// What happened to a case-file audit.
public enum AuditEvent: PayloadEvent {
    case recorded(Recorded)

    public struct Recorded: EventPayload {
        public static let eventType = "CaseFileAuditRecorded"
        public let auditId: String
        public let audit: CaseFileAudit
    }

    public var payload: any EventPayload {
        switch self { case .recorded(let p): p }
    }

    public static let decoders = EventCoding.table([EventCoding.entry(Recorded.self) { AuditEvent.recorded($0) }])

    /// The stored names of all audit events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

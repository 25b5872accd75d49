import Foundation

/// Brings old versions of an event type up to the current shape when they are read.
///
/// Events are never rewritten (the log is append-only); instead each read passes stored events
/// through the upcasters registered for their type, one schema version at a time.
public struct EventUpcaster: Sendable {
    public let eventType: String
    /// The schema version this upcaster reads; it produces `fromVersion + 1`.
    public let fromVersion: Int
    public let transform: @Sendable (Data) throws -> Data

    public init(eventType: String, fromVersion: Int, transform: @escaping @Sendable (Data) throws -> Data) {
        self.eventType = eventType
        self.fromVersion = fromVersion
        self.transform = transform
    }
}

/// The upcasters of a store, applied in version order.
public struct UpcasterChain: Sendable {
    private var byKey: [String: [Int: EventUpcaster]] = [:]

    public init(_ upcasters: [EventUpcaster] = []) {
        for upcaster in upcasters { byKey[upcaster.eventType, default: [:]][upcaster.fromVersion] = upcaster }
    }

    public var isEmpty: Bool { byKey.isEmpty }

    public func upcast(_ event: inout RecordedEvent) throws {
        guard let chain = byKey[event.type] else { return }
        while let step = chain[event.schemaVersion] {
            event.data = try step.transform(event.data)
            event.schemaVersion += 1
        }
    }
}

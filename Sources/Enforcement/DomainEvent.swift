import Foundation

/// An event of one aggregate, as the event store keeps it: a stable name, a schema version and a JSON payload.
///
/// `eventType` is the stored name (past tense, UpperCamel: `"CaseFiled"`). It is never renamed: change the payload
/// and bump `schemaVersion` instead, and teach `init(eventType:schemaVersion:payload:)` to upcast the old version.
public protocol DomainEvent: Sendable, Equatable {
    /// The stored name, unique across all aggregates.
    var eventType: String { get }
    /// The version of the payload's JSON shape.
    var schemaVersion: Int { get }
    /// The payload as a JSON object (UTF-8; Chinese text is kept as is, not escaped).
    func encodedPayload() throws -> Data
    /// Rebuilds an event from the store.
    /// - Throws: `EventDecodingError` for an unknown name or version, or the JSON decoder's error.
    init(eventType: String, schemaVersion: Int, payload: Data) throws
}

/// The payload of one event type: a plain `Codable` struct whose JSON keys are its property names.
public protocol EventPayload: Codable, Sendable, Equatable {
    /// The stored event name this payload belongs to.
    static var eventType: String { get }
}

/// A domain event enum whose every case wraps one payload struct: its stored name, version and JSON
/// come from the payload, and decoding goes through the aggregate's table of payload types.
public protocol PayloadEvent: DomainEvent {
    var payload: any EventPayload { get }
    /// Every stored name of the aggregate, with the function that rebuilds its case.
    static var decoders: [String: @Sendable (Data) throws -> Self] { get }
}

extension PayloadEvent {
    public var eventType: String { type(of: payload).eventType }
    public var schemaVersion: Int { 1 }
    public func encodedPayload() throws -> Data { try EventCoding.encode(payload) }

    public init(eventType: String, schemaVersion: Int, payload: Data) throws {
        self = try EventCoding.decode(Self.decoders, eventType: eventType, schemaVersion: schemaVersion, payload: payload)
    }
}

/// Why a stored event could not be turned back into a domain event.
public enum EventDecodingError: Error, Equatable, Sendable {
    /// No event of this aggregate has this stored name.
    case unknownEventType(String)
    /// The name is known but this schema version is not (newer than the code, or never existed).
    case unsupportedSchemaVersion(eventType: String, version: Int)
}

/// The one JSON configuration every payload uses, so stored bytes do not depend on the call site.
enum EventCoding {
    static func encode(_ payload: some EventPayload) throws -> Data {
        let encoder = JSONEncoder()
        // Sorted keys make the stored JSON stable (diffable, hashable); no escaping of "/" or non-ASCII.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(payload)
    }

    static func decode<P: EventPayload>(_ type: P.Type, from data: Data) throws -> P {
        try JSONDecoder().decode(type, from: data)
    }

    /// A decoder table entry: stored name → function building the enum case from the payload bytes.
    typealias Entry<Event> = (name: String, build: @Sendable (Data) throws -> Event)

    static func entry<P: EventPayload, Event>(_ type: P.Type, _ wrap: @escaping @Sendable (P) -> Event) -> Entry<Event> {
        (P.eventType, { data in wrap(try decode(P.self, from: data)) })
    }

    /// Looks up `eventType` in `table`; version 1 is the only version so far for every event.
    static func decode<Event>(_ table: [String: @Sendable (Data) throws -> Event],
                              eventType: String, schemaVersion: Int, payload: Data) throws -> Event {
        guard let build = table[eventType] else { throw EventDecodingError.unknownEventType(eventType) }
        guard schemaVersion == 1 else {
            throw EventDecodingError.unsupportedSchemaVersion(eventType: eventType, version: schemaVersion)
        }
        return try build(payload)
    }

    static func table<Event>(_ entries: [Entry<Event>]) -> [String: @Sendable (Data) throws -> Event] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.build) })
    }
}

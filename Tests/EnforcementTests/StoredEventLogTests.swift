import Foundation
import Testing
@testable import Enforcement

/// Stored event names and payloads never change: every row of a log written by an earlier release decodes into
/// its domain event, and that event encodes back to the same name, version and JSON.
@Suite struct StoredEventLogTests {
    /// The event type of each aggregate, by the prefix of its stream ids.
    static let aggregates: [String: any DomainEvent.Type] = [
        "CASE": CaseEvent.self, "OP": OperationEvent.self, "RECT": RectificationEvent.self,
        "REF": ReferralEvent.self, "PUB": OutreachEvent.self, "registry": RegistryEvent.self,
    ]

    static let lines: [String] = StoredEventLog.jsonLines.split(separator: "\n").map { String($0) }
    /// The rows that parse; `everyLineIsARow` checks that none is lost here.
    static let rows: [StoredRow] = lines.compactMap { try? JSONDecoder().decode(StoredRow.self, from: Data($0.utf8)) }

    @Test func everyLineIsARow() {
        #expect(Self.rows.count == Self.lines.count)
    }

    @Test(arguments: rows)
    func aStoredEventReadsAndWritesBackUnchanged(row: StoredRow) throws {
        let aggregate = try #require(Self.aggregates[row.stream], "no aggregate for stream \(row.stream)")
        let event = try aggregate.init(eventType: row.eventType, schemaVersion: row.schemaVersion,
                                       payload: try JSONEncoder().encode(row.data))
        #expect(event.eventType == row.eventType)
        #expect(event.schemaVersion == row.schemaVersion)
        #expect(try JSONDecoder().decode(JSONValue.self, from: event.encodedPayload()) == row.data)
    }

    @Test func theLogHoldsEventsOfEveryAggregate() {
        #expect(Set(Self.rows.map(\.stream)) == Set(Self.aggregates.keys))
        // The release recorded wrote 66 event types; a shorter fixture would prove less.
        #expect(Set(Self.rows.map(\.eventType)).count == 66)
    }
}

/// One exported row: `{"stream": "CASE", "eventType": "CaseFiled", "schemaVersion": 1, "data": {…}}`.
struct StoredRow: Decodable, Sendable, CustomTestStringConvertible {
    let stream: String
    let eventType: String
    let schemaVersion: Int
    let data: JSONValue

    var testDescription: String { "\(stream) \(eventType) v\(schemaVersion)" }
}

/// Parsed JSON, compared by value: key order and spacing (which `jsonb` normalises) do not matter, and numbers are
/// kept as `Decimal` so an amount in yuan compares exactly.
enum JSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Decimal.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

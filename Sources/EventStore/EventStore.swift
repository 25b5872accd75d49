import Foundation
import Postgres

/// The PostgreSQL event store: atomic, idempotent appends and commit-safe reads.
///
/// Works on one `Connection` (not shared between threads). The schema comes from
/// `Schema/0001_create_event_store.sql`; its comment explains the commit-safe order.
public final class EventStore {
    public let connection: Connection
    public var upcasters: UpcasterChain
    /// Whether appends wake subscribers with NOTIFY in the same transaction.
    ///
    /// NOTIFY takes a cluster-wide lock at commit that serialises notifying transactions, so bulk
    /// writers may turn it off and rely on the subscribers' polling.
    public var notifiesSubscribers: Bool

    /// The NOTIFY channel appends use.
    public static let channel = "jointops_events"

    public init(connection: Connection, upcasters: UpcasterChain = UpcasterChain(), notifiesSubscribers: Bool = true) {
        self.connection = connection
        self.upcasters = upcasters
        self.notifiesSubscribers = notifiesSubscribers
    }

    static let appendSQL = "SELECT last_version, positions FROM eventstore.append($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)"
    static let commandSQL = "SELECT last_version, positions FROM eventstore.commands WHERE command_id = $1"
    static let wrongExpectedVersionState: SQLState = "JO409"

    /// Appends events to a stream in one transaction.
    ///
    /// - Returns: the new stream version and the events' positions; for a command id that was
    ///   appended before, the original result with `wasAlreadyAppended` and nothing written.
    /// - Throws: `EventStoreError.wrongExpectedVersion` (nothing written) or `PostgresError`.
    @discardableResult
    public func append(_ events: [NewEvent], to stream: String, expecting expected: ExpectedVersion,
                       metadata: CommandMetadata) throws -> AppendResult {
        guard !events.isEmpty else { throw EventStoreError.emptyAppend(stream: stream) }
        let payload = try Self.encode(events)
        let parameters: [(any PostgresBindable)?] = [
            stream, expected.parameter, metadata.commandId, metadata.actor, metadata.agency,
            metadata.correlationId, metadata.causationId, JSONText(payload), notifiesSubscribers,
        ]
        // A retry after 40001 runs in a new transaction, which always has a larger id (see the schema).
        var attempt = 0
        while true {
            attempt += 1
            do {
                let row = try connection.execute(Self.appendSQL, parameters)[0]
                return AppendResult(streamVersion: try row.get(0), positions: try Self.positions(row),
                                    wasAlreadyAppended: false)
            } catch let error as PostgresError where error.sqlState == .uniqueViolation
                        && error.constraint == "commands_pkey" {
                return try originalResult(of: metadata.commandId)
            } catch let error as PostgresError where error.sqlState == Self.wrongExpectedVersionState {
                let actual = error.detail.flatMap { Int64($0) } ?? -1
                throw EventStoreError.wrongExpectedVersion(stream: stream, expected: expected, actual: actual)
            } catch let error as PostgresError
                        where (error.sqlState == .serializationFailure || error.sqlState == .deadlockDetected)
                        && attempt < 50 && !connection.isInTransaction {
                continue
            }
        }
    }

    /// The result a command id got when it was first appended.
    private func originalResult(of commandId: UUID) throws -> AppendResult {
        guard let row = try connection.execute(Self.commandSQL, [commandId]).first else {
            throw PostgresError(kind: .client, message: "command \(commandId) vanished after a duplicate report")
        }
        return AppendResult(streamVersion: try row.get(0), positions: try Self.positions(row), wasAlreadyAppended: true)
    }

    /// The stream's current version; 0 when it does not exist.
    public func version(of stream: String) throws -> Int64 {
        let result = try connection.execute("SELECT version FROM eventstore.streams WHERE stream_id = $1", [stream])
        return try result.first?.get(0) ?? 0
    }

    /// The events of one stream in version order, from `version` on.
    public func read(stream: String, from version: Int64 = 1) throws -> [RecordedEvent] {
        let result = try connection.execute(
            "SELECT \(Self.columns) FROM eventstore.events e WHERE e.stream_id = $1 AND e.stream_version >= $2 ORDER BY e.stream_version",
            [stream, version])
        return try decode(result)
    }

    /// The next events of all streams after `position`, in commit-safe order.
    ///
    /// Only transactions older than every transaction still running are read, so once a caller has
    /// passed a position no event can later appear before it (see the schema's comment).
    public func readAll(after position: GlobalPosition, limit: Int = 1000) throws -> [RecordedEvent] {
        let result = try connection.execute(Self.readAllSQL, [String(position.transactionId), position.position, limit])
        return try decode(result)
    }

    // ORDER BY names the table's columns explicitly: the select list has `transaction_id::text AS
    // transaction_id_text`, and a bare output-column name in ORDER BY would sort transaction ids as
    // text ("1000" before "999") while WHERE compares them as numbers, so a batch would skip events.
    static let readAllSQL = """
        SELECT \(columns) FROM eventstore.events e
        WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.position
        LIMIT $3
        """

    static let columns = """
        position, transaction_id::text AS transaction_id_text, stream_id, stream_version, event_id, event_type, schema_version, \
        data::text, command_id, actor, agency, correlation_id, causation_id, occurred_at, recorded_at
        """

    /// `transaction_id_text`: NULL is an error; text that is not a `UInt64` reads as 0, as it always has.
    private static func transactionId(_ row: Row) throws -> UInt64 {
        if row.isNull(1) { return try row.uint64(1) }
        return (try? row.uint64(1)) ?? 0
    }

    /// One `RecordedEvent` per row of `columns`, through `Row`'s concrete accessors: no generic
    /// calls, no intermediate `String`s for numbers, ids or timestamps.
    func decode(_ result: QueryResult) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        events.reserveCapacity(result.rowCount)
        for index in 0..<result.rowCount {
            let row = result[index]
            var event = RecordedEvent(
                position: try row.int64(0),
                transactionId: try Self.transactionId(row),
                streamId: try row.string(2),
                streamVersion: try row.int64(3),
                id: try row.uuid(4),
                type: try row.string(5),
                schemaVersion: try row.int(6),
                data: row.textBytes(7) ?? Data(),
                commandId: try row.uuid(8),
                actor: try row.string(9),
                agency: try row.optionalString(10),
                correlationId: try row.uuid(11),
                causationId: try row.optionalUUID(12),
                occurredAt: try row.date(13),
                recordedAt: try row.date(14))
            if !upcasters.isEmpty { try upcasters.upcast(&event) }
            events.append(event)
        }
        return events
    }

    private static func positions(_ row: Row) throws -> [Int64] {
        try row.get(1, as: [String].self).map { Int64($0) ?? -1 }
    }

    /// The JSON array `eventstore.append` takes.
    static func encode(_ events: [NewEvent]) throws -> String {
        var json = "["
        for (index, event) in events.enumerated() {
            guard event.data.first(where: { !$0.isJSONWhitespace }) == UInt8(ascii: "{") else {
                throw EventStoreError.invalidEventData(type: event.type)
            }
            if index > 0 { json += "," }
            json += "{\"event_id\":\"\(event.id.uuidString.lowercased())\",\"type\":"
            json += jsonString(event.type)
            json += ",\"schema_version\":\(event.schemaVersion),\"occurred_at\":\"\(event.occurredAt.postgresText)\",\"data\":"
            json += String(decoding: event.data, as: UTF8.self)
            json += "}"
        }
        return json + "]"
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension UInt8 {
    fileprivate var isJSONWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}

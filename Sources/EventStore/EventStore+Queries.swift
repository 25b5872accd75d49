import Foundation
import Postgres

/// What one command id recorded when it was appended.
public struct RecordedCommand: Sendable, Equatable {
    public var commandId: UUID
    public var streamId: String
    /// The stream versions of the command's first and last event.
    public var firstVersion: Int64
    public var lastVersion: Int64
    /// The global positions of its events, in stream order.
    public var positions: [Int64]
    /// When it was recorded (the transaction's start).
    public var recordedAt: Date
    /// The command's name and fingerprint (`CommandFingerprint`); nil for rows older than migration 0015
    /// and for appends that carried none.
    public var type: String?
    public var fingerprint: UUID?
    /// The types of the events it appended, in stream order.
    public var eventTypes: [String]

    public init(commandId: UUID, streamId: String, firstVersion: Int64, lastVersion: Int64, positions: [Int64],
                recordedAt: Date, type: String? = nil, fingerprint: UUID? = nil, eventTypes: [String] = []) {
        self.commandId = commandId
        self.streamId = streamId
        self.firstVersion = firstVersion
        self.lastVersion = lastVersion
        self.positions = positions
        self.recordedAt = recordedAt
        self.type = type
        self.fingerprint = fingerprint
        self.eventTypes = eventTypes
    }
}

/// Which events `events(matching:)` lists; every condition left nil matches everything.
public struct EventFilter: Sendable, Equatable {
    public enum Order: Sendable, Equatable { case oldestFirst, newestFirst }

    public var stream: String?
    /// Any of these event types.
    public var types: [String]?
    public var actor: String?
    /// Recorded at or after `recordedFrom`, and before `recordedBefore`.
    public var recordedFrom: Date?
    public var recordedBefore: Date?
    public var limit: Int
    public var order: Order
    /// Only events after the one at this position, in `order` (a keyset page: `events list --after`).
    public var after: Int64?

    public init(stream: String? = nil, types: [String]? = nil, actor: String? = nil, recordedFrom: Date? = nil,
                recordedBefore: Date? = nil, limit: Int = 50, order: Order = .oldestFirst, after: Int64? = nil) {
        self.after = after
        self.stream = stream
        self.types = types
        self.actor = actor
        self.recordedFrom = recordedFrom
        self.recordedBefore = recordedBefore
        self.limit = limit
        self.order = order
    }
}

/// A text field of event payloads, e.g. `PayloadField("party", "partyId")` for `data->'party'->>'partyId'`.
///
/// Written into the query as that expression, so an expression index on exactly it (migration 0002)
/// serves the lookup. Keys are names chosen in code, never input: letters, digits and `_` only.
public struct PayloadField: Sendable, Hashable {
    public let path: [String]

    public init(_ path: String...) {
        precondition(!path.isEmpty && path.allSatisfy { key in
            !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        }, "payload keys are plain names: \(path)")
        self.path = path
    }

    var expression: String {
        "e.data" + path.dropLast().map { "->'\($0)'" }.joined() + "->>'\(path[path.count - 1])'"
    }
}

extension EventStore {
    static let recordedCommandSQL = """
        SELECT c.command_id, c.stream_id, c.first_version, c.last_version, c.positions, c.recorded_at,
               c.command_type, c.fingerprint,
               ARRAY(SELECT e.event_type FROM eventstore.events e
                     WHERE e.stream_id = c.stream_id AND e.stream_version BETWEEN c.first_version AND c.last_version
                     ORDER BY e.stream_version)
        FROM eventstore.commands c WHERE c.command_id = $1
        """

    /// What `commandId` recorded, or nil when no append carried it.
    public func command(_ commandId: UUID) throws -> RecordedCommand? {
        guard let row = try connection.execute(Self.recordedCommandSQL, [commandId]).first else { return nil }
        return RecordedCommand(commandId: try row.uuid(0), streamId: try row.string(1), firstVersion: try row.int64(2),
                               lastVersion: try row.int64(3),
                               positions: try row.get(4, as: [String].self).map { Int64($0) ?? -1 },
                               recordedAt: try row.date(5), type: try row.optionalString(6),
                               fingerprint: try row.optionalUUID(7), eventTypes: try row.get(8, as: [String].self))
    }

    /// The result `commandId` recorded, for a retry that carries `fingerprint`; nil for an unknown id.
    ///
    /// - Throws: `CommandIdConflict` when the id was recorded for a command with another fingerprint.
    public func recordedResult(of commandId: UUID, fingerprint: CommandFingerprint?) throws -> AppendResult? {
        guard let recorded = try command(commandId) else { return nil }
        guard recorded.isSame(as: fingerprint) else { throw CommandIdConflict(original: recorded) }
        return recorded.appendResult
    }

    // Listings go in the followers' order (transaction id, then position) but include events still
    // held back behind a running transaction: a listing is a look, not a checkpoint to pass.
    static let eventsOldestFirstSQL = """
        SELECT \(columns) FROM eventstore.events e
        WHERE ($1::text IS NULL OR e.stream_id = $1::text) AND ($2::text[] IS NULL OR e.event_type = ANY($2::text[]))
          AND ($3::text IS NULL OR e.actor = $3::text)
          AND ($4::timestamptz IS NULL OR e.recorded_at >= $4::timestamptz)
          AND ($5::timestamptz IS NULL OR e.recorded_at < $5::timestamptz)
          AND ($7::bigint IS NULL OR (e.transaction_id, e.position) >
               (SELECT a.transaction_id, a.position FROM eventstore.events a WHERE a.position = $7::bigint))
        ORDER BY e.transaction_id, e.position
        LIMIT $6
        """

    static let eventsNewestFirstSQL = """
        SELECT \(columns) FROM eventstore.events e
        WHERE ($1::text IS NULL OR e.stream_id = $1::text) AND ($2::text[] IS NULL OR e.event_type = ANY($2::text[]))
          AND ($3::text IS NULL OR e.actor = $3::text)
          AND ($4::timestamptz IS NULL OR e.recorded_at >= $4::timestamptz)
          AND ($5::timestamptz IS NULL OR e.recorded_at < $5::timestamptz)
          AND ($7::bigint IS NULL OR (e.transaction_id, e.position) <
               (SELECT a.transaction_id, a.position FROM eventstore.events a WHERE a.position = $7::bigint))
        ORDER BY e.transaction_id DESC, e.position DESC
        LIMIT $6
        """

    /// Committed events that match `filter`, upcast, at most `filter.limit`.
    public func events(matching filter: EventFilter) throws -> [RecordedEvent] {
        let sql = filter.order == .oldestFirst ? Self.eventsOldestFirstSQL : Self.eventsNewestFirstSQL
        return try decode(connection.execute(sql, [filter.stream, filter.types, filter.actor, filter.recordedFrom,
                                                   filter.recordedBefore, filter.limit, filter.after]))
    }

    /// Every event of every stream whose id starts with `prefix`, by stream id ("C" order), then version.
    public func readStreams(withPrefix prefix: String) throws -> [RecordedEvent] {
        try decode(connection.execute(Self.prefixEventsSQL, [prefix, Self.upperBound(prefix)]))
    }

    // Prefix ranges on the "C" collation, which `streams_stream_id_c_idx` (migration 0002) serves with
    // bound parameters; a LIKE pattern in a generic plan cannot use it.
    static let prefixEventsSQL = """
        SELECT \(columns) FROM eventstore.events e
        WHERE e.stream_id COLLATE "C" >= $1 AND e.stream_id COLLATE "C" < $2
        ORDER BY e.stream_id, e.stream_version
        """

    static let streamIdsSQL = """
        SELECT stream_id FROM eventstore.streams
        WHERE stream_id COLLATE "C" >= $1 AND stream_id COLLATE "C" < $2
        ORDER BY stream_id COLLATE "C"
        """

    static let highestNumberSQL = """
        SELECT COALESCE(max(substring(stream_id FROM $3::int)::bigint), 0)
        FROM eventstore.streams
        WHERE stream_id COLLATE "C" >= $1 AND stream_id COLLATE "C" < $2
          AND substring(stream_id FROM $3::int) ~ '^[0-9]+$'
        """

    /// The ids of the streams that start with `prefix`, in "C" order.
    public func streamIds(withPrefix prefix: String) throws -> [String] {
        try connection.execute(Self.streamIdsSQL, [prefix, Self.upperBound(prefix)]).rows.map { try $0.string(0) }
    }

    /// The highest number that follows `prefix` in a stream id made of `prefix` and digits only
    /// (`CASE-2023-` → 123 for `CASE-2023-0123`); 0 when there is none.
    public func highestNumber(afterPrefix prefix: String) throws -> Int64 {
        try connection.execute(Self.highestNumberSQL, [prefix, Self.upperBound(prefix), prefix.count + 1])[0].int64(0)
    }

    /// Events in the store, held back or not.
    public func eventCount() throws -> Int64 {
        try connection.execute("SELECT count(*) FROM eventstore.events")[0].int64(0)
    }

    /// Events of `types` whose stored payload has `value` in each field (before upcasting), in position
    /// order, leaving out streams that have an event of type `excludedType`; upcast.
    ///
    /// With the fields of an expression index of migration 0002 and the types of its predicate, the
    /// index answers it.
    public func events(ofTypes types: [String], where fields: [(PayloadField, String)],
                       inStreamsWithout excludedType: String? = nil) throws -> [RecordedEvent] {
        var sql = "SELECT \(Self.columns) FROM eventstore.events e\nWHERE e.event_type = ANY($1::text[])"
        var parameters: [(any PostgresBindable)?] = [types]
        for (field, value) in fields {
            parameters.append(value)
            sql += "\n  AND \(field.expression) = $\(parameters.count)::text"
        }
        if let excludedType {
            parameters.append(excludedType)
            sql += "\n  AND NOT EXISTS (SELECT 1 FROM eventstore.events x"
                + " WHERE x.stream_id = e.stream_id AND x.event_type = $\(parameters.count)::text)"
        }
        return try decode(connection.execute(sql + "\nORDER BY e.position", parameters))
    }

    /// The smallest string above every string starting with `prefix` (ASCII prefixes: bump the last byte).
    static func upperBound(_ prefix: String) -> String {
        var bytes = Array(prefix.utf8)
        bytes[bytes.count - 1] += 1
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Foundation
import Postgres

/// The PostgreSQL event store: atomic, idempotent appends and commit-safe reads.
///
/// Works on one `Connection` (not shared between threads). The schema comes from
/// `Schema/0001_create_event_store.sql`; its comment explains the commit-safe order.
public final class EventStore {
    public let connection: Connection
    public var upcasters: UpcasterChain
    /// Whether appends wake subscribers with NOTIFY: right after the append commits, or at the commit
    /// of the caller's transaction (see `append`). Bulk writers may turn it off and rely on the
    /// subscribers' polling.
    public var notifiesSubscribers: Bool

    /// The NOTIFY channel appends use.
    public static let channel = "jointops_events"

    public init(connection: Connection, upcasters: UpcasterChain = UpcasterChain(), notifiesSubscribers: Bool = true) {
        self.connection = connection
        self.upcasters = upcasters
        self.notifiesSubscribers = notifiesSubscribers
    }

    /// A wake-up after an append has committed; asynchronous commit, since a lost one only delays a
    /// subscriber until its next poll.
    static let notifySQL = "SELECT set_config('synchronous_commit', 'off', true), pg_notify('\(channel)', '')"
    static let commandSQL = "SELECT last_version, positions FROM eventstore.commands WHERE command_id = $1"
    static let refusedSQL = "SELECT last_version, positions FROM eventstore.append_refused($1, $2, $3)"

    // An append is one plain statement, not a function call (Schema/migrations/0004_append_as_one_statement.sql
    // says why). Parameters: $1 stream, $2 command id, $3 actor, $4 agency, $5 correlation id, $6 causation id,
    // then the event (one event: $7 id, $8 type, $9 schema version, $10 data, $11 occurred at) or the
    // events as one jsonb array ($7), then the expected version (`.exact` only).
    //
    // The first step claims the stream row. Each form also requires the stream's last append to come from
    // a transaction no newer than this one (`<=`: one transaction may append to a stream twice), checked on
    // the row it locks: transaction ids are handed out when a transaction first writes, not in lock order,
    // and a follower reading in transaction-id order would otherwise see this append before the one it
    // follows (see 0001). A failed guard writes nothing and returns no row.
    private enum StreamClaim: Int, CaseIterable { case exact, noStream, any }

    private static func claimSQL(_ claim: StreamClaim, count: String, expected: String) -> String {
        switch claim {
        case .exact:
            return """
                UPDATE eventstore.streams s
                SET version = s.version + \(count), prev_xid = s.last_xid, last_xid = pg_current_xact_id(), updated_at = now()
                WHERE s.stream_id = $1::text AND s.version = \(expected) AND s.last_xid <= pg_current_xact_id()
                RETURNING s.version, s.last_xid
                """
        case .noStream:
            // No earlier append, so nothing to order against; an existing stream means "wrong version".
            return """
                INSERT INTO eventstore.streams (stream_id, version, last_xid) VALUES ($1::text, \(count), pg_current_xact_id())
                ON CONFLICT ON CONSTRAINT streams_pkey DO NOTHING
                RETURNING version, last_xid
                """
        case .any:
            return """
                INSERT INTO eventstore.streams AS s (stream_id, version, last_xid) VALUES ($1::text, \(count), pg_current_xact_id())
                ON CONFLICT ON CONSTRAINT streams_pkey DO UPDATE
                SET version = s.version + excluded.version, prev_xid = s.last_xid, last_xid = excluded.last_xid, updated_at = now()
                WHERE s.last_xid <= excluded.last_xid
                RETURNING s.version, s.last_xid
                """
        }
    }

    private static let eventColumns = "transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, "
        + "command_id, actor, agency, correlation_id, causation_id, occurred_at"

    /// The append statement; the events are inserted FROM the claimed stream row, so only when it moved on.
    /// The commands row is a plain INSERT: a command id appended before (or by a racing transaction) raises
    /// 23505 on commands_pkey and the whole statement, stream row included, rolls back.
    private static func appendSQL(_ claim: StreamClaim, single: Bool, notify: Bool) -> String {
        let events = single
            ? """
                SELECT s.last_xid, $1::text, s.version, $7::uuid, $8::text, $9::integer, $10::jsonb,
                       $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, $11::timestamptz
                FROM s
                """
            : """
                SELECT s.last_xid, $1::text, s.version - jsonb_array_length($7::jsonb) + x.n, (x.value->>'event_id')::uuid,
                       x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
                       $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz
                FROM s, jsonb_array_elements($7::jsonb) WITH ORDINALITY AS x(value, n)
                ORDER BY x.n
                """
        let count = single ? "1" : "jsonb_array_length($7::jsonb)"
        let expected = single ? "$12::bigint" : "$8::bigint"
        return """
            WITH s AS (
            \(claimSQL(claim, count: count, expected: expected))
            ), e AS (
            INSERT INTO eventstore.events (\(eventColumns))
            \(events)
            RETURNING position, stream_version
            ), c AS (
            INSERT INTO eventstore.commands (command_id, stream_id, first_version, last_version, positions)
            SELECT $2::uuid, $1::text, min(e.stream_version), max(e.stream_version), array_agg(e.position ORDER BY e.position)
            FROM e HAVING count(*) > 0
            )
            SELECT s.version, (SELECT array_agg(e.position ORDER BY e.position) FROM e)\(notify ? ", pg_notify('\(channel)', '')" : "")
            FROM s
            """
    }

    /// Every form of the append statement, built once: index `claim * 4 + (single ? 2 : 0) + (notify ? 1 : 0)`.
    private static let appendStatements: [String] = StreamClaim.allCases.flatMap { claim in
        [false, true].flatMap { single in [false, true].map { notify in appendSQL(claim, single: single, notify: notify) } }
    }

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
        let claim: StreamClaim
        switch expected.parameter {
        case nil: claim = .any
        case 0: claim = .noStream
        default: claim = .exact
        }
        var parameters: [(any PostgresBindable)?] = [
            stream, metadata.commandId, metadata.actor, metadata.agency, metadata.correlationId, metadata.causationId,
        ]
        if events.count == 1 {
            let event = events[0]
            try Self.requireObject(event)
            parameters += [event.id, event.type, event.schemaVersion, JSONText(String(decoding: event.data, as: UTF8.self)),
                           event.occurredAt]
        } else {
            parameters.append(JSONText(try Self.encode(events)))
        }
        if claim == .exact { parameters.append(expected.parameter) }
        // NOTIFY inside a transaction takes a cluster-wide lock at commit and holds it through the commit's
        // WAL flush, so notifying appends from many writers commit one at a time (4–10× slower at 16
        // writers). An append on its own is therefore followed, in the same round trip, by a separate
        // NOTIFY transaction that does not wait for its flush: the append commits with everyone else's,
        // and subscribers still wake as soon as it has committed. Inside a caller's transaction the
        // NOTIFY stays in it, delivered at that commit.
        let notifyAfterCommit = notifiesSubscribers && !connection.isInTransaction
        let notifyInStatement = notifiesSubscribers && !notifyAfterCommit
        let sql = Self.appendStatements[claim.rawValue * 4 + (events.count == 1 ? 2 : 0) + (notifyInStatement ? 1 : 0)]
        // A retry after 40001 runs in a new transaction, which always has a larger id (see the schema).
        var attempt = 0
        while true {
            attempt += 1
            do {
                let result = notifyAfterCommit
                    ? try connection.pipeline(transactions: [[(sql, parameters)], [(Self.notifySQL, [])]])[0].get()[0]
                    : try connection.execute(sql, parameters)
                if let row = result.first {
                    return AppendResult(streamVersion: try row.get(0), positions: try Self.positions(row),
                                        wasAlreadyAppended: false)
                }
                // No row: a guard failed and nothing was written. Ask why: it returns the original result of a
                // command appended meanwhile, or throws a wrong version (JO409) or "retry" (40001).
                return try refusedAppend(to: stream, expecting: expected, commandId: metadata.commandId)
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

    /// Why an append statement wrote nothing (`eventstore.append_refused`): the original result of its
    /// command id, or it throws.
    private func refusedAppend(to stream: String, expecting expected: ExpectedVersion, commandId: UUID) throws -> AppendResult {
        guard let row = try connection.execute(Self.refusedSQL, [stream, expected.parameter, commandId]).first else {
            throw PostgresError(kind: .client, message: "append to \(stream) wrote nothing and no reason was given")
        }
        return AppendResult(streamVersion: try row.get(0), positions: try Self.positions(row), wasAlreadyAppended: true)
    }

    /// Event data must be a JSON object (the table checks it too).
    private static func requireObject(_ event: NewEvent) throws {
        guard event.data.first(where: { !$0.isJSONWhitespace }) == UInt8(ascii: "{") else {
            throw EventStoreError.invalidEventData(type: event.type)
        }
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
        let result = try connection.execute(Self.readAllSQL, [position.transactionId, position.position, limit])
        return try decode(result)
    }

    // ORDER BY names the table's columns (`e.`): a bare name would bind to an output column first.
    static let readAllSQL = """
        SELECT \(columns) FROM eventstore.events e
        WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.position
        LIMIT $3
        """

    // Transaction ids leave the database as `xid8` values, never cast to text: libpq's text format
    // prints them as decimal digits anyway, and an ORDER BY that binds to an output column still sorts
    // numbers. Cast to text, "1336" sorts before "999" (the read-all and report --wait bugs of old).
    // They go in as bound `UInt64`s cast with `::xid8`, and are compared only as `xid8`.
    static let columns = """
        position, transaction_id, stream_id, stream_version, event_id, event_type, schema_version, \
        data::text, command_id, actor, agency, correlation_id, causation_id, occurred_at, recorded_at
        """

    /// One `RecordedEvent` per row of `columns`, through `Row`'s concrete accessors: no generic
    /// calls, no intermediate `String`s for numbers, ids or timestamps.
    func decode(_ result: QueryResult) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        events.reserveCapacity(result.rowCount)
        for index in 0..<result.rowCount {
            let row = result[index]
            var event = RecordedEvent(
                position: try row.int64(0),
                transactionId: try row.uint64(1),
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

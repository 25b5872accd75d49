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
    /// Appends events to a stream in one transaction.
    ///
    /// - Returns: the new stream version and the events' positions; for a command id that was
    ///   appended before, the original result with `wasAlreadyAppended` and nothing written.
    /// - Throws: `EventStoreError.wrongExpectedVersion` (nothing written) or `PostgresError`.
    @discardableResult
    public func append(_ events: [NewEvent], to stream: String, expecting expected: ExpectedVersion,
                       metadata: CommandMetadata) throws -> AppendResult {
        guard !events.isEmpty else { throw EventStoreError.emptyAppend(stream: stream) }
        let claim = StreamClaim(expected)
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
        if claim == .atVersion { parameters.append(expected.parameter) }
        parameters += [metadata.fingerprint?.type, metadata.fingerprint?.digest]
        // NOTIFY inside a transaction takes a cluster-wide lock at commit and holds it through the commit's
        // WAL flush, so notifying appends from many writers commit one at a time (4–10× slower at 16
        // writers). An append on its own is therefore followed, in the same round trip, by a separate
        // NOTIFY transaction that does not wait for its flush: the append commits with everyone else's,
        // and subscribers still wake as soon as it has committed. Inside a caller's transaction the
        // NOTIFY stays in it, delivered at that commit.
        let notifyAfterCommit = notifiesSubscribers && !connection.isInTransaction
        let notifyInStatement = notifiesSubscribers && !notifyAfterCommit
        let sql = Self.appendStatement(claim, single: events.count == 1, notify: notifyInStatement)
        // A retry after 40001 runs in a new transaction, which always has a larger id (see the schema).
        var attempt = 0
        while true {
            attempt += 1
            do {
                let result = notifyAfterCommit
                    ? try connection.pipeline(transactions: [[(sql, parameters)], [(Self.notifySQL, [])]])[0].get()[0]
                    : try connection.execute(sql, parameters)
                if let row = result.first {
                    return AppendResult(streamId: stream, streamVersion: try row.get(0), positions: try Self.positions(row),
                                        wasAlreadyAppended: false)
                }
                // No row: a guard failed and nothing was written. Ask why: it returns the original result of a
                // command appended meanwhile, or throws a wrong version or "retry" (40001).
                return try refusedAppend(to: stream, expecting: expected, metadata: metadata)
            } catch let error as PostgresError where error.sqlState == .uniqueViolation
                        && error.constraint == "commands_pkey" {
                // The error aborted a caller's transaction, where nothing more can be read: its owner asks.
                if connection.isInTransaction { throw EventStoreError.commandRecordedMeanwhile(metadata.commandId) }
                return try originalResult(of: metadata)
            } catch let error as PostgresError
                        where (error.sqlState == .serializationFailure || error.sqlState == .deadlockDetected)
                        && attempt < 50 && !connection.isInTransaction {
                continue
            }
        }
    }

    /// The result a command id got when it was first appended, on whichever stream that was.
    /// - Throws: `CommandIdConflict` when it was recorded for another command.
    private func originalResult(of metadata: CommandMetadata) throws -> AppendResult {
        guard let result = try recordedResult(of: metadata.commandId, fingerprint: metadata.fingerprint) else {
            throw PostgresError(kind: .client, message: "command \(metadata.commandId) vanished after a duplicate report")
        }
        return result
    }

    /// Why an append statement wrote nothing: the original result of its command id when that was
    /// appended meanwhile; else the stream is not at the expected version; else the stream's last
    /// append came from a newer transaction, and the append must run again in a new one (40001).
    private func refusedAppend(to stream: String, expecting expected: ExpectedVersion,
                               metadata: CommandMetadata) throws -> AppendResult {
        let row = try connection.execute(Self.refusalFactsSQL, [stream, metadata.commandId])[0]
        if try row.get(0, as: Bool.self) { return try originalResult(of: metadata) }
        let actual: Int64 = try row.decode(1) ?? 0
        if let wanted = expected.parameter, wanted != actual {
            throw EventStoreError.wrongExpectedVersion(stream: stream, expected: expected, actual: actual)
        }
        throw PostgresError(kind: .server, message: "stream \(stream) was appended by a newer transaction; retry the append",
                            sqlState: .serializationFailure)
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
    /// Only transactions older than every transaction still running that may append events are read
    /// (`eventstore.readable_horizon()`, migration 0008), so once a caller has passed a position no event
    /// can later appear before it (see the schema's comment).
    public func readAll(after position: GlobalPosition, limit: Int = 1000) throws -> [RecordedEvent] {
        let result = try connection.execute(Self.readAllSQL, [position.transactionId, position.position, limit])
        return try decode(result)
    }

    // ORDER BY names the table's columns (`e.`): a bare name would bind to an output column first.
    static let readAllSQL = """
        SELECT \(columns) FROM eventstore.events e
        WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
          AND e.transaction_id < (SELECT eventstore.readable_horizon())
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

    /// The jsonb array ($7) of the statements that append many events.
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

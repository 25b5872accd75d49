import Foundation
import Postgres

/// What `LogVerifier` found: the log as recorded, or the first place it was changed.
public enum LogVerification: Sendable, Equatable {
    case intact(LogCheck)
    case altered(LogDamage)
}

/// What a clean verification covered.
public struct LogCheck: Sendable, Equatable {
    /// Events whose hash was recomputed (from `from` on, of `stream` when given).
    public let events: Int64
    public let streams: Int64
    /// Seals recomputed; 0 when only one stream was checked.
    public let seals: Int64
    /// The latest seal, when seals were checked.
    public let lastSeal: LogSeal?

    public init(events: Int64, streams: Int64, seals: Int64, lastSeal: LogSeal?) {
        self.events = events
        self.streams = streams
        self.seals = seals
        self.lastSeal = lastSeal
    }
}

/// The first thing that does not match what was recorded.
public enum LogDamage: Sendable, Equatable {
    /// The event's stored hash differs from the one recomputed over its content and the stream's chain
    /// (its content was changed, or an event before it in the stream was changed, removed or moved).
    case event(position: Int64, stream: String, version: Int64)
    /// The stream's row disagrees with its last event (an event at its end was removed or replaced).
    case stream(String, version: Int64)
    /// A seal no longer matches the events it covers (an event removed, put back or reordered there),
    /// or the seals' own chain is broken.
    case seal(number: Int64, firstPosition: Int64?, lastPosition: Int64)
    /// `--against`: no seal with this hash is in the log.
    case unknownSeal(hash: String)
}

/// Recomputes the per-stream hash chains and the seals (migration 0009 defines both) and reports the
/// first mismatch. Reads only, in one repeatable-read snapshot, so concurrent appends do not disturb it.
public struct LogVerifier {
    let connection: Connection

    public init(connection: Connection) { self.connection = connection }

    /// Checks chains from position `from` (all when nil) of `stream` (all when nil), then, unless one
    /// stream was asked for, every seal; with `against`, also that a seal with that hash is in the log.
    public func verify(from: Int64? = nil, stream: String? = nil, against: String? = nil) throws -> LogVerification {
        try connection.transaction {
            try connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            if let damage = try firstAlteredEvent(from: from ?? 0, stream: stream) { return .altered(damage) }
            if let damage = try firstAlteredStream(stream: stream) { return .altered(damage) }
            var sealCount: Int64 = 0
            var lastSeal: LogSeal?
            if stream == nil {
                if let damage = try firstAlteredSeal() { return .altered(damage) }
                let seals = try connection.execute(Self.lastSealSQL)[0]
                sealCount = try seals.get(0)
                if !seals.isNull(1) {
                    lastSeal = LogSeal(number: try seals.get(1), lastPosition: try seals.get(2), hash: try seals.get(3))
                }
            }
            if let against {
                let found = try connection.execute(
                    "SELECT 1 FROM eventstore.seals WHERE hash = decode($1, 'hex')", [against])
                if found.rowCount == 0 { return .altered(.unknownSeal(hash: against)) }
                if stream != nil, let damage = try firstAlteredSeal() { return .altered(damage) }
            }
            let counts = try connection.execute(Self.countSQL, [from ?? 0, stream])[0]
            return .intact(LogCheck(events: try counts.get(0), streams: try counts.get(1), seals: sealCount,
                                    lastSeal: lastSeal))
        }
    }

    private func firstAlteredEvent(from: Int64, stream: String?) throws -> LogDamage? {
        let result = try connection.execute(Self.firstAlteredEventSQL, [from, stream])
        guard result.rowCount > 0 else { return nil }
        return .event(position: try result[0].get(0), stream: try result[0].get(1), version: try result[0].get(2))
    }

    private func firstAlteredStream(stream: String?) throws -> LogDamage? {
        let result = try connection.execute(Self.firstAlteredStreamSQL, [stream])
        guard result.rowCount > 0 else { return nil }
        return .stream(try result[0].get(0), version: try result[0].get(1))
    }

    private func firstAlteredSeal() throws -> LogDamage? {
        let result = try connection.execute(Self.firstAlteredSealSQL)
        guard result.rowCount > 0 else { return nil }
        return .seal(number: try result[0].get(0), firstPosition: try result[0].decode(1), lastPosition: try result[0].get(2))
    }

    // Each event's hash recomputed from its stored content and the stored hash of the version before it
    // (the window), so a changed, removed or reordered event breaks the link at or after it.
    static let firstAlteredEventSQL = """
        SELECT c.position, c.stream_id, c.stream_version
        FROM (
            SELECT e.position, e.stream_id, e.stream_version, e.hash,
                   lag(e.stream_version) OVER w AS previous_version,
                   eventstore.chain_hash(lag(e.hash) OVER w, eventstore.event_content(e.stream_id, e.stream_version,
                       e.event_type, e.schema_version, e.data, e.event_id, e.command_id, e.actor, e.agency,
                       e.correlation_id, e.causation_id, e.occurred_at, e.recorded_at)) AS expected
            FROM eventstore.events e
            WHERE $2::text IS NULL OR e.stream_id = $2::text
            WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.stream_version)
        ) c
        WHERE c.position >= $1::bigint
          AND (c.hash IS DISTINCT FROM c.expected OR c.stream_version <> COALESCE(c.previous_version, 0) + 1)
        ORDER BY c.position
        LIMIT 1
        """

    static let firstAlteredStreamSQL = """
        SELECT s.stream_id, s.version
        FROM eventstore.streams s
        LEFT JOIN LATERAL (
            SELECT e.stream_version, e.hash FROM eventstore.events e
            WHERE e.stream_id = s.stream_id ORDER BY e.stream_version DESC LIMIT 1
        ) l ON true
        WHERE ($1::text IS NULL OR s.stream_id = $1::text)
          AND (l.stream_version IS DISTINCT FROM s.version OR l.hash IS DISTINCT FROM s.last_hash)
        ORDER BY s.stream_id
        LIMIT 1
        """

    // Each seal recomputed over the events between the seal before it and itself, chained to the
    // recomputed-from-storage hash of the seal before it.
    static let firstAlteredSealSQL = """
        WITH s AS (
            SELECT s.*, lag(s.last_transaction_id) OVER o AS after_xid, lag(s.last_position) OVER o AS after_position,
                   lag(s.hash) OVER o AS chained_hash, lag(s.seal_number) OVER o AS previous_number
            FROM eventstore.seals s
            WINDOW o AS (ORDER BY s.seal_number)
        )
        SELECT s.seal_number, r.first_position, s.last_position
        FROM s, LATERAL eventstore.seal_range(COALESCE(s.after_xid, '0'::xid8), COALESCE(s.after_position, 0),
                                              s.last_transaction_id, s.last_position) r
        WHERE s.seal_number <> COALESCE(s.previous_number, 0) + 1
           OR s.previous_hash IS DISTINCT FROM COALESCE(s.chained_hash, ''::bytea)
           OR s.event_count <> r.event_count
           OR s.hash IS DISTINCT FROM eventstore.seal_hash(COALESCE(s.chained_hash, ''::bytea), s.seal_number,
                                                           s.last_transaction_id, s.last_position, r.event_count, r.items)
        ORDER BY s.seal_number
        LIMIT 1
        """

    static let lastSealSQL = """
        SELECT (SELECT count(*) FROM eventstore.seals), l.seal_number, l.last_position, encode(l.hash, 'hex')
        FROM (VALUES (1)) AS one (n)
        LEFT JOIN LATERAL (SELECT * FROM eventstore.seals ORDER BY seal_number DESC LIMIT 1) l ON true
        """

    static let countSQL = """
        SELECT count(*), count(DISTINCT stream_id) FROM eventstore.events
        WHERE position >= $1::bigint AND ($2::text IS NULL OR stream_id = $2::text)
        """
}

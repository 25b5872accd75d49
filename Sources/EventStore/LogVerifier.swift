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
    /// The event names an officer its login was not bound to when it was recorded, or says an
    /// administrator recorded it (on someone's behalf) through a login that is no administrator.
    case author(position: Int64, stream: String, version: Int64, actor: String)
}

/// Where the log records which officer each login acts for, so `LogVerifier` can replay the bindings:
/// events of `eventType` in `stream` whose data holds the login and the officer under these keys.
public struct LoginBindings: Sendable, Equatable {
    public let stream: String
    public let eventType: String
    public let loginKey: String
    public let officerKey: String

    public init(stream: String, eventType: String, loginKey: String, officerKey: String) {
        self.stream = stream
        self.eventType = eventType
        self.loginKey = loginKey
        self.officerKey = officerKey
    }
}

/// Recomputes the per-stream hash chains and the seals (migration 0009 defines both) and reports the
/// first mismatch. Reads only, in one repeatable-read snapshot, so concurrent appends do not disturb it.
public struct LogVerifier {
    let connection: Connection

    public init(connection: Connection) { self.connection = connection }

    /// Checks chains from position `from` (all when nil) of `stream` (all when nil), then, unless one
    /// stream was asked for, every seal; with `against`, also that a seal with that hash is in the log.
    /// With `bindings`, also that each event's actor (`OFFICER login=LOGIN[ on-behalf]`, migration 0018)
    /// names the officer its login was bound to by then, or an administrator's login for an on-behalf act.
    public func verify(from: Int64? = nil, stream: String? = nil, against: String? = nil,
                       bindings: LoginBindings? = nil) throws -> LogVerification {
        try connection.transaction {
            try connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            if let damage = try firstAlteredEvent(from: from ?? 0, stream: stream) { return .altered(damage) }
            if let damage = try firstAlteredStream(stream: stream) { return .altered(damage) }
            if let bindings, let damage = try firstMisattributedEvent(from: from ?? 0, stream: stream, bindings) {
                return .altered(damage)
            }
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

    /// Whether the log has a stream `id` (a row or any event of it).
    public func hasStream(_ id: String) throws -> Bool {
        try connection.execute("""
            SELECT EXISTS (SELECT 1 FROM eventstore.streams WHERE stream_id = $1)
                OR EXISTS (SELECT 1 FROM eventstore.events WHERE stream_id = $1)
            """, [id])[0].get(0)
    }

    private func firstMisattributedEvent(from: Int64, stream: String?, _ bindings: LoginBindings) throws -> LogDamage? {
        let result = try connection.execute(Self.firstMisattributedEventSQL, [from, stream, bindings.stream, bindings.eventType,
                                                                             bindings.loginKey, bindings.officerKey])
        guard result.rowCount > 0 else { return nil }
        return .author(position: try result[0].get(0), stream: try result[0].get(1), version: try result[0].get(2),
                       actor: try result[0].get(3))
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

    // Each event's hash recomputed from its stored content and the chain (migration 0018 keeps the one
    // text of this check, which an analyst's `verify --against` runs too, through `reporting.check_seal`).
    static let firstAlteredEventSQL = """
        SELECT event_position, event_stream_id, event_stream_version FROM eventstore.first_altered_event($1::bigint, $2::text)
        """

    // Each event whose actor names a login (older events' free text names none): an own act needs a
    // binding of that login to that officer recorded before it (a login never moves to another officer);
    // an on-behalf or administrator's act needs a login that is an administrator (as the insert trigger
    // of 0018 requires; whether it still is one is what the database can say now).
    static let firstMisattributedEventSQL = """
        WITH bindings AS (
            SELECT b.position, b.data->>$5::text AS login, b.data->>$6::text AS officer
            FROM eventstore.events b WHERE b.stream_id = $3::text AND b.event_type = $4::text
        )
        SELECT e.position, e.stream_id, e.stream_version, e.actor
        FROM eventstore.events e, LATERAL eventstore.actor_login(e.actor) a
        WHERE e.position >= $1::bigint AND ($2::text IS NULL OR e.stream_id = $2::text)
          AND CASE WHEN a.on_behalf OR a.officer = 'administrator' THEN NOT eventstore.is_administrator(a.login)
                   ELSE NOT EXISTS (SELECT 1 FROM bindings b
                                    WHERE b.login = a.login AND b.officer = a.officer AND b.position < e.position) END
        ORDER BY e.position
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

    // Each seal recomputed over the events it covers (migration 0018 keeps the one text of this check,
    // which an analyst's `verify --against` runs too, through `reporting.check_seal`).
    static let firstAlteredSealSQL = """
        SELECT seal_number, first_position, last_position FROM eventstore.first_altered_seal(NULL)
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

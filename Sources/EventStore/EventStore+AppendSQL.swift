import Foundation

// Every statement an append sends, each written out whole: one text per SQL contract (migration 0005
// dropped the PL/pgSQL twin). An append is one plain statement, not a function call
// (Schema/migrations/0004_append_as_one_statement.sql says why).
//
// Parameters: $1 stream, $2 command id, $3 actor, $4 agency, $5 correlation id, $6 causation id, then
// the event (one event: $7 id, $8 type, $9 schema version, $10 data, $11 occurred at) or the events as
// one jsonb array ($7), then the expected version (`AtVersion` only: $12 for one event, $8 for many),
// then the command's type and fingerprint for its commands row (migration 0015; the next two numbers).
//
// The first step claims the stream row. Each form also requires the stream's last append to come from
// a transaction no newer than this one (`<=`: one transaction may append to a stream twice), checked on
// the row it locks: transaction ids are handed out when a transaction first writes, not in lock order,
// and a follower reading in transaction-id order would otherwise see this append before the one it
// follows (see 0001). A failed guard writes nothing and returns no row. `AtVersion` updates the row at
// the expected version; `ToNewStream` inserts it (no earlier append, so nothing to order against; an
// existing stream means "wrong version"); `AtAnyVersion` upserts it.
//
// The events are inserted FROM the claimed stream row, so only when it moved on. The commands row is a
// plain INSERT: a command id appended before (or by a racing transaction) raises 23505 on commands_pkey
// and the whole statement, stream row included, rolls back. `Notifying` forms also wake subscribers at
// the commit of the caller's transaction (see `append`).
//
// Each event's hash (migration 0009) is computed here, over what is stored: the stream row's UPDATE
// chains it to `last_hash`, which it reads after any append it waited for has committed, and the events
// take it from the row. Many-event forms live in EventStore+AppendManySQL.swift.
extension EventStore {
    /// How an append claims its stream row: the expected version as the statement checks it
    /// (`.exact(0)` is "no stream", as a stream's version is never 0).
    enum StreamClaim {
        case atVersion, newStream, anyVersion

        init(_ expected: ExpectedVersion) {
            switch expected.parameter {
            case nil: self = .anyVersion
            case 0: self = .newStream
            default: self = .atVersion
            }
        }
    }

    /// The statement for one append: which stream claim, one event or a jsonb array, NOTIFY or not.
    static func appendStatement(_ claim: StreamClaim, single: Bool, notify: Bool) -> String {
        switch (claim, single, notify) {
        case (.atVersion, true, false): return appendOneAtVersion
        case (.atVersion, true, true): return appendOneAtVersionNotifying
        case (.atVersion, false, false): return appendManyAtVersion
        case (.atVersion, false, true): return appendManyAtVersionNotifying
        case (.newStream, true, false): return appendOneToNewStream
        case (.newStream, true, true): return appendOneToNewStreamNotifying
        case (.newStream, false, false): return appendManyToNewStream
        case (.newStream, false, true): return appendManyToNewStreamNotifying
        case (.anyVersion, true, false): return appendOneAtAnyVersion
        case (.anyVersion, true, true): return appendOneAtAnyVersionNotifying
        case (.anyVersion, false, false): return appendManyAtAnyVersion
        case (.anyVersion, false, true): return appendManyAtAnyVersionNotifying
        }
    }

    /// `statement` that also wakes followers: its result row calls `pg_notify`, so the NOTIFY is sent on commit
    /// of the same statement, with no extra round trip. Every append statement ends with `SELECT s.version, …`.
    static func notifying(_ statement: String) -> String {
        let result = "SELECT s.version, (SELECT array_agg(e.position ORDER BY e.position) FROM e)"
        precondition(statement.components(separatedBy: result).count == 2, "an append statement has one result row")
        return statement.replacingOccurrences(of: result, with: result + ", pg_notify('jointops_events', '')")
    }

    /// The facts that explain why an append statement wrote nothing, read right after it: whether its
    /// command id was recorded meanwhile, and the stream's version now (NULL: no stream).
    static let refusalFactsSQL = """
        SELECT c.command_id IS NOT NULL, s.version
        FROM (VALUES (1)) AS one (n)
        LEFT JOIN eventstore.commands c ON c.command_id = $2::uuid
        LEFT JOIN eventstore.streams s ON s.stream_id = $1::text
        """

    static let appendOneAtVersion = """
        WITH s AS (
        UPDATE eventstore.streams s
        SET version = s.version + 1, prev_xid = s.last_xid, last_xid = pg_current_xact_id(), updated_at = now(),
            prev_hash = s.last_hash, last_hash = eventstore.chain_hash(s.last_hash, eventstore.event_content($1::text, s.version + 1, $8::text, $9::integer, $10::jsonb,
                $7::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, $11::timestamptz, now()))
        WHERE s.stream_id = $1::text AND s.version = $12::bigint AND s.last_xid <= pg_current_xact_id()
        RETURNING s.version, s.last_xid, s.last_hash
        ), e AS (
        INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, command_id, actor, agency, correlation_id, causation_id, occurred_at, hash)
        SELECT s.last_xid, $1::text, s.version, $7::uuid, $8::text, $9::integer, $10::jsonb,
               $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, $11::timestamptz, s.last_hash
        FROM s
        RETURNING position, stream_version
        ), c AS (
        INSERT INTO eventstore.commands (command_id, stream_id, first_version, last_version, positions, command_type, fingerprint)
        SELECT $2::uuid, $1::text, min(e.stream_version), max(e.stream_version), array_agg(e.position ORDER BY e.position),
               $13::text, $14::uuid
        FROM e HAVING count(*) > 0
        )
        SELECT s.version, (SELECT array_agg(e.position ORDER BY e.position) FROM e)
        FROM s
        """

    static let appendOneAtVersionNotifying = notifying(appendOneAtVersion)

    static let appendOneToNewStream = """
        WITH s AS (
        INSERT INTO eventstore.streams (stream_id, version, last_xid, last_hash)
        VALUES ($1::text, 1, pg_current_xact_id(), eventstore.chain_hash(NULL, eventstore.event_content($1::text, 1, $8::text, $9::integer, $10::jsonb,
                $7::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, $11::timestamptz, now())))
        ON CONFLICT ON CONSTRAINT streams_pkey DO NOTHING
        RETURNING version, last_xid, last_hash
        ), e AS (
        INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, command_id, actor, agency, correlation_id, causation_id, occurred_at, hash)
        SELECT s.last_xid, $1::text, s.version, $7::uuid, $8::text, $9::integer, $10::jsonb,
               $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, $11::timestamptz, s.last_hash
        FROM s
        RETURNING position, stream_version
        ), c AS (
        INSERT INTO eventstore.commands (command_id, stream_id, first_version, last_version, positions, command_type, fingerprint)
        SELECT $2::uuid, $1::text, min(e.stream_version), max(e.stream_version), array_agg(e.position ORDER BY e.position),
               $12::text, $13::uuid
        FROM e HAVING count(*) > 0
        )
        SELECT s.version, (SELECT array_agg(e.position ORDER BY e.position) FROM e)
        FROM s
        """

    static let appendOneToNewStreamNotifying = notifying(appendOneToNewStream)

    static let appendOneAtAnyVersion = """
        WITH s AS (
        INSERT INTO eventstore.streams AS s (stream_id, version, last_xid, last_hash)
        VALUES ($1::text, 1, pg_current_xact_id(), eventstore.chain_hash(NULL, eventstore.event_content($1::text, 1, $8::text, $9::integer, $10::jsonb,
                $7::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, $11::timestamptz, now())))
        ON CONFLICT ON CONSTRAINT streams_pkey DO UPDATE
        SET version = s.version + excluded.version, prev_xid = s.last_xid, last_xid = excluded.last_xid, updated_at = now(),
            prev_hash = s.last_hash, last_hash = eventstore.chain_hash(s.last_hash, eventstore.event_content($1::text, s.version + 1, $8::text, $9::integer, $10::jsonb,
                $7::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, $11::timestamptz, now()))
        WHERE s.last_xid <= excluded.last_xid
        RETURNING s.version, s.last_xid, s.last_hash
        ), e AS (
        INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, command_id, actor, agency, correlation_id, causation_id, occurred_at, hash)
        SELECT s.last_xid, $1::text, s.version, $7::uuid, $8::text, $9::integer, $10::jsonb,
               $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, $11::timestamptz, s.last_hash
        FROM s
        RETURNING position, stream_version
        ), c AS (
        INSERT INTO eventstore.commands (command_id, stream_id, first_version, last_version, positions, command_type, fingerprint)
        SELECT $2::uuid, $1::text, min(e.stream_version), max(e.stream_version), array_agg(e.position ORDER BY e.position),
               $12::text, $13::uuid
        FROM e HAVING count(*) > 0
        )
        SELECT s.version, (SELECT array_agg(e.position ORDER BY e.position) FROM e)
        FROM s
        """

    static let appendOneAtAnyVersionNotifying = notifying(appendOneAtAnyVersion)
}

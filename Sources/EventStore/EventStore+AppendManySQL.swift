import Foundation

// The append statements for many events (a jsonb array, $7): see EventStore+AppendSQL.swift. Each
// event's hash chains to the one before it in the array (`hash_chain` as a window); the stream row
// keeps the hash it started from in `prev_hash` and the last one in `last_hash` (migration 0009).
extension EventStore {
    static let appendManyAtVersion = """
        WITH s AS (
        UPDATE eventstore.streams s
        SET version = s.version + jsonb_array_length($7::jsonb), prev_xid = s.last_xid, last_xid = pg_current_xact_id(), updated_at = now(),
            prev_hash = s.last_hash, last_hash = (SELECT eventstore.hash_chain(s.last_hash, eventstore.event_content($1::text, s.version + x.n, x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
               (x.value->>'event_id')::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz, now()) ORDER BY x.n)
               FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS x(value, n))
        WHERE s.stream_id = $1::text AND s.version = $8::bigint AND s.last_xid <= pg_current_xact_id()
        RETURNING s.version, s.last_xid, s.prev_hash
        ), e AS (
        INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, command_id, actor, agency, correlation_id, causation_id, occurred_at, hash)
        SELECT s.last_xid, $1::text, s.version - jsonb_array_length($7::jsonb) + x.n, (x.value->>'event_id')::uuid,
               x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
               $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz,
               eventstore.hash_chain(s.prev_hash, eventstore.event_content($1::text, s.version - jsonb_array_length($7::jsonb) + x.n, x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
                   (x.value->>'event_id')::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz, now()))
                   OVER (ORDER BY x.n)
        FROM s, jsonb_array_elements($7::jsonb) WITH ORDINALITY AS x(value, n)
        ORDER BY x.n
        RETURNING position, stream_version
        ), c AS (
        INSERT INTO eventstore.commands (command_id, stream_id, first_version, last_version, positions, command_type, fingerprint)
        SELECT $2::uuid, $1::text, min(e.stream_version), max(e.stream_version), array_agg(e.position ORDER BY e.position),
               $9::text, $10::uuid
        FROM e HAVING count(*) > 0
        )
        SELECT s.version, (SELECT array_agg(e.position ORDER BY e.position) FROM e)
        FROM s
        """

    static let appendManyAtVersionNotifying = notifying(appendManyAtVersion)

    static let appendManyToNewStream = """
        WITH s AS (
        INSERT INTO eventstore.streams (stream_id, version, last_xid, last_hash)
        VALUES ($1::text, jsonb_array_length($7::jsonb), pg_current_xact_id(),
            (SELECT eventstore.hash_chain(NULL::bytea, eventstore.event_content($1::text, x.n, x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
               (x.value->>'event_id')::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz, now()) ORDER BY x.n)
               FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS x(value, n)))
        ON CONFLICT ON CONSTRAINT streams_pkey DO NOTHING
        RETURNING version, last_xid, prev_hash
        ), e AS (
        INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, command_id, actor, agency, correlation_id, causation_id, occurred_at, hash)
        SELECT s.last_xid, $1::text, s.version - jsonb_array_length($7::jsonb) + x.n, (x.value->>'event_id')::uuid,
               x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
               $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz,
               eventstore.hash_chain(s.prev_hash, eventstore.event_content($1::text, s.version - jsonb_array_length($7::jsonb) + x.n, x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
                   (x.value->>'event_id')::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz, now()))
                   OVER (ORDER BY x.n)
        FROM s, jsonb_array_elements($7::jsonb) WITH ORDINALITY AS x(value, n)
        ORDER BY x.n
        RETURNING position, stream_version
        ), c AS (
        INSERT INTO eventstore.commands (command_id, stream_id, first_version, last_version, positions, command_type, fingerprint)
        SELECT $2::uuid, $1::text, min(e.stream_version), max(e.stream_version), array_agg(e.position ORDER BY e.position),
               $8::text, $9::uuid
        FROM e HAVING count(*) > 0
        )
        SELECT s.version, (SELECT array_agg(e.position ORDER BY e.position) FROM e)
        FROM s
        """

    static let appendManyToNewStreamNotifying = notifying(appendManyToNewStream)

    static let appendManyAtAnyVersion = """
        WITH s AS (
        INSERT INTO eventstore.streams AS s (stream_id, version, last_xid, last_hash)
        VALUES ($1::text, jsonb_array_length($7::jsonb), pg_current_xact_id(),
            (SELECT eventstore.hash_chain(NULL::bytea, eventstore.event_content($1::text, x.n, x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
               (x.value->>'event_id')::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz, now()) ORDER BY x.n)
               FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS x(value, n)))
        ON CONFLICT ON CONSTRAINT streams_pkey DO UPDATE
        SET version = s.version + excluded.version, prev_xid = s.last_xid, last_xid = excluded.last_xid, updated_at = now(),
            prev_hash = s.last_hash, last_hash = (SELECT eventstore.hash_chain(s.last_hash, eventstore.event_content($1::text, s.version + x.n, x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
               (x.value->>'event_id')::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz, now()) ORDER BY x.n)
               FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS x(value, n))
        WHERE s.last_xid <= excluded.last_xid
        RETURNING s.version, s.last_xid, s.prev_hash
        ), e AS (
        INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, command_id, actor, agency, correlation_id, causation_id, occurred_at, hash)
        SELECT s.last_xid, $1::text, s.version - jsonb_array_length($7::jsonb) + x.n, (x.value->>'event_id')::uuid,
               x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
               $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz,
               eventstore.hash_chain(s.prev_hash, eventstore.event_content($1::text, s.version - jsonb_array_length($7::jsonb) + x.n, x.value->>'type', COALESCE((x.value->>'schema_version')::integer, 1), x.value->'data',
                   (x.value->>'event_id')::uuid, $2::uuid, $3::text, $4::text, $5::uuid, $6::uuid, (x.value->>'occurred_at')::timestamptz, now()))
                   OVER (ORDER BY x.n)
        FROM s, jsonb_array_elements($7::jsonb) WITH ORDINALITY AS x(value, n)
        ORDER BY x.n
        RETURNING position, stream_version
        ), c AS (
        INSERT INTO eventstore.commands (command_id, stream_id, first_version, last_version, positions, command_type, fingerprint)
        SELECT $2::uuid, $1::text, min(e.stream_version), max(e.stream_version), array_agg(e.position ORDER BY e.position),
               $8::text, $9::uuid
        FROM e HAVING count(*) > 0
        )
        SELECT s.version, (SELECT array_agg(e.position ORDER BY e.position) FROM e)
        FROM s
        """

    static let appendManyAtAnyVersionNotifying = notifying(appendManyAtAnyVersion)
}

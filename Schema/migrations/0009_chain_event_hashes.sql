-- Tamper evidence (DESIGN.md §9): a hash chain per stream, written by the append statement itself, and
-- seals over commit order, written behind the readable horizon. Triggers and grants (0001, 0008) stop
-- the application; a superuser (or whoever holds the data files) can still edit, and this makes every
-- such edit visible to `jointops verify`.
--
-- The event hash. hash = sha256(previous hash of the stream, or no bytes for version 1 || content), and
-- content = the UTF-8 text of PostgreSQL's jsonb output of the array
--   [stream_id, stream_version, event_type, schema_version, data, event_id, command_id, actor, agency,
--    correlation_id, causation_id, occurred_at, recorded_at]
-- with both times as integer microseconds since 1970-01-01 UTC (no time-zone setting can change them)
-- and absent values as JSON null. jsonb prints itself canonically (sorted keys, fixed spacing), so a
-- checker recomputes the bytes with `jsonb_build_array(…)::text` in SQL, or from `data::text` in any
-- language. `eventstore.event_content` and `eventstore.chain_hash` are that definition, used by the
-- append statements and by verify alike.
--
-- No global lock on the write path. The previous hash is kept on the stream row (`last_hash`), which
-- the append already updates and locks: a waiting append re-reads the row after the one before it
-- commits, so it chains to the right hash; a query of the events table would see the statement's
-- older snapshot and miss it. A many-event append chains its events in order (the `hash_chain`
-- aggregate, as a window) and keeps the hash it started from in `prev_hash`, as it keeps `prev_xid`.
--
-- Seals. A chain per stream cannot show a stream removed whole or an event deleted and put back at a
-- new position, so seals cover the whole log in commit order (transaction_id, position): each seal
-- hashes every event after the previous seal up to its last event, as (transaction id, position, hash),
-- chained to the previous seal. They are written only below the readable horizon (0008), where no
-- event can still appear, by whoever runs `eventstore.seal_log()` (the projector: reports and
-- `jointops verify --seal`) — never by the append, which stays one statement with no global lock.
-- Seals live in `eventstore.seals`, owned by jointops_owner beside the events they vouch for and guarded
-- like them (append-only triggers, ENABLE ALWAYS): the projector may insert, nobody may change them.
-- Analysts read them through `reporting.log_seal()` only.
--
-- Existing events. This migration hashes the events already recorded (their content does not change;
-- the guard trigger is off for that one UPDATE inside this transaction) and writes the genesis seal
-- over all of them, with the event store locked against appends meanwhile (streams first, the order
-- every append takes them in, so a running append finishes rather than deadlocks).

SET LOCAL ROLE jointops_owner;

LOCK TABLE eventstore.streams, eventstore.events IN SHARE ROW EXCLUSIVE MODE;

-- The canonical content of one event (see above).
CREATE FUNCTION eventstore.event_content(
    p_stream_id text, p_stream_version bigint, p_event_type text, p_schema_version integer, p_data jsonb,
    p_event_id uuid, p_command_id uuid, p_actor text, p_agency text, p_correlation_id uuid,
    p_causation_id uuid, p_occurred_at timestamptz, p_recorded_at timestamptz
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT convert_to(jsonb_build_array(p_stream_id, p_stream_version, p_event_type, p_schema_version, p_data,
        p_event_id, p_command_id, p_actor, p_agency, p_correlation_id, p_causation_id,
        (extract(epoch FROM p_occurred_at) * 1000000)::bigint,
        (extract(epoch FROM p_recorded_at) * 1000000)::bigint)::text, 'UTF8')
$$;

-- One link: the previous hash of the stream (NULL for its first event) followed by the content.
CREATE FUNCTION eventstore.chain_hash(p_previous bytea, p_content bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT sha256(COALESCE(p_previous, ''::bytea) || p_content)
$$;

CREATE FUNCTION eventstore.hash_chain_step(p_state bytea, p_previous bytea, p_content bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT eventstore.chain_hash(COALESCE(p_state, p_previous), p_content)
$$;

-- hash_chain(previous, content ORDER BY version): the last link of a run of events; as a window
-- (OVER (ORDER BY …)) each event's own hash.
CREATE AGGREGATE eventstore.hash_chain(bytea, bytea) (SFUNC = eventstore.hash_chain_step, STYPE = bytea);

ALTER TABLE eventstore.events ADD COLUMN hash bytea;
ALTER TABLE eventstore.streams ADD COLUMN last_hash bytea, ADD COLUMN prev_hash bytea;

ALTER TABLE eventstore.events DISABLE TRIGGER events_refuse_update_delete;
UPDATE eventstore.events e SET hash = c.hash
FROM (
    SELECT x.position, eventstore.hash_chain(NULL::bytea, eventstore.event_content(x.stream_id, x.stream_version,
               x.event_type, x.schema_version, x.data, x.event_id, x.command_id, x.actor, x.agency,
               x.correlation_id, x.causation_id, x.occurred_at, x.recorded_at))
           OVER (PARTITION BY x.stream_id ORDER BY x.stream_version) AS hash
    FROM eventstore.events x
) c
WHERE c.position = e.position;
ALTER TABLE eventstore.events ENABLE ALWAYS TRIGGER events_refuse_update_delete;

UPDATE eventstore.streams s SET last_hash = e.hash
FROM eventstore.events e WHERE e.stream_id = s.stream_id AND e.stream_version = s.version;

ALTER TABLE eventstore.events ALTER COLUMN hash SET NOT NULL;
COMMENT ON COLUMN eventstore.events.hash IS
    'sha256(previous event''s hash in the stream || eventstore.event_content(…)): see migration 0009.';

CREATE TABLE eventstore.seals (
    seal_number          bigint      NOT NULL,
    last_transaction_id  xid8        NOT NULL,
    last_position        bigint      NOT NULL,
    event_count          bigint      NOT NULL,
    previous_hash        bytea       NOT NULL,
    hash                 bytea       NOT NULL,
    sealed_at            timestamptz NOT NULL DEFAULT now(),
    sealed_by            text        NOT NULL DEFAULT session_user,
    CONSTRAINT seals_pkey PRIMARY KEY (seal_number),
    CONSTRAINT seals_hash_key UNIQUE (hash),
    CONSTRAINT seals_seal_number_check CHECK (seal_number >= 1),
    CONSTRAINT seals_event_count_check CHECK (event_count >= 0)
);

COMMENT ON TABLE eventstore.seals IS
    '日志封印 Seals over the log in commit order, each chained to the one before: see migration 0009.';

CREATE TRIGGER seals_refuse_update_delete
    BEFORE UPDATE OR DELETE ON eventstore.seals
    FOR EACH ROW EXECUTE FUNCTION eventstore.refuse_change();
CREATE TRIGGER seals_refuse_truncate
    BEFORE TRUNCATE ON eventstore.seals
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.refuse_change();
ALTER TABLE eventstore.seals ENABLE ALWAYS TRIGGER seals_refuse_update_delete;
ALTER TABLE eventstore.seals ENABLE ALWAYS TRIGGER seals_refuse_truncate;

-- What a seal hashes of one event.
CREATE FUNCTION eventstore.seal_item(p_transaction_id xid8, p_position bigint, p_hash bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT xid8send(p_transaction_id) || int8send(p_position) || p_hash
$$;

-- The events after (after_xid, after_position) up to and including (last_xid, last_position) in
-- commit order: how many, the first position, and their seal items in that order.
CREATE FUNCTION eventstore.seal_range(p_after_xid xid8, p_after_position bigint, p_last_xid xid8, p_last_position bigint)
RETURNS TABLE (event_count bigint, first_position bigint, items bytea)
LANGUAGE sql STABLE AS $$
    SELECT count(*), min(e.position),
           COALESCE(string_agg(eventstore.seal_item(e.transaction_id, e.position, e.hash), ''::bytea
                               ORDER BY e.transaction_id, e.position), ''::bytea)
    FROM eventstore.events e
    WHERE (e.transaction_id, e.position) > (p_after_xid, p_after_position)
      AND (e.transaction_id, e.position) <= (p_last_xid, p_last_position)
$$;

-- A seal's hash: sha256(previous seal's hash || jsonb text of [number, last position, event count] ||
-- last transaction id || the items). Transaction ids and positions go in as 8-byte big-endian integers
-- (xid8send, int8send), never as text (text sorts 10 before 9).
CREATE FUNCTION eventstore.seal_hash(p_previous bytea, p_seal_number bigint, p_last_xid xid8, p_last_position bigint,
                                     p_event_count bigint, p_items bytea) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT sha256(p_previous || convert_to(jsonb_build_array(p_seal_number, p_last_position, p_event_count)::text, 'UTF8')
                  || xid8send(p_last_xid) || p_items)
$$;

-- The genesis seal: every event recorded before this migration (none, on a new database).
INSERT INTO eventstore.seals (seal_number, last_transaction_id, last_position, event_count, previous_hash, hash)
SELECT 1, l.transaction_id, l.position, r.event_count, ''::bytea,
       eventstore.seal_hash(''::bytea, 1, l.transaction_id, l.position, r.event_count, r.items)
FROM (VALUES (1)) AS one (n)
LEFT JOIN LATERAL (SELECT x.transaction_id, x.position FROM eventstore.events x
                   ORDER BY x.transaction_id DESC, x.position DESC LIMIT 1) last ON true,
     LATERAL (SELECT COALESCE(last.transaction_id, '0'::xid8) AS transaction_id,
                     COALESCE(last.position, 0) AS position) l,
     eventstore.seal_range('0'::xid8, 0, l.transaction_id, l.position) r;

-- Seals the log up to the last event below the readable horizon; returns the new seal, or no row when
-- nothing was recorded below it since the last seal. One sealer at a time: an advisory lock of its own
-- (LOCK TABLE in a self-conflicting mode would need UPDATE on the seals), which appends never take.
CREATE FUNCTION eventstore.seal_log() RETURNS SETOF eventstore.seals
LANGUAGE plpgsql AS $$
DECLARE
    v_last eventstore.seals;
    v_horizon xid8;
    v_end record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('eventstore.seal_log'));
    v_horizon := eventstore.readable_horizon();
    SELECT * INTO v_last FROM eventstore.seals ORDER BY seal_number DESC LIMIT 1;
    SELECT e.transaction_id, e.position INTO v_end FROM eventstore.events e
    WHERE (e.transaction_id, e.position) > (v_last.last_transaction_id, v_last.last_position)
      AND e.transaction_id < v_horizon
    ORDER BY e.transaction_id DESC, e.position DESC LIMIT 1;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
    INSERT INTO eventstore.seals (seal_number, last_transaction_id, last_position, event_count, previous_hash, hash)
    SELECT v_last.seal_number + 1, v_end.transaction_id, v_end.position, r.event_count, v_last.hash,
           eventstore.seal_hash(v_last.hash, v_last.seal_number + 1, v_end.transaction_id, v_end.position,
                                r.event_count, r.items)
    FROM eventstore.seal_range(v_last.last_transaction_id, v_last.last_position, v_end.transaction_id, v_end.position) r
    RETURNING *;
END
$$;

-- The seal covering the position the reporting views were read at (the furthest checkpoint of an
-- active projection), for the annual report's footer; no row when none covers it yet.
CREATE FUNCTION reporting.log_seal()
RETURNS TABLE (seal_number bigint, last_position bigint, hash text, read_at_position bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    WITH read_at AS (
        SELECT c.transaction_id, c.position FROM projections.versions v
        JOIN eventstore.checkpoints c ON c.name = 'projection:' || v.name || ':v' || v.active_version
        UNION ALL SELECT '0'::xid8, 0
        ORDER BY 1 DESC, 2 DESC LIMIT 1
    )
    SELECT s.seal_number, s.last_position, encode(s.hash, 'hex'), r.position
    FROM read_at r JOIN eventstore.seals s
      ON (s.last_transaction_id, s.last_position) >= (r.transaction_id, r.position)
    ORDER BY s.seal_number LIMIT 1
$$;

COMMENT ON FUNCTION reporting.log_seal() IS
    '日志封印 The seal covering the position the reporting views were read at: `jointops verify --against HASH` checks the log still holds it.';

REVOKE ALL ON eventstore.seals FROM PUBLIC;
GRANT SELECT, INSERT ON eventstore.seals TO jointops_projector;
GRANT SELECT ON eventstore.seals TO jointops_writer;
REVOKE EXECUTE ON FUNCTION eventstore.seal_log() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eventstore.seal_log() TO jointops_projector;
REVOKE EXECUTE ON FUNCTION reporting.log_seal() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reporting.log_seal() TO jointops_analyst, jointops_projector, jointops_writer;
-- The append computes the hash: the writer runs these (the projector too, to verify).
GRANT EXECUTE ON ROUTINE eventstore.event_content(text, bigint, text, integer, jsonb, uuid, uuid, text, text, uuid, uuid, timestamptz, timestamptz),
                          eventstore.chain_hash(bytea, bytea), eventstore.hash_chain_step(bytea, bytea, bytea),
                          eventstore.hash_chain(bytea, bytea), eventstore.seal_item(xid8, bigint, bytea),
                          eventstore.seal_range(xid8, bigint, xid8, bigint),
                          eventstore.seal_hash(bytea, bigint, xid8, bigint, bigint, bytea)
      TO jointops_writer, jointops_projector;

-- The event store: append-only events, stream versions, command ids, checkpoints.
--
-- Commit-safe global order (DESIGN.md §3.4). A sequence hands out `position` before commit, so a
-- transaction holding position 10 may commit after one holding 11: a follower reading
-- "position > last" would pass 10 for ever. Every event therefore also stores the id of the
-- transaction that wrote it, and followers read only events of transactions older than the oldest
-- one still running (`pg_snapshot_xmin(pg_current_snapshot())`), ordered by (transaction_id, position).
-- Every transaction below that horizon has ended, and new transactions get larger ids, so nothing can
-- ever appear behind a follower's checkpoint. Writers stay fully concurrent: there is no global lock.
--
-- Per-stream order: transaction ids are handed out when a transaction first needs one, not in lock
-- order, so a later append to a stream could carry a smaller id than the append before it and a
-- follower would see version 2 before version 1. `append` checks, while holding the stream row lock,
-- that the previous append's transaction id is smaller than its own, and otherwise fails with
-- SQLSTATE 40001 so the client retries in a new transaction (which always gets a larger id).

CREATE SCHEMA eventstore;

CREATE TABLE eventstore.streams (
    stream_id   text        NOT NULL,
    version     bigint      NOT NULL,
    last_xid    xid8        NOT NULL,
    -- the transaction id of the append before `last_xid`, returned by the upsert for the order check
    prev_xid    xid8,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT streams_pkey PRIMARY KEY (stream_id),
    CONSTRAINT streams_version_check CHECK (version >= 0),
    CONSTRAINT streams_stream_id_check CHECK (stream_id <> '')
);

CREATE TABLE eventstore.events (
    position        bigint      GENERATED ALWAYS AS IDENTITY,
    transaction_id  xid8        NOT NULL,
    stream_id       text        NOT NULL,
    stream_version  bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL,
    data            jsonb       NOT NULL,
    command_id      uuid        NOT NULL,
    actor           text        NOT NULL,
    agency          text,
    correlation_id  uuid        NOT NULL,
    causation_id    uuid,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_pkey PRIMARY KEY (position),
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
    CONSTRAINT events_stream_version_check CHECK (stream_version >= 1),
    CONSTRAINT events_event_type_check CHECK (event_type <> ''),
    CONSTRAINT events_schema_version_check CHECK (schema_version >= 1),
    CONSTRAINT events_actor_check CHECK (actor <> ''),
    CONSTRAINT events_data_check CHECK (jsonb_typeof(data) = 'object')
);

-- The followers' order.
CREATE INDEX events_commit_order_idx ON eventstore.events (transaction_id, position);

-- One row per applied command: a retry with the same id returns this instead of appending again.
CREATE TABLE eventstore.commands (
    command_id      uuid        NOT NULL,
    stream_id       text        NOT NULL,
    first_version   bigint      NOT NULL,
    last_version    bigint      NOT NULL,
    positions       bigint[]    NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT commands_pkey PRIMARY KEY (command_id)
);

-- Named positions of followers (projections, subscriptions), written in the same transaction as
-- whatever they produced.
CREATE TABLE eventstore.checkpoints (
    name            text        NOT NULL,
    transaction_id  xid8        NOT NULL,
    position        bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT checkpoints_pkey PRIMARY KEY (name)
);

-- Append-only: the database itself refuses changes to recorded events, whoever asks.
CREATE FUNCTION eventstore.refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'eventstore.events is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a correcting event instead of changing history.';
END
$$;

CREATE TRIGGER events_refuse_update_delete
    BEFORE UPDATE OR DELETE ON eventstore.events
    FOR EACH ROW EXECUTE FUNCTION eventstore.refuse_event_change();

CREATE TRIGGER events_refuse_truncate
    BEFORE TRUNCATE ON eventstore.events
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.refuse_event_change();

REVOKE UPDATE, DELETE, TRUNCATE ON eventstore.events FROM PUBLIC;

-- Appends events to one stream atomically, in one round trip.
--
-- p_expected_version: NULL = any, 0 = the stream must not exist, n = the stream must be at version n.
-- p_events: a JSON array of {"event_id", "type", "schema_version", "data", "occurred_at"}.
-- Errors: SQLSTATE JO409 wrong expected version (DETAIL = the actual version);
--         23505 on commands_pkey when the command id was already appended (the client then reads
--         eventstore.commands for the original result); 40001 when the caller must retry (see top).
CREATE FUNCTION eventstore.append(
    p_stream_id        text,
    p_expected_version bigint,
    p_command_id       uuid,
    p_actor            text,
    p_agency           text,
    p_correlation_id   uuid,
    p_causation_id     uuid,
    p_events           jsonb,
    p_notify           boolean
) RETURNS TABLE (last_version bigint, positions bigint[])
LANGUAGE plpgsql AS $$
DECLARE
    v_count     integer := jsonb_array_length(p_events);
    v_version   bigint;
    v_prev_xid  xid8;
    v_xid       xid8;
    v_positions bigint[];
BEGIN
    IF v_count = 0 THEN
        RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- The first write: create or lock the stream row and move its version on.
    INSERT INTO eventstore.streams AS s (stream_id, version, last_xid, prev_xid)
    VALUES (p_stream_id, v_count, pg_current_xact_id(), NULL)
    ON CONFLICT ON CONSTRAINT streams_pkey DO UPDATE
        SET version = s.version + v_count,
            prev_xid = s.last_xid,
            last_xid = pg_current_xact_id(),
            updated_at = now()
    RETURNING s.version - v_count, s.prev_xid, s.last_xid INTO v_version, v_prev_xid, v_xid;

    -- Checked under the stream lock, so a racing duplicate of this command is seen here.
    IF EXISTS (SELECT 1 FROM eventstore.commands c WHERE c.command_id = p_command_id) THEN
        RAISE EXCEPTION 'command % was already appended', p_command_id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'commands_pkey';
    END IF;

    IF p_expected_version IS NOT NULL AND p_expected_version <> v_version THEN
        RAISE EXCEPTION 'stream % is at version %, not %', p_stream_id, v_version, p_expected_version
            USING ERRCODE = 'JO409', DETAIL = v_version::text;
    END IF;

    IF v_prev_xid IS NOT NULL AND v_prev_xid > v_xid THEN
        RAISE EXCEPTION 'stream % was appended by a newer transaction; retry the append', p_stream_id
            USING ERRCODE = 'serialization_failure';
    END IF;

    WITH inserted AS (
        INSERT INTO eventstore.events
            (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data,
             command_id, actor, agency, correlation_id, causation_id, occurred_at)
        SELECT v_xid, p_stream_id, v_version + e.n, (e.value->>'event_id')::uuid, e.value->>'type',
               COALESCE((e.value->>'schema_version')::integer, 1), e.value->'data',
               p_command_id, p_actor, p_agency, p_correlation_id, p_causation_id,
               (e.value->>'occurred_at')::timestamptz
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, n)
        ORDER BY e.n
        RETURNING eventstore.events.position
    )
    SELECT array_agg(i.position ORDER BY i.position) INTO v_positions FROM inserted i;

    INSERT INTO eventstore.commands (command_id, stream_id, first_version, last_version, positions)
    VALUES (p_command_id, p_stream_id, v_version + 1, v_version + v_count, v_positions);

    IF p_notify THEN
        PERFORM pg_notify('jointops_events', '');
    END IF;

    RETURN QUERY SELECT v_version + v_count, v_positions;
END
$$;

-- Appends as one plain SQL statement (EventStore.append) instead of a call to `eventstore.append`.
--
-- Calling a plpgsql function that expands a jsonb array cost 20-40 % of a plain INSERT (BENCHMARKS.md).
-- The store now sends one statement of data-modifying CTEs with the same guards, which PostgreSQL
-- plans once per connection:
--
--   1. the stream row: UPDATE ... WHERE version = expected (n > 0), INSERT ... ON CONFLICT DO NOTHING
--      (no stream), or an upsert (any). Each also requires the stream's last append to come from a
--      transaction no newer than this one (`last_xid <= pg_current_xact_id()`; equal when one
--      transaction appends to a stream twice), checked on the row it locks: the per-stream order of
--      0001's comment. When a guard fails the statement writes nothing and returns no row.
--   2. the events, selected FROM step 1, so they are inserted only when the stream moved on;
--   3. the commands row, a plain INSERT: a command id that was already appended raises 23505 on
--      commands_pkey and the whole statement rolls back, so a racing duplicate never moves a stream
--      without events.
--
-- `eventstore.append` (0001) stays for callers at the SQL level and keeps the same rules.

-- Why an append statement returned no row, asked right after it: the original result when the command
-- id was appended meanwhile (one row); else SQLSTATE JO409 with the actual version in DETAIL when the
-- expected version does not hold; else the stream's last append came from a newer transaction and the
-- caller must retry in a new transaction (40001), as `eventstore.append` reports it.
CREATE FUNCTION eventstore.append_refused(
    p_stream_id        text,
    p_expected_version bigint,
    p_command_id       uuid
) RETURNS TABLE (last_version bigint, positions bigint[])
LANGUAGE plpgsql AS $$
DECLARE
    v_version bigint;
BEGIN
    RETURN QUERY SELECT c.last_version, c.positions FROM eventstore.commands c WHERE c.command_id = p_command_id;
    IF FOUND THEN
        RETURN;
    END IF;

    SELECT s.version INTO v_version FROM eventstore.streams s WHERE s.stream_id = p_stream_id;
    v_version := COALESCE(v_version, 0);
    IF p_expected_version IS NOT NULL AND p_expected_version <> v_version THEN
        RAISE EXCEPTION 'stream % is at version %, not %', p_stream_id, v_version, p_expected_version
            USING ERRCODE = 'JO409', DETAIL = v_version::text;
    END IF;

    RAISE EXCEPTION 'stream % was appended by a newer transaction; retry the append', p_stream_id
        USING ERRCODE = 'serialization_failure';
END
$$;

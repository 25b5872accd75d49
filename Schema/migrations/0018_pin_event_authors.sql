-- Who wrote each event, pinned by the database itself (issue 12, the try-out's forged events).
--
-- The command line runs as the officer's own login, so that login necessarily holds what the CLI holds:
-- INSERT on eventstore.events and UPDATE on eventstore.streams. A bound officer used them from psql to
-- insert an event recorded as another officer ('FZ-01 login=tryofficer3') with a correct chained hash,
-- and to move a stream row's version and last_hash anywhere. Grants cannot tell those statements from
-- the append's, so triggers check what is written, whoever writes it:
--
-- 1. events_pin_login (BEFORE INSERT, each row): the actor text names the login that recorded it
--    (`OFFICER login=LOGIN[ on-behalf[ by=OFFICER]]`, `administrator login=LOGIN`: RecordedActor.swift).
--    That login must be `session_user`, which no application login can change. Only an administrator
--    (a superuser, a login with CREATEROLE, or the local cluster's owner's writer login, as
--    SessionLogin says) may record on someone's behalf or as `administrator`. Which officer a login is
--    bound to lives in the registry's events; `jointops verify` replays them and names any event whose
--    officer is not its login's (a trigger reading the registry would cost every append a stream read).
--    Superusers are not checked: they can switch any trigger off, and verify's chains catch them.
-- 2. streams_follow_events (AFTER INSERT OR UPDATE, each row): a stream row may only say what its events
--    say: after the statement, its version is that of the stream's last event and its last_hash that
--    event's hash; an UPDATE moves the version forward, keeps the id, and is the current transaction's
--    append (last_xid). AFTER row triggers of a statement run when the whole statement (every CTE of the
--    append) has finished, so they see the events the append inserted beside the row. A forged event in
--    one's own name with a correct hash still passes; that is an act recorded as who did it.
--
-- Cost: one string comparison per event and one probe of events_stream_version_key per append. In a
-- loop of 20,000 single-event appends by a bound login (no commits, a machine shared by other builds)
-- the statements took 6 to 33 % longer with both triggers than without; a committed append also waits
-- for its WAL flush, so its share is smaller.
--
-- Also here: the chain and seal checks as functions (one text for `jointops verify` and for an analyst's
-- `verify --against`, through the owner's reporting.check_seal), and reading `reporting` for writers, so
-- bound officers print reports as they stand.

SET LOCAL ROLE jointops_owner;

-- The login an actor text names, and whether it claims an administrator's act; NULL when it names none.
CREATE FUNCTION eventstore.actor_login(p_actor text)
RETURNS TABLE (officer text, login text, on_behalf boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT m[1], m[2], m[3] IS NOT NULL
    FROM (SELECT regexp_match(p_actor, '^(.+) login=(\S+)( on-behalf(?: by=\S+)?)?$') AS m) x
    WHERE m IS NOT NULL
$$;

COMMENT ON FUNCTION eventstore.actor_login(text) IS
    'The officer, login and on-behalf mark of an actor text (`ZF-01 login=alice on-behalf by=JT-ADMIN`); no row for other text.';

-- Whether a login may keep the registry and record on others' behalf (SessionLogin.isAdministrator).
CREATE FUNCTION eventstore.is_administrator(p_login text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT COALESCE((SELECT r.rolsuper OR r.rolcreaterole FROM pg_catalog.pg_roles r WHERE r.rolname = p_login), false)
        OR p_login = 'jointops_local_writer'
$$;

CREATE FUNCTION eventstore.pin_event_login() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_login text := session_user;
    v_head text;
BEGIN
    -- The common case without a regular expression: '… login=<session_user>' ends the text.
    IF right(NEW.actor, length(v_login) + 7) = ' login=' || v_login AND length(NEW.actor) > length(v_login) + 7
       AND NOT starts_with(NEW.actor, 'administrator login=') THEN
        RETURN NEW;
    END IF;
    IF (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = v_login) THEN
        RETURN NEW;
    END IF;
    v_head := regexp_replace(NEW.actor, ' on-behalf( by=\S+)?$', '');
    IF right(v_head, length(v_login) + 7) IS DISTINCT FROM ' login=' || v_login OR length(v_head) <= length(v_login) + 7 THEN
        RAISE EXCEPTION 'an event must record the login that wrote it: % may not record "%"', v_login, NEW.actor
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Record through jointops, which names the officer bound to your login.';
    END IF;
    IF (v_head <> NEW.actor OR starts_with(NEW.actor, 'administrator login=')) AND NOT eventstore.is_administrator(v_login) THEN
        RAISE EXCEPTION 'only an administrator may record on another officer''s behalf: % may not record "%"', v_login, NEW.actor
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Record as the officer bound to your login, without --on-behalf-of.';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER events_pin_login
    BEFORE INSERT ON eventstore.events
    FOR EACH ROW EXECUTE FUNCTION eventstore.pin_event_login();

CREATE FUNCTION eventstore.guard_stream_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_version bigint;
    v_hash bytea;
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.stream_id <> OLD.stream_id OR NEW.version <= OLD.version
                             OR NEW.last_xid <> pg_catalog.pg_current_xact_id()) THEN
        RAISE EXCEPTION 'eventstore.streams follows its events: stream % may not move from version % to % this way',
                        OLD.stream_id, OLD.version, NEW.version
            USING ERRCODE = 'insufficient_privilege', HINT = 'Append events through jointops; the stream row follows them.';
    END IF;
    SELECT e.stream_version, e.hash INTO v_version, v_hash FROM eventstore.events e
    WHERE e.stream_id = NEW.stream_id ORDER BY e.stream_version DESC LIMIT 1;
    IF v_version IS DISTINCT FROM NEW.version OR v_hash IS DISTINCT FROM NEW.last_hash THEN
        RAISE EXCEPTION 'eventstore.streams follows its events: stream % at version % does not match its last event',
                        NEW.stream_id, NEW.version
            USING ERRCODE = 'insufficient_privilege', HINT = 'Append events through jointops; the stream row follows them.';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER streams_follow_events
    AFTER INSERT OR UPDATE ON eventstore.streams
    FOR EACH ROW EXECUTE FUNCTION eventstore.guard_stream_row();

-- ALWAYS, as the other guards (0008): they fire under `session_replication_role = replica` too.
ALTER TABLE eventstore.events ENABLE ALWAYS TRIGGER events_pin_login;
ALTER TABLE eventstore.streams ENABLE ALWAYS TRIGGER streams_follow_events;

-- Deleting a stream row would let the next append start the stream again at version 1.
CREATE TRIGGER streams_refuse_delete
    BEFORE DELETE ON eventstore.streams
    FOR EACH ROW EXECUTE FUNCTION eventstore.refuse_change();
CREATE TRIGGER streams_refuse_truncate
    BEFORE TRUNCATE ON eventstore.streams
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.refuse_change();
ALTER TABLE eventstore.streams ENABLE ALWAYS TRIGGER streams_refuse_delete;
ALTER TABLE eventstore.streams ENABLE ALWAYS TRIGGER streams_refuse_truncate;

REVOKE EXECUTE ON FUNCTION eventstore.actor_login(text), eventstore.is_administrator(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eventstore.actor_login(text), eventstore.is_administrator(text)
    TO jointops_writer, jointops_projector;

-- Chains and seals, checked by anyone who may read the log (LogVerifier) and, through reporting.check_seal,
-- by an analyst holding a printed report (README: "anyone can check").
--
-- Each event's hash recomputed from its stored content and the stored hash of the version before it
-- (the window), so a changed, removed or reordered event breaks the link at or after it; the first
-- such event at or after position p_from, of stream p_stream (all when NULL).
CREATE FUNCTION eventstore.first_altered_event(p_from bigint, p_stream text)
RETURNS TABLE (event_position bigint, event_stream_id text, event_stream_version bigint)
LANGUAGE sql STABLE AS $$
    SELECT c.position, c.stream_id, c.stream_version
    FROM (
        SELECT e.position, e.stream_id, e.stream_version, e.hash,
               lag(e.stream_version) OVER w AS previous_version,
               eventstore.chain_hash(lag(e.hash) OVER w, eventstore.event_content(e.stream_id, e.stream_version,
                   e.event_type, e.schema_version, e.data, e.event_id, e.command_id, e.actor, e.agency,
                   e.correlation_id, e.causation_id, e.occurred_at, e.recorded_at)) AS expected
        FROM eventstore.events e
        WHERE p_stream IS NULL OR e.stream_id = p_stream
        WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.stream_version)
    ) c
    WHERE c.position >= p_from
      AND (c.hash IS DISTINCT FROM c.expected OR c.stream_version <> COALESCE(c.previous_version, 0) + 1)
    ORDER BY c.position
    LIMIT 1
$$;

-- Seals, checked by anyone who may read the log (LogVerifier) and, through reporting.check_seal, by an
-- analyst holding a printed report (README: "anyone can check"). Each seal through p_through (all when
-- NULL) is recomputed over the events between the seal before it and itself, chained to the stored
-- hash of the seal before it; the first that does not match, no row when all do.
CREATE FUNCTION eventstore.first_altered_seal(p_through bigint)
RETURNS TABLE (seal_number bigint, first_position bigint, last_position bigint)
LANGUAGE sql STABLE AS $$
    WITH s AS (
        SELECT x.*, lag(x.last_transaction_id) OVER o AS after_xid, lag(x.last_position) OVER o AS after_position,
               lag(x.hash) OVER o AS chained_hash, lag(x.seal_number) OVER o AS previous_number
        FROM eventstore.seals x
        WHERE p_through IS NULL OR x.seal_number <= p_through
        WINDOW o AS (ORDER BY x.seal_number)
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
$$;

-- The seal with hash p_hash (64 hex digits) and the first seal up to it that no longer matches; a NULL
-- seal_number when the log holds no such seal. Runs as the owner: an analyst reads no events.
CREATE FUNCTION reporting.check_seal(p_hash text)
RETURNS TABLE (seal_number bigint, last_position bigint, altered_seal bigint, altered_first_position bigint,
               altered_last_position bigint, altered_event_position bigint, altered_event_stream text,
               altered_event_version bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT t.seal_number, t.last_position, a.seal_number, a.first_position, a.last_position,
           e.event_position, e.event_stream_id, e.event_stream_version
    FROM (VALUES (1)) AS one (n)
    LEFT JOIN eventstore.seals t ON t.hash = decode(p_hash, 'hex')
    LEFT JOIN LATERAL eventstore.first_altered_seal(t.seal_number) a ON t.seal_number IS NOT NULL
    LEFT JOIN LATERAL eventstore.first_altered_event(0, NULL) e ON t.seal_number IS NOT NULL
$$;

COMMENT ON FUNCTION reporting.check_seal(text) IS
    '日志封印核验 Whether the log still holds the seal a report printed (jointops verify --against): the first seal up to it that no longer matches its events.';

REVOKE EXECUTE ON FUNCTION eventstore.first_altered_event(bigint, text), eventstore.first_altered_seal(bigint),
                           reporting.check_seal(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eventstore.first_altered_event(bigint, text), eventstore.first_altered_seal(bigint)
    TO jointops_writer, jointops_projector;
GRANT EXECUTE ON FUNCTION reporting.check_seal(text) TO jointops_analyst, jointops_writer, jointops_projector;

-- Bound officers read reports as analysts do (README: `jointops report …` is everyday use): every
-- writer login may SELECT on `reporting`, and no more, through the analysts' group. Granting a role
-- needs the migrating login's own rights (the owner has no CREATEROLE), and parallel test databases of
-- one cluster grant it at the same time.
RESET ROLE;
DO $$
BEGIN
    IF NOT pg_catalog.pg_has_role('jointops_writer', 'jointops_analyst', 'MEMBER') THEN
        GRANT jointops_analyst TO jointops_writer;
    END IF;
EXCEPTION
    WHEN unique_violation OR duplicate_object OR object_in_use THEN NULL;
    WHEN SQLSTATE 'XX000' THEN NULL;   -- "tuple concurrently updated": another database granted it first
END
$$;

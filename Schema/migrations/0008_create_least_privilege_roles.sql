-- Least-privilege roles (DESIGN.md §9): no application session is a superuser or an owner, so the
-- append-only triggers and grants hold against the application itself.
--
--   jointops_owner      NOLOGIN; owns the event store and the schemas. Migrations after this one begin
--                       with `SET LOCAL ROLE jointops_owner;` so whatever they create belongs to it.
--   jointops_writer     the command handlers: INSERT on events and commands, the stream row's upsert,
--                       SELECT on the event store; no UPDATE, DELETE, TRUNCATE or ALTER of events/commands.
--   jointops_projector  reads the event store, writes checkpoints, CREATE on `projections` and `reporting`
--                       and owns what is there, so a rebuild can drop and switch the views.
--   jointops_analyst    SELECT on `reporting` only (0003), no temporary tables; each person is a login in
--                       it made by `jointops analyst add`, which also sets that login's timeouts.
--
-- Roles are cluster-wide: parallel test databases of one cluster run this at the same time, so a
-- CREATE ROLE that lost the race is ignored, and roles' own settings are touched only by whoever
-- created them here. It works where the migrating login is no superuser but has CREATEROLE and CREATE
-- on the database: such a login grants itself the owner and projector roles to hand its objects over.
--
-- The readable horizon. Followers read only events of transactions older than every transaction that
-- might still commit an event (0001). `pg_snapshot_xmin(pg_current_snapshot())` is the oldest of *all*
-- running transactions, so an analyst who opened a transaction and took an id (`pg_current_xact_id()`,
-- a large object, ...) held back every projection until it ended, and a role setting cannot stop that
-- since a user may SET it back. A transaction can only commit an event if its session's login may
-- INSERT into eventstore.events, so `eventstore.readable_horizon()` skips running transactions whose
-- session cannot; any it cannot attribute (just starting, prepared, another database's superuser)
-- still count, so the horizon is never later than is safe.

DO $$
DECLARE
    v_role text;
BEGIN
    FOREACH v_role IN ARRAY ARRAY['jointops_owner', 'jointops_writer', 'jointops_projector', 'jointops_analyst'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = v_role) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', v_role);
                EXECUTE format('COMMENT ON ROLE %I IS %L', v_role, CASE v_role
                    WHEN 'jointops_owner' THEN '所有者 Owner of the event store and schemas: migrations only, never a session.'
                    WHEN 'jointops_writer' THEN '写入 Command handlers: append events and commands, read the event store.'
                    WHEN 'jointops_projector' THEN '投影 Projector: read events, write projections, switch reporting views.'
                    ELSE '分析人员 Analyst: SELECT on schema reporting only; jointops analyst add makes a login in it.' END);
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN NULL;
            END;
        END IF;
    END LOOP;

    -- A non-superuser migrator must be able to SET ROLE to the new owners to hand objects over.
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        FOREACH v_role IN ARRAY ARRAY['jointops_owner', 'jointops_projector'] LOOP
            IF NOT pg_has_role(current_user, v_role, 'MEMBER') THEN
                EXECUTE format('GRANT %I TO %I', v_role, current_user);
            END IF;
        END LOOP;
    END IF;
END
$$;

-- eventstore.commands gets the events' protection: deleting a row let a retried command append twice.
CREATE FUNCTION eventstore.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%.% is append-only: % is refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a correcting event instead of changing history.';
END
$$;

CREATE TRIGGER commands_refuse_update_delete
    BEFORE UPDATE OR DELETE ON eventstore.commands
    FOR EACH ROW EXECUTE FUNCTION eventstore.refuse_change();

CREATE TRIGGER commands_refuse_truncate
    BEFORE TRUNCATE ON eventstore.commands
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.refuse_change();

-- ALWAYS: the guards fire under `session_replication_role = replica` too (which only a superuser may set).
ALTER TABLE eventstore.events ENABLE ALWAYS TRIGGER events_refuse_update_delete;
ALTER TABLE eventstore.events ENABLE ALWAYS TRIGGER events_refuse_truncate;
ALTER TABLE eventstore.commands ENABLE ALWAYS TRIGGER commands_refuse_update_delete;
ALTER TABLE eventstore.commands ENABLE ALWAYS TRIGGER commands_refuse_truncate;

REVOKE ALL ON eventstore.events, eventstore.commands, eventstore.streams, eventstore.checkpoints FROM PUBLIC;

CREATE FUNCTION eventstore.readable_horizon() RETURNS xid8
LANGUAGE sql STABLE AS $$
    WITH snapshot AS (SELECT pg_catalog.pg_current_snapshot() AS s),
    readers AS (
        -- backend_xid and usesysid are visible to every role, unlike the query text
        SELECT a.backend_xid FROM pg_catalog.pg_stat_activity a
        JOIN pg_catalog.pg_roles r ON r.oid = a.usesysid
        WHERE a.backend_xid IS NOT NULL
          AND NOT pg_catalog.has_table_privilege(r.oid, 'eventstore.events', 'INSERT')
    )
    SELECT LEAST(
        (SELECT pg_catalog.pg_snapshot_xmax(snapshot.s) FROM snapshot),
        (SELECT min(x.xid) FROM snapshot, pg_catalog.pg_snapshot_xip(snapshot.s) AS x(xid)
         WHERE pg_catalog.xid(x.xid) NOT IN (SELECT readers.backend_xid FROM readers)))
$$;

COMMENT ON FUNCTION eventstore.readable_horizon() IS
    'Followers read events of transactions below this id: the oldest running transaction that may append events.';

-- How far behind the projections are, for analysts who may not catch them up (`jointops report`).
CREATE FUNCTION reporting.projection_lag()
RETURNS TABLE (projection text, active_version integer, events_behind bigint, oldest_behind_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT v.name, v.active_version, count(e.position), min(e.recorded_at)
    FROM projections.versions v
    LEFT JOIN eventstore.checkpoints c ON c.name = 'projection:' || v.name || ':v' || v.active_version
    LEFT JOIN eventstore.events e
           ON (e.transaction_id, e.position) > (COALESCE(c.transaction_id, '0'::xid8), COALESCE(c.position, 0))
    GROUP BY v.name, v.active_version
    ORDER BY v.name
$$;

COMMENT ON FUNCTION reporting.projection_lag() IS
    '投影滞后 How far behind the log each projection is: events not yet in the reporting views, and the oldest one''s time.';

-- Ownership: the event store and the schemas to the owner, the read side's contents to the projector.
ALTER SCHEMA eventstore OWNER TO jointops_owner;
ALTER SCHEMA projections OWNER TO jointops_owner;
ALTER SCHEMA reporting OWNER TO jointops_owner;
GRANT USAGE, CREATE ON SCHEMA projections, reporting TO jointops_projector;

DO $$
DECLARE
    v_object record;
BEGIN
    FOR v_object IN
        SELECT n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('eventstore', 'projections', 'reporting') AND c.relkind IN ('r', 'p', 'v', 'm')
          AND pg_has_role(c.relowner, 'USAGE')
    LOOP
        EXECUTE format('ALTER %s %I.%I OWNER TO %I',
                       CASE v_object.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                       v_object.nspname, v_object.relname,
                       CASE v_object.nspname WHEN 'eventstore' THEN 'jointops_owner' ELSE 'jointops_projector' END);
    END LOOP;
    FOR v_object IN
        SELECT p.oid::regprocedure AS signature FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname IN ('eventstore', 'reporting') AND pg_has_role(p.proowner, 'USAGE')
    LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO jointops_owner', v_object.signature);
    END LOOP;
    -- Analysts make no temporary tables (a transaction id of their own, or a place to stage data).
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO jointops_writer, jointops_projector', current_database());
END
$$;

-- The writer appends through the append statement: the stream row's upsert, the events, the command.
GRANT USAGE ON SCHEMA eventstore TO jointops_writer, jointops_projector;
GRANT SELECT, INSERT ON eventstore.events, eventstore.commands TO jointops_writer;
GRANT SELECT, INSERT, UPDATE ON eventstore.streams TO jointops_writer;
GRANT SELECT ON eventstore.events, eventstore.commands, eventstore.streams TO jointops_projector;
GRANT SELECT, INSERT, UPDATE, DELETE ON eventstore.checkpoints TO jointops_projector;
GRANT SELECT ON projections.versions TO jointops_owner;

REVOKE EXECUTE ON FUNCTION reporting.projection_lag() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reporting.projection_lag() TO jointops_analyst, jointops_projector, jointops_writer;

-- Views a projector creates later are readable by analysts (the projector also grants on each switch).
ALTER DEFAULT PRIVILEGES FOR ROLE jointops_projector IN SCHEMA reporting GRANT SELECT ON TABLES TO jointops_analyst;

-- The migrator's own table: readable by the sessions (they check the schema is current), written by the owner.
GRANT SELECT ON public.schema_migrations TO jointops_writer, jointops_projector;
GRANT SELECT, INSERT ON public.schema_migrations TO jointops_owner;

-- Read side: schema `projections` (the projector's versioned tables), schema `reporting` (the analysts'
-- documented views) and the read-only role `jointops_analyst` (DESIGN.md §4).
--
-- Projection tables carry their version in their name (`projections.cases_v2`). The projector creates
-- them and (re)creates the `reporting` views over the active versions, so a rebuild can fill version
-- N+1 beside N and switch every view in one transaction: readers never see a half-built model.

CREATE SCHEMA projections;

COMMENT ON SCHEMA projections IS
    '投影表 Projection tables: written only by the projector (jointops project run); read through schema reporting.';

-- Which version of each projection the reporting views read.
CREATE TABLE projections.versions (
    name            text        NOT NULL,
    active_version  integer     NOT NULL,
    -- the shape version of the code that built it: a newer binary rebuilds when it differs
    shape_version   integer     NOT NULL,
    switched_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT versions_pkey PRIMARY KEY (name),
    CONSTRAINT versions_active_version_check CHECK (active_version >= 1),
    CONSTRAINT versions_shape_version_check CHECK (shape_version >= 1)
);

-- Working days of the bureau's jurisdiction, filled by the projector from the shipped calendar, so
-- views can give ages in working days as of today (a legal review waiting since …).
CREATE TABLE projections.working_days (
    day             date        NOT NULL,
    is_working_day  boolean     NOT NULL,
    CONSTRAINT working_days_pkey PRIMARY KEY (day)
);

CREATE SCHEMA reporting;

COMMENT ON SCHEMA reporting IS
    '报表视图 Reporting views: the analysts'' stable interface; personal data is masked here (DOMAIN.md §6).';

-- Roles are cluster-wide: another database of the same cluster may have created it already, or be
-- creating it right now (two migrations at once race past the IF).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'jointops_analyst') THEN
        CREATE ROLE jointops_analyst NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

COMMENT ON ROLE jointops_analyst IS
    '分析人员 Analyst: SELECT on schema reporting only; give a login role membership to use it.';

-- The analyst reads `reporting` and nothing else: no event store, no projection tables, no writes.
REVOKE ALL ON SCHEMA eventstore FROM PUBLIC;
REVOKE ALL ON SCHEMA projections FROM PUBLIC;
REVOKE ALL ON SCHEMA reporting FROM PUBLIC;
GRANT USAGE ON SCHEMA reporting TO jointops_analyst;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- Views created later by this owner are readable by the analyst (the projector also grants on switch).
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO jointops_analyst;

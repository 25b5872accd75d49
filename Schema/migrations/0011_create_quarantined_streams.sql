-- Quarantined streams: the projector's dead letters (issue 13).
--
-- The log is append-only, so an event a projection cannot apply (a tally beyond `bigint`, a check it
-- breaks, a payload it cannot decode) would fail every catch-up, report and rebuild for good. Instead
-- the runner sets that (projection version, stream) aside from the failing event on: a row here says
-- where (the event's transaction id and position, as in the followers' order), which event and why
-- (SQLSTATE and the server's message). The checkpoint moves on for every other stream; later events of
-- a quarantined stream are not applied but stay in the log, held in order, until `jointops project retry`
-- replays them (and deletes the row) or sets the stream aside again from the event that still fails.
--
-- Only data errors (SQLSTATE classes 22 and 23, an undecodable event) quarantine; a lost connection or
-- a serialization failure says nothing about the event and is retried instead.
--
-- Rows belong to one version of a projection: a rebuild folds the log again into N+1 and finds its
-- poison events itself; the switch drops the rows of N with its tables and checkpoint.
--
-- Roles (0008): only the projector writes here; writers and analysts cannot even read it (the error
-- text may quote event data), and reports only say how many streams a figure leaves out.

SET LOCAL ROLE jointops_owner;

CREATE TABLE eventstore.quarantined_streams (
    projection      text        NOT NULL,
    version         integer     NOT NULL,
    stream_id       text        NOT NULL,
    transaction_id  xid8        NOT NULL,
    position        bigint      NOT NULL,
    stream_version  bigint      NOT NULL,
    event_type      text        NOT NULL,
    sql_state       text        NOT NULL,
    error           text        NOT NULL,
    quarantined_at  timestamptz NOT NULL DEFAULT now(),
    retries         integer     NOT NULL DEFAULT 0,
    CONSTRAINT quarantined_streams_pkey PRIMARY KEY (projection, version, stream_id),
    CONSTRAINT quarantined_streams_version_check CHECK (version > 0 AND stream_version > 0),
    CONSTRAINT quarantined_streams_sql_state_check CHECK (sql_state ~ '^[0-9A-Z]{5}$')
);

COMMENT ON TABLE eventstore.quarantined_streams IS
    'Streams a projection version set aside from a poison event on; jointops project status lists them, project retry replays them.';

REVOKE ALL ON eventstore.quarantined_streams FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON eventstore.quarantined_streams TO jointops_projector;

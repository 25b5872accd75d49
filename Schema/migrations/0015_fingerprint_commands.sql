-- A command id means one command (issue 13, point 5). Until now a command id only made a retry return the
-- first result: the same id given to a *different* command returned that other command's result as if it
-- were its own. Each command row now also records what the command was, so a retry can be told from a
-- reuse:
--
--   command_type  the command as the user named it (`case receive-lead`), for the refusal's one line;
--   fingerprint   a name-based UUID (JointOps' StableId) of the command's name and its arguments as the
--                 user gave them, in canonical form: never defaults such as "now" or the generated case
--                 number, so a racing or late retry of the same command line has the same fingerprint.
--
-- The application compares fingerprints; the append statements only store them, so the write path gains
-- two bound values and no work. Rows written before this migration have neither: they keep working as
-- before (a retry returns their result). The table stays append-only (0008): adding nullable columns
-- rewrites no row and fires no trigger, and jointops_writer's INSERT grant covers the new columns.

SET LOCAL ROLE jointops_owner;

ALTER TABLE eventstore.commands
    ADD COLUMN command_type text,
    ADD COLUMN fingerprint  uuid;

COMMENT ON COLUMN eventstore.commands.command_type IS
    'The command as the user named it (case receive-lead); NULL for rows older than migration 0015.';
COMMENT ON COLUMN eventstore.commands.fingerprint IS
    'Name-based UUID of the command and its user-given arguments: the same command id with another fingerprint is refused.';

-- One text per SQL contract: the append's rules live in one place, the statements of
-- Sources/EventStore/EventStore+AppendSQL.swift (0004 says how they work).
--
-- `eventstore.append` (0001) was a second implementation of the same rules (expected version,
-- idempotent command id, per-stream transaction-id order) that nothing calls any more; two texts
-- of one rule drift apart. `eventstore.append_refused` (0004) re-derived the expected-version rule
-- on the server to explain a refused append; the store now reads the facts (the command's recorded
-- result, the stream's version) with one plain query beside the statements and explains it there.
DROP FUNCTION eventstore.append(text, bigint, uuid, text, text, uuid, uuid, jsonb, boolean);
DROP FUNCTION eventstore.append_refused(text, bigint, uuid);

-- Imported case histories (`CaseImported`, `jointops case import`) take part in the cross-case lookups of
-- APL 25 (first to file holds the act) and APL 29 (one fine per act): a later filing or decision about an
-- act a register brought in must find it, and so must a second import of the same act.
--
-- The lookups ask `event_type = ANY($types)` with the types of CaseLookups.swift; PostgreSQL uses a partial
-- index only when it can prove the query's types lie inside the index's list, so each index of 0002 is
-- rebuilt with the imported type added (its payload has the same `party`/`act` and `actKey` fields).

SET LOCAL ROLE jointops_owner;

DROP INDEX eventstore.events_filed_act_idx;
CREATE INDEX events_filed_act_idx ON eventstore.events
    ((data->'party'->>'partyId'), (data->'act'->>'date'))
    WHERE event_type IN ('CaseFiled', 'DecidedOnSpot', 'CaseImported');

DROP INDEX eventstore.events_fined_act_idx;
CREATE INDEX events_fined_act_idx ON eventstore.events
    ((data->'actKey'->>'partyId'), (data->'actKey'->>'actDate'))
    WHERE event_type IN ('PenaltyDecided', 'DecidedOnSpot', 'CaseImported');

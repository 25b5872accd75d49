-- Indexes the command handlers need to decide (Sources/JointOps/Application).
--
-- Readable ids (CASE-2023-0123) are stream ids. The next number is the highest existing one plus one,
-- found with a range on the "C" collation: a prefix range with bound parameters that the primary key,
-- in the database's collation, cannot serve.
CREATE INDEX streams_stream_id_c_idx ON eventstore.streams (stream_id COLLATE "C");

-- APL 25 (the first agency to file holds the case): the case that filed a party's act of a given day.
CREATE INDEX events_filed_act_idx ON eventstore.events
    ((data->'party'->>'partyId'), (data->'act'->>'date'))
    WHERE event_type IN ('CaseFiled', 'DecidedOnSpot');

-- APL 29 (one fine per act): the decision that fined a party's act of a given day.
CREATE INDEX events_fined_act_idx ON eventstore.events
    ((data->'actKey'->>'partyId'), (data->'actKey'->>'actDate'))
    WHERE event_type IN ('PenaltyDecided', 'DecidedOnSpot');

-- "Has this stream had an event of this type" (revoked decisions, transferred cases) and listings by type.
CREATE INDEX events_type_stream_idx ON eventstore.events (event_type, stream_id);

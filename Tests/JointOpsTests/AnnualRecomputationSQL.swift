/// The demo year's figures recomputed from the event payloads (`eventstore.events.data`), written apart from
/// the projections on purpose: if a fold or a view miscounts, the two disagree. `$1` is the year.
///
/// Each row is (figure, value): a metric key (`cases_accepted`), `breakdown:DIMENSION:CODE` (`-` where none
/// was recorded), `timeliness:KIND:on_time|late|overdue|not_yet_due`, or `joint:MEASURE:SOURCE`.
enum AnnualRecomputationSQL {
    static let figures = """
        WITH e AS (SELECT stream_id, event_type AS t, data AS d FROM eventstore.events),
        y AS (SELECT $1::int AS year, (now() AT TIME ZONE 'Asia/Shanghai')::date AS today),
        cases AS (
          SELECT c.stream_id,
            COALESCE((SELECT (d->>'filedOn')::date FROM e WHERE e.stream_id = c.stream_id AND t = 'CaseFiled'),
                     (SELECT (d->>'decidedOn')::date FROM e WHERE e.stream_id = c.stream_id AND t = 'DecidedOnSpot'),
                     (SELECT (d->>'receivedOn')::date FROM e WHERE e.stream_id = c.stream_id AND t = 'CaseLeadReceived')) AS accepted_on,
            (SELECT min(COALESCE(d->>'decidedOn', d->>'referredOn', d->>'transferredOn'))::date FROM e
              WHERE e.stream_id = c.stream_id AND t IN ('PenaltyDecided', 'NoPenaltyDecided', 'DecidedOnSpot',
                                                        'CriminalReferralMade', 'CaseTransferredOut')) AS decided_on,
            CASE WHEN EXISTS (SELECT 1 FROM e WHERE e.stream_id = c.stream_id AND t = 'DecidedOnSpot') THEN 'summary'
                 ELSE 'ordinary' END AS procedure,
            EXISTS (SELECT 1 FROM e WHERE e.stream_id = c.stream_id AND t = 'CaseFiled') AS filed,
            COALESCE((SELECT d->>'source' FROM e WHERE e.stream_id = c.stream_id AND t = 'CaseLeadReceived'),
                     (SELECT d->>'source' FROM e WHERE e.stream_id = c.stream_id AND t = 'CaseFiled'),
                     (SELECT 'inspection' FROM e WHERE e.stream_id = c.stream_id AND t = 'DecidedOnSpot')) AS source,
            (SELECT d->'act'->>'sector' FROM e WHERE e.stream_id = c.stream_id AND t IN ('CaseFiled', 'DecidedOnSpot')) AS sector,
            (SELECT (d->'party'->>'isMinor')::boolean FROM e WHERE e.stream_id = c.stream_id AND t IN ('CaseFiled', 'DecidedOnSpot')) AS minor,
            (SELECT d->>'agency' FROM e WHERE e.stream_id = c.stream_id AND t IN ('CaseFiled', 'DecidedOnSpot', 'CaseLeadReceived')
              ORDER BY t LIMIT 1) AS agency,
            (SELECT CASE WHEN bool_or(t = 'CaseArchived') THEN 'archived' WHEN bool_or(t = 'CaseClosed') THEN 'closed'
                         WHEN bool_or(t = 'CriminalReferralMade') THEN 'referredToPolice'
                         WHEN bool_or(t = 'CaseTransferredOut') THEN 'transferredOut'
                         WHEN bool_or(t IN ('DecisionServed', 'DecidedOnSpot')) THEN 'served'
                         WHEN bool_or(t IN ('PenaltyDecided', 'NoPenaltyDecided')) THEN 'decided'
                         WHEN bool_or(t = 'InvestigationConcluded') THEN 'investigationConcluded'
                         WHEN bool_or(t = 'FilingDeclined') THEN 'filingDeclined'
                         WHEN bool_or(t = 'CaseFiled') THEN 'investigating' ELSE 'leadReceived' END
             FROM e WHERE e.stream_id = c.stream_id) AS stage
          FROM (SELECT DISTINCT stream_id FROM e WHERE stream_id LIKE 'CASE-%') c),
        accepted AS (SELECT * FROM cases, y WHERE EXTRACT(YEAR FROM accepted_on) = y.year),
        penalties AS (
          SELECT e.stream_id, (d->>'decidedOn')::date AS decided_on, (d->'penalty'->>'fineYuan')::numeric AS fine
          FROM e WHERE t IN ('PenaltyDecided', 'DecidedOnSpot')),
        decided AS (SELECT c.* FROM cases c, y WHERE EXTRACT(YEAR FROM c.decided_on) = y.year),
        in_year AS (  -- an event's business date in the year
          SELECT e.*, COALESCE(d->>'seizedOn', d->>'publishedOn', d->>'passedOn', d->>'returnedOn', d->>'raisedOn',
                               d->>'sentOn', d->'activity'->>'date', d->'session'->>'date', d->'plan'->>'from',
                               d->>'withdrawnOn', d->'audit'->>'date')::date AS on_day
          FROM e),
        this_year AS (SELECT i.* FROM in_year i, y WHERE EXTRACT(YEAR FROM i.on_day) = y.year),
        clock AS (
          SELECT stream_id, 'decision' AS kind, COALESCE(d->'decisionDue'->>'rolledToWorkingDay', d->'decisionDue'->>'due')::date AS due,
            (SELECT min(COALESCE(x.d->>'decidedOn', x.d->>'referredOn', x.d->>'transferredOn'))::date FROM e x
              WHERE x.stream_id = e.stream_id AND x.t IN ('PenaltyDecided', 'NoPenaltyDecided', 'CriminalReferralMade', 'CaseTransferredOut')) AS done
          FROM e WHERE t = 'CaseFiled'
          UNION ALL
          SELECT stream_id, 'service', COALESCE(d->'serviceDue'->>'rolledToWorkingDay', d->'serviceDue'->>'due')::date,
            (SELECT min((x.d->>'servedOn')::date) FROM e x WHERE x.stream_id = e.stream_id AND x.t = 'DecisionServed')
          FROM e WHERE t IN ('PenaltyDecided', 'NoPenaltyDecided')
          UNION ALL
          -- A publication lawfully withheld (涉密, 未成年人) is neither on time nor late: its clock is in no count.
          SELECT stream_id, 'publication', COALESCE(d->'publicationDue'->>'rolledToWorkingDay', d->'publicationDue'->>'due')::date,
            (SELECT min((x.d->>'publishedOn')::date) FROM e x WHERE x.stream_id = e.stream_id AND x.t = 'DecisionPublished')
          FROM e WHERE t IN ('PenaltyDecided', 'NoPenaltyDecided', 'DecidedOnSpot')
            AND NOT EXISTS (SELECT 1 FROM e x WHERE x.stream_id = e.stream_id AND x.t = 'PublicationWithheld')),
        clocks AS (SELECT clock.* FROM clock, y WHERE EXTRACT(YEAR FROM due) = y.year),
        sessions AS (
          SELECT stream_id AS operation_id, d->'session'->>'sessionId' AS session_id, (d->'session'->>'date')::date AS day,
                 d->'session'->'tallies' AS tallies
          FROM e WHERE t = 'FieldSessionRecorded'),
        year_sessions AS (SELECT s.* FROM sessions s, y WHERE EXTRACT(YEAR FROM s.day) = y.year),
        returns AS (
          SELECT s.operation_id, s.session_id, r.d->'partnerReturn' AS p FROM e r
          JOIN year_sessions s ON s.operation_id = r.stream_id AND s.session_id = r.d->'partnerReturn'->>'sessionId'
          WHERE r.t = 'PartnerReturnRecorded'),
        tallies AS (SELECT s.operation_id, s.session_id, t.key AS agency, t.value AS p FROM year_sessions s, jsonb_each(s.tallies) t),
        -- Field figures counted once: a partner's own non-zero return stands in for what the lead typed for it.
        field AS (
          SELECT m.key, CASE WHEN m.partner THEN COALESCE(NULLIF((r.p->>m.field)::numeric, 0), (t.p->>m.field)::numeric)
                             ELSE (t.p->>m.field)::numeric END AS value
          FROM tallies t
          LEFT JOIN returns r ON r.operation_id = t.operation_id AND r.session_id = t.session_id AND r.p->>'agency' = t.agency
          CROSS JOIN (VALUES ('officers_deployed', 'officersDeployed', true), ('vehicles_deployed', 'vehiclesDeployed', true),
                  ('vehicles_inspected', 'vehiclesInspected', true), ('violations_serious', 'violationsSerious', false),
                  ('violations_minor', 'violationsMinor', false), ('people_educated', 'peopleEducated', true),
                  ('leaflets', 'leaflets', false), ('rectification_notices', 'rectificationNotices', false)) AS m(key, field, partner)),
        linked AS (  -- the bureau's acts linked to a session of the year
          SELECT e.stream_id, e.t FROM e
          JOIN year_sessions s ON s.operation_id = e.d->'operation'->>'operationId' AND s.session_id = e.d->'operation'->>'sessionId'
          WHERE e.t IN ('CaseLeadReceived', 'DecidedOnSpot', 'VehicleSeized', 'ReferralSent')),
        linked_cases AS (SELECT DISTINCT stream_id FROM linked WHERE t IN ('CaseLeadReceived', 'DecidedOnSpot'))
        SELECT 'cases_accepted', count(*)::numeric FROM accepted
        UNION ALL SELECT 'cases_black_car', count(*) FROM accepted WHERE sector = 'blackCar'
        UNION ALL SELECT 'cases_ordinary', count(*) FROM accepted WHERE procedure = 'ordinary' AND filed
        UNION ALL SELECT 'cases_summary', count(*) FROM accepted WHERE procedure = 'summary'
        UNION ALL SELECT 'breakdown:source:' || COALESCE(source, '-'), count(*) FROM accepted GROUP BY source
        UNION ALL SELECT 'breakdown:sector:' || COALESCE(sector, '-'), count(*) FROM accepted GROUP BY sector
        UNION ALL SELECT 'breakdown:agency:' || COALESCE(agency, '-'), count(*) FROM accepted GROUP BY agency
        UNION ALL SELECT 'breakdown:procedure:' || p, count(*) FROM (
                  SELECT CASE WHEN procedure = 'summary' OR filed THEN procedure ELSE 'notFiled' END AS p FROM accepted) a
                  GROUP BY p
        UNION ALL SELECT 'breakdown:stage:' || stage, count(*) FROM accepted GROUP BY stage
        UNION ALL SELECT 'decisions_penalty', count(*) FROM penalties p, y WHERE EXTRACT(YEAR FROM p.decided_on) = y.year
        UNION ALL SELECT 'fines_imposed_yuan', COALESCE(sum(fine), 0) FROM penalties p, y WHERE EXTRACT(YEAR FROM p.decided_on) = y.year
        UNION ALL SELECT 'decisions_no_penalty', count(*) FROM e, y
                  WHERE t = 'NoPenaltyDecided' AND EXTRACT(YEAR FROM (d->>'decidedOn')::date) = y.year
        UNION ALL SELECT 'criminal_referrals', count(*) FROM e, y
                  WHERE t = 'CriminalReferralMade' AND EXTRACT(YEAR FROM (d->>'referredOn')::date) = y.year
        UNION ALL SELECT 'transferred_out', count(*) FROM e, y
                  WHERE t = 'CaseTransferredOut' AND EXTRACT(YEAR FROM (d->>'transferredOn')::date) = y.year
        UNION ALL SELECT 'fines_collected_yuan', COALESCE(sum((d->>'amountYuan')::numeric), 0) FROM e
                  WHERE t = 'PaymentReceived' AND stream_id IN (SELECT stream_id FROM decided)
        UNION ALL SELECT 'hearings_held', count(*) FROM e WHERE t = 'HearingHeld' AND stream_id IN (SELECT stream_id FROM decided)
        UNION ALL SELECT 'court_enforcement_applications', count(*) FROM e
                  WHERE t LIKE '%Court%' AND stream_id IN (SELECT stream_id FROM decided)
        UNION ALL SELECT 'seizures', count(*) FROM this_year WHERE t = 'VehicleSeized'
        UNION ALL SELECT 'legal_reviews', count(*) FROM this_year WHERE t IN ('LegalReviewPassed', 'LegalReviewReturned')
        UNION ALL SELECT 'legal_reviews_returned', count(*) FROM this_year WHERE t = 'LegalReviewReturned'
        UNION ALL SELECT 'legal_review_return_rate_pct', round(100.0 * count(*) FILTER (WHERE t = 'LegalReviewReturned')
                  / NULLIF(count(*), 0), 1) FROM this_year WHERE t IN ('LegalReviewPassed', 'LegalReviewReturned')
        UNION ALL SELECT 'files_published', count(*) FROM this_year WHERE t = 'DecisionPublished'
        UNION ALL SELECT 'publication_rate_pct', round(100.0 * count(*) FILTER (WHERE EXISTS (
                      SELECT 1 FROM e x WHERE x.stream_id = c.stream_id AND x.t = 'DecisionPublished'))
                  / NULLIF(count(*) FILTER (WHERE NOT minor AND NOT EXISTS (
                      SELECT 1 FROM e x WHERE x.stream_id = c.stream_id AND x.t = 'PublicationWithheld')), 0), 1)
                  FROM decided c WHERE EXISTS (SELECT 1 FROM penalties p WHERE p.stream_id = c.stream_id)
                     OR EXISTS (SELECT 1 FROM e x WHERE x.stream_id = c.stream_id AND x.t = 'NoPenaltyDecided')
        UNION ALL SELECT 'publications_withdrawn', count(*) FROM this_year WHERE t = 'PublicationWithdrawn'
        UNION ALL SELECT 'joint_operations', count(*) FROM this_year
                  WHERE t = 'OperationPlanned' AND stream_id NOT IN (SELECT stream_id FROM e WHERE t = 'OperationCancelled')
        UNION ALL SELECT 'joint_operation_sessions', count(*) FROM year_sessions
        UNION ALL SELECT 'rectification_problems', count(*) FROM this_year WHERE t = 'RectificationItemRaised'
                  AND COALESCE(d->>'origin', 'campaignSelfExamination') = 'campaignSelfExamination'
        UNION ALL SELECT 'rectification_opinions', count(*) FROM this_year r WHERE t = 'RectificationItemRaised'
                  AND COALESCE(d->>'origin', 'campaignSelfExamination') = 'campaignSelfExamination'
                  AND EXISTS (SELECT 1 FROM e x WHERE x.stream_id = r.stream_id AND x.t = 'RectificationOpinionIssued')
        UNION ALL SELECT 'inspection_problems', count(*) FROM this_year WHERE t = 'RectificationItemRaised'
                  AND d->>'origin' = 'inspectionTour'
        UNION ALL SELECT 'inspection_problems_closed_out', count(*) FROM this_year r WHERE t = 'RectificationItemRaised'
                  AND d->>'origin' = 'inspectionTour'
                  AND EXISTS (SELECT 1 FROM e x WHERE x.stream_id = r.stream_id AND x.t = 'RectificationClosedOut')
        UNION ALL SELECT 'audit_findings', count(*) FROM this_year WHERE t = 'RectificationItemRaised'
                  AND d->>'origin' = 'caseFileAudit'
        UNION ALL SELECT 'case_file_audits', count(*) FROM this_year WHERE t = 'CaseFileAuditRecorded'
        UNION ALL SELECT 'case_files_audited', COALESCE(sum((d->'audit'->>'filesReviewed')::int), 0) FROM this_year
                  WHERE t = 'CaseFileAuditRecorded'
        UNION ALL SELECT 'rectification_open', count(*) FROM this_year r WHERE t = 'RectificationItemRaised'
                  AND COALESCE(d->>'origin', 'campaignSelfExamination') = 'campaignSelfExamination'
                  AND NOT EXISTS (SELECT 1 FROM e x WHERE x.stream_id = r.stream_id AND x.t = 'RectificationClosedOut')
        UNION ALL SELECT 'referrals_sent', count(*) FROM this_year WHERE t = 'ReferralSent'
        UNION ALL SELECT 'window_referrals', count(*) FROM this_year WHERE t = 'ReferralSent' AND d->>'kind' = 'licensingWindowToBrigade'
        UNION ALL SELECT 'outreach_activities', count(*) FROM this_year WHERE t = 'OutreachActivityRecorded'
        UNION ALL SELECT 'outreach_leaflets', COALESCE(sum((d->'activity'->>'leaflets')::numeric), 0) FROM this_year
                  WHERE t = 'OutreachActivityRecorded'
        UNION ALL SELECT 'timeliness:' || kind || ':' || status, count(*) FROM (
                  SELECT kind, CASE WHEN done <= due THEN 'on_time' WHEN done > due THEN 'late'
                                    WHEN due < y.today THEN 'overdue' ELSE 'not_yet_due' END AS status
                  FROM clocks, y) s GROUP BY kind, status
        UNION ALL SELECT 'joint:' || m.key || ':partnerReturn', sum((p->>m.field)::numeric) FROM returns, (VALUES
                  ('officers_deployed', 'officersDeployed'), ('vehicles_deployed', 'vehiclesDeployed'),
                  ('vehicles_inspected', 'vehiclesInspected'), ('people_educated', 'peopleEducated'),
                  ('cases_filed', 'casesFiled'), ('fines_imposed_yuan', 'finesYuan'), ('vehicles_seized', 'vehiclesSeized'))
                  AS m(key, field) GROUP BY m.key
        UNION ALL SELECT 'joint:' || m.key || ':sessionTally', sum((p->>m.field)::numeric) FROM tallies, (VALUES
                  ('officers_deployed', 'officersDeployed'), ('vehicles_deployed', 'vehiclesDeployed'),
                  ('vehicles_inspected', 'vehiclesInspected'), ('violations_serious', 'violationsSerious'),
                  ('violations_minor', 'violationsMinor'), ('people_educated', 'peopleEducated'), ('leaflets', 'leaflets'),
                  ('rectification_notices', 'rectificationNotices')) AS m(key, field) GROUP BY m.key
        UNION ALL SELECT 'joint:cases:caseRegister', count(*) FROM linked_cases
        UNION ALL SELECT 'joint:cases_filed:caseRegister', count(*) FROM linked_cases l
                  WHERE EXISTS (SELECT 1 FROM e x WHERE x.stream_id = l.stream_id AND x.t = 'CaseFiled')
        UNION ALL SELECT 'joint:decisions:caseRegister', count(*) FROM linked_cases l
                  WHERE EXISTS (SELECT 1 FROM penalties p WHERE p.stream_id = l.stream_id)
                     OR EXISTS (SELECT 1 FROM e x WHERE x.stream_id = l.stream_id AND x.t = 'NoPenaltyDecided')
        UNION ALL SELECT 'joint:fines_imposed_yuan:caseRegister', COALESCE(sum(p.fine), 0) FROM penalties p
                  WHERE p.stream_id IN (SELECT stream_id FROM linked_cases)
        UNION ALL SELECT 'joint:fines_collected_yuan:caseRegister', COALESCE(sum((d->>'amountYuan')::numeric), 0) FROM e
                  WHERE t = 'PaymentReceived' AND stream_id IN (SELECT stream_id FROM linked_cases)
        UNION ALL SELECT 'joint:vehicles_seized:caseRegister', count(*) FROM linked WHERE t = 'VehicleSeized'
        UNION ALL SELECT 'joint:referrals:caseRegister', count(*) FROM linked WHERE t = 'ReferralSent'
        UNION ALL SELECT 'joint:' || key || ':combined', sum(value) FROM field GROUP BY key
        UNION ALL SELECT 'joint:cases_filed:combined', (SELECT count(*) FROM linked_cases l
                      WHERE EXISTS (SELECT 1 FROM e x WHERE x.stream_id = l.stream_id AND x.t = 'CaseFiled'))
                  + (SELECT COALESCE(sum((p->>'casesFiled')::numeric), 0) FROM returns)
        UNION ALL SELECT 'joint:vehicles_seized:combined', (SELECT count(*) FROM linked WHERE t = 'VehicleSeized')
                  + (SELECT COALESCE(sum((p->>'vehiclesSeized')::numeric), 0) FROM returns)
        UNION ALL SELECT 'joint:fines_imposed_yuan:combined',
                  (SELECT COALESCE(sum(p.fine), 0) FROM penalties p WHERE p.stream_id IN (SELECT stream_id FROM linked_cases))
                  + (SELECT COALESCE(sum((p->>'finesYuan')::numeric), 0) FROM returns)
        UNION ALL SELECT 'joint:referrals:combined', count(*) FROM linked WHERE t = 'ReferralSent'
        """
}

import Enforcement
import Foundation
import Postgres

/// Administrative cases (案件): the register and pipeline, the legal-review queue, deadlines and the
/// publicity register. Personal data is masked here already (DOMAIN.md §6): the unmasked party id,
/// name of an individual and plate never reach the projection tables.
public struct CasesProjection: StreamProjection {
    public let name = "cases"
    public let shapeVersion = 2
    public let tables = ["cases", "case_deadlines", "legal_reviews"]
    public let eventTypes: Set<String> = Set(CaseEvent.eventTypes)
    /// How plates are masked in every projection table (the bureau's choice; default partial).
    public var policy: PublicationPolicy

    public init(policy: PublicationPolicy = .standard) { self.policy = policy }

    public func createTables(_ t: ProjectionTarget) -> [String] {
        [
            """
            CREATE TABLE \(t.table("cases", of: name)) (
                stream_id                  text     NOT NULL,
                agency                     text,
                status                     text     NOT NULL,
                procedure                  text     NOT NULL,
                source                     text,
                sector                     text,
                party_kind                 text,
                party_name_masked          text,
                party_id_masked            text,
                is_minor                   boolean  NOT NULL,
                involves_secrets           boolean  NOT NULL,
                plate_masked               text,
                act_date                   date,
                act_place_zh               text,
                lead_received_on           date,
                filed_on                   date,
                accepted_on                date,
                decision_due               date,
                decided_on                 date,
                decided_within_deadline    boolean,
                outcome                    text,
                no_penalty_reason          text,
                penalty_types              text[]   NOT NULL,
                penalty_zh                 text,
                fine_yuan                  bigint   NOT NULL,
                illegal_gains_yuan         bigint   NOT NULL,
                legal_basis_id             text,
                decision_number            text,
                legal_review               text     NOT NULL,
                legal_review_required      boolean  NOT NULL,
                hearing_requested          boolean  NOT NULL,
                hearing_held               boolean  NOT NULL,
                statement                  text     NOT NULL,
                evidence_count             integer  NOT NULL,
                seizures                   integer  NOT NULL,
                confiscations              integer  NOT NULL,
                service_due                date,
                served_on                  date,
                service_method             text,
                served_on_time             boolean,
                publication_due            date,
                published                  boolean  NOT NULL,
                published_on               date,
                published_on_time          boolean,
                publication_ref            text,
                publication_withheld       text,
                decision_revoked           boolean  NOT NULL,
                publication_withdrawn      boolean  NOT NULL,
                withdrawn_on               date,
                published_party_name       text,
                published_violation_zh     text,
                paid_yuan                  bigint   NOT NULL,
                enforcement_demand_served  boolean  NOT NULL,
                court_enforcement_applied  boolean  NOT NULL,
                closed_on                  date,
                archived_on                date,
                CONSTRAINT \(t.constraint("cases", of: name, "pkey")) PRIMARY KEY (stream_id)
            )
            """,
            """
            CREATE TABLE \(t.table("case_deadlines", of: name)) (
                stream_id     text    NOT NULL,
                seq           integer NOT NULL,
                kind          text    NOT NULL,
                label_zh      text    NOT NULL,
                basis         text    NOT NULL,
                opened_on     date,
                due           date    NOT NULL,
                legally_due   date    NOT NULL,
                status        text    NOT NULL,
                resolved_on   date,
                met_on_time   boolean,
                CONSTRAINT \(t.constraint("case_deadlines", of: name, "pkey")) PRIMARY KEY (stream_id, seq),
                CONSTRAINT \(t.constraint("case_deadlines", of: name, "status_check"))
                    CHECK (status IN ('open', 'met', 'cancelled', 'superseded'))
            )
            """,
            """
            CREATE TABLE \(t.table("legal_reviews", of: name)) (
                stream_id          text    NOT NULL,
                seq                integer NOT NULL,
                requested_on       date,
                outcome            text    NOT NULL,
                reviewer           text,
                completed_on       date,
                turnaround_working_days integer,
                CONSTRAINT \(t.constraint("legal_reviews", of: name, "pkey")) PRIMARY KEY (stream_id, seq),
                CONSTRAINT \(t.constraint("legal_reviews", of: name, "outcome_check"))
                    CHECK (outcome IN ('pending', 'passed', 'returned'))
            )
            """,
        ]
    }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var fold = CaseFold(streamId: stream, policy: policy)
        for stored in history { fold.apply(try decodeEvent(stored, CaseEvent.init)) }
        guard fold.state.status != .none || fold.state.outcome != nil else { return [:] }
        return ["cases": [fold.row()], "case_deadlines": fold.deadlines, "legal_reviews": fold.reviews]
    }
}

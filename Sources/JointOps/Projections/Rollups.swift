import Enforcement
import EventStore
import Foundation

/// A summary kept as running counts per group, beside a projection's rows.
///
/// Summed at report time, a summary over every case costs a scan of every case (and of five
/// deadlines per case), growing with the log. A rollup instead keeps one row per group with its
/// row count and sums, adjusted in the statements that replace a stream's rows: the old rows'
/// contributions are subtracted before the replace, the new rows' added after it, in the same
/// transaction. Its view then reads a few thousand rows at most. Groups whose count fell to zero
/// stay in the table; views read only rows with `row_count > 0`.
struct Rollup: Sendable {
    struct Dimension: Sendable {
        let name: String
        let type: String
        /// SQL over the source row `r`.
        let sql: String
    }

    /// Base name of its table (`projections.case_pipeline_rollup_v2`).
    let name: String
    let projection: String
    /// The rows it counts, aliased `r`, with a `stream_id` column.
    let source: @Sendable (ProjectionTarget) -> String
    var condition = "TRUE"
    let dimensions: [Dimension]
    /// Per row, SQL giving an integer to sum (the name is the rollup column).
    var measures: [(name: String, sql: String)] = []
    /// Coarser tables kept from its cells (`RollupGrain`); a rollup with grains has `operation_id` first.
    var grains: [RollupGrain] = []
}

enum Rollups {
    static let all: [Rollup] = [casePipeline, publication, deadlines, agencyOutcomes, operationMonths, outcomes, partyNameInitials]
        + AnnualStatisticsView.rollups

    static func of(_ projection: String) -> [Rollup] { all.filter { $0.projection == projection } }

    static func table(_ rollup: Rollup, _ t: ProjectionTarget) -> String { t.table(rollup.name, of: rollup.projection) }

    /// The tables of a projection's rollups, their grains among them.
    static func tables(of projection: String) -> [String] {
        of(projection).flatMap { [$0.name] + $0.grains.map(\.name) }
    }

    /// CREATE TABLE of every rollup and grain of `projection`.
    static func creates(of projection: String, _ t: ProjectionTarget) -> [String] {
        of(projection).flatMap { rollup in [create(rollup, t)] + rollup.grains.map { create($0, of: rollup, t) } }
    }

    static func create(_ rollup: Rollup, _ t: ProjectionTarget) -> String {
        let dimensions = rollup.dimensions.map { "\($0.name) \($0.type)" }
        let measures = rollup.measures.map { "\($0.name) bigint NOT NULL" }
        let key = rollup.dimensions.map(\.name).joined(separator: ", ")
        return """
            CREATE TABLE \(table(rollup, t)) (
                \((dimensions + ["row_count bigint NOT NULL"] + measures).joined(separator: ",\n    ")),
                CONSTRAINT \(t.constraint(rollup.name, of: rollup.projection, "key")) UNIQUE NULLS NOT DISTINCT (\(key))
            )
            """
    }

    /// Adds (`sign` 1) or subtracts (-1) the current rows of the streams in `$1`.
    static func adjust(_ rollup: Rollup, _ t: ProjectionTarget, sign: Int) -> String {
        guard rollup.grains.isEmpty else { return adjustWithGrains(rollup, t, sign: sign) }
        let names = rollup.dimensions.map(\.name) + ["row_count"] + rollup.measures.map(\.name)
        let values = rollup.dimensions.map(\.sql) + ["\(sign) * count(*)"]
            + rollup.measures.map { "\(sign) * COALESCE(sum(\($0.sql)), 0)" }
        let key = rollup.dimensions.map(\.name).joined(separator: ", ")
        let updates = (["row_count"] + rollup.measures.map(\.name)).map { "\($0) = t.\($0) + EXCLUDED.\($0)" }
        return """
            INSERT INTO \(table(rollup, t)) AS t (\(names.joined(separator: ", ")))
            SELECT \(values.joined(separator: ", "))
            FROM \(rollup.source(t)) r
            WHERE r.stream_id = ANY($1::text[]) AND (\(rollup.condition))
            GROUP BY \((1...rollup.dimensions.count).map(String.init).joined(separator: ", "))
            ON CONFLICT (\(key)) DO UPDATE SET \(updates.joined(separator: ", "))
            """
    }

    // MARK: - The rollups

    static let casePipeline = Rollup(
        name: "case_pipeline_rollup", projection: "cases", source: { $0.table("cases", of: "cases") },
        dimensions: [
            .init(name: "year", type: "integer", sql: "EXTRACT(YEAR FROM r.accepted_on)::int"),
            .init(name: "status", type: "text", sql: "r.status"), .init(name: "agency", type: "text", sql: "r.agency"),
            .init(name: "sector", type: "text", sql: "r.sector"), .init(name: "source", type: "text", sql: "r.source"),
            .init(name: "procedure", type: "text", sql: "r.procedure"),
        ])

    static let publication = Rollup(
        name: "publication_rollup", projection: "cases", source: { $0.table("cases", of: "cases") },
        condition: "r.outcome IN ('penalty', 'noPenalty') AND NOT r.decision_revoked",
        dimensions: [
            .init(name: "year", type: "integer", sql: "EXTRACT(YEAR FROM r.decided_on)::int"),
            .init(name: "agency", type: "text", sql: "r.agency"),
        ],
        measures: [
            ("publishable", "(r.publication_withheld IS NULL AND NOT r.is_minor)::int"),
            ("published", "(r.published)::int"),
            ("published_on_time", "CASE WHEN r.published_on_time THEN 1 ELSE 0 END"),
            ("withheld", "(r.publication_withheld IS NOT NULL)::int"),
            ("withdrawn", "(r.publication_withdrawn)::int"),
        ])

    /// Deadlines with their case's agency; an open deadline keeps its last day, so "overdue as of
    /// today" is still answered from the rollup.
    static let deadlines = Rollup(
        name: "deadline_rollup", projection: "cases",
        source: { t in
            "(SELECT d.stream_id, d.kind, d.label_zh, d.legally_due, d.status, d.met_on_time, d.provisional, "
                + "d.days_late, c.agency, c.decision_revoked "
                + "FROM \(t.table("case_deadlines", of: "cases")) d JOIN \(t.table("cases", of: "cases")) c "
                + "ON c.stream_id = d.stream_id)"
        },
        dimensions: [
            .init(name: "year", type: "integer", sql: "EXTRACT(YEAR FROM r.legally_due)::int"),
            .init(name: "agency", type: "text", sql: "r.agency"), .init(name: "kind", type: "text", sql: "r.kind"),
            .init(name: "label_zh", type: "text", sql: "r.label_zh"), .init(name: "status", type: "text", sql: "r.status"),
            .init(name: "met_on_time", type: "boolean", sql: "r.met_on_time"),
            .init(name: "open_due", type: "date", sql: "CASE WHEN r.status = 'open' THEN r.legally_due END"),
            .init(name: "provisional", type: "boolean", sql: "CASE WHEN r.status = 'open' THEN r.provisional END"),
            // The annual rates leave a revoked decision's clocks out (AnnualTimeliness): kept apart, so they read here.
            .init(name: "decision_revoked", type: "boolean", sql: "r.decision_revoked"),
        ],
        measures: [("days_late", "COALESCE(r.days_late, 0)")])

    /// The first characters of the party names every view masks (`case_party_names`): a free-text cell with
    /// none of them holds no name (`ReportingViews.maskedFreeText`).
    static let partyNameInitials = Rollup(
        name: "party_name_initial_rollup", projection: "cases", source: { $0.table("case_party_names", of: "cases") },
        dimensions: [.init(name: "initial", type: "text", sql: "left(r.name, 1)")])

    /// Each agency's field-session tallies per year (what each agency achieved in joint operations).
    static let agencyOutcomes = Rollup(
        name: "agency_outcome_rollup", projection: "operations",
        source: { t in
            "(SELECT s.* FROM \(OperationOutcomeViews.fieldTallies(t)) s "
                + "JOIN \(t.table("operations", of: "operations")) o ON o.stream_id = s.stream_id)"
        },
        dimensions: [
            .init(name: "year", type: "integer", sql: "EXTRACT(YEAR FROM r.session_date)::int"),
            .init(name: "agency", type: "text", sql: "r.agency"),
        ],
        measures: ReportingViews.tallyColumns.map { ($0.0, "r.\($0.0)") })

    /// Each operation's field-session tallies per month and agency, a partner's own field figures standing in
    /// for the lead's (`OperationOutcomeViews.fieldTallies`): the rows of `operation_outcomes`, whose unique
    /// index is the report's key, so a page reads its own rows only (grouped at read time, the month's tallies
    /// were all read and sorted for one page).
    static let operationMonths = Rollup(
        name: "operation_month_rollup", projection: "operations", source: { OperationOutcomeViews.fieldTallies($0) },
        dimensions: [
            .init(name: "month", type: "date", sql: "date_trunc('month', r.session_date::timestamp)::date"),
            .init(name: "operation_id", type: "text", sql: "r.stream_id"), .init(name: "agency", type: "text", sql: "r.agency"),
        ],
        measures: ReportingViews.tallyColumns.map { ($0.0, "r.\($0.0)") })

    /// The outcome facts (`OperationOutcomeViews.facts`) summed per operation, month, agency and source: the
    /// cells the `operation_outcomes_by_*` views group (a few per operation instead of one row per session and
    /// agency, read without joining the facts' three tables). A cell of the bureau's linked acts is one session
    /// (`session_key`), so that the views can count sessions by adding; every other source has one fact per
    /// session and agency. `has_…` counts the facts reporting a measure: none, and the view shows NULL.
    static let outcomes = Rollup(
        name: "outcome_rollup", projection: "operations",
        source: { t in "(SELECT * FROM (\(OperationOutcomeViews.facts(t))) AS f(\(OperationOutcomeViews.factColumns)))" },
        dimensions: [
            // In the order of `operation_outcomes_by_agency`'s key, which the unique index then serves.
            .init(name: "operation_id", type: "text", sql: "r.operation_id"),
            .init(name: "agency", type: "text", sql: "r.agency"), .init(name: "source", type: "text", sql: "r.source"),
            .init(name: "reported_by", type: "text", sql: "r.reported_by"),
            .init(name: "month", type: "date", sql: "date_trunc('month', r.session_date::timestamp)::date"),
            .init(name: "year", type: "integer", sql: "EXTRACT(YEAR FROM r.session_date)::int"),
            .init(name: "session_key", type: "text",
                  sql: "CASE WHEN r.source = '\(OutcomeSource.caseRegister.rawValue)' THEN r.session_id END"),
        ],
        measures: OperationOutcomeViews.measures.map { ($0.0, "r.\($0.0)") }
            + OperationOutcomeViews.measures.map { ("has_\($0.0)", "(r.\($0.0) IS NOT NULL)::int") },
        grains: [outcomeMonths, outcomeCampaigns])

    /// The cells per month, agency and source: `operation_outcomes_by_month`.
    static let outcomeMonths = RollupGrain(
        name: "outcome_month_grain",
        keys: [.init(name: "month", type: "date", sql: "ch.month"), .init(name: "year", type: "integer", sql: "ch.year"),
               .init(name: "agency", type: "text", sql: "ch.agency"), .init(name: "source", type: "text", sql: "ch.source"),
               .init(name: "reported_by", type: "text", sql: "ch.reported_by")],
        cellColumns: ["month", "year", "agency", "source", "reported_by"])

    /// The cells per campaign of their operation, year, agency and source: `operation_outcomes_by_campaign`.
    static let outcomeCampaigns = RollupGrain(
        name: "outcome_campaign_grain",
        keys: [.init(name: "campaign_code", type: "text", sql: "ch.campaign_code"), .init(name: "year", type: "integer", sql: "ch.year"),
               .init(name: "agency", type: "text", sql: "ch.agency"), .init(name: "source", type: "text", sql: "ch.source"),
               .init(name: "reported_by", type: "text", sql: "ch.reported_by")],
        cellColumns: ["year", "agency", "source", "reported_by"])
}

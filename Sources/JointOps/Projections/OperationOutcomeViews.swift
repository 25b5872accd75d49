import Enforcement
import EventStore
import Foundation

/// Outcomes of joint operations by agency, operation, campaign and month, built from facts that are recorded
/// once: the bureau's acts linked to a session (its case register decides the figures), partner agencies'
/// returns, and the session tallies (what belongs to no case). Every row says where its figures come from
/// (`source`, 来源) and who reported them (`reported_by`); figures of different sources are never added up.
enum OperationOutcomeViews {
    static var all: [ReportingView] { [links, byAgency, byCampaign, byMonth] }

    /// The sources, with the Chinese label every outcome row carries (`OutcomeSource`, 来源).
    static let sources: [(code: String, zh: String)] = OutcomeSource.allCases.map { ($0.rawValue, $0.labelZh) }

    /// The figures of every outcome view: NULL where a source does not report the figure.
    static let measures: [(String, String, String)] = [
        ("officers_deployed", "出动执法人员（人次）", "Officers deployed (person-times)"),
        ("vehicles_deployed", "出动执法车辆（台次）", "Vehicles deployed (vehicle-times)"),
        ("vehicles_inspected", "检查车辆", "Vehicles inspected"),
        ("violations_serious", "严重违法行为", "Serious violations found"),
        ("violations_minor", "一般违法行为", "Minor violations found"),
        ("people_educated", "教育劝导（人次）", "People educated or warned"),
        ("leaflets", "发放宣传单", "Leaflets handed out"),
        ("rectification_notices", "整改通知书", "Rectification notices issued"),
        ("cases", "关联案件", "Cases linked to the operation (the bureau's: leads and on-the-spot decisions)"),
        ("cases_filed", "立案数", "Cases filed (立案; the bureau's on-the-spot decisions are decisions, never filed)"),
        ("decisions", "作出决定", "Penalty and no-penalty decisions not revoked"),
        ("fines_imposed_yuan", "罚款（元）", "Fines imposed, yuan (revoked decisions left out)"),
        ("fines_collected_yuan", "已缴罚款（元）", "Fines collected, yuan"),
        ("vehicles_seized", "扣押车辆", "Vehicles seized"),
        ("referrals", "移送", "Referrals sent"),
    ]

    static let sourceColumns: [(String, String, String)] = [
        ("source", "来源代码", "Source of the figures (caseRegister, partnerReturn, sessionTally, legacyTally)"),
        ("source_zh", "来源", "Source of the figures, in Chinese"),
        ("reported_by", "填报单位", "Agency that reported the figures (the agency itself, or the lead agency for tallies)"),
    ]

    /// The columns of `facts`, in order.
    static var factColumns: String {
        (["operation_id", "session_id", "session_date", "agency", "source", "reported_by"] + measures.map(\.0) + ["stream_id"])
            .joined(separator: ", ")
    }

    /// One row per fact and session: (operation_id, session_id, session_date, agency, source, reported_by, measures…,
    /// stream_id), `stream_id` being the stream whose rows hold the fact (the case or referral of a link).
    static func facts(_ t: ProjectionTarget) -> String {
        let links = t.table("operation_links", of: "operations")
        let returns = t.table("operation_returns", of: "operations"), tallies = t.table("operation_tallies", of: "operations")
        let operations = t.table("operations", of: "operations")
        let none = "NULL::bigint"
        return """
            SELECT l.operation_id, l.session_id, l.session_date, l.agency, '\(OutcomeSource.caseRegister.rawValue)' AS source, l.agency AS reported_by,
                   \(Array(repeating: none, count: 8).joined(separator: ", ")),
                   (l.kind = 'case')::int::bigint, COALESCE(l.filed, false)::int::bigint, COALESCE(l.decided, false)::int::bigint,
                   COALESCE(l.fine_yuan, 0), COALESCE(l.paid_yuan, 0),
                   (l.kind = 'seizure')::int::bigint, (l.kind = 'referral')::int::bigint, l.stream_id
            FROM \(links) l
            UNION ALL
            SELECT r.stream_id, r.session_id, r.session_date, r.agency, '\(OutcomeSource.partnerReturn.rawValue)', r.agency,
                   r.officers_deployed, r.vehicles_deployed, r.vehicles_inspected, \(none), \(none), r.people_educated,
                   \(none), \(none), \(none), r.cases_filed, \(none), r.fines_yuan, \(none), r.vehicles_seized, \(none), r.stream_id
            FROM \(returns) r
            UNION ALL
            SELECT s.stream_id, s.session_id, s.session_date, s.agency, '\(OutcomeSource.sessionTally.rawValue)', o.lead_agency,
                   s.officers_deployed, s.vehicles_deployed, s.vehicles_inspected, s.violations_serious, s.violations_minor,
                   s.people_educated, s.leaflets, s.rectification_notices, \(Array(repeating: none, count: 7).joined(separator: ", ")),
                   s.stream_id
            FROM \(tallies) s JOIN \(operations) o ON o.stream_id = s.stream_id
            UNION ALL
            SELECT s.stream_id, s.session_id, s.session_date, s.agency, '\(OutcomeSource.legacyTally.rawValue)', o.lead_agency,
                   \(Array(repeating: none, count: 8).joined(separator: ", ")), \(none), s.cases_filed, \(none), s.fines_yuan,
                   \(none), s.vehicles_seized, s.referrals, s.stream_id
            FROM \(tallies) s JOIN \(operations) o ON o.stream_id = s.stream_id
            WHERE COALESCE(s.cases_filed, 0) + COALESCE(s.vehicles_seized, 0) + COALESCE(s.fines_yuan, 0) + COALESCE(s.referrals, 0) > 0
            """
    }

    /// The figures a partner reports of its own field work (not its cases), by tally column.
    static let partnerFieldFigures = ["officers_deployed", "vehicles_deployed", "vehicles_inspected", "people_educated"]

    /// `operation_tallies` as the combined views read it: where a partner returned its own field figures for a
    /// session, its figure (本单位报送) stands in for what the lead typed for it, so it is neither lost nor added
    /// twice; a figure the return left at 0 keeps the lead's. Same columns as the table.
    static func fieldTallies(_ t: ProjectionTarget) -> String {
        let columns = ["stream_id", "session_id", "session_date", "place_zh", "agency"].map { "s.\($0)" }
            + ReportingViews.tallyColumns.map(\.0).map { column in
                partnerFieldFigures.contains(column) ? "COALESCE(NULLIF(r.\(column), 0), s.\(column)) AS \(column)" : "s.\(column)"
            } + ["s.figures_out_of_bounds"]
        return """
            (SELECT \(columns.joined(separator: ", "))
             FROM \(t.table("operation_tallies", of: "operations")) s
             LEFT JOIN \(t.table("operation_returns", of: "operations")) r
                    ON r.stream_id = s.stream_id AND r.session_id = s.session_id AND r.agency = s.agency)
            """
    }

    /// The rows the annual totals count joint operations' case figures from, all in the operations projection (so
    /// its rollup stays exact): the bureau's linked acts and the partners' returns, never legacy tally figures.
    static func results(_ t: ProjectionTarget) -> String {
        """
        (SELECT stream_id, session_date, (kind = 'case' AND COALESCE(filed, false))::int::bigint AS cases_filed,
                (kind = 'seizure')::int::bigint AS vehicles_seized, COALESCE(fine_yuan, 0) AS fines_yuan,
                (kind = 'referral')::int::bigint AS referrals
         FROM \(t.table("operation_links", of: "operations"))
         UNION ALL
         SELECT stream_id, session_date, cases_filed, vehicles_seized, fines_yuan, 0::bigint
         FROM \(t.table("operation_returns", of: "operations")))
        """
    }

    /// The sources' codes with their Chinese labels, as SQL rows `(code, zh)`.
    static var sourceLabels: String {
        "(VALUES \(sources.map { "(\($0.code.sqlLiteral), \($0.zh.sqlLiteral))" }.joined(separator: ", ")))"
    }

    /// The cells of the facts (`Rollups.outcomes`, per operation, month, agency and source) summed per operation,
    /// agency and source, in the order of the rollup's key, so that a page reads its own cells from the index
    /// (the operation and agency are joined to the groups after, by the view). A cell of one session
    /// (`session_key`) counts one session, any other one per fact; a measure no fact reports is NULL.
    static func perOperation(_ t: ProjectionTarget) -> String {
        let figures = measures.map { "CASE WHEN sum(c.has_\($0.0)) > 0 THEN sum(c.\($0.0)) END::bigint AS \($0.0)" }
        return """
            (SELECT c.operation_id, c.agency, c.source, c.reported_by,
                    sum(CASE WHEN c.session_key IS NULL THEN c.row_count ELSE 1 END) AS sessions, \(figures.joined(separator: ", "))
             FROM \(Rollups.table(Rollups.outcomes, t)) c
             WHERE c.row_count > 0
             GROUP BY c.operation_id, c.agency, c.source, c.reported_by)
            """
    }

    /// The groups of a grain of the cells (`Rollups.outcomeMonths`, `.outcomeCampaigns`) that hold figures, with
    /// the source's label and the agency's name.
    static func groups(_ grain: RollupGrain, _ t: ProjectionTarget) -> String {
        """
            (SELECT g.*, lbl.zh AS source_zh, a.name_zh AS agency_name_zh
             FROM \(t.table(grain.name, of: Rollups.outcomes.projection)) g
             JOIN \(sourceLabels) AS lbl(code, zh) ON lbl.code = g.source
             LEFT JOIN \(t.table("agencies", of: "registry")) a ON a.code = g.agency
             WHERE g.operations > 0)
            """
    }

    /// Each measure of a grain's group `c`: NULL where no fact of the group reports it.
    static var groupSums: String {
        measures.map { "CASE WHEN c.has_\($0.0) > 0 THEN c.\($0.0) END::bigint" }.joined(separator: ", ")
    }

    static let links = ReportingView(
        "operation_links", "联合执法关联记录", "Acts of the bureau linked to an operation's field session: leads and on-the-spot decisions (cases), seizures, referrals",
        columns: [("operation_id", "行动编号", "Operation id"), ("session_id", "集中整治编号", "Session id"),
                  ("session_date", "日期", "Day of the session (the act's business date)"),
                  ("year", "年度", "Year of the session"), ("record_id", "案件或移送编号", "Case or referral id"),
                  ("kind", "类别", "case (lead or on-the-spot decision), seizure or referral"),
                  ("agency", "单位代码", "Acting agency"),
                  ("link_no", "关联序号", "Number of the link within its case or referral (with the record id, unique)")]) { t in
        """
        SELECT operation_id, session_id, session_date, EXTRACT(YEAR FROM session_date)::int, stream_id, kind, agency, seq
        FROM \(t.table("operation_links", of: "operations"))
        """
    }

    static let byAgency = ReportingView(
        "operation_outcomes_by_agency", "联合执法成果（按行动、单位）",
        "Outcomes of each operation by agency and source: the bureau's from its linked cases, partners' as they reported",
        columns: [("operation_id", "行动编号", "Operation id"), ("title_zh", "行动名称", "Title"),
                  ("campaign_code", "专项整治代码", "Campaign code"), ("agency", "单位代码", "Agency code"),
                  ("agency_name_zh", "单位名称", "Agency name")] + sourceColumns
            + [("sessions", "集中整治次数", "Sessions with figures of this source")] + measures) { t in
        """
        SELECT g.operation_id, o.title_zh, o.campaign_code, g.agency, a.name_zh, g.source, lbl.zh, g.reported_by,
               g.sessions::int, \(measures.map { "g.\($0.0)" }.joined(separator: ", "))
        FROM \(perOperation(t)) g
        JOIN \(sourceLabels) AS lbl(code, zh) ON lbl.code = g.source
        LEFT JOIN \(t.table("operations", of: "operations")) o ON o.stream_id = g.operation_id
        LEFT JOIN \(t.table("agencies", of: "registry")) a ON a.code = g.agency
        """
    }

    static let byCampaign = ReportingView(
        "operation_outcomes_by_campaign", "联合执法成果（按专项整治、单位）",
        "Outcomes per campaign, year of the sessions, agency and source",
        columns: [("campaign_code", "专项整治代码", "Campaign code (empty: operations outside campaigns)"),
                  ("year", "年度", "Year of the sessions"), ("agency", "单位代码", "Agency code"),
                  ("agency_name_zh", "单位名称", "Agency name")] + sourceColumns
            + [("operations", "行动数", "Operations with figures of this source"),
               ("sessions", "集中整治次数", "Sessions with figures of this source")] + measures) { t in
        """
        SELECT c.campaign_code, c.year, c.agency, c.agency_name_zh, c.source, c.source_zh, c.reported_by,
               c.operations::int, c.sessions::int, \(groupSums)
        FROM \(groups(Rollups.outcomeCampaigns, t)) c
        """
    }

    static let byMonth = ReportingView(
        "operation_outcomes_by_month", "联合执法成果（按月份、单位）", "Outcomes per month of the sessions, agency and source",
        columns: [("month", "月份", "Month (first day) of the sessions"), ("year", "年度", "Year of the sessions"),
                  ("agency", "单位代码", "Agency code"), ("agency_name_zh", "单位名称", "Agency name")] + sourceColumns
            + [("operations", "行动数", "Operations with figures of this source"),
               ("sessions", "集中整治次数", "Sessions with figures of this source")] + measures) { t in
        """
        SELECT c.month, c.year, c.agency, c.agency_name_zh, c.source, c.source_zh, c.reported_by,
               c.operations::int, c.sessions::int, \(groupSums)
        FROM \(groups(Rollups.outcomeMonths, t)) c
        """
    }

    // MARK: - What the rollup must equal

    /// The facts labelled, each with its operation's campaign and title: what the views summed before the rollup.
    static func labelledFacts(_ t: ProjectionTarget) -> String {
        """
            (SELECT f.*, lbl.zh AS source_zh, o.campaign_code, o.title_zh, a.name_zh
             FROM (\(facts(t))) AS f(\(factColumns))
             JOIN \(sourceLabels) AS lbl(code, zh) ON lbl.code = f.source
             LEFT JOIN \(t.table("operations", of: "operations")) o ON o.stream_id = f.operation_id
             LEFT JOIN \(t.table("agencies", of: "registry")) a ON a.code = f.agency)
            """
    }

    /// `operation_outcomes_by_agency`, `_by_campaign` and `_by_month` summed afresh from the facts.
    static func direct(_ t: ProjectionTarget) -> [String: String] {
        let sums = measures.map { "sum(f.\($0.0))::bigint" }.joined(separator: ", ")
        let month = "date_trunc('month', f.session_date::timestamp)::date", year = "EXTRACT(YEAR FROM f.session_date)::int"
        let distinct = "count(DISTINCT f.operation_id)::int, count(DISTINCT (f.operation_id, f.session_id))::int"
        return [
            byAgency.name: """
                SELECT f.operation_id, min(f.title_zh), min(f.campaign_code), f.agency, min(f.name_zh), f.source, min(f.source_zh),
                       f.reported_by, count(DISTINCT f.session_id)::int, \(sums)
                FROM \(labelledFacts(t)) f GROUP BY f.operation_id, f.agency, f.source, f.reported_by
                """,
            byCampaign.name: """
                SELECT f.campaign_code, \(year), f.agency, min(f.name_zh), f.source, min(f.source_zh), f.reported_by, \(distinct), \(sums)
                FROM \(labelledFacts(t)) f GROUP BY f.campaign_code, \(year), f.agency, f.source, f.reported_by
                """,
            byMonth.name: """
                SELECT \(month), \(year), f.agency, min(f.name_zh), f.source, min(f.source_zh), f.reported_by, \(distinct), \(sums)
                FROM \(labelledFacts(t)) f GROUP BY \(month), \(year), f.agency, f.source, f.reported_by
                """,
        ]
    }
}

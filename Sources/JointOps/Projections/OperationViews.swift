import Enforcement
import EventStore
import Foundation

/// Views over the operations and registry projections.
enum OperationViews {
    static var all: [ReportingView] {
        [agencies, campaigns, board, outcomes, agencyOutcomes, outreach] + OperationOutcomeViews.all
    }

    static let agencies = ReportingView(
        "agencies", "执法单位", "Agencies taking part in enforcement",
        columns: [("agency", "单位代码", "Agency code"), ("name_zh", "单位名称", "Agency name"),
                  ("kind", "单位类别", "Kind of agency")]) { t in
        "SELECT code, name_zh, kind FROM \(t.table("agencies", of: "registry"))"
    }

    static let campaigns = ReportingView(
        "campaigns", "专项整治", "Campaigns",
        columns: [("campaign_code", "专项整治代码", "Campaign code"), ("title_zh", "名称", "Title"),
                  ("sector", "行业", "Sector"), ("valid_from", "开始日期", "First day"),
                  ("valid_to", "结束日期", "Last day")]) { t in
        "SELECT code, title_zh, sector, valid_from, valid_to FROM \(t.table("campaigns", of: "registry"))"
    }

    static let board = ReportingView(
        "operations_board", "联合执法行动看板", "Joint operations board: status, agencies, window and totals",
        columns: [
            ("operation_id", "行动编号", "Operation id (OP-YYYY-NNNN)"), ("title_zh", "行动名称", "Title"),
            ("status", "状态", "Status (drafted, approved, launched, inProgress, concluded, summarised, archived, cancelled)"),
            ("lead_agency", "牵头单位", "Lead agency code"),
            ("agencies", "参与单位", "Participating agencies (lead and supporting still taking part)"),
            ("campaign_code", "专项整治代码", "Campaign code"), ("campaign_title_zh", "专项整治名称", "Campaign title"),
            ("sectors", "整治行业", "Target sectors"), ("window_from", "行动开始日期", "First day of the window"),
            ("window_to", "行动结束日期", "Last day of the window"), ("year", "年度", "Year of the window's first day"),
            ("sessions", "集中整治次数", "Field sessions recorded"),
        ] + ReportingViews.tallyColumns + legacyColumns) { t in
        let o = t.table("operations", of: "operations"), s = OperationOutcomeViews.fieldTallies(t)
        let c = t.table("campaigns", of: "registry")
        return """
            SELECT o.stream_id, o.title_zh, o.status, o.lead_agency, o.agencies, o.campaign_code, c.title_zh,
                   o.sectors, o.window_from, o.window_to, EXTRACT(YEAR FROM o.window_from)::int, o.session_count,
                   \(figures(tallies: "s", results: "x").joined(separator: ", "))
            FROM \(o) o
            LEFT JOIN \(c) c ON c.code = o.campaign_code
            LEFT JOIN LATERAL (SELECT \(ReportingViews.tallyColumns.map { "sum(\($0.0))::bigint AS \($0.0)" }.joined(separator: ", "))
                               FROM \(s) ft WHERE ft.stream_id = o.stream_id) s ON true
            LEFT JOIN LATERAL (\(caseResults(t, keys: [("operation_id", "f.operation_id")], of: ["o.stream_id"]))) x ON true
            """
    }

    static let outcomes = ReportingView(
        "operation_outcomes", "联合执法成果（按单位、行动、月份）",
        "Joint-operation outcomes by agency, operation, campaign and month: session tallies, and case figures from linked cases and partners' returns",
        columns: [
            ("operation_id", "行动编号", "Operation id"), ("campaign_code", "专项整治代码", "Campaign code"),
            ("agency", "单位代码", "Agency code"), ("agency_name_zh", "单位名称", "Agency name"),
            ("month", "月份", "Month (first day) of the sessions"), ("year", "年度", "Year of the sessions"),
            ("operation_status", "行动状态", "Status of the operation"),
            ("sessions", "集中整治次数", "Field sessions with a tally of this agency"),
        ] + ReportingViews.tallyColumns + legacyColumns) { t in
        outcomesSelect(tallies: "SELECT month, operation_id, agency, row_count AS sessions, "
                           + ReportingViews.tallyColumns.map(\.0).joined(separator: ", ")
                           + " FROM \(Rollups.table(Rollups.operationMonths, t)) WHERE row_count > 0", t)
    }

    /// `operation_outcomes` with the tallies summed afresh (not from `Rollups.operationMonths`): what its rows must equal.
    static func outcomesDirect(_ t: ProjectionTarget) -> String {
        let month = "date_trunc('month', s.session_date::timestamp)::date"
        return outcomesSelect(tallies: """
            SELECT \(month) AS month, s.stream_id AS operation_id, s.agency, count(*) AS sessions,
                   \(ReportingViews.tallyColumns.map { "COALESCE(sum(s.\($0.0)), 0) AS \($0.0)" }.joined(separator: ", "))
            FROM \(OperationOutcomeViews.fieldTallies(t)) s
            GROUP BY \(month), s.stream_id, s.agency
            """, t)
    }

    /// Per month, operation and agency (`tallies` gives them, with `sessions` and the tally columns): the operation's
    /// campaign and status, the agency's name, and the case figures of the group's linked cases and returns,
    /// looked up per row (LATERAL), so a page of rows looks up its own.
    static func outcomesSelect(tallies: String, _ t: ProjectionTarget) -> String {
        let keys = [("operation_id", "f.operation_id"), ("agency", "f.agency"),
                    ("month", "date_trunc('month', f.session_date::timestamp)::date")]
        return """
            SELECT g.operation_id, o.campaign_code, g.agency, a.name_zh, g.month, EXTRACT(YEAR FROM g.month)::int, o.status,
                   g.sessions::int, \(figures(tallies: "g", results: "x").joined(separator: ", "))
            FROM (\(tallies)) g
            JOIN \(t.table("operations", of: "operations")) o ON o.stream_id = g.operation_id
            LEFT JOIN \(t.table("agencies", of: "registry")) a ON a.code = g.agency
            LEFT JOIN LATERAL (\(caseResults(t, keys: keys, of: ["g.operation_id", "g.agency", "g.month"]))) x ON true
            """
    }

    /// Per `keys` (name, SQL over the facts `f`), the case figures of the bureau's linked cases and the partners'
    /// returns (`OperationOutcomeViews.facts`): never the legacy tally figures. With `of` (SQL of the outer row,
    /// one per key), only the group of that row: joined LATERAL, a page of rows looks up its own links and
    /// returns (by operation) instead of every operation's being summed for it.
    static func caseResults(_ t: ProjectionTarget, keys: [(String, String)], of outer: [String] = []) -> String {
        let matching = zip(keys, outer).map { " AND \($0.1) = \($1)" }.joined()
        let results = Set(caseColumns.values).sorted().map { "sum(f.\($0))::bigint AS \($0)" }.joined(separator: ", ")
        return """
            SELECT \(keys.map { "\($0.1) AS \($0.0)" }.joined(separator: ", ")), \(results)
            FROM (\(OperationOutcomeViews.facts(t))) AS f(\(OperationOutcomeViews.factColumns))
            WHERE f.source IN ('\(OutcomeSource.caseRegister.rawValue)', '\(OutcomeSource.partnerReturn.rawValue)')\(matching)
            GROUP BY \((1...keys.count).map(String.init).joined(separator: ", "))
            """
    }

    /// The tally columns, then the legacy ones: case figures from the results `x`, the others from the summed
    /// tallies `s`, the legacy ones from the tallies' case fields.
    static func figures(tallies s: String, results x: String) -> [String] {
        ReportingViews.tallyColumns.map { column in
            caseColumns[column.0].map { "COALESCE(\(x).\($0), 0)::bigint" } ?? "COALESCE(\(s).\(column.0), 0)::bigint"
        } + legacyColumns.map { "COALESCE(\(s).\($0.0.dropFirst("legacy_".count)), 0)::bigint" }
    }

    /// The case figures of `agency_outcomes` come from the bureau's linked cases and partners' returns; what
    /// sessions recorded before cases were linked is in its `legacy_…` columns, never added to them.
    static let caseColumns: [String: String] = [
        "cases_filed": "cases_filed", "vehicles_seized": "vehicles_seized", "fines_yuan": "fines_imposed_yuan",
        "referrals": "referrals",
    ]

    static let legacyColumns: [(String, String, String)] = [
        ("legacy_cases_filed", "牵头单位填报（旧）立案数", "Cases filed typed into session tallies by the lead agency (legacy)"),
        ("legacy_vehicles_seized", "牵头单位填报（旧）扣押车辆", "Vehicles seized typed into session tallies (legacy)"),
        ("legacy_fines_yuan", "牵头单位填报（旧）罚款（元）", "Fines typed into session tallies (legacy)"),
        ("legacy_referrals", "牵头单位填报（旧）移送", "Referrals typed into session tallies (legacy)"),
    ]

    static let agencyOutcomes = ReportingView(
        "agency_outcomes", "各单位联合执法成果（按年度）",
        "Joint-operation outcomes per agency and year: session tallies, and case figures from linked cases and partners' returns",
        columns: [("year", "年度", "Year of the field sessions"), ("agency", "单位代码", "Agency code"),
                  ("agency_name_zh", "单位名称", "Agency name"), ("sessions", "参与次数", "Field sessions the agency took part in"),
        ] + ReportingViews.tallyColumns + legacyColumns) { t in
        agencyOutcomesSelect(tallies: """
            SELECT year, agency, row_count AS sessions, \(ReportingViews.tallyColumns.map(\.0).joined(separator: ", "))
            FROM \(Rollups.table(Rollups.agencyOutcomes, t)) WHERE row_count > 0
            """, t)
    }

    /// `agency_outcomes` summed afresh from `operation_outcomes`: what its rollup must equal.
    static func agencyOutcomesDirect(_ t: ProjectionTarget) -> String {
        agencyOutcomesSelect(tallies: """
            SELECT year, agency, sum(sessions) AS sessions, \(ReportingViews.tallyColumns.map { column in
                // The view's case columns are the linked figures; the tallies' own are its legacy columns.
                "sum(\(caseColumns[column.0] == nil ? column.0 : "legacy_" + column.0)) AS \(column.0)"
            }.joined(separator: ", "))
            FROM \(t.schema == "pg_temp" ? "pg_temp" : "reporting").operation_outcomes
            GROUP BY year, agency
            """, t)
    }

    /// Per year and agency: the tallies (`tallies` gives them) beside the case figures of the linked cases and
    /// the returns (`OperationOutcomeViews.facts`).
    static func agencyOutcomesSelect(tallies: String, _ t: ProjectionTarget) -> String {
        let keys = [("year", "EXTRACT(YEAR FROM f.session_date)::int"), ("agency", "f.agency")]
        return """
            WITH t AS (\(tallies)), x AS (\(caseResults(t, keys: keys)))
            SELECT COALESCE(t.year, x.year), COALESCE(t.agency, x.agency), a.name_zh, COALESCE(t.sessions, 0)::int,
                   \(figures(tallies: "t", results: "x").joined(separator: ", "))
            FROM t
            FULL JOIN x ON x.year = t.year AND x.agency = t.agency
            LEFT JOIN \(t.table("agencies", of: "registry")) a ON a.code = COALESCE(t.agency, x.agency)
            """
    }

    static let outreach = ReportingView(
        "outreach_activities", "普法宣传活动", "Publicity activities and leaflets",
        columns: [("activity_id", "活动编号", "Activity id"), ("event_zh", "活动名称", "Activity"),
                  ("place_zh", "地点", "Place"), ("activity_date", "日期", "Date"), ("year", "年度", "Year"),
                  ("agency", "组织单位", "Organising agency code"), ("leaflets", "发放宣传单", "Leaflets handed out"),
                  ("people_reached", "受众人次", "People reached"),
                  ("campaign_zh", "宣传活动名称", "Publicity campaign it belongs to (宪法宣传月, …); null when none"),
                  ("channels", "宣传渠道代码", "Channels used, as codes (onSite, leaflets, wechatAccount, douyin, taxiRoofLights, busLEDScreens, …)"),
                  ("channels_zh", "宣传渠道", "Channels used, as labels"),
                  ("accounts_zh", "网络账号", "Online accounts it was posted on")]) { t in
        """
        SELECT stream_id, event_zh, place_zh, activity_date, EXTRACT(YEAR FROM activity_date)::int, agency, leaflets,
               people_reached, campaign_zh, channels, channels_zh, accounts_zh
        FROM \(t.table("outreach_activities", of: "outreach"))
        """
    }
}

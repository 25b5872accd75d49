import EventStore
import Foundation
import Postgres

/// One view of schema `reporting`: its SQL over the projection tables and a bilingual comment for
/// the view and for every column (analysts read them with `\d+`).
public struct ReportingView: Sendable {
    public struct Column: Sendable {
        public let name: String
        public let zh: String
        public let en: String
    }

    public let name: String
    public let zh: String
    public let en: String
    public let columns: [Column]
    /// Builds the SELECT for a target (projection tables of some versions, or temporary ones).
    let select: @Sendable (ProjectionTarget) -> String

    init(_ name: String, _ zh: String, _ en: String, columns: [(String, String, String)],
         select: @escaping @Sendable (ProjectionTarget) -> String) {
        self.name = name
        self.zh = zh
        self.en = en
        self.columns = columns.map { Column(name: $0.0, zh: $0.1, en: $0.2) }
        self.select = select
    }
}

/// The `reporting` schema: created over the active projection versions, recreated on each switch.
public enum ReportingViews {
    /// Today in Beijing time (Xinjiang's official time), for ages and "overdue".
    static let today = "(now() AT TIME ZONE 'Asia/Shanghai')::date"

    /// Drops and recreates every reporting view over `target`, with comments and the analyst's
    /// SELECT grant: call it inside a transaction so readers switch from old to new at commit.
    public static func create(on connection: Connection, target: ProjectionTarget, viewSchema: String = "reporting") throws {
        for view in all.reversed() { try connection.run("DROP VIEW IF EXISTS \(viewSchema).\(view.name) CASCADE") }
        for view in all {
            let qualified = "\(viewSchema).\(view.name)"
            let columns = view.columns.map(\.name).joined(separator: ", ")
            try connection.run("CREATE VIEW \(qualified) (\(columns)) AS\n\(view.select(target))")
            try maskTextColumns(of: view, qualified: qualified, target: target, on: connection)
            guard viewSchema == "reporting" else { continue }
            try connection.run("COMMENT ON VIEW \(qualified) IS \(try connection.quoteLiteral("\(view.zh) \(view.en)"))")
            for column in view.columns {
                try connection.run("COMMENT ON COLUMN \(qualified).\(column.name) IS \(try connection.quoteLiteral("\(column.zh) \(column.en)"))")
            }
            try connection.run("GRANT SELECT ON \(qualified) TO jointops_analyst")
        }
    }

    /// Per projection, the (table, index name, indexed columns) the registers' `--from/--to` filters and
    /// keyset pages (`ReportKey`) reach through the views: a register is ordered by its date, then its id, so
    /// one month's page is one range of one of these, wherever in the month it starts, and costs its 100 rows,
    /// not the month or the table. (`operation_outcomes` pages its rollup's unique index, `Rollups.operationMonths`.)
    /// Also the head of the party names every free-text cell looks names up by
    /// (``maskedFreeText(_:_:)``), and the operation a link belongs to (the outcome views look links up by it).
    /// The small registers (rectification, referrals, outreach: a few hundred rows a month) sort their month.
    static let filterIndexes: [String: [(table: String, name: String, key: String)]] = [
        // The views show a case id masked (an imported register may bring its own ids), so a key sorts by
        // that: these indexes hold the same expression (IMMUTABLE; a change to the function must rebuild the
        // cases projection), else a page sorts a whole day's rows (1,337 deadlines on 1 June at a million events).
        "cases": [("cases", "accepted_on", "(accepted_on, \(maskedCaseId), stream_id)"),
                  ("cases", "published_on", "(published_on, \(maskedCaseId), stream_id)"),
                  ("case_deadlines", "legally_due", "(legally_due, \(maskedCaseId), seq)"),
                  ("case_deadlines", "open_due", "(legally_due, \(maskedCaseId), seq) WHERE status = 'open'"),
                  ("legal_reviews", "requested_on", "(requested_on, \(maskedCaseId), seq)"),
                  ("case_party_names", "head", "(head)")],
        "operations": [("operations", "window_from", "(window_from, stream_id)"),
                       ("operation_links", "operation", "(operation_id, session_id, stream_id, seq)")],
        "rectification": [("rectification_items", "raised_on", "(raised_on)")],
        "referrals": [("referrals", "sent_on", "(sent_on)")],
        "outreach": [("outreach_activities", "activity_date", "(activity_date)")],
        "rule_of_law": [("rule_of_law_activities", "activity_date", "(activity_date)")],
    ]

    /// A case id as every view shows it (`maskTextColumns`).
    static let maskedCaseId = "reporting.masked_text(stream_id)"

    /// The view names, for `jointops report`.
    public static var names: [String] { all.map(\.name) }

    public static func view(named name: String) -> ReportingView? { all.first { $0.name == name } }

    static let tallyColumns: [(String, String, String)] = [
        ("officers_deployed", "出动执法人员（人次）", "Officers deployed (person-times)"),
        ("vehicles_deployed", "出动执法车辆（台次）", "Vehicles deployed (vehicle-times)"),
        ("vehicles_inspected", "检查车辆", "Vehicles inspected"),
        ("violations_serious", "严重违法行为", "Serious violations found"),
        ("violations_minor", "一般违法行为", "Minor violations found"),
        ("cases_filed", "立案数", "Cases filed"),
        ("vehicles_seized", "扣押车辆", "Vehicles seized"),
        ("fines_yuan", "罚款（元）", "Fines imposed (yuan)"),
        ("people_educated", "教育劝导（人次）", "People educated or warned"),
        ("leaflets", "发放宣传单", "Leaflets handed out"),
        ("rectification_notices", "整改通知书", "Rectification notices issued"),
        ("referrals", "移送", "Referrals made"),
    ]

    static func tallySums(_ alias: String) -> String {
        tallyColumns.map { "COALESCE(sum(\(alias).\($0.0)), 0)::bigint" }.joined(separator: ", ")
    }

    public static var all: [ReportingView] {
        OperationViews.all + CaseViews.all + SupervisionViews.all + YearRecordViews.all
            + [AnnualStatisticsView.view, BureauView.view] + RuleOfLawViews.all
    }
}

/// The `reporting` views as the projection runner switches them; an install first fills the
/// working-day table their ages are counted with.
public struct ReportingSchema: ProjectionViews {
    public init() {}
    public var schema: String { "reporting" }
    public var names: [String] { ReportingViews.names }

    public func create(on connection: Connection, target: ProjectionTarget, viewSchema: String) throws {
        try ReportingViews.create(on: connection, target: target, viewSchema: viewSchema)
    }

    public func prepareInstall(on connection: Connection) throws { try WorkingDays.fill(on: connection) }
}

extension String {
    /// The text as an SQL string literal, for the labels views carry as constants (a view takes no bind
    /// parameters): an apostrophe in a label ("the adviser's reviews") is doubled, not the literal's end.
    var sqlLiteral: String { "'" + replacingOccurrences(of: "'", with: "''") + "'" }
}

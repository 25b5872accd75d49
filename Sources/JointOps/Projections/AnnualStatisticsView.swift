import Enforcement
import EventStore
import Foundation

/// One figure of the rule-of-law annual report (DOMAIN.md §9), counted per year of `dateColumn`
/// over the rows of one projection table that match `condition`.
struct AnnualMetric: Sendable {
    enum Kind: String, Sendable {
        /// The sum of `numerator` (1 per row for a count).
        case total
        /// 100 × Σ numerator / Σ denominator, one decimal.
        case rate
        /// Σ numerator / Σ denominator, one decimal.
        case average
    }

    let key: String
    let section: String
    let zh: String
    let en: String
    let projection: String
    let table: String
    let dateColumn: String
    var condition = "TRUE"
    /// Per row, SQL giving a number.
    var numerator = "1"
    var denominator = "0"
    var kind = Kind.total
}

/// The figures of the annual report, one row per year and metric.
///
/// A year's figures cover every case, operation and item of the year: summed at report time they
/// cost a scan of every table per metric (a quarter of a second at 200,000 events, growing with the
/// log). Instead each projection keeps running totals per (metric, year) as a `Rollup` (its
/// `…_annual_totals` table, adjusted with the rows like every rollup). The view only divides them. `directSQL` is the
/// from-scratch definition the totals must always equal (tests compare the two).
enum AnnualStatisticsView {

    static func count(_ key: String, _ section: String, _ zh: String, _ en: String, _ projection: String, _ table: String,
                      _ dateColumn: String, where condition: String = "TRUE") -> AnnualMetric {
        AnnualMetric(key: key, section: section, zh: zh, en: en, projection: projection, table: table,
                     dateColumn: dateColumn, condition: condition)
    }

    static func sum(_ key: String, _ section: String, _ zh: String, _ en: String, _ projection: String, _ table: String,
                    _ dateColumn: String, _ value: String, where condition: String = "TRUE") -> AnnualMetric {
        AnnualMetric(key: key, section: section, zh: zh, en: en, projection: projection, table: table,
                     dateColumn: dateColumn, condition: condition, numerator: "COALESCE(\(value), 0)")
    }

    static func rate(_ key: String, _ section: String, _ zh: String, _ en: String, _ projection: String, _ table: String,
                     _ dateColumn: String, part: String, whole: String, where condition: String = "TRUE") -> AnnualMetric {
        AnnualMetric(key: key, section: section, zh: zh, en: en, projection: projection, table: table,
                     dateColumn: dateColumn, condition: condition, numerator: "CASE WHEN \(part) THEN 1 ELSE 0 END",
                     denominator: "CASE WHEN \(whole) THEN 1 ELSE 0 END", kind: .rate)
    }

    static let metrics: [AnnualMetric] = {
        let e = "enforcement"
        var metrics: [AnnualMetric] = [
            count("cases_accepted", e, "受理案件", "Cases accepted", "cases", "cases", "accepted_on"),
            count("cases_black_car", e, "非法营运（黑车）案件", "Unlicensed passenger transport (black car) cases",
                  "cases", "cases", "accepted_on", where: "sector = 'blackCar'"),
            // A lead is not yet a case under a procedure: only cases filed (or decided on the spot) have one.
            count("cases_ordinary", e, "普通程序案件（已立案）", "Ordinary-procedure cases (filed)", "cases", "cases", "accepted_on",
                  where: "procedure = 'ordinary' AND filed_on IS NOT NULL"),
            count("cases_summary", e, "简易程序案件", "Summary-procedure cases", "cases", "cases", "accepted_on",
                  where: "procedure = 'summary'"),
            count("decisions_penalty", e, "作出处罚决定", "Penalty decisions", "cases", "cases", "decided_on",
                  where: "outcome = 'penalty' AND NOT decision_revoked"),
            count("decisions_no_penalty", e, "不予处罚决定", "No-penalty decisions", "cases", "cases", "decided_on",
                  where: "outcome = 'noPenalty' AND NOT decision_revoked"),
            count("criminal_referrals", e, "涉嫌犯罪移送", "Suspected crimes referred to the police", "cases", "cases",
                  "decided_on", where: "outcome = 'criminalReferral'"),
            count("transferred_out", e, "移送其他机关管辖", "Cases transferred to another agency", "cases", "cases",
                  "decided_on", where: "outcome = 'transferredOut'"),
            sum("fines_imposed_yuan", e, "罚款金额（元）", "Fines imposed (yuan)", "cases", "cases", "decided_on", "fine_yuan",
                where: "outcome = 'penalty' AND NOT decision_revoked"),
            sum("fines_collected_yuan", e, "罚款收缴（元）", "Fines collected (yuan)", "cases", "cases", "decided_on", "paid_yuan"),
            count("seizures", e, "扣押车辆", "Vehicles seized", "cases", "case_deadlines", "opened_on", where: "kind = 'seizure'"),
            count("hearings_held", e, "举行听证", "Hearings held", "cases", "cases", "decided_on", where: "hearing_held"),
            count("court_enforcement_applications", "remedies", "申请法院强制执行", "Applications for court enforcement",
                  "cases", "cases", "decided_on", where: "court_enforcement_applied"),
            count("legal_reviews", "legal_review", "法制审核件数", "Legal reviews completed", "cases", "legal_reviews", "completed_on"),
            count("legal_reviews_returned", "legal_review", "审核退回", "Legal reviews returned", "cases", "legal_reviews",
                  "completed_on", where: "outcome = 'returned'"),
            rate("legal_review_return_rate_pct", "legal_review", "审核退回率（%）", "Return rate (%)", "cases", "legal_reviews",
                 "completed_on", part: "outcome = 'returned'", whole: "TRUE"),
            AnnualMetric(key: "legal_review_avg_working_days", section: "legal_review", zh: "平均审核用时（工作日）",
                         en: "Average review time (working days)", projection: "cases", table: "legal_reviews",
                         dateColumn: "completed_on", numerator: "COALESCE(turnaround_working_days, 0)",
                         denominator: "CASE WHEN turnaround_working_days IS NOT NULL THEN 1 ELSE 0 END", kind: .average),
        ] + AnnualTimeliness.metrics + [
            count("files_published", "publicity", "公示案件", "Decisions published", "cases", "cases", "published_on",
                  where: "NOT decision_revoked"),
            rate("publication_rate_pct", "publicity", "公示率（%）", "Publication rate (%)", "cases", "cases", "decided_on",
                 part: "published", whole: "publication_withheld IS NULL AND NOT is_minor",
                 where: Self.decisionsThatStand),
            count("publications_withdrawn", "publicity", "撤回公示", "Publications withdrawn", "cases", "cases", "withdrawn_on"),
            count("joint_operations", "joint_operations", "联合执法行动", "Joint operations", "operations", "operations",
                  "window_from", where: "status <> 'cancelled'"),
            // Tallies have a row per agency and session: the sessions' source groups them first.
            count("joint_operation_sessions", "joint_operations", "集中整治次数", "Field sessions", "operations",
                  "operation_sessions", "session_date"),
            // The report's "问题21条, 全部提出整改意见" are the special campaign's self-examination only.
            count("rectification_problems", "supervision", "专项整治自查发现问题", "Problems found by the special campaign's self-examination",
                  "rectification", "rectification_items", "raised_on", where: YearRecordMetrics.selfExamination),
            sum("rectification_opinions", "supervision", "下发整改意见", "Rectification opinions issued on them", "rectification",
                "rectification_items", "raised_on", "(opinion_issued_on IS NOT NULL)::int", where: YearRecordMetrics.selfExamination),
            // Close-outs of the same problems as the two figures above them (other origins have their own rows).
            count("rectification_closed_on_time", "supervision", "其中：按期销号", "Of them, closed out on time", "rectification",
                  "rectification_items", "raised_on", where: "closed_on_time AND \(YearRecordMetrics.selfExamination)"),
            count("rectification_closed_late", "supervision", "其中：逾期销号", "Of them, closed out late", "rectification",
                  "rectification_items", "raised_on", where: "NOT closed_on_time AND \(YearRecordMetrics.selfExamination)"),
            count("rectification_open", "supervision", "其中：未销号", "Of them, still open", "rectification", "rectification_items",
                  "raised_on", where: "status <> 'closedOut' AND \(YearRecordMetrics.selfExamination)"),
            count("window_referrals", "supervision", "窗口移交执法", "Licensing-window referrals to the brigade", "referrals",
                  "referrals", "sent_on", where: "kind = 'licensingWindowToBrigade'"),
            count("referrals_sent", "supervision", "移送件数", "Referrals sent", "referrals", "referrals", "sent_on"),
            count("outreach_activities", "outreach", "普法宣传活动", "Publicity activities", "outreach", "outreach_activities",
                  "activity_date"),
            sum("outreach_leaflets", "outreach", "发放宣传资料（份）", "Leaflets handed out at publicity activities", "outreach",
                "outreach_activities", "activity_date", "leaflets"),
        ] + YearRecordMetrics.all
        for (column, zh, en) in ReportingViews.tallyColumns {
            // Case figures come from linked acts and partners' returns, not tallies (OperationOutcomeViews.results).
            let table = OperationViews.caseColumns[column] == nil ? "operation_tallies" : "operation_results"
            metrics.append(sum("joint_\(column)", "joint_operations", "联合执法：\(zh)", "Joint operations: \(en)",
                               "operations", table, "session_date", column))
        }
        // Every breakdown row the report prints, with its label, "not recorded" included: the rows sum to the total.
        for source in LeadSource.allCases.map(\.rawValue) + [CaseFold.importedSource, nil] {
            metrics.append(breakdownRow("source", source, AnnualReport.sourceLabel(source)))
        }
        // The annual report's monthly chart (not one of its tables).
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        for (index, month) in months.enumerated() {
            metrics.append(count(String(format: "cases_accepted_m%02d", index + 1), monthlySection, "\(index + 1)月受理案件",
                                 "Cases accepted in \(month)", "cases", "cases", "accepted_on",
                                 where: "EXTRACT(MONTH FROM accepted_on) = \(index + 1)"))
        }
        for sector in Sector.allCases.map(\.rawValue) + [nil] {
            metrics.append(breakdownRow("sector", sector, AnnualReport.sectorLabel(sector)))
        }
        return metrics
    }()

    /// The cases accepted in the year with `code` in `column` (nil: not recorded), labelled as the report's breakdown.
    static func breakdownRow(_ column: String, _ code: String?, _ label: AnnualReport.Label) -> AnnualMetric {
        let title = column == "source" ? ("案件来源", "Cases by source") : ("行业", "Cases by sector")
        return count("cases_\(column)_\(code ?? "notRecorded")", "enforcement", "\(title.0)：\(label.zh)",
                     "\(title.1): \(label.en)", "cases", "cases", "accepted_on",
                     where: code.map { "\(column) = \($0.sqlLiteral)" } ?? "\(column) IS NULL")
    }

    /// Penalty and no-penalty decisions not revoked: a revoked decision is no decision in any figure (numerator or
    /// denominator), whatever was published or served before it was revoked.
    static let decisionsThatStand = "outcome IN ('penalty', 'noPenalty') AND NOT decision_revoked"

    /// The section of the cases accepted per month.
    static let monthlySection = "cases_by_month"

    /// The rows a metric counts, for one projection table (sessions are the tallies grouped per session).
    static func source(_ table: String, _ t: ProjectionTarget, projection: String) -> String {
        if table == "operation_results" { return OperationOutcomeViews.results(t) }
        if table == "operation_tallies" { return OperationOutcomeViews.fieldTallies(t) }
        guard table == "operation_sessions" else { return t.table(table, of: projection) }
        return "(SELECT stream_id, session_id, session_date FROM \(t.table("operation_tallies", of: projection)) "
            + "GROUP BY stream_id, session_id, session_date)"
    }

    /// The metrics counted over projection rows (the timeliness rates come from the deadlines, ``AnnualTimeliness``).
    static let counted = metrics.filter { !AnnualTimeliness.isTimeliness($0) }

    /// Per projection, its totals as a rollup per (metric, year): each of its rows, unpivoted into one
    /// row per metric it counts for (one scan of each table for all its metrics).
    static let rollups: [Rollup] = {
        var projections: [String] = []
        for metric in counted where !projections.contains(metric.projection) { projections.append(metric.projection) }
        return projections.map { projection in
            let mine = counted.filter { $0.projection == projection }
            let tables = mine.map(\.table).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return Rollup(
                name: projection + "_annual_totals", projection: projection,
                source: { t in
                    let scans = tables.map { table in
                        let values = mine.filter { $0.table == table }.map { m in
                            "('\(m.key)', EXTRACT(YEAR FROM r.\(m.dateColumn))::int, (\(m.numerator))::bigint, "
                                + "(\(m.denominator))::bigint, r.\(m.dateColumn) IS NOT NULL AND (\(m.condition)))"
                        }.joined(separator: ",\n    ")
                        return """
                            SELECT r.stream_id, m.metric, m.year, m.numerator, m.denominator
                            FROM \(source(table, t, projection: projection)) r CROSS JOIN LATERAL (VALUES
                                \(values)) AS m(metric, year, numerator, denominator, counted)
                            WHERE m.counted
                            """
                    }
                    return "(" + scans.joined(separator: "\nUNION ALL\n") + ")"
                },
                dimensions: [.init(name: "metric", type: "text", sql: "r.metric"),
                             .init(name: "year", type: "integer", sql: "r.year")],
                measures: [("numerator", "r.numerator"), ("denominator", "r.denominator")])
        }
    }()

    static func value(_ kind: AnnualMetric.Kind, numerator n: String, denominator d: String) -> String {
        switch kind {
        case .total: return n
        case .rate: return "round(100.0 * (\(n)) / NULLIF(\(d), 0), 1)"
        case .average: return "round((\(n))::numeric / NULLIF(\(d), 0), 1)"
        }
    }

    /// The figures computed afresh from the projection tables: what the totals must equal.
    static func directSQL(_ t: ProjectionTarget) -> String {
        metrics.enumerated().map { index, m in
            if AnnualTimeliness.isTimeliness(m) {
                // Counted afresh already (no running totals): the same rows as the view's.
                return """
                    SELECT r.year, \(index + 1) AS ordinal, r.metric::text,
                           \(value(.rate, numerator: "r.numerator", denominator: "r.denominator")) AS value
                    FROM (\(AnnualTimeliness.totals(t))) AS r(metric, year, row_count, numerator, denominator)
                    WHERE r.metric = \(m.key.sqlLiteral)
                    """
            }
            return """
                SELECT EXTRACT(YEAR FROM r.\(m.dateColumn))::int AS year, \(index + 1) AS ordinal, '\(m.key)'::text AS metric,
                       \(value(m.kind, numerator: "sum((\(m.numerator))::numeric)", denominator: "sum((\(m.denominator))::numeric)")) AS value
                FROM \(source(m.table, t, projection: m.projection)) r
                WHERE r.\(m.dateColumn) IS NOT NULL AND (\(m.condition)) GROUP BY 1
                """
        }.joined(separator: "\nUNION ALL\n")
    }

    static let view = ReportingView(
        "annual_statistics", "法治政府建设年度统计", "Annual rule-of-law statistics (the figures of the 法治政府建设年度报告), one row per year and metric",
        columns: [("year", "年度", "Year"), ("ordinal", "序号", "Order of the metric in the report"),
                  ("section", "板块", "Section (enforcement, legal_review, timeliness, publicity, remedies, joint_operations, supervision, outreach, cases_by_month)"),
                  ("metric", "指标代码", "Metric key"), ("label_zh", "指标", "Metric (Chinese)"),
                  ("label_en", "指标（英文）", "Metric (English)"), ("value", "数值", "Value")]) { t in
        let catalogue = metrics.enumerated().map { index, m in
            "(\(index + 1), \(m.section.sqlLiteral), \(m.key.sqlLiteral), \(m.zh.sqlLiteral), \(m.en.sqlLiteral), '\(m.kind.rawValue)')"
        }.joined(separator: ",\n    ")
        let totals = (rollups.map {
            "SELECT metric, year, row_count, numerator::numeric, denominator::numeric FROM \(Rollups.table($0, t))"
        } + [AnnualTimeliness.rolledUp(t)]).joined(separator: "\nUNION ALL\n")
        return """
            SELECT t.year, m.ordinal, m.section, m.metric, m.label_zh, m.label_en,
                   CASE m.kind WHEN 'rate' THEN \(value(.rate, numerator: "t.numerator", denominator: "t.denominator"))
                               WHEN 'average' THEN \(value(.average, numerator: "t.numerator", denominator: "t.denominator"))
                               ELSE t.numerator END
            FROM (VALUES
                \(catalogue)) AS m(ordinal, section, metric, label_zh, label_en, kind)
            JOIN (\(totals)) t ON t.metric = m.metric
            WHERE t.row_count > 0
            """
    }
}

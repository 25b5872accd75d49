import Foundation

/// The figures of the rule-of-law annual report (DOMAIN.md §9), one row per year and metric.
enum AnnualStatisticsView {
    /// (metric key, section, Chinese label, English label, SQL giving (year, value) rows).
    typealias Metric = (key: String, section: String, zh: String, en: String, sql: String)

    static func metrics(_ t: ProjectionTarget) -> [Metric] {
        let cases = t.table("cases", of: "cases"), reviews = t.table("legal_reviews", of: "cases")
        let deadlines = t.table("case_deadlines", of: "cases")
        let ops = t.table("operations", of: "operations"), tallies = t.table("operation_tallies", of: "operations")
        let items = t.table("rectification_items", of: "rectification"), referrals = t.table("referrals", of: "referrals")
        let outreach = t.table("outreach_activities", of: "outreach")
        func byYear(_ column: String, _ value: String, from table: String, where condition: String = "TRUE") -> String {
            "SELECT EXTRACT(YEAR FROM \(column))::int AS year, (\(value))::numeric AS value FROM \(table) WHERE \(column) IS NOT NULL AND (\(condition)) GROUP BY 1"
        }
        func rate(_ part: String, _ whole: String) -> String {
            "round(100.0 * count(*) FILTER (WHERE \(part)) / NULLIF(count(*) FILTER (WHERE \(whole)), 0), 1)"
        }
        var metrics: [Metric] = [
            ("cases_accepted", "enforcement", "受理案件", "Cases accepted", byYear("accepted_on", "count(*)", from: cases)),
            ("cases_black_car", "enforcement", "非法营运（黑车）案件", "Unlicensed passenger transport (black car) cases",
             byYear("accepted_on", "count(*)", from: cases, where: "sector = 'blackCar'")),
            ("cases_ordinary", "enforcement", "普通程序案件", "Ordinary-procedure cases",
             byYear("accepted_on", "count(*)", from: cases, where: "procedure = 'ordinary'")),
            ("cases_summary", "enforcement", "简易程序案件", "Summary-procedure cases",
             byYear("accepted_on", "count(*)", from: cases, where: "procedure = 'summary'")),
            ("decisions_penalty", "enforcement", "作出处罚决定", "Penalty decisions",
             byYear("decided_on", "count(*)", from: cases, where: "outcome = 'penalty'")),
            ("decisions_no_penalty", "enforcement", "不予处罚决定", "No-penalty decisions",
             byYear("decided_on", "count(*)", from: cases, where: "outcome = 'noPenalty'")),
            ("criminal_referrals", "enforcement", "涉嫌犯罪移送", "Suspected crimes referred to the police",
             byYear("decided_on", "count(*)", from: cases, where: "outcome = 'criminalReferral'")),
            ("transferred_out", "enforcement", "移送其他机关管辖", "Cases transferred to another agency",
             byYear("decided_on", "count(*)", from: cases, where: "outcome = 'transferredOut'")),
            ("fines_imposed_yuan", "enforcement", "罚款金额（元）", "Fines imposed (yuan)",
             byYear("decided_on", "COALESCE(sum(fine_yuan), 0)", from: cases, where: "outcome = 'penalty' AND NOT decision_revoked")),
            ("fines_collected_yuan", "enforcement", "罚款收缴（元）", "Fines collected (yuan)",
             byYear("decided_on", "COALESCE(sum(paid_yuan), 0)", from: cases)),
            ("seizures", "enforcement", "扣押车辆", "Vehicles seized",
             byYear("opened_on", "count(*)", from: deadlines, where: "kind = 'seizure'")),
            ("hearings_held", "enforcement", "举行听证", "Hearings held",
             byYear("decided_on", "count(*)", from: cases, where: "hearing_held")),
            ("court_enforcement_applications", "remedies", "申请法院强制执行", "Applications for court enforcement",
             byYear("decided_on", "count(*)", from: cases, where: "court_enforcement_applied")),
            ("legal_reviews", "legal_review", "法制审核件数", "Legal reviews completed",
             byYear("completed_on", "count(*)", from: reviews)),
            ("legal_reviews_returned", "legal_review", "审核退回", "Legal reviews returned",
             byYear("completed_on", "count(*)", from: reviews, where: "outcome = 'returned'")),
            ("legal_review_return_rate_pct", "legal_review", "审核退回率（%）", "Return rate (%)",
             byYear("completed_on", rate("outcome = 'returned'", "TRUE"), from: reviews)),
            ("legal_review_avg_working_days", "legal_review", "平均审核用时（工作日）", "Average review time (working days)",
             byYear("completed_on", "round(avg(turnaround_working_days), 1)", from: reviews)),
            ("decided_within_90_days_pct", "timeliness", "90日内作出决定比例（%）", "Decided within 90 days (%)",
             byYear("decided_on", rate("decided_within_deadline", "decided_within_deadline IS NOT NULL"), from: cases)),
            ("served_on_time_pct", "timeliness", "按期送达比例（%）", "Served on time (%)",
             byYear("served_on", rate("served_on_time", "served_on_time IS NOT NULL"), from: cases)),
            ("published_on_time_pct", "timeliness", "按期公示比例（%）", "Published on time (%)",
             byYear("published_on", rate("published_on_time", "published_on_time IS NOT NULL"), from: cases)),
            ("files_published", "publicity", "公示案件", "Decisions published",
             byYear("published_on", "count(*)", from: cases)),
            ("publication_rate_pct", "publicity", "公示率（%）", "Publication rate (%)",
             byYear("decided_on", rate("published", "publication_withheld IS NULL AND NOT is_minor"), from: cases,
                    where: "outcome IN ('penalty', 'noPenalty')")),
            ("publications_withdrawn", "publicity", "撤回公示", "Publications withdrawn",
             byYear("withdrawn_on", "count(*)", from: cases)),
            ("joint_operations", "joint_operations", "联合执法行动", "Joint operations",
             byYear("window_from", "count(*)", from: ops, where: "status <> 'cancelled'")),
            ("joint_operation_sessions", "joint_operations", "集中整治次数", "Field sessions",
             byYear("session_date", "count(DISTINCT (stream_id, session_id))", from: tallies)),
            ("rectification_problems", "supervision", "发现问题", "Problems found", byYear("raised_on", "count(*)", from: items)),
            ("rectification_opinions", "supervision", "下发整改意见", "Rectification opinions issued",
             byYear("raised_on", "count(opinion_issued_on)", from: items)),
            ("rectification_closed_on_time", "supervision", "按期销号", "Closed out on time",
             byYear("raised_on", "count(*)", from: items, where: "closed_on_time")),
            ("rectification_closed_late", "supervision", "逾期销号", "Closed out late",
             byYear("raised_on", "count(*)", from: items, where: "NOT closed_on_time")),
            ("rectification_open", "supervision", "未销号", "Still open",
             byYear("raised_on", "count(*)", from: items, where: "status <> 'closedOut'")),
            ("window_referrals", "supervision", "窗口移交执法", "Licensing-window referrals to the brigade",
             byYear("sent_on", "count(*)", from: referrals, where: "kind = 'licensingWindowToBrigade'")),
            ("referrals_sent", "supervision", "移送件数", "Referrals sent", byYear("sent_on", "count(*)", from: referrals)),
            ("outreach_activities", "outreach", "普法宣传活动", "Publicity activities",
             byYear("activity_date", "count(*)", from: outreach)),
            ("outreach_leaflets", "outreach", "发放宣传资料（份）", "Leaflets handed out at publicity activities",
             byYear("activity_date", "COALESCE(sum(leaflets), 0)", from: outreach)),
        ]
        for (column, zh, en) in ReportingViews.tallyColumns {
            metrics.append(("joint_\(column)", "joint_operations", "联合执法：\(zh)", "Joint operations: \(en)",
                            byYear("session_date", "COALESCE(sum(\(column)), 0)", from: tallies)))
        }
        for (source, zh) in [("inspection", "检查发现"), ("complaint", "投诉举报"), ("assignedBySuperior", "上级交办"),
                             ("reportedByLowerLevel", "下级报请"), ("transferredByAgency", "部门移送"),
                             ("licensingWindow", "窗口移交"), ("jointOperation", "联合执法"), ("other", "其他")] {
            metrics.append(("cases_source_\(source)", "enforcement", "案件来源：\(zh)", "Cases by source: \(source)",
                            byYear("accepted_on", "count(*)", from: cases, where: "source = '\(source)'")))
        }
        for (sector, zh) in [("blackCar", "黑车"), ("taxi", "巡游出租汽车"), ("rideHailing", "网约车"),
                             ("drivingSchool", "驾校"), ("scheduledLine", "班线客运"), ("keyVehicles", "两客一危一货"),
                             ("other", "其他")] {
            metrics.append(("cases_sector_\(sector)", "enforcement", "行业：\(zh)", "Cases by sector: \(sector)",
                            byYear("accepted_on", "count(*)", from: cases, where: "sector = '\(sector)'")))
        }
        return metrics
    }

    static let view = ReportingView(
        "annual_statistics", "法治政府建设年度统计", "Annual rule-of-law statistics (DOMAIN.md §9), one row per year and metric",
        columns: [("year", "年度", "Year"), ("ordinal", "序号", "Order of the metric in the report"),
                  ("section", "板块", "Section (enforcement, legal_review, timeliness, publicity, remedies, joint_operations, supervision, outreach)"),
                  ("metric", "指标代码", "Metric key"), ("label_zh", "指标", "Metric (Chinese)"),
                  ("label_en", "指标（英文）", "Metric (English)"), ("value", "数值", "Value")]) { t in
        metrics(t).enumerated().map { index, metric in
            "SELECT m.year, \(index + 1), '\(metric.section)'::text, '\(metric.key)'::text, '\(metric.zh)'::text, '\(metric.en)'::text, m.value FROM (\(metric.sql)) m"
        }.joined(separator: "\nUNION ALL\n")
    }
}

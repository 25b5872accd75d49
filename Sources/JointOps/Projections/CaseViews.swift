import EventStore
import Foundation

/// Views over the cases projection. Only masked personal data is selected (DOMAIN.md §6).
enum CaseViews {
    static var all: [ReportingView] { [register, pipeline, reviews, reviewQueue, deadlines, deadlineSummary, publicity, publicationRate] }

    static let register = ReportingView(
        "case_register", "案件登记台账", "Case register, one row per case (personal data masked)",
        columns: [
            ("case_id", "案件编号", "Case id (CASE-YYYY-NNNN)"), ("agency", "办案单位", "Agency holding the case"),
            ("stage", "办理阶段", "Stage (leadReceived, investigating, decided, served, closed, …)"),
            ("procedure", "程序", "Procedure (ordinary 普通程序 / summary 简易程序)"),
            ("source", "案件来源", "Source of the lead"), ("sector", "行业", "Sector"),
            ("party_kind", "当事人类别", "Party kind (individual / organisation)"),
            ("party_name", "当事人（脱敏）", "Party name, individuals masked (张*)"),
            ("party_id", "证件号码（脱敏）", "Party id number, masked"),
            ("plate", "车牌号（脱敏）", "Plate, masked per the publication policy"),
            ("act_date", "违法行为日期", "Date of the act"), ("accepted_on", "受案日期", "Day the case was accepted"),
            ("year", "年度", "Year accepted"), ("filed_on", "立案日期", "Day filed"),
            ("decided_on", "决定日期", "Day decided"), ("outcome", "处理结果", "Outcome (penalty, noPenalty, criminalReferral, transferredOut)"),
            ("penalty_zh", "处罚内容", "Penalty"), ("fine_yuan", "罚款（元）", "Fine imposed (yuan)"),
            ("paid_yuan", "已缴罚款（元）", "Fine collected (yuan)"), ("legal_review", "法制审核", "Legal review (notRequested, pending, passed, returned)"),
            ("hearing_held", "已听证", "A hearing was held"), ("seizures", "扣押车辆数", "Vehicles seized"),
            ("decided_within_deadline", "按期作出决定", "Decided within the 90-day limit"),
            ("served_on_time", "按期送达", "Served on time"), ("published", "已公示", "Published"),
            ("published_on_time", "按期公示", "Published on time"), ("closed_on", "结案日期", "Day closed"),
        ]) { t in
        """
        SELECT stream_id, agency, status, procedure, source, sector, party_kind, party_name_masked, party_id_masked,
               plate_masked, act_date, accepted_on, EXTRACT(YEAR FROM accepted_on)::int, filed_on, decided_on, outcome,
               penalty_zh, fine_yuan, paid_yuan, legal_review, hearing_held, seizures, decided_within_deadline,
               served_on_time, published, published_on_time, closed_on
        FROM \(t.table("cases", of: "cases"))
        """
    }

    static let pipeline = ReportingView(
        "case_pipeline", "案件办理进度", "Case pipeline: counts by stage, agency, sector, source, procedure and year",
        columns: [("year", "年度", "Year accepted"), ("stage", "办理阶段", "Stage"), ("agency", "办案单位", "Agency"),
                  ("sector", "行业", "Sector"), ("source", "案件来源", "Source"), ("procedure", "程序", "Procedure"),
                  ("cases", "案件数", "Number of cases")]) { t in
        """
        SELECT year, status, agency, sector, source, procedure, row_count::int
        FROM \(Rollups.table(Rollups.casePipeline, t)) WHERE row_count > 0
        """
    }

    /// `case_pipeline` summed afresh from the cases: what its rollup must equal.
    static func pipelineDirect(_ t: ProjectionTarget) -> String {
        """
        SELECT EXTRACT(YEAR FROM accepted_on)::int, status, agency, sector, source, procedure, count(*)::int
        FROM \(t.table("cases", of: "cases"))
        GROUP BY 1, 2, 3, 4, 5, 6
        """
    }

    static let reviews = ReportingView(
        "legal_reviews", "法制审核记录", "Legal reviews (法制审核) with turnaround in working days",
        columns: [("case_id", "案件编号", "Case id"), ("review_no", "审核次序", "Review number within the case"),
                  ("agency", "办案单位", "Agency"), ("requested_on", "提请日期", "Day requested"),
                  ("year", "年度", "Year requested"), ("outcome", "审核结果", "Outcome (pending, passed, returned)"),
                  ("reviewer", "审核人员", "Reviewer"), ("completed_on", "审核完成日期", "Day passed or returned"),
                  ("turnaround_working_days", "审核用时（工作日）", "Turnaround in working days")]) { t in
        """
        SELECT r.stream_id, r.seq, c.agency, r.requested_on, EXTRACT(YEAR FROM r.requested_on)::int, r.outcome,
               r.reviewer, r.completed_on, r.turnaround_working_days
        FROM \(t.table("legal_reviews", of: "cases")) r
        JOIN \(t.table("cases", of: "cases")) c ON c.stream_id = r.stream_id
        """
    }

    static let reviewQueue = ReportingView(
        "legal_review_queue", "法制审核待办", "Legal-review queue: pending reviews and their age in working days",
        columns: [("case_id", "案件编号", "Case id"), ("agency", "办案单位", "Agency"), ("sector", "行业", "Sector"),
                  ("requested_on", "提请日期", "Day requested"),
                  ("age_working_days", "已等待（工作日）", "Age in working days as of today (Beijing time)")]) { t in
        // Age = working days up to today minus working days up to the request, from one numbering of the
        // calendar (counting the days afresh for every review cost 150 ms at a million events); a request
        // outside the shipped calendar is counted the slow way.
        """
        WITH numbered AS (
            SELECT day, (count(*) FILTER (WHERE is_working_day) OVER (ORDER BY day))::int AS n
            FROM projections.working_days
        )
        SELECT r.stream_id, c.agency, c.sector, r.requested_on,
               COALESCE(GREATEST(upto.n - nr.n, 0),
                        (SELECT count(*)::int FROM projections.working_days w
                         WHERE w.is_working_day AND w.day > r.requested_on AND w.day <= \(ReportingViews.today)))
        FROM \(t.table("legal_reviews", of: "cases")) r
        JOIN \(t.table("cases", of: "cases")) c ON c.stream_id = r.stream_id
        LEFT JOIN numbered nr ON nr.day = r.requested_on
        CROSS JOIN (SELECT max(n) AS n FROM numbered WHERE day <= \(ReportingViews.today)) upto
        WHERE r.outcome = 'pending'
        """
    }

    /// `legal_review_queue` with every age counted afresh: what the numbered calendar must equal.
    static func reviewQueueDirect(_ t: ProjectionTarget) -> String {
        """
        SELECT r.stream_id, c.agency, c.sector, r.requested_on,
               (SELECT count(*)::int FROM projections.working_days w
                WHERE w.is_working_day AND w.day > r.requested_on AND w.day <= \(ReportingViews.today))
        FROM \(t.table("legal_reviews", of: "cases")) r
        JOIN \(t.table("cases", of: "cases")) c ON c.stream_id = r.stream_id
        WHERE r.outcome = 'pending'
        """
    }

    static let deadlines = ReportingView(
        "case_deadlines", "案件期限", "Case deadlines (法定期限): open, met on time or late, overdue",
        columns: [("case_id", "案件编号", "Case id"), ("agency", "办案单位", "Agency"),
                  ("kind", "期限类别", "Kind of clock (filing, decision, service, publication, seizure, …)"),
                  ("label_zh", "期限名称", "Clock name in Chinese"), ("basis", "依据", "Legal basis"),
                  ("opened_on", "起算日期", "Day the clock started"), ("due", "届满日期", "Strict last day"),
                  ("legally_due", "法定届满日期", "Last day in law (rolled to a working day)"),
                  ("year", "年度", "Year of the last day"),
                  ("status", "状态", "open, met, cancelled (no longer needed) or superseded"),
                  ("resolved_on", "办结日期", "Day it was met or cancelled"),
                  ("met_on_time", "按期办结", "Met on or before the last day"),
                  ("overdue", "已逾期", "Open and past its last day as of today")]) { t in
        """
        SELECT d.stream_id, c.agency, d.kind, d.label_zh, d.basis, d.opened_on, d.due, d.legally_due,
               EXTRACT(YEAR FROM d.legally_due)::int, d.status, d.resolved_on, d.met_on_time,
               d.status = 'open' AND d.legally_due < \(ReportingViews.today)
        FROM \(t.table("case_deadlines", of: "cases")) d
        JOIN \(t.table("cases", of: "cases")) c ON c.stream_id = d.stream_id
        """
    }

    static let deadlineSummary = ReportingView(
        "deadline_summary", "期限执行情况汇总", "Deadlines per kind, agency and year: open, overdue, met on time, met late",
        columns: [("year", "年度", "Year of the last day"), ("agency", "办案单位", "Agency"), ("kind", "期限类别", "Kind of clock"),
                  ("label_zh", "期限名称", "Clock name"), ("open", "未办结", "Still open"),
                  ("overdue", "已逾期", "Open and overdue today"), ("met_on_time", "按期办结", "Met on time"),
                  ("met_late", "逾期办结", "Met late"), ("cancelled", "无需办理", "Cancelled (no longer needed)")]) { t in
        func count(_ condition: String) -> String { "COALESCE(sum(row_count) FILTER (WHERE \(condition)), 0)::int" }
        return """
            SELECT year, agency, kind, min(label_zh) FILTER (WHERE row_count > 0), \(count("status = 'open'")),
                   \(count("status = 'open' AND open_due < \(ReportingViews.today)")),
                   \(count("status = 'met' AND met_on_time")), \(count("status = 'met' AND NOT met_on_time")),
                   \(count("status = 'cancelled'"))
            FROM \(Rollups.table(Rollups.deadlines, t))
            GROUP BY year, agency, kind
            HAVING sum(row_count) > 0
            """
    }

    /// `deadline_summary` summed afresh from the deadlines: what its rollup must equal.
    static func deadlineSummaryDirect(_ t: ProjectionTarget) -> String {
        """
        SELECT year, agency, kind, min(label_zh), count(*) FILTER (WHERE status = 'open')::int,
               count(*) FILTER (WHERE overdue)::int, count(*) FILTER (WHERE status = 'met' AND met_on_time)::int,
               count(*) FILTER (WHERE status = 'met' AND NOT met_on_time)::int,
               count(*) FILTER (WHERE status = 'cancelled')::int
        FROM reporting_source.case_deadlines
        GROUP BY year, agency, kind
        """.replacingOccurrences(of: "reporting_source.", with: "\(t.schema == "pg_temp" ? "pg_temp" : "reporting").")
    }

    static let publicity = ReportingView(
        "publicity_register", "行政处罚决定公示", "Publicity register: published decisions, masked as published; never minors or secret cases",
        columns: [("case_id", "案件编号", "Case id"), ("decision_number", "决定书文号", "Decision number"),
                  ("agency", "作出决定单位", "Deciding agency"), ("party_name", "当事人（个人脱敏）", "Party; an individual's name masked (张*)"),
                  ("party_id", "证件号码（脱敏）", "Party id, masked"), ("plate", "车牌号（脱敏）", "Plate, masked"),
                  ("sector", "行业", "Sector"), ("violation_zh", "违法事实", "Facts, third parties masked"),
                  ("legal_basis_id", "法律依据", "Legal basis id"), ("penalty_zh", "处罚内容", "Penalty"),
                  ("decided_on", "决定日期", "Day decided"), ("published_on", "公示日期", "Day published"),
                  ("year", "年度", "Year published"), ("publication_ref", "公示链接", "Publication reference"),
                  ("published_on_time", "按期公示", "Published within the deadline")]) { t in
        """
        SELECT stream_id, decision_number, agency, published_party_name, party_id_masked, plate_masked, sector,
               published_violation_zh, legal_basis_id, penalty_zh, decided_on, published_on,
               EXTRACT(YEAR FROM published_on)::int, publication_ref, published_on_time
        FROM \(t.table("cases", of: "cases"))
        WHERE published AND NOT publication_withdrawn AND NOT is_minor AND NOT involves_secrets
        """
    }

    static let publicationRate = ReportingView(
        "publication_rate", "公示率", "Publication rate per agency and year of decision",
        columns: [("year", "年度", "Year decided"), ("agency", "作出决定单位", "Agency"),
                  ("decisions", "决定数", "Penalty and no-penalty decisions"),
                  ("publishable", "应公示", "Decisions that may be published (not minors, not withheld)"),
                  ("published", "已公示", "Published (including later withdrawn)"),
                  ("published_on_time", "按期公示", "Published on time"), ("withheld", "不予公示", "Withheld"),
                  ("withdrawn", "撤回公示", "Publications withdrawn"),
                  ("publication_rate", "公示率", "Published ÷ publishable (0–1)")]) { t in
        """
        SELECT year, agency, row_count::int, publishable::int, published::int, published_on_time::int, withheld::int,
               withdrawn::int, round(published::numeric / NULLIF(publishable, 0), 4)
        FROM \(Rollups.table(Rollups.publication, t)) WHERE row_count > 0
        """
    }

    /// `publication_rate` summed afresh from the cases: what its rollup must equal.
    static func publicationRateDirect(_ t: ProjectionTarget) -> String {
        """
        SELECT EXTRACT(YEAR FROM decided_on)::int, agency, count(*)::int,
               count(*) FILTER (WHERE publication_withheld IS NULL AND NOT is_minor)::int,
               count(*) FILTER (WHERE published)::int, count(*) FILTER (WHERE published_on_time)::int,
               count(*) FILTER (WHERE publication_withheld IS NOT NULL)::int,
               count(*) FILTER (WHERE publication_withdrawn)::int,
               round(count(*) FILTER (WHERE published)::numeric
                     / NULLIF(count(*) FILTER (WHERE publication_withheld IS NULL AND NOT is_minor), 0), 4)
        FROM \(t.table("cases", of: "cases"))
        WHERE outcome IN ('penalty', 'noPenalty')
        GROUP BY 1, 2
        """
    }
}

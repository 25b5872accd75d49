import EventStore
import Foundation

/// Views over the cases projection. Only masked personal data is selected (DOMAIN.md §6).
enum CaseViews {
    static var all: [ReportingView] {
        [register, pipeline, reviews, reviewQueue, DeadlineViews.deadlines, DeadlineViews.summary, DeadlineViews.due, publicity,
         publicationRate]
    }

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
            ("decided_on", "决定日期", "Day decided"),
            ("outcome", "处理结果", "Outcome that stands (penalty, noPenalty, criminalReferral, transferredOut); empty once revoked"),
            ("penalty_zh", "处罚内容", "Penalty"), ("fine_yuan", "罚款（元）", "Fine imposed (yuan)"),
            ("paid_yuan", "已缴罚款（元）", "Fine collected (yuan)"), ("legal_review", "法制审核", "Legal review (notRequested, pending, passed, returned)"),
            ("hearing_held", "已听证", "A hearing was held"), ("seizures", "扣押车辆数", "Vehicles seized"),
            ("decided_within_deadline", "按期作出决定", "Decided within the 90-day limit"),
            ("served_on_time", "按期送达", "Served on time"), ("published", "已公示", "Published"),
            ("published_on_time", "按期公示", "Published on time"), ("closed_on", "结案日期", "Day closed"),
            ("decision_revoked", "决定已撤销", "The decision was revoked: outcome, penalty and fine are then empty"),
            ("late_acts", "逾期完成事项", "Acts done after their deadline (逾期完成)"),
            ("provisional_deadlines", "暂定期限", "Open deadlines whose last day is provisional (a year without a complete calendar)"),
            ("next_due", "最近届满日期", "Earliest legal last day of an open deadline"),
            ("overdue", "已逾期", "An open deadline is past its last day as of today"),
            ("imported", "导入", "Imported from a register kept before JointOps (jointops case import); dates the register lacked are not known, so on-time columns are then empty"),
        ]) { t in
        """
        SELECT stream_id, agency, status, procedure, source, sector, party_kind, party_name_masked, party_id_masked,
               plate_masked, act_date, accepted_on, EXTRACT(YEAR FROM accepted_on)::int, filed_on, decided_on,
               CASE WHEN NOT decision_revoked THEN outcome END, CASE WHEN NOT decision_revoked THEN penalty_zh END,
               CASE WHEN decision_revoked THEN 0 ELSE fine_yuan END, paid_yuan, legal_review, hearing_held, seizures,
               decided_within_deadline, served_on_time, published, published_on_time, closed_on, decision_revoked,
               late_acts, provisional_deadlines, next_due, COALESCE(next_due < \(ReportingViews.today), false), imported
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
        // Age = working days up to today minus working days up to the request, from the numbers stored with
        // the calendar (counting the days afresh for every review cost 150 ms at a million events; numbering
        // the calendar on every read cost a window over it); a request outside the calendar is counted the slow way.
        """
        SELECT r.stream_id, c.agency, c.sector, r.requested_on,
               GREATEST(\(WorkingDays.sinceDay("r.requested_on", numbers: "nr")), 0)
        FROM \(t.table("legal_reviews", of: "cases")) r
        JOIN \(t.table("cases", of: "cases")) c ON c.stream_id = r.stream_id
        \(WorkingDays.joinNumbers(of: "r.requested_on", as: "nr"))
        \(WorkingDays.joinToday)
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

    static let publicity = ReportingView(
        "publicity_register", "行政处罚决定公示", "Publicity register: published decisions, masked as published; never minors or secret cases",
        columns: [("case_id", "案件编号", "Case id"), ("decision_number", "决定书文号", "Decision number"),
                  ("agency", "作出决定单位", "Deciding agency"), ("party_name", "当事人（个人脱敏）", "Party; an individual's name masked (张*)"),
                  ("party_id", "证件号码（脱敏）", "Party id, masked"), ("plate", "车牌号（脱敏）", "Plate, masked"),
                  ("sector", "行业", "Sector"), ("violation_zh", "违法事实", "Facts, third parties masked"),
                  ("legal_basis_id", "法律依据", "Legal basis id"), ("penalty_zh", "处罚内容", "Penalty"),
                  ("decided_on", "决定日期", "Day decided"), ("published_on", "公示日期", "Day published"),
                  ("year", "年度", "Year published"), ("publication_ref", "公示链接", "Publication reference"),
                  ("published_on_time", "按期公示", "Published within the deadline"),
                  ("corrected", "更正", "The published decision was corrected and republished masked (更正)"),
                  ("corrected_on", "更正日期", "更正: the day the published decision was last corrected and republished masked; empty if never")]) { t in
        """
        SELECT stream_id, decision_number, agency, published_party_name, party_id_masked, plate_masked, sector,
               published_violation_zh, legal_basis_id, penalty_zh, decided_on, published_on,
               EXTRACT(YEAR FROM published_on)::int, publication_ref, published_on_time,
               republished_on IS NOT NULL, republished_on
        FROM \(t.table("cases", of: "cases"))
        WHERE published AND NOT publication_withdrawn AND NOT decision_revoked AND NOT is_minor AND NOT involves_secrets
        """
    }

    static let publicationRate = ReportingView(
        "publication_rate", "公示率", "Publication rate per agency and year of decision",
        columns: [("year", "年度", "Year decided"), ("agency", "作出决定单位", "Agency"),
                  ("decisions", "决定数", "Penalty and no-penalty decisions not revoked"),
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
        WHERE \(AnnualStatisticsView.decisionsThatStand)
        GROUP BY 1, 2
        """
    }
}

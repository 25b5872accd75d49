import EventStore
import Foundation

/// Views over rectification items and referrals.
enum SupervisionViews {
    static var all: [ReportingView] { [tracker, rectificationSummary, referrals, referralOutcomes] }

    static let tracker = ReportingView(
        "rectification_tracker", "整改问题台账", "Rectification tracker: every problem found and whether it was closed out on time",
        columns: [("item_id", "问题编号", "Item id"), ("description_zh", "问题描述", "Problem"),
                  ("found_during", "发现途径", "Found during (caseFileAudit, supervision, …)"),
                  ("raised_on", "发现日期", "Day raised"), ("year", "年度", "Year raised"),
                  ("opinion_issued_on", "整改意见下发日期", "Day the opinion was issued"),
                  ("status", "状态", "Status (raised, opinionIssued, assigned, rectified, verified, closedOut)"),
                  ("owner", "责任单位/人", "Owner"), ("due", "整改期限", "Due date"),
                  ("rejections", "退回次数", "Fixes sent back"), ("closed_out_on", "销号日期", "Day closed out"),
                  ("closed_on_time", "按期销号", "Closed out on time (null while open)"),
                  ("overdue", "已逾期", "Open and past its due date today"),
                  ("origin", "问题来源代码", "Origin (campaignSelfExamination 专项整治自查, inspectionTour 巡察, caseFileAudit 案卷评查)"),
                  ("origin_zh", "问题来源", "Origin in Chinese"),
                  ("audit_id", "案卷评查编号", "The case-file audit that found it (origin caseFileAudit)")]) { t in
        """
        SELECT stream_id, description_zh, found_during, raised_on, EXTRACT(YEAR FROM raised_on)::int, opinion_issued_on,
               status, owner, due, rejections, closed_out_on, closed_on_time,
               status <> 'closedOut' AND due IS NOT NULL AND due < \(ReportingViews.today), origin, origin_zh, audit_id
        FROM \(t.table("rectification_items", of: "rectification"))
        """
    }

    static let rectificationSummary = ReportingView(
        "rectification_summary", "整改情况汇总", "Rectification per year raised: found, opinions, closed on time or late, open, overdue",
        columns: [("year", "年度", "Year raised"), ("problems", "发现问题", "Problems found"),
                  ("opinions", "下发整改意见", "Opinions issued"), ("closed_on_time", "按期销号", "Closed out on time"),
                  ("closed_late", "逾期销号", "Closed out late"), ("open", "未销号", "Still open"),
                  ("overdue", "逾期未销号", "Open and overdue today"),
                  ("self_examination", "专项整治自查发现", "Problems found by the special campaign's self-examination"),
                  ("inspection_tour", "巡察反馈", "Problems fed back by the inspection tour (巡察)"),
                  ("case_file_audit", "案卷评查发现", "Problems found by case-file audits")]) { t in
        """
        SELECT EXTRACT(YEAR FROM raised_on)::int, count(*)::int, count(opinion_issued_on)::int,
               count(*) FILTER (WHERE closed_on_time)::int, count(*) FILTER (WHERE NOT closed_on_time)::int,
               count(*) FILTER (WHERE status <> 'closedOut')::int,
               count(*) FILTER (WHERE status <> 'closedOut' AND due < \(ReportingViews.today))::int,
               count(*) FILTER (WHERE origin = 'campaignSelfExamination')::int,
               count(*) FILTER (WHERE origin = 'inspectionTour')::int, count(*) FILTER (WHERE origin = 'caseFileAudit')::int
        FROM \(t.table("rectification_items", of: "rectification"))
        GROUP BY 1
        """
    }

    static let referrals = ReportingView(
        "referrals", "移送台账", "Referrals (移送) and their outcomes",
        columns: [("referral_id", "移送编号", "Referral id"),
                  ("kind", "移送类别", "Kind (licensingWindowToBrigade 窗口移交, agencyToAgency, suspectedCrimeToPolice)"),
                  ("from_agency", "移送单位", "Sending agency"), ("to_agency", "接收单位", "Receiving agency"),
                  ("subject_zh", "移送事由", "Subject"), ("case_id", "关联案件", "Linked case id"),
                  ("plate", "车牌号（脱敏）", "Plate, masked"), ("sent_on", "移送日期", "Day sent"),
                  ("year", "年度", "Year sent"), ("status", "状态", "Status (sent, accepted, rejected)"),
                  ("answered_on", "答复日期", "Day accepted or rejected"),
                  ("rejection_reason_zh", "不予接收理由", "Reason for rejection"),
                  ("feedback_count", "反馈次数", "Feedback received"),
                  ("last_feedback_zh", "最近反馈", "Latest feedback"), ("last_feedback_on", "最近反馈日期", "Day of latest feedback")]) { t in
        """
        SELECT stream_id, kind, from_agency, to_agency, subject_zh, case_id, plate_masked, sent_on,
               EXTRACT(YEAR FROM sent_on)::int, status, answered_on, rejection_reason_zh, feedback_count,
               last_feedback_zh, last_feedback_on
        FROM \(t.table("referrals", of: "referrals"))
        """
    }

    static let referralOutcomes = ReportingView(
        "referral_outcomes", "移送及处理结果汇总", "Referrals per year, kind and route with their outcomes",
        columns: [("year", "年度", "Year sent"), ("kind", "移送类别", "Kind"), ("from_agency", "移送单位", "Sending agency"),
                  ("to_agency", "接收单位", "Receiving agency"), ("sent", "移送数", "Referrals sent"),
                  ("accepted", "已接收", "Accepted"), ("rejected", "不予接收", "Rejected"),
                  ("awaiting_answer", "待答复", "Not answered yet"), ("with_feedback", "已反馈结果", "With feedback on the outcome")]) { t in
        """
        SELECT EXTRACT(YEAR FROM sent_on)::int, kind, from_agency, to_agency, count(*)::int,
               count(*) FILTER (WHERE status = 'accepted')::int, count(*) FILTER (WHERE status = 'rejected')::int,
               count(*) FILTER (WHERE status = 'sent')::int, count(*) FILTER (WHERE feedback_count > 0)::int
        FROM \(t.table("referrals", of: "referrals"))
        GROUP BY 1, 2, 3, 4
        """
    }
}

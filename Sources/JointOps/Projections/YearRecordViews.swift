import EventStore
import Foundation

/// Views over the records of the rule-of-law year: case-file audits, the adviser's reviews, petitions, and the
/// annual report's plan.
enum YearRecordViews {
    static var all: [ReportingView] { [audits, counselReviews, petitions, reportPlans] }

    static let audits = ReportingView(
        "case_file_audits", "案卷评查台账", "Case-file audits (案卷评查), their findings and the rectification items they opened",
        columns: [("audit_id", "评查编号", "Audit id"), ("audit_date", "评查日期", "Day of the audit"), ("year", "年度", "Year"),
                  ("agency", "评查单位", "Reviewing agency"), ("audited_agency", "被评查单位", "Agency whose files were reviewed"),
                  ("files_reviewed", "评查案卷数", "Case files reviewed"), ("scope_zh", "评查范围", "What was reviewed"),
                  ("findings", "发现问题数", "Findings"), ("findings_zh", "发现问题", "The findings, in order"),
                  ("items_closed_out", "已销号", "Findings whose rectification item is closed out")]) { t in
        """
        SELECT a.stream_id, a.audit_date, EXTRACT(YEAR FROM a.audit_date)::int, a.agency, a.audited_agency,
               a.files_reviewed, a.scope_zh, a.findings, array_to_string(a.findings_zh, '；'),
               (SELECT count(*) FROM \(t.table("rectification_items", of: "rectification")) r
                WHERE r.audit_id = a.stream_id AND r.status = 'closedOut')::int
        FROM \(t.table("case_file_audits", of: "audits")) a
        """
    }

    static let counselReviews = ReportingView(
        "counsel_reviews", "法律顾问审核台账", "The legal adviser's reviews (法律顾问审核), apart from the legal reviewers' case reviews",
        columns: [("review_id", "审核编号", "Review id"),
                  ("kind", "审核类别代码", "Kind (project, agreement, normativeDocument, case)"),
                  ("kind_zh", "审核类别", "Kind in Chinese"), ("subject_zh", "审核事项", "What was reviewed"),
                  ("counsel_zh", "法律顾问", "The adviser"), ("review_date", "审核日期", "Day of the review"),
                  ("year", "年度", "Year"), ("agency", "委托单位", "Agency the adviser reviewed it for"),
                  ("case_id", "关联案件", "The case reviewed (kind case)"), ("opinion_zh", "审核意见", "The adviser's opinion")]) { t in
        """
        SELECT stream_id, kind, kind_zh, subject_zh, counsel_zh, review_date, EXTRACT(YEAR FROM review_date)::int, agency,
               case_id, opinion_zh
        FROM \(t.table("counsel_reviews", of: "counsel"))
        """
    }

    static let petitions = ReportingView(
        "petitions", "信访台账", "Petitions (信访) and their resolution (化解)",
        columns: [("petition_id", "信访编号", "Petition id"), ("agency", "承办单位", "Agency handling it"),
                  ("subject_zh", "信访事项", "What it is about"), ("received_on", "受理日期", "Day first received"),
                  ("year", "年度", "Year first received"),
                  ("status", "状态代码", "Status (received, resolved)"), ("status_zh", "状态", "Status in Chinese"),
                  ("resolved_on", "化解日期", "Day resolved"), ("year_resolved", "化解年度", "Year resolved"),
                  ("outcome_zh", "化解情况", "How it was resolved"),
                  ("long_standing", "积案", "Resolved in a later year than received (多年未化解)")]) { t in
        """
        SELECT stream_id, agency, subject_zh, received_on, EXTRACT(YEAR FROM received_on)::int, status, status_zh, resolved_on,
               EXTRACT(YEAR FROM resolved_on)::int, outcome_zh, long_standing
        FROM \(t.table("petitions", of: "petitions"))
        """
    }

    static let reportPlans = ReportingView(
        "report_plans", "下一步工作打算", "Each year's plan for the next year (三、下一步工作打算), as last recorded",
        columns: [("year", "年度", "Year of the report"), ("agency", "报告单位", "Agency filing the report"),
                  ("text_zh", "工作打算", "The plan (Markdown)"), ("recorded_on", "登记日期", "Day last recorded"),
                  ("versions", "登记次数", "Times recorded")]) { t in
        "SELECT year, agency, text_zh, recorded_on, versions FROM \(t.table("report_plans", of: "report_plans"))"
    }
}

/// The annual report's figures from the records of the rule-of-law year: case-file audits and their findings, the
/// inspection tour's problems, the legal adviser's reviews by kind, petitions resolved. Part of `annual_statistics`.
enum YearRecordMetrics {
    /// Rectification items of the special campaign's self-examination (older items without an origin are read so).
    static let selfExamination = "origin = 'campaignSelfExamination'"

    static var all: [AnnualMetric] {
        typealias A = AnnualStatisticsView
        let s = "supervision", counsel = "legal_adviser", petitions = "petitions"
        var metrics: [AnnualMetric] = [
            A.count("case_file_audits", s, "案卷评查（次）", "Case-file audits", "audits", "case_file_audits", "audit_date"),
            A.sum("case_files_audited", s, "评查案卷数", "Case files reviewed by audits", "audits", "case_file_audits",
                  "audit_date", "files_reviewed"),
            A.count("audit_findings", s, "案卷评查发现问题", "Problems found by case-file audits", "rectification",
                    "rectification_items", "raised_on", where: "origin = 'caseFileAudit'"),
            A.count("inspection_problems", s, "巡察反馈问题", "Problems fed back by the inspection tour (巡察)", "rectification",
                    "rectification_items", "raised_on", where: "origin = 'inspectionTour'"),
            A.count("inspection_problems_closed_out", s, "巡察反馈问题已销号", "Inspection-tour problems closed out",
                    "rectification", "rectification_items", "raised_on",
                    where: "origin = 'inspectionTour' AND status = 'closedOut'"),
            A.count("counsel_reviews", counsel, "法律顾问审核（件）", "Reviews by the legal adviser", "counsel", "counsel_reviews",
                    "review_date"),
        ]
        for (kind, zh, en) in [("project", "重大项目", "major projects"), ("agreement", "合同协议", "agreements"),
                               ("normativeDocument", "规范性文件", "normative documents"), ("case", "案件", "cases")] {
            metrics.append(A.count("counsel_reviews_\(kind)", counsel, "法律顾问审核：\(zh)", "Adviser's reviews: \(en)",
                                   "counsel", "counsel_reviews", "review_date", where: "kind = '\(kind)'"))
        }
        metrics += [
            A.count("petitions_received", petitions, "受理信访", "Petitions received", "petitions", "petitions", "received_on"),
            A.count("petitions_resolved", petitions, "化解信访", "Petitions resolved", "petitions", "petitions", "resolved_on"),
            A.count("petitions_resolved_long_standing", petitions, "化解信访积案", "Long-standing petitions resolved",
                    "petitions", "petitions", "resolved_on", where: "long_standing"),
        ]
        return metrics
    }
}

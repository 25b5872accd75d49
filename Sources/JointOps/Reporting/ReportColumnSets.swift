/// The columns `jointops report NAME` shows in a table by default: what an analyst reads at a glance on an 80–120
/// column terminal. Each set holds the report's key (``ReportKey``, so a row's `--after` can be read off the page),
/// the figures that matter and each code column by its code name (the table shows its `_zh` label under that name);
/// long free text and secondary figures are left to `--wide` and `--columns`. CSV and JSON carry every column.
///
/// `ReportColumnSetTests` proves every view of ``ReportingViews`` has a set, that it names only the report's columns
/// and that it keeps the key.
public enum ReportColumnSets {
    /// The default set of report `name`, in the order the table shows it; nil for a name that is no view.
    public static func defaults(of name: String) -> [String]? { byReport[name] }

    static let byReport: [String: [String]] = [
        "agencies": ["agency", "name_zh", "kind"],
        "campaigns": ["campaign_code", "sector", "valid_from", "valid_to", "title_zh"],
        "operations_board": ["window_from", "operation_id", "status", "lead_agency", "cases_filed", "fines_yuan", "title_zh"],
        "operation_outcomes": ["month", "operation_id", "agency", "sessions", "officers_deployed", "cases_filed",
                               "vehicles_seized", "fines_yuan"],
        "agency_outcomes": ["year", "agency", "agency_name_zh", "officers_deployed", "cases_filed", "vehicles_seized",
                            "fines_yuan"],
        "outreach_activities": ["activity_date", "activity_id", "agency", "leaflets", "people_reached", "event_zh"],
        "operation_links": ["operation_id", "session_id", "record_id", "link_no", "session_date", "kind", "agency"],
        // Eight columns, so the four-column key stays whole at 80; cases_filed is the figure partners report too.
        "operation_outcomes_by_agency": ["operation_id", "agency", "source", "reported_by", "sessions", "cases_filed",
                                         "fines_imposed_yuan", "vehicles_seized"],
        "operation_outcomes_by_campaign": ["campaign_code", "year", "agency", "source", "reported_by", "cases_filed",
                                           "fines_imposed_yuan", "vehicles_seized"],
        "operation_outcomes_by_month": ["month", "agency", "source", "reported_by", "operations", "cases_filed",
                                        "fines_imposed_yuan", "vehicles_seized"],
        "case_register": ["accepted_on", "case_id", "agency", "sector", "stage", "fine_yuan", "next_due", "overdue",
                          "party_name"],
        "case_pipeline": ["year", "stage", "agency", "sector", "source", "procedure", "cases"],
        "legal_reviews": ["requested_on", "case_id", "review_no", "agency", "outcome", "reviewer", "completed_on",
                          "turnaround_working_days"],
        "legal_review_queue": ["requested_on", "case_id", "agency", "sector", "age_working_days"],
        "case_deadlines": ["legally_due", "case_id", "clock_no", "agency", "kind", "status", "timeliness", "days_overdue",
                           "provisional"],
        "deadline_summary": ["year", "agency", "kind", "open", "overdue", "met_on_time", "met_late", "provisional"],
        "deadlines_due": ["due", "case_id", "clock_no", "agency", "officers", "kind", "status", "days_overdue", "provisional"],
        "publicity_register": ["published_on", "case_id", "decision_number", "agency", "sector", "decided_on",
                               "published_on_time"],
        "publication_rate": ["year", "agency", "decisions", "publishable", "published", "published_on_time",
                             "publication_rate"],
        "rectification_tracker": ["raised_on", "item_id", "origin", "status", "owner", "due", "overdue",
                                  "description_zh"],
        "rectification_summary": ["year", "problems", "opinions", "closed_on_time", "closed_late", "open", "overdue"],
        "referrals": ["sent_on", "referral_id", "kind", "from_agency", "to_agency", "case_id", "status", "answered_on"],
        "referral_outcomes": ["year", "kind", "from_agency", "to_agency", "sent", "accepted", "rejected", "awaiting_answer",
                              "with_feedback"],
        "annual_statistics": ["year", "ordinal", "section", "metric", "value"],
        "bureau": ["agency", "name_zh"],
        "case_file_audits": ["audit_date", "audit_id", "agency", "audited_agency", "files_reviewed", "findings",
                             "items_closed_out"],
        "counsel_reviews": ["review_date", "review_id", "kind", "agency", "case_id", "subject_zh"],
        "petitions": ["received_on", "petition_id", "agency", "status", "resolved_on", "long_standing", "subject_zh"],
        "report_plans": ["year", "agency", "recorded_on", "versions"],
        "rule_of_law_activities": ["activity_date", "activity_id", "kind", "agency", "participants", "person_times",
                                   "title_zh"],
        "rule_of_law_activity_totals": ["year", "kind", "activities", "person_times", "items"],
        "service_commitments": ["code", "valid_from", "agency", "statutory_working_days", "committed_working_days", "valid_to",
                                "service_zh"],
        "officer_duties": ["officer_id", "role", "agency", "valid_from", "officer_name_zh", "valid_to"],
        "designated_officer_totals": ["year", "agency", "role", "officers"],
        "outreach_campaigns": ["year", "campaign_zh", "activities", "leaflets", "people_reached", "channels"],
    ]
}

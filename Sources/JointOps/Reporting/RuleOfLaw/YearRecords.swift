import Foundation
import Postgres

/// What the bureau's report tells beside the statistics: its activities, campaigns and channels, service
/// commitments, the problems the inspection and the case-file audits raised, and the plan.
public struct YearRecords: Sendable {
    /// Counts of the rule-of-law activities and designated reviewers, by the report's figure keys.
    public var figures: [String: Double]
    public var campaigns: [String]
    public var channels: [String]
    public var commitments: [RuleOfLawReport.Commitment]
    public var problems: [RuleOfLawReport.Problem]
    /// 三、下一步工作打算 as last recorded (Markdown), nil when none is.
    public var plan: String?
}

extension YearRecords {
    /// The `rule_of_law_activity_totals` kinds, and the figure keys the report's sentences use for them.
    static let activityFigures: [(kind: String, activities: String, personTimes: String?, items: String?)] = [
        ("partyMeeting", "party_meetings", nil, nil), ("collectiveStudy", "collective_studies", nil, nil),
        ("staffStudy", "staff_studies", nil, nil), ("enterpriseStudy", "enterprise_studies", nil, nil),
        ("lecture", "lectures", nil, nil), ("studyVisit", "study_visits", nil, nil),
        ("outsideStudy", "outside_studies", "outside_study_person_times", nil),
        ("relayTraining", "relay_trainings", nil, nil), ("handbook", "handbooks", nil, "handbook_items"),
    ]

    /// Reads the year's records from the `reporting` views (or their `pg_temp` as-of copies).
    static func load(year: Int, on connection: Connection, viewSchema v: String) throws -> YearRecords {
        var figures: [String: Double] = [:]
        let totals = try connection.execute(
            "SELECT kind, activities::float8, person_times::float8, items::float8 FROM \(v).rule_of_law_activity_totals WHERE year = $1",
            [year]).rows
        for row in totals {
            let kind: String = try row.get(0)
            guard let keys = activityFigures.first(where: { $0.kind == kind }) else { continue }
            figures[keys.activities] = try row.get(1, as: Double.self)
            if let key = keys.personTimes { figures[key] = try row.get(2, as: Double.self) }
            if let key = keys.items { figures[key] = try row.get(3, as: Double.self) }
        }
        figures["legal_reviewers"] = try connection.execute(
            "SELECT COALESCE(sum(officers), 0)::float8 FROM \(v).designated_officer_totals WHERE year = $1 AND role = 'legalReviewer'",
            [year]).rows.first.map { try $0.get(0, as: Double.self) } ?? 0

        let campaignRows = try connection.execute(
            "SELECT campaign_zh, array_to_string(channels_zh, '、') FROM \(v).outreach_campaigns WHERE year = $1 ORDER BY campaign_zh",
            [year]).rows
        let campaigns: [String] = try campaignRows.map { try $0.get(0) }
        var channels: [String] = []
        for row in campaignRows {
            for channel in (try row.optionalString(1) ?? "").split(separator: "、").map(String.init) where !channels.contains(channel) {
                channels.append(channel)
            }
        }
        let yearEnd = "\(year)-12-31"
        // "由X压缩至Y" only in the year the new commitment took effect: a sentence must come from that year's record.
        let commitments = try connection.execute("""
            SELECT service_zh, CASE WHEN valid_from >= make_date($2, 1, 1) THEN previous_committed_working_days END,
                   committed_working_days
            FROM \(v).service_commitments
            WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date) ORDER BY code
            """, [yearEnd, year]).rows.map { row in
            RuleOfLawReport.Commitment(service: try row.get(0), previousWorkingDays: try row.decode(1, as: Int.self),
                       workingDays: try row.get(2, as: Int.self))
        }
        let problems = try connection.execute("""
            SELECT item_id, origin_zh, description_zh, raised_on::text, status, closed_out_on::text
            FROM \(v).rectification_tracker WHERE year = $1 AND origin IN ('inspectionTour', 'caseFileAudit')
            ORDER BY raised_on, item_id
            """, [year]).rows.map { row in
            let closedOn = try row.optionalString(5)
            return RuleOfLawReport.Problem(id: try row.get(0), originZh: try row.get(1), description: try row.get(2), raisedOn: try row.get(3),
                           standing: closedOn.map { "已于\($0)整改销号" } ?? "整改中")
        }
        let plan = try connection.execute(
            "SELECT text_zh FROM \(v).report_plans WHERE year = $1 ORDER BY recorded_on DESC LIMIT 1", [year]
        ).rows.first.map { try $0.optionalString(0) } ?? nil
        return YearRecords(figures: figures, campaigns: campaigns, channels: channels, commitments: commitments,
                           problems: problems, plan: plan)
    }
}

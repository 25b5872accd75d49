import Enforcement
import EventStore
import Foundation

/// Views over the rule-of-law activities, the service commitments, the officers' duties and the publicity
/// campaigns: what section 一 of the annual rule-of-law report counts, by year.
enum RuleOfLawViews {
    static var all: [ReportingView] {
        [activities, activityTotals, commitments, duties, dutyTotals, outreachCampaigns]
    }

    static let activities = ReportingView(
        "rule_of_law_activities", "法治建设活动", "Rule-of-law activities: party-group meetings, study, training, handbooks",
        columns: [("activity_id", "活动编号", "Activity id (ROL-YYYY-NNNN)"),
                  ("kind", "活动类别代码", "Kind (partyMeeting, collectiveStudy, staffStudy, enterpriseStudy, lecture, studyVisit, outsideStudy, relayTraining, handbook)"),
                  ("kind_zh", "活动类别", "Kind, as its Chinese label"), ("title_zh", "主题", "Topic, agenda or handbook title"),
                  ("activity_date", "日期", "Day held"), ("year", "年度", "Year held"),
                  ("agency", "组织单位", "Code of the agency that held it"),
                  ("place_zh", "地点", "Where: the peer county or department visited, the trip's destination, the enterprise"),
                  ("host_zh", "主讲人", "Who gave it (a lecture's lecturer)"),
                  ("participants", "参加人数", "People who took part; null when not counted"),
                  ("person_times", "参加人次", "Person-times: as given, else one per participant, else 0"),
                  ("items", "汇编法律法规件数", "Laws and regulations compiled (handbooks only)")]) { t in
        """
        SELECT stream_id, kind, kind_zh, title_zh, activity_date, EXTRACT(YEAR FROM activity_date)::int, agency, place_zh,
               host_zh, participants, person_times, items
        FROM \(t.table("rule_of_law_activities", of: "rule_of_law"))
        """
    }

    static let activityTotals = ReportingView(
        "rule_of_law_activity_totals", "法治建设活动年度统计", "Rule-of-law activities per year and kind: how many, person-times, items compiled",
        columns: [("year", "年度", "Year held"), ("kind", "活动类别代码", "Kind (partyMeeting, collectiveStudy, …)"),
                  ("kind_zh", "活动类别", "Kind, as its Chinese label"), ("activities", "次数", "Activities held"),
                  ("person_times", "参加人次", "Person-times, summed"),
                  ("items", "汇编法律法规件数", "Laws and regulations compiled, summed (handbooks only; 0 for other kinds)")]) { t in
        """
        SELECT EXTRACT(YEAR FROM activity_date)::int, kind, kind_zh, count(*)::int, COALESCE(sum(person_times), 0)::int,
               COALESCE(sum(items), 0)::int
        FROM \(t.table("rule_of_law_activities", of: "rule_of_law"))
        GROUP BY 1, 2, 3
        """
    }

    static let commitments = ReportingView(
        "service_commitments", "服务承诺时限", "Service commitments: working days committed against the statutory limit, by period in force",
        columns: [("code", "承诺事项代码", "Commitment code"), ("service_zh", "服务事项", "Service"),
                  ("agency", "承诺单位", "Code of the committing agency"),
                  ("statutory_working_days", "法定时限（工作日）", "Working days the law allows"),
                  ("committed_working_days", "承诺时限（工作日）", "Working days committed to; 0: done on the spot"),
                  ("previous_committed_working_days", "原承诺时限（工作日）", "The commitment this version replaced; null for the first"),
                  ("valid_from", "起始日期", "First day in force"),
                  ("valid_to", "截止日期", "Last day in force; null while in force"),
                  ("note_zh", "承诺措施", "How it is kept (最多跑一次, 一次告知, …)")]) { t in
        """
        SELECT code, service_zh, agency, statutory_working_days, committed_working_days, previous_committed_working_days,
               valid_from, valid_to, note_zh
        FROM \(t.table("service_commitments", of: "commitments"))
        """
    }

    static let duties = ReportingView(
        "officer_duties", "执法人员指定职责", "Duties officers are designated to (legal reviewer, approver, hearing chair), by period",
        columns: [("officer_id", "人员编号", "Officer id"), ("officer_name_zh", "姓名", "Officer's name"),
                  ("officer_agency", "所在单位", "Code of the officer's own agency"),
                  ("role", "职责代码", "Duty (legalReviewer, approver, hearingChair)"), ("role_zh", "职责", "Duty, as its Chinese label"),
                  ("agency", "履职单位", "Code of the agency the duty is exercised for"),
                  ("valid_from", "起始日期", "First day of the duty"), ("valid_to", "截止日期", "Last day of the duty; null while it runs")]) { t in
        """
        SELECT officer_id, officer_name_zh, officer_agency, role, role_zh, agency, valid_from, valid_to
        FROM \(t.table("officer_duties", of: "duties"))
        """
    }

    static let dutyTotals = ReportingView(
        "designated_officer_totals", "指定职责人员年度统计", "Officers holding each duty at some time in each year (法制审核员 2 in 2023)",
        columns: [("year", "年度", "Year"), ("agency", "履职单位", "Code of the agency the duty is exercised for"),
                  ("role", "职责代码", "Duty (legalReviewer, approver, hearingChair)"), ("role_zh", "职责", "Duty, as its Chinese label"),
                  ("officers", "人数", "Distinct officers holding the duty on at least one day of the year")]) { t in
        // A duty counts in every year it covers a day of: from its first day's year to its last day's (or this year's).
        """
        SELECT y.year, d.agency, d.role, d.role_zh, count(DISTINCT d.officer_id)::int
        FROM \(t.table("officer_duties", of: "duties")) d
        CROSS JOIN LATERAL generate_series(EXTRACT(YEAR FROM d.valid_from)::int,
                                           EXTRACT(YEAR FROM COALESCE(d.valid_to, GREATEST(d.valid_from, \(ReportingViews.today))))::int)
                  AS y(year)
        WHERE d.valid_to IS NULL OR d.valid_to >= d.valid_from
        GROUP BY 1, 2, 3, 4
        """
    }

    static let outreachCampaigns = ReportingView(
        "outreach_campaigns", "主题宣传活动", "Publicity campaigns by name and year: events, leaflets, people reached, channels and accounts",
        columns: [("year", "年度", "Year"), ("campaign_zh", "宣传活动名称", "Campaign (宪法宣传月, 全国交通宣传日, …)"),
                  ("activities", "活动场次", "Publicity events of the campaign"), ("leaflets", "发放宣传单", "Leaflets handed out"),
                  ("people_reached", "受众人次", "People reached"),
                  ("channels", "宣传渠道代码", "Every channel used, as codes"), ("channels_zh", "宣传渠道", "Every channel used, as labels"),
                  ("accounts_zh", "网络账号", "Every online account posted on")]) { t in
        // Each campaign's channels and accounts, once each, gathered from its events' arrays.
        """
        WITH o AS (SELECT EXTRACT(YEAR FROM activity_date)::int AS year, *
                   FROM \(t.table("outreach_activities", of: "outreach")) WHERE campaign_zh IS NOT NULL)
        SELECT o.year, o.campaign_zh, count(*)::int, sum(o.leaflets)::bigint, sum(o.people_reached)::bigint,
               \(channels("code")), \(channels("label")), \(accounts)
        FROM o
        GROUP BY o.year, o.campaign_zh
        """
    }

    /// SQL: the campaign's channels, once each, as codes or labels (`part`), in the order of `OutreachChannel`, so
    /// the codes and the labels line up.
    private static func channels(_ part: String) -> String {
        let order = OutreachChannel.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return """
            ARRAY(SELECT c.\(part) FROM (SELECT DISTINCT u.code, u.label FROM o AS x, unnest(x.channels, x.channels_zh) AS u(code, label)
                                       WHERE x.year = o.year AND x.campaign_zh = o.campaign_zh) c
                  ORDER BY array_position(ARRAY[\(order)]::text[], c.code))
            """
    }

    /// SQL: the online accounts the campaign posted on, once each, sorted.
    private static let accounts =
        "ARRAY(SELECT DISTINCT a FROM o AS x, unnest(x.accounts_zh) AS a WHERE x.year = o.year AND x.campaign_zh = o.campaign_zh ORDER BY a)"
}

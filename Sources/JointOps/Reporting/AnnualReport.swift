import Enforcement
import EventStore
import Foundation
import Postgres

/// The rule-of-law annual report (法治政府建设年度报告) figures for one year: Markdown and one
/// self-contained HTML page with inline SVG charts, bilingual labels.
///
/// Every breakdown sums to its total (``Breakdown``), every rate says what it divides (``Timeliness``,
/// ``rateDefinition``), and joint-operation figures stay apart by source (``JointFigure``).
public struct AnnualReport: Sendable {
    public struct Metric: Sendable, Equatable {
        public var section: String
        public var key: String
        public var zh: String
        public var en: String
        public var value: Double
    }

    public var year: Int
    /// The figures of `reporting.annual_statistics` for the year (every section's table reads them).
    public var metrics: [Metric]
    /// The year's cases by source, sector, agency, procedure and stage.
    public var breakdowns: [Breakdown] = []
    public var timeliness: [Timeliness] = []
    public var jointFigures: [JointFigure] = []
    /// (agency, cases, vehicles seized, fines in yuan ÷ 1000): the bureau's linked cases (its on-the-spot decisions are
    /// cases too, never filed) and partners' returns (the cases they filed).
    public var outcomesByAgency: [(agency: String, cases: Double, seized: Double, finesThousands: Double)] = []
    public var casesByMonth: [Double] = Array(repeating: 0, count: 12)
    /// The body the report is made for (乌苏市交通运输局): `--bureau`, else the one the administrator recorded.
    public var bureau: String?
    /// When the report was made, and the instant its events were folded up to (`--as-of`), if any.
    public var generatedAt: Date
    public var asOf: Date?
    /// The seal covering the log position the views were read at: a printed report pins the log
    /// (`jointops verify --against`). Nil when none covers it yet (an analyst's run before any seal).
    public var logSeal: LogSeal? = nil
    /// The year's rule-of-law records the bureau's report tells beside these figures (``RuleOfLawReport``).
    public var records: YearRecords? = nil

    /// Reads the figures from the `reporting` views (or their `pg_temp` as-of copies).
    public static func load(year: Int, on connection: Connection, viewSchema: String = "reporting",
                            generatedAt: Date = Date(), asOf: Date? = nil) throws -> AnnualReport {
        let v = viewSchema
        let metrics = try connection.execute(
            "SELECT section, metric, label_zh, label_en, value::float8 FROM \(v).annual_statistics WHERE year = $1 ORDER BY ordinal",
            [year]).rows.map { row in
            Metric(section: try row.get(0), key: try row.get(1), zh: try row.get(2), en: try row.get(3),
                   value: try row.decode(4, as: Double.self) ?? 0)
        }
        var report = AnnualReport(year: year, metrics: withZeros(metrics), generatedAt: generatedAt, asOf: asOf)
        report.recordedNothing = metrics.isEmpty
        var agencyNames: [String: String] = [:]
        for row in try connection.execute("SELECT agency, name_zh FROM \(v).agencies").rows {
            agencyNames[try row.get(0)] = try row.get(1)
        }
        report.bureau = try connection.execute("SELECT name_zh FROM \(v).bureau").rows.first.map { try $0.get(0) }
        report.breakdowns = try loadBreakdowns(year: year, total: report.value("cases_accepted"), metrics: report.metrics,
                                               agencyNames: agencyNames, on: connection, viewSchema: v)
        report.timeliness = try loadTimeliness(year: year, on: connection, viewSchema: v)
        report.jointFigures = try loadJointFigures(year: year, metrics: report.metrics, on: connection, viewSchema: v)
        report.outcomesByAgency = try connection.execute("""
            SELECT COALESCE(min(agency_name_zh), agency),
                   COALESCE(sum(CASE WHEN source = '\(OutcomeSource.caseRegister.rawValue)' THEN cases ELSE cases_filed END), 0)::float8,
                   COALESCE(sum(vehicles_seized), 0)::float8, (COALESCE(sum(fines_imposed_yuan), 0) / 1000.0)::float8
            FROM \(v).operation_outcomes_by_month
            WHERE year = $1 AND source IN ('\(OutcomeSource.caseRegister.rawValue)', '\(OutcomeSource.partnerReturn.rawValue)')
            GROUP BY agency ORDER BY 1
            """, [year]).rows.map { (try $0.get(0, as: String.self), try $0.get(1, as: Double.self),
                                     try $0.get(2, as: Double.self), try $0.get(3, as: Double.self)) }
        for metric in metrics where metric.section == AnnualStatisticsView.monthlySection {
            if let month = Int(metric.key.suffix(2)), (1...12).contains(month) { report.casesByMonth[month - 1] = metric.value }
        }
        report.records = try YearRecords.load(year: year, on: connection, viewSchema: v)
        report.logSeal = try LogSeal.coveringReportingViews(on: connection)
        return report
    }

    /// A metric's value, 0 when the year has none.
    public func value(_ key: String) -> Double { metrics.first { $0.key == key }?.value ?? 0 }

    /// True when nothing in the period was recorded (an empty year, or `--as-of` before the first event).
    public var recordedNothing = false
    public var isEmpty: Bool { recordedNothing && jointFigures.isEmpty }

    /// The view leaves out a figure no row counts: a count the report prints is then 0, not missing (a rate or an
    /// average of nothing stays missing).
    static func withZeros(_ metrics: [Metric]) -> [Metric] {
        AnnualStatisticsView.metrics.compactMap { m in
            if let found = metrics.first(where: { $0.key == m.key }) { return found }
            guard m.kind == .total, m.section != AnnualStatisticsView.monthlySection else { return nil }
            return Metric(section: m.section, key: m.key, zh: m.zh, en: m.en, value: 0)
        }
    }

    /// The sections in print order: (key of `annual_statistics.section`, Chinese, English).
    public static let sections: [(key: String, zh: String, en: String)] = [
        ("enforcement", "行政执法", "Enforcement"), ("legal_review", "法制审核", "Legal review"),
        ("timeliness", "办案时效", "Timeliness"), ("publicity", "执法公示", "Publicity"),
        ("remedies", "救济与强制执行", "Remedies and court enforcement"),
        ("joint_operations", "联合执法", "Joint operations"), ("supervision", "监督与整改", "Supervision and rectification"),
        ("outreach", "普法宣传", "Outreach"),
    ]

    /// The metrics a section's table prints: the breakdowns, timeliness and joint figures have their own tables.
    public func tableMetrics(of section: String) -> [Metric] {
        metrics.filter { metric in
            metric.section == section && !Self.replacedMetric(metric.key)
        }
    }

    /// `annual_statistics` rows the report prints in a reconciled table instead: by source and sector (the
    /// breakdowns), the rates by step (timeliness from the deadlines) and joint-operation sums (by source).
    static func replacedMetric(_ key: String) -> Bool {
        key.hasPrefix("cases_source_") || key.hasPrefix("cases_sector_")
            || ReportingViews.tallyColumns.contains { "joint_" + $0.0 == key }
            || ["decided_within_90_days_pct", "served_on_time_pct", "published_on_time_pct"].contains(key)
    }

    public var title: String {
        "\(bureau.map { $0 + " " } ?? "")\(year) 年度法治政府建设统计 · Rule-of-law statistics \(year)"
    }

    /// "2023-01-01 至 2023-12-31".
    public var period: String { String(format: "%04d-01-01 至 %04d-12-31", year, year) }

    /// The warning printed on stderr and in the report when the period holds no events.
    public var emptyWarning: String? {
        guard isEmpty else { return nil }
        if let asOf {
            return "no events in \(year) were recorded up to \(Self.beijing(asOf)) (--as-of): every figure of this report is 0 "
                + "(本报告期间截至该时点没有任何记录，各项数据均为 0)"
        }
        return "no events are recorded for \(year): every figure of this report is 0 (本报告期间没有任何记录，各项数据均为 0)"
    }

    /// The header lines: bureau, period, generation time and as-of instant.
    public var headerLines: [(label: Label, value: String)] {
        var lines: [(Label, String)] = [
            (Label(zh: "单位", en: "Bureau"), bureau ?? "未设置（`jointops agency bureau CODE`）not set"),
            (Label(zh: "统计期间", en: "Period"), period),
            (Label(zh: "生成时间", en: "Generated"), Self.beijing(generatedAt)),
        ]
        lines.append((Label(zh: "数据截至", en: "Events recorded up to"),
                      asOf.map(Self.beijing) ?? "生成时已记录的全部事件 every event recorded when generated"))
        return lines
    }

    /// `2026-12-01 08:30:00 +08:00`: Beijing time, which Xinjiang's offices keep.
    public static func beijing(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        return formatter.string(from: date)
    }

    /// The footer line pinning the log (日志封印).
    public var sealLine: String {
        logSeal?.line ?? "日志封印 Log seal: none yet covers these figures — the projector seals after every catch-up "
            + "(`jointops project run`, run by the cluster's administrator)"
    }
}

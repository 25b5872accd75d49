import EventStore
import Foundation
import Postgres

/// The rule-of-law annual report (法治政府建设年度报告) figures for one year: Markdown and one
/// self-contained HTML page with inline SVG charts, bilingual labels.
public struct AnnualReport: Sendable {
    public struct Metric: Sendable, Equatable {
        public var section: String
        public var key: String
        public var zh: String
        public var en: String
        public var value: Double
    }

    public var year: Int
    public var metrics: [Metric]
    /// (agency, cases filed, vehicles seized, fines in yuan ÷ 1000) from joint-operation tallies.
    public var outcomesByAgency: [(agency: String, casesFiled: Double, seized: Double, finesThousands: Double)]
    public var casesByMonth: [Double]
    public var pipeline: [(stage: String, cases: Double)]
    public var deadlines: [(kind: String, onTime: Double, late: Double, overdue: Double)]
    /// The seal covering the log position the views were read at: a printed report pins the log
    /// (`jointops verify --against`). Nil when none covers it yet (an analyst's run before any seal).
    public var logSeal: LogSeal? = nil

    /// Reads the figures from the `reporting` views (or their `pg_temp` as-of copies).
    public static func load(year: Int, on connection: Connection, viewSchema: String = "reporting") throws -> AnnualReport {
        let v = viewSchema
        let metrics = try connection.execute(
            "SELECT section, metric, label_zh, label_en, value::float8 FROM \(v).annual_statistics WHERE year = $1 ORDER BY ordinal",
            [year]).rows.map { row in
            Metric(section: try row.get(0), key: try row.get(1), zh: try row.get(2), en: try row.get(3),
                   value: try row.decode(4, as: Double.self) ?? 0)
        }
        let outcomes = try connection.execute("""
            SELECT COALESCE(agency_name_zh, agency), sum(cases_filed)::float8, sum(vehicles_seized)::float8,
                   (sum(fines_yuan) / 1000.0)::float8
            FROM \(v).agency_outcomes WHERE year = $1 GROUP BY 1 ORDER BY 1
            """, [year]).rows.map { (try $0.get(0, as: String.self), try $0.get(1, as: Double.self),
                                     try $0.get(2, as: Double.self), try $0.get(3, as: Double.self)) }
        var months = [Double](repeating: 0, count: 12)
        for metric in metrics where metric.section == AnnualStatisticsView.monthlySection {
            if let month = Int(metric.key.suffix(2)), (1...12).contains(month) { months[month - 1] = metric.value }
        }
        let pipeline = try connection.execute(
            "SELECT stage, sum(cases)::float8 FROM \(v).case_pipeline WHERE year = $1 GROUP BY 1 ORDER BY 2 DESC, 1",
            [year]).rows.map { (try $0.get(0, as: String.self), try $0.get(1, as: Double.self)) }
        let deadlines = try connection.execute("""
            SELECT kind, sum(met_on_time)::float8, sum(met_late)::float8, sum(overdue)::float8
            FROM \(v).deadline_summary WHERE year = $1 GROUP BY 1 ORDER BY 1
            """, [year]).rows.map { (try $0.get(0, as: String.self), try $0.get(1, as: Double.self),
                                     try $0.get(2, as: Double.self), try $0.get(3, as: Double.self)) }
        return AnnualReport(year: year, metrics: metrics, outcomesByAgency: outcomes, casesByMonth: months,
                            pipeline: pipeline, deadlines: deadlines,
                            logSeal: try LogSeal.coveringReportingViews(on: connection))
    }

    static let sections: [(key: String, zh: String, en: String)] = [
        ("enforcement", "行政执法", "Enforcement"), ("legal_review", "法制审核", "Legal review"),
        ("timeliness", "办案时效", "Timeliness"), ("publicity", "执法公示", "Publicity"),
        ("remedies", "救济与强制执行", "Remedies and court enforcement"),
        ("joint_operations", "联合执法", "Joint operations"), ("supervision", "监督与整改", "Supervision and rectification"),
        ("outreach", "普法宣传", "Outreach"),
    ]

    var title: String { "\(year) 年度法治政府建设统计 · Rule-of-law statistics \(year)" }

    /// The report as Markdown: one table per section.
    public func markdown() -> String {
        var text = "# \(title)\n\n"
        for section in Self.sections {
            let rows = metrics.filter { $0.section == section.key }
            guard !rows.isEmpty else { continue }
            text += "## \(section.zh) · \(section.en)\n\n| 指标 | Metric | 数值 Value |\n|---|---|---:|\n"
            for metric in rows { text += "| \(metric.zh) | \(metric.en) | \(SVGChart.format(metric.value)) |\n" }
            text += "\n"
        }
        text += "_Figures from the JointOps event log (schema `reporting`). 数据来源：执法协同系统事件日志。_\n"
        text += "\n" + sealLine + "\n"
        return text
    }

    /// The footer line pinning the log (日志封印).
    var sealLine: String {
        logSeal?.line ?? "日志封印 Log seal: none yet covers these figures — the projector seals after every catch-up "
            + "(`jointops project run`, run by the cluster's administrator)"
    }

    /// The charts, as inline SVG.
    public func charts() -> [String] {
        [
            SVGChart.bars(title: "各单位联合执法成果 Outcomes by agency",
                          labels: outcomesByAgency.map(\.agency),
                          series: [("立案 Cases filed", outcomesByAgency.map(\.casesFiled)),
                                   ("扣车 Vehicles seized", outcomesByAgency.map(\.seized)),
                                   ("罚款（千元）Fines (k yuan)", outcomesByAgency.map(\.finesThousands))]),
            SVGChart.bars(title: "每月受理案件 Cases accepted by month",
                          labels: (1...12).map { "\($0) 月 M\($0)" }, series: [("案件 Cases", casesByMonth)]),
            SVGChart.bars(title: "案件办理阶段 Case pipeline by stage", labels: pipeline.map(\.stage),
                          series: [("案件 Cases", pipeline.map(\.cases))]),
            SVGChart.bars(title: "期限执行 Deadlines met", labels: deadlines.map(\.kind),
                          series: [("按期 On time", deadlines.map(\.onTime)), ("逾期办结 Late", deadlines.map(\.late)),
                                   ("逾期未办 Overdue", deadlines.map(\.overdue))]),
        ]
    }

    /// One self-contained HTML page (no external files): the tables and the charts.
    public func html() -> String {
        var body = "<h1>\(SVGChart.escape(title))</h1>\n"
        for chart in charts() { body += "<figure>\(chart)</figure>\n" }
        for section in Self.sections {
            let rows = metrics.filter { $0.section == section.key }
            guard !rows.isEmpty else { continue }
            body += "<h2>\(section.zh) · \(section.en)</h2>\n<table><thead><tr><th>指标</th><th>Metric</th><th>数值 Value</th></tr></thead><tbody>\n"
            for metric in rows {
                body += "<tr><td>\(SVGChart.escape(metric.zh))</td><td>\(SVGChart.escape(metric.en))</td><td class=\"n\">\(SVGChart.format(metric.value))</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(SVGChart.escape(title))</title>
            <style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:900px;margin:2em auto}
            table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:3px 8px}
            td.n{text-align:right}figure{margin:1em 0}</style></head>
            <body>
            \(body)<p class="seal">\(SVGChart.escape(sealLine))</p>
            </body></html>

            """
    }
}

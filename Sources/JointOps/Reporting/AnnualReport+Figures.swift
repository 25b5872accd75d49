import Enforcement
import Foundation
import Postgres

extension AnnualReport {
    /// The cases accepted in the year split one way (by source, sector, …): its rows always sum to `total`,
    /// cases without the value counted under ``AnnualReport/notRecorded``.
    public struct Breakdown: Sendable, Equatable {
        public struct Row: Sendable, Equatable {
            /// The code grouped by (`inspection`, `WSZD`), nil for "not recorded": for programs, never printed.
            public let code: String?
            public let label: Label
            public let cases: Double
        }

        public let key: String
        public let title: Label
        /// The label of the column grouped by ("来源 Source").
        public let dimension: Label
        public let rows: [Row]
        /// The year's cases accepted (`cases_accepted`).
        public let total: Double
    }

    /// The breakdowns of the year's cases, each over `case_pipeline` (one row per case, year of acceptance).
    static let breakdownDimensions: [(key: String, column: String, title: Label, dimension: Label)] = [
        ("source", "source", Label(zh: "案件来源", en: "Cases by source"), Label(zh: "来源", en: "Source")),
        ("sector", "sector", Label(zh: "案件行业", en: "Cases by sector"), Label(zh: "行业", en: "Sector")),
        ("agency", "agency", Label(zh: "办案单位", en: "Cases by agency"), Label(zh: "单位", en: "Agency")),
        ("procedure", "procedure", Label(zh: "适用程序", en: "Cases by procedure"), Label(zh: "程序", en: "Procedure")),
        ("stage", "stage", Label(zh: "办理阶段", en: "Cases by stage"), Label(zh: "阶段", en: "Stage")),
    ]

    /// Procedure is counted over cases filed or decided on the spot (`cases_ordinary`, `cases_summary`, as the
    /// enforcement table prints them); leads never filed are their own row, so the rows still sum to `total`.
    static func procedureRows(total: Double, metrics: [Metric]) -> [Breakdown.Row] {
        func value(_ key: String) -> Double { metrics.first { $0.key == key }?.value ?? 0 }
        let ordinary = value("cases_ordinary"), summary = value("cases_summary")
        var rows = [Breakdown.Row(code: Procedure.ordinary.rawValue, label: procedureLabel(Procedure.ordinary.rawValue), cases: ordinary),
                    Breakdown.Row(code: Procedure.summary.rawValue, label: procedureLabel(Procedure.summary.rawValue), cases: summary)]
            .filter { $0.cases > 0 }
        if total - ordinary - summary > 0 {
            rows.append(Breakdown.Row(code: notFiledCode, label: notFiled, cases: total - ordinary - summary))
        }
        return rows
    }

    /// The procedure row of leads not (or not yet) filed: a lead has no procedure.
    static let notFiledCode = "notFiled"
    static let notFiled = Label(zh: "未立案（线索）", en: "Leads not filed")

    static func loadBreakdowns(year: Int, total: Double, metrics: [Metric], agencyNames: [String: String], on connection: Connection,
                               viewSchema v: String) throws -> [Breakdown] {
        try breakdownDimensions.map { dimension in
            let counts = try connection.execute(
                "SELECT \(dimension.column), sum(cases)::float8 FROM \(v).case_pipeline WHERE year = $1 GROUP BY 1 ORDER BY 2 DESC, 1",
                [year]).rows.map { (try $0.decode(0, as: String.self), try $0.get(1, as: Double.self)) }
            var rows = counts.map { code, cases in
                Breakdown.Row(code: code, label: label(of: code, by: dimension.key, agencyNames: agencyNames), cases: cases)
            }
            if dimension.key == "procedure" { rows = procedureRows(total: total, metrics: metrics) }
            // "Not recorded" last, whatever its size: a reader looks for it at the foot of the table.
            let ordered = rows.filter { $0.code != nil } + rows.filter { $0.code == nil }
            return Breakdown(key: dimension.key, title: dimension.title, dimension: dimension.dimension,
                             rows: ordered, total: total)
        }
    }

    static func label(of code: String?, by dimension: String, agencyNames: [String: String]) -> Label {
        switch dimension {
        case "source": return sourceLabel(code)
        case "sector": return sectorLabel(code)
        case "stage": return stageLabel(code)
        case "procedure": return procedureLabel(code)
        default:
            guard let code else { return notRecorded }
            // Agencies are registered by their Chinese names only.
            // Agencies have no English name: the English cell names the agency by its code.
            return Label(zh: agencyNames[code] ?? unknownCode.zh, en: agencyNames[code] == nil ? unknownCode.en : "Agency \(code)")
        }
    }

    /// How one kind of statutory deadline falling in the year was kept (``AnnualTimeliness/counts(deadlines:cases:key:)``).
    public struct Timeliness: Sendable, Equatable {
        public let kind: DeadlineKind
        public let deadline: Label
        /// The rate's name ("按期作出决定率").
        public let rateName: Label
        public var onTime = 0.0, late = 0.0, overdue = 0.0, notYetDue = 0.0

        /// The deadlines a rate is taken over: those met (on time or late) and those overdue still open.
        public var denominator: Double { onTime + late + overdue }
        /// 100 × on time ÷ denominator, one decimal; nil when no deadline was due.
        public var rate: Double? { denominator == 0 ? nil : (1000 * onTime / denominator).rounded() / 10 }
    }

    /// The rates the report prints, in order, each defined once (``rateDefinition``).
    static let timelinessKinds: [(kind: DeadlineKind, deadline: Label, rateName: Label)] = [
        (.decision, Label(zh: "作出决定", en: "Decision"), Label(zh: "按期作出决定率", en: "Decided on time")),
        (.service, Label(zh: "送达决定书", en: "Service"), Label(zh: "按期送达率", en: "Served on time")),
        (.publication, Label(zh: "公示", en: "Publication"), Label(zh: "按期公示率", en: "Published on time")),
    ]

    /// The one definition of every timeliness rate, printed in the report's notes.
    public static let rateDefinition = Label(
        zh: "按期率 = 按期完成数 ÷（按期完成数 + 逾期完成数 + 逾期未完成数）。期限按法定届满日所在年度计入；"
            + "逾期未完成按报告生成之日计算，尚未届满的不计入分母；已撤销的决定及依法不予公开的公示期限不计入"
            + "（与 reporting.annual_statistics 的按期率相同）",
        en: "Rate on time = met on time ÷ (met on time + met late + overdue and still open). A deadline counts in the "
            + "year of its last day in law; overdue is as of the day the report is generated; deadlines not yet due "
            + "are left out, and so are the deadlines of a revoked decision and a publication lawfully withheld "
            + "(the rates of reporting.annual_statistics are the same)")

    static func loadTimeliness(year: Int, on connection: Connection, viewSchema v: String) throws -> [Timeliness] {
        var byKind: [String: (Double, Double, Double, Double)] = [:]
        let counts = AnnualTimeliness.counts(deadlines: "\(v).case_deadlines", cases: "\(v).case_register", key: "case_id")
        for row in try connection.execute("""
            SELECT kind, on_time::float8, late::float8, overdue::float8, not_yet_due::float8
            FROM (\(counts)) s WHERE year = $1
            """, [year]).rows {
            byKind[try row.get(0)] = (try row.get(1), try row.get(2), try row.get(3), try row.get(4))
        }
        return timelinessKinds.map { entry in
            let counts = byKind[entry.kind.rawValue] ?? (0, 0, 0, 0)
            return Timeliness(kind: entry.kind, deadline: entry.deadline, rateName: entry.rateName, onTime: counts.0,
                              late: counts.1, overdue: counts.2, notYetDue: counts.3)
        }
    }

    /// One joint-operation figure by the source it comes from (figures of different sources are never added up).
    public struct JointFigure: Sendable, Equatable {
        public let key: String
        public let label: Label
        /// By source, nil where that source does not report the figure.
        public let bySource: [OutcomeSource: Double]
        /// The figure counted once (`annual_statistics`' `joint_…`): the bureau's linked cases and partners' own cases
        /// (disjoint), and the field tallies where a partner's own return stands in for what the lead typed for it.
        public var combined: Double?
    }

    /// The `annual_statistics` metric holding a joint measure counted once.
    static func combinedMetric(_ measure: String) -> String? {
        let column = measure == "fines_imposed_yuan" ? "fines_yuan" : measure
        return ReportingViews.tallyColumns.contains { $0.0 == column } ? "joint_" + column : nil
    }

    /// The year's joint-operation figures from `operation_outcomes_by_month` (links, returns, tallies).
    static func loadJointFigures(year: Int, metrics: [Metric], on connection: Connection,
                                 viewSchema v: String) throws -> [JointFigure] {
        let measures = OperationOutcomeViews.measures
        let sums = measures.map { "sum(\($0.0))::float8" }.joined(separator: ", ")
        var bySource: [OutcomeSource: [Double?]] = [:]
        for row in try connection.execute(
            "SELECT source, \(sums) FROM \(v).operation_outcomes_by_month WHERE year = $1 GROUP BY source", [year]).rows {
            guard let source = OutcomeSource(rawValue: try row.get(0)) else { continue }
            bySource[source] = try (1...measures.count).map { try row.decode($0, as: Double.self) }
        }
        return measures.enumerated().compactMap { index, measure in
            var values: [OutcomeSource: Double] = [:]
            for (source, figures) in bySource { if let value = figures[index] { values[source] = value } }
            guard !values.isEmpty else { return nil }
            let combined = combinedMetric(measure.0).flatMap { key in metrics.first { $0.key == key }?.value }
            return JointFigure(key: measure.0, label: Label(zh: measure.1, en: jointEnglish[measure.0] ?? measure.2),
                               bySource: values, combined: combined)
        }
    }

    /// Short English names for the joint-operation measures (the views' comments say more).
    static let jointEnglish: [String: String] = [
        "cases": "Cases linked", "cases_filed": "Cases filed", "decisions": "Decisions",
        "fines_imposed_yuan": "Fines imposed (yuan)", "fines_collected_yuan": "Fines collected (yuan)",
        "vehicles_seized": "Vehicles seized", "referrals": "Referrals",
    ]

    /// The sources with a figure in the year, in the order of `OutcomeSource`.
    public var jointSources: [OutcomeSource] {
        OutcomeSource.allCases.filter { source in jointFigures.contains { $0.bySource[source] != nil } }
    }
}

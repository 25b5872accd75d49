extension ReportDescription {
    /// `report --describe annual`: the files `report annual --year Y` writes, and the members of the one JSON document
    /// `--format json` prints instead (schemas/report-annual.schema.json; `ReportColumnSetTests` and
    /// `ReportColumnsCLITests` keep them equal).
    static let annual = ReportDescription(
        name: "annual", zh: "法治政府建设年度报告", en: "Annual rule-of-law report", filters: ["--year"],
        columns: [
            member("year", "年度", "Year of the report", holds: "a whole number"),
            member("bureau", "报告单位", "The body the report is made for (agency bureau, or --bureau)", holds: "text or null"),
            member("period", "报告期间", "The period the figures cover", holds: "an object: from, to (YYYY-MM-DD)"),
            member("generated_at", "生成时间", "When the report was made (Beijing time)", holds: "an ISO 8601 instant"),
            member("as_of", "数据截至", "--as-of: only events recorded up to this instant", holds: "an ISO 8601 instant or null"),
            member("warning", "提示", "Said when the year holds no events", holds: "text or null"),
            member("metrics", "统计指标", "The figures the section tables print",
                   holds: "an array of objects: section, metric, label_zh, label_en, value"),
            member("breakdowns", "分类统计", "Cases by source, sector and the other breakdowns, each summing to its total",
                   holds: "an array of objects: breakdown, label_zh, label_en, total, rows (code, label_zh, label_en, cases)"),
            member("timeliness", "办案时效", "Rates with their numerator and denominator, late and overdue counted",
                   holds: "an array of objects: kind, on_time, late, overdue, not_yet_due, numerator, denominator, rate_pct"),
            member("joint_operations", "联合执法", "Joint-operation figures by source, and counted once",
                   holds: "an array of objects: metric, label_zh, label_en, by_source (source, source_zh, value), counted_once"),
            member("notes", "说明", "Definitions of the rates and notes on the figures", holds: "an array of objects: zh, en"),
            member("seal", "日志封印", "The log seal line printed under the report: the hash that pins the log these figures come from",
                   holds: "text"),
        ],
        writes: ["annual-YEAR.md", "annual-YEAR.html", "annual-YEAR.docx"])

    static func member(_ name: String, _ zh: String, _ en: String, holds: String) -> ReportColumn {
        ReportColumn(name: name, zh: zh, en: en, holds: holds)
    }
}

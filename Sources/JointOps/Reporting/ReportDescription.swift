/// What `jointops report --describe NAME` says of a report: what it is, the filters it takes, the date column
/// `--from/--to` read, and its columns with what each holds.
public struct ReportDescription: Sendable {
    public let name: String
    public let zh: String
    public let en: String
    /// The options that apply (`--year`, `--from/--to`, `--agency`, `--campaign`), as `ReportQuery.table` takes them.
    public let filters: [String]
    public let dateColumn: String?
    public let columns: [ReportColumn]

    /// The annual report: files, not a view.
    public static let annualLine = "annual — 法治政府建设年度报告 Annual rule-of-law report (--year; writes Markdown and HTML)"

    public init?(_ name: String) {
        guard let view = ReportingViews.view(named: name) else { return nil }
        self.name = name
        zh = view.zh
        en = view.en
        let names = Set(view.columns.map(\.name))
        dateColumn = ReportQuery.dateColumns[name]
        var filters: [String] = []
        if names.contains("year") { filters.append("--year") }
        if dateColumn != nil { filters.append("--from/--to") }
        if !names.isDisjoint(with: ["agency", "agencies", "from_agency"]) { filters.append("--agency") }
        if names.contains("campaign_code") { filters.append("--campaign") }
        self.filters = filters
        columns = ReportColumn.of(view)
    }

    /// "operations_board — 联合执法行动看板 Joint operations board": the English up to its first colon, so that
    /// `report --help` gives each report a line (`--describe` says the rest).
    public var line: String {
        "\(name) — \(zh) \(en.components(separatedBy: ": ").first ?? en)"
    }

    /// Every report's line, `annual` last: what `report --help` lists.
    public static var lines: [String] {
        ReportingViews.names.compactMap { ReportDescription($0)?.line } + [annualLine]
    }

    /// One row per column: its name, Chinese and English description, and what it holds when it is a code.
    public var table: Table {
        Table(["column", "zh", "en", "holds"], rows: columns.map { column in
            [column.name, column.zh, column.en, holds(column)]
        })
    }

    /// The whole description as one JSON document.
    public var json: JSONValue {
        .object([
            ("name", .string(name)), ("zh", .string(zh)), ("en", .string(en)),
            ("filters", .array(filters.map(JSONValue.string))), ("date_column", .optional(dateColumn)),
            ("schema", .string("schemas/\(ReportSchema.fileName(name))")),
            ("columns", .array(columns.map { column in
                .object([("name", .string(column.name)), ("zh", .string(column.zh)), ("en", .string(column.en)),
                         ("holds", .string(holds(column)))])
            })),
        ])
    }

    /// The lines above the columns' table.
    public var heading: [String] {
        ["\(name) — \(zh) \(en)",
         "filters: " + (filters.isEmpty ? "none" : filters.joined(separator: ", "))
            + (dateColumn.map { " (--from/--to on \($0))" } ?? ""),
         "JSON: one object per row, typed (numbers, booleans, null, arrays), schema schemas/\(ReportSchema.fileName(name))"]
    }

    func holds(_ column: ReportColumn) -> String {
        if let code = column.labels { return "label of \(code)" }
        guard let codes = column.codes else { return "" }
        let label = columns.first { $0.labels == column.name }?.name ?? ""
        guard let list = codes.codes else { return "a code; label in \(label)" }
        return "a code (\(list.joined(separator: ", "))); label in \(label)"
    }
}

/// What `jointops report --describe NAME` says of a report: what it is, the filters it takes, the date column
/// `--from/--to` read, its key (order and `--after`), and its columns with what each holds and whether a table
/// shows it by default (``ReportColumnSets``). `annual` is described the same way: its members are those of its
/// JSON document, and it says which files it writes.
public struct ReportDescription: Sendable {
    public let name: String
    public let zh: String
    public let en: String
    /// The options that apply (`--year`, `--from/--to`, `--agency`, `--campaign`), as `ReportQuery.table` takes them.
    public let filters: [String]
    public let dateColumn: String?
    /// The columns rows are ordered and paged by (``ReportKey``); empty for `annual`.
    public let key: [String]
    public let columns: [ReportColumn]
    /// The names of the columns a table shows without `--columns` or `--wide`, labels included.
    public let defaults: Set<String>
    /// The files the report writes (`annual`); empty for a view, which prints.
    public let writes: [String]

    /// The annual report: files, not a view.
    public static let annualLine = "annual — 法治政府建设年度报告 Annual rule-of-law report "
        + "(--year; writes Markdown, HTML and Word, or prints one JSON document)"

    public init?(_ name: String) {
        if name == "annual" {
            self = Self.annual
            return
        }
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
        key = ReportKey.of(name)?.columns ?? []
        columns = ReportColumn.of(view)
        defaults = Set(ReportColumnChoice.expanded(ReportColumnSets.defaults(of: name) ?? [], among: columns))
        writes = []
    }

    init(name: String, zh: String, en: String, filters: [String], columns: [ReportColumn], writes: [String]) {
        self.name = name
        self.zh = zh
        self.en = en
        self.filters = filters
        dateColumn = nil
        key = []
        self.columns = columns
        defaults = Set(columns.map(\.name))
        self.writes = writes
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

    /// One row per column: its name, whether a table shows it by default (是/否 to people), its Chinese and English
    /// description, and what it holds when it is a code.
    public var table: Table {
        Table(["column", "default", "zh", "en", "holds"], rows: columns.map { column in
            [column.name, String(defaults.contains(column.name)), column.zh, column.en, holds(column)]
        }, kinds: [.text, .boolean, .text, .text, .text])
    }

    /// The whole description as one JSON document (schemas/describe-report.schema.json).
    public var json: JSONValue {
        .object([
            ("name", .string(name)), ("zh", .string(zh)), ("en", .string(en)),
            ("filters", .array(filters.map(JSONValue.string))), ("date_column", .optional(dateColumn)),
            ("key", .array(key.map(JSONValue.string))), ("writes", .array(writes.map(JSONValue.string))),
            ("schema", .string("schemas/\(ReportSchema.fileName(name))")),
            ("columns", .array(columns.map { column in
                .object([("name", .string(column.name)), ("default", .boolean(defaults.contains(column.name))),
                         ("zh", .string(column.zh)), ("en", .string(column.en)), ("holds", .string(holds(column)))])
            })),
        ])
    }

    /// The lines above the columns' table.
    public var heading: [String] {
        var lines = ["\(name) — \(zh) \(en)",
                     "filters: " + (filters.isEmpty ? "none" : filters.joined(separator: ", "))
                        + (dateColumn.map { " (--from/--to on \($0))" } ?? "")]
        if !key.isEmpty { lines.append("order and --after: \(key.joined(separator: ","))") }
        if !writes.isEmpty {
            lines.append("writes: \(writes.joined(separator: ", ")); --format json prints one document instead, "
                         + "schema schemas/\(ReportSchema.fileName(name)), with these members:")
            return lines
        }
        let count = shownByDefault
        lines.append("a table shows \(count.seen) of its \(count.all) columns (default 是), --wide all of them, --columns a,b,c "
                     + "those named; CSV and JSON carry every column unless --columns picks some")
        lines.append("JSON: one object per row, typed (numbers, booleans, null, arrays), schema schemas/\(ReportSchema.fileName(name))")
        return lines
    }

    /// How many columns a table shows by default, and how many the report has, as people count them: a code and
    /// its label are one column (the table shows the label under the code's name).
    public var shownByDefault: (seen: Int, all: Int) {
        (Set(columns.filter { defaults.contains($0.name) }.map { $0.labels ?? $0.name }).count,
         Set(columns.map { $0.labels ?? $0.name }).count)
    }

    func holds(_ column: ReportColumn) -> String {
        if let code = column.labels { return "label of \(code)" }
        guard let codes = column.codes else { return column.holds ?? "" }
        let label = columns.first { $0.labels == column.name }?.name ?? ""
        guard let list = codes.codes else { return "a code; label in \(label)" }
        return "a code (\(list.joined(separator: ", "))); label in \(label)"
    }
}

/// Which columns `jointops report NAME` prints: those `--columns` names (a code column with its label), every
/// column (`--wide`, and CSV and JSON, the stable document programs read), or the report's default set
/// (``ReportColumnSets``) in a table people read.
public enum ReportColumnChoice: Sendable, Equatable {
    case picked([String])
    case all
    case defaults

    /// `--columns` when given; else every column for `--wide` or a format programs read; else the default set.
    public init(columns: [String]?, wide: Bool, format: OutputFormat) {
        if let columns { self = .picked(columns) } else if wide || format != .table { self = .all } else { self = .defaults }
    }

    /// The columns report `name` prints, `--columns` can pick and `--describe` lists, in order (no database needed).
    public static func columns(of name: String) -> [String]? {
        ReportingViews.view(named: name).map { ReportColumn.of($0).map(\.name) }
    }

    /// Checks the names `--columns` gives against report `name`'s columns, before anything is read.
    ///
    /// - Throws: `TableError.unknownColumns` naming those the report does not have, and listing its columns.
    public static func check(_ names: [String], report name: String) throws {
        let known = columns(of: name) ?? []
        let unknown = canonical(names, report: name).filter { !known.contains($0) }
        guard unknown.isEmpty else { throw TableError.unknownColumns(unknown, known: known) }
    }

    /// `names` with each Chinese header people read (`受理日期`) as its column's name (`accepted_on`).
    static func canonical(_ names: [String], report name: String) -> [String] {
        let labels = headerLabels(of: name)
        return names.map { given in
            if labels[given] != nil { return given }
            // A code and its label share a header: the code's name picks both.
            let named = labels.filter { $0.value == given }.map(\.key).sorted()
            return named.first { !$0.hasSuffix("_zh") } ?? named.first ?? given
        }
    }

    /// The Chinese header of each column of report `name`, by name: a code column and its label column share the
    /// code's (the table shows the label under the code's name).
    public static func headerLabels(of name: String) -> [String: String] {
        let columns = ReportingViews.view(named: name).map { ReportColumn.of($0) } ?? []
        var labels: [String: String] = [:]
        for column in columns {
            if let code = column.labels {
                let zh = column.zh.hasSuffix("（中文）") ? String(column.zh.dropLast("（中文）".count)) : column.zh
                labels[code] = zh
                labels[column.name] = zh
            } else if labels[column.name] == nil {
                labels[column.name] = column.zh
            }
        }
        return labels
    }

    /// `names`, each code column followed by its label column (`sector`, `sector_zh`; `metric`, `label_zh`).
    static func expanded(_ names: [String], among columns: [ReportColumn]) -> [String] {
        names.flatMap { name in [name] + columns.filter { $0.labels == name }.map(\.name) }
    }

    /// `table` (every column of report `name`, as ``ReportQuery`` reads it) with the chosen columns.
    ///
    /// - Throws: `TableError.unknownColumns` when `--columns` names a column the report does not have.
    public func apply(to table: Table, report name: String) throws -> Table {
        let columns = ReportingViews.view(named: name).map { ReportColumn.of($0) } ?? []
        switch self {
        case .picked(let names):
            try Self.check(names, report: name)
            return table.picking(Self.expanded(Self.canonical(names, report: name), among: columns))
        case .all: return table
        case .defaults: return table.picking(Self.expanded(ReportColumnSets.defaults(of: name) ?? table.headers, among: columns))
        }
    }

    /// "showing 9 of 33 columns; …": said under a table of the default set that leaves columns out, counting the
    /// columns people read (a code and its label are one), as `--describe` counts them.
    public func note(report name: String) -> String? {
        guard self == .defaults, let count = ReportDescription(name)?.shownByDefault, count.seen < count.all else { return nil }
        return "showing \(count.seen) of \(count.all) columns; --wide shows them all, --columns a,b,c picks "
            + "(`jointops report --describe \(name)` lists them)"
    }
}

import Foundation
import Enforcement

/// Column headers and rows of strings, rendered as a table, JSON or CSV.
///
/// ```swift
/// var table = Table(["id", "status", "status_zh"], rows: [["OP-2023-0001", "inProgress", "集中整治中"]])
/// table.kinds = [.text, .code, .text]
/// print(table.rendered(as: .table), terminator: "")   // id, status: 集中整治中
/// ```
/// Every row must have as many cells as there are headers (a programmer mistake otherwise). `kinds` says
/// how JSON writes each column and which columns hold codes people never read (``ColumnKind``).
public struct Table: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]
    /// One per column; `.text` unless set.
    public var kinds: [ColumnKind]
    /// Rows of a ``keyValue(_:headers:)`` table whose value is a code: CSV and JSON carry them, a table for
    /// people shows the row named like it with `_zh` under its name instead.
    public var codeRows: Set<Int> = []
    /// The headers people read, by column name (`accepted_on` → 受理日期); a table without one shows the name.
    public var headerLabels: [String: String] = [:]
    /// The columns a row is found by (a report's ``ReportKey``, a list's id): a table cut to the terminal keeps
    /// them whole while other columns can give way. Empty: the first column.
    public var keyColumns: Set<String> = []

    public init(_ headers: [String], rows: [[String]] = [], kinds: [ColumnKind]? = nil) {
        precondition(rows.allSatisfy { $0.count == headers.count }, "every row needs one cell per header")
        precondition(kinds == nil || kinds!.count == headers.count, "one kind per column")
        self.headers = headers
        self.rows = rows
        self.kinds = kinds ?? headers.map { _ in .text }
    }

    /// The whole output, ending in a newline (CSV: CRLF). `width` is the terminal's; nil never cuts a value.
    public func rendered(as format: OutputFormat, width: Int? = 80, excelBOM: Bool = false) -> String {
        switch format {
        case .table:
            var shown = forPeople
            shown.headers = shown.headers.map { headerLabels[$0] ?? $0 }
            shown.keyColumns = Set(shown.keyColumns.map { headerLabels[$0] ?? $0 })
            return TableLayout.render(shown.escaped, width: width ?? .max)
        case .json: return jsonValue.rendered()
        case .csv: return CSVLayout.render(arraysAsLists.escaped, excelBOM: excelBOM)
        }
    }

    /// The rows as JSON objects, typed by column: a table inside a larger document.
    public var jsonValue: JSONValue { JSONLayout.value(of: self) }

    /// Every cell and header with control characters made visible (`ControlCharacters.escaped`).
    var escaped: Table {
        var table = self
        table.headers = headers.map(ControlCharacters.escaped)
        table.rows = rows.map { $0.map(ControlCharacters.escaped) }
        return table
    }

    /// The table people read: code columns and rows left out, their `_zh` labels shown under the codes' names,
    /// arrays as lists.
    public var forPeople: Table {
        var table = self
        let hiddenColumns = kinds.indices.filter { kinds[$0].isCode }
        if !hiddenColumns.isEmpty {
            let hidden = Set(hiddenColumns.map { headers[$0] })
            let kept = headers.indices.filter { !kinds[$0].isCode }
            table.headers = kept.map { Self.shownName(headers[$0], hidden: hidden) }
            table.kinds = kept.map { kinds[$0] }
            table.rows = rows.map { row in kept.map { row[$0] } }
        }
        if !codeRows.isEmpty, headers.count == 2 {
            let hidden = Set(codeRows.map { rows[$0][0] })
            table.rows = rows.indices.filter { !codeRows.contains($0) }
                .map { [Self.shownName(rows[$0][0], hidden: hidden), rows[$0][1]] }
        }
        table.codeRows = []
        // Programs read `true`/`false` (PostgreSQL's `t`/`f`); people read 是/否.
        for column in table.kinds.indices where table.kinds[column] == .boolean {
            for row in table.rows.indices { table.rows[row][column] = Self.yesOrNo(table.rows[row][column]) }
        }
        return table.arraysAsLists
    }

    /// `{WSJJ,JTJ}` is PostgreSQL's spelling: people and spreadsheets read `WSJJ, JTJ` (JSON keeps arrays).
    var arraysAsLists: Table {
        var table = self
        for column in table.kinds.indices where table.kinds[column] == .postgresArray {
            table.kinds[column] = .list(separator: ", ")
            for row in table.rows.indices {
                table.rows[row][column] = PostgresArrayText.elements(table.rows[row][column]).map { $0 ?? "" }
                    .joined(separator: ", ")
            }
        }
        return table
    }

    /// What people read for a boolean cell: 是 or 否 (an empty cell, NULL, stays empty).
    public static func yesOrNo(_ cell: String) -> String {
        switch cell {
        case "true", "t": "是"
        case "false", "f": "否"
        default: cell
        }
    }

    /// `sector_zh` is shown as `sector` when the code column `sector` is left out.
    static func shownName(_ name: String, hidden: Set<String>) -> String {
        guard name.hasSuffix("_zh") else { return name }
        let code = String(name.dropLast(3))
        return hidden.contains(code) ? code : name
    }

    /// Only `columns`, in that order; a label column comes with its code (`--columns sector` keeps `sector_zh`).
    ///
    /// - Throws: `TableError.unknownColumns` naming those that are not headers of this table.
    public func selecting(_ columns: [String]) throws -> Table {
        let unknown = columns.filter { !headers.contains($0) }
        guard unknown.isEmpty else { throw TableError.unknownColumns(unknown, known: headers) }
        return picking(columns.flatMap { [$0, $0 + "_zh"] })
    }

    /// Exactly the named columns this table has, in that order, each once (the caller chose the labels).
    public func picking(_ columns: [String]) -> Table {
        var picked: [Int] = []
        for name in columns {
            if let index = headers.firstIndex(of: name), !picked.contains(index) { picked.append(index) }
        }
        var table = Table(picked.map { headers[$0] }, rows: rows.map { row in picked.map { row[$0] } },
                          kinds: picked.map { kinds[$0] })
        table.codeRows = picked == [0, 1] ? codeRows : []
        table.keyColumns = keyColumns
        return table
    }
}

/// Why a table cannot be shown as asked.
public enum TableError: Error, Equatable, CustomStringConvertible {
    case unknownColumns([String], known: [String])

    public var description: String {
        switch self {
        case let .unknownColumns(unknown, known):
            return "--columns: no column named \(unknown.joined(separator: ", ")); choose from: \(known.joined(separator: ","))"
        }
    }
}

/// Aligned text columns that fit `width` terminal columns; wide columns are cut with "…".
enum TableLayout {
    static let separator = "  "

    static func render(_ table: Table, width: Int) -> String {
        let widths = columnWidths(table, limit: width)
        // A column of figures aligns right; an empty cell (no figure) does not make it text.
        let numeric = table.headers.indices.map { column in
            let cells = table.rows.map { $0[column] }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(isNumber)
        }
        func line(_ cells: [String], rule: Bool = false) -> String {
            cells.indices.map { column in
                let text = DisplayWidth.truncate(cells[column].replacingOccurrences(of: "\n", with: " "), to: widths[column])
                let last = column == cells.count - 1
                if last && !numeric[column] { return text }
                return DisplayWidth.pad(text, to: widths[column], alignRight: numeric[column] && !rule)
            }.joined(separator: separator)
        }
        var lines = [line(table.headers, rule: true)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: separator))
        lines += table.rows.map { line($0) }
        if table.rows.isEmpty { lines.append("(none)") }
        return lines.map { trimTrailingSpaces($0) }.joined(separator: "\n") + "\n"
    }

    /// Natural widths, then the widest columns shrink one column at a time until the table fits. Key columns
    /// (``Table/keyColumns``, else the first) are cut only when nothing else can shrink: a cut id finds nothing.
    static func columnWidths(_ table: Table, limit: Int) -> [Int] {
        let values = table.headers.indices.map { column in
            table.rows.map { DisplayWidth.of($0[column].replacingOccurrences(of: "\n", with: " ")) }.max() ?? 0
        }
        var widths = table.headers.indices.map { max(DisplayWidth.of(table.headers[$0]), values[$0]) }
        let minimum = table.headers.map { max(4, min(DisplayWidth.of($0), 8)) }
        let keys = table.keyColumns.isEmpty ? Set(widths.indices.prefix(1))
            : Set(widths.indices.filter { table.keyColumns.contains(table.headers[$0]) })
        func total() -> Int { widths.reduce(0, +) + separator.count * max(0, widths.count - 1) }
        // The last column holds free text (a title, a name, an event) by convention: it gives way first, down
        // to 12 columns, so ids and statuses on the left stay whole. Then the widest column shrinks.
        if let last = widths.indices.last, !keys.contains(last), total() > limit {
            widths[last] = max(min(widths[last], 12), widths[last] - (total() - limit))
        }
        // Other columns down to their header's first letters, then to one character and "…"; then the keys' headers,
        // and last the keys' values.
        let others = widths.indices.filter { !keys.contains($0) }
        let stages: [(columns: [Int], floor: (Int) -> Int)] = [
            (others, { minimum[$0] }), (others, { _ in 3 }), (Array(keys), { max(minimum[$0], values[$0]) }),
            (Array(keys), { minimum[$0] }),
        ]
        for stage in stages {
            while total() > limit {
                guard let widest = stage.columns.filter({ widths[$0] > stage.floor($0) }).max(by: { widths[$0] < widths[$1] })
                else { break }
                widths[widest] -= 1
            }
        }
        return widths   // when still too wide, the terminal wraps
    }

    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && Double(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")) != nil
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}

/// RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled.
///
/// A text cell starting with `=`, `+`, `-`, `@`, TAB or CR would be run as a formula by Excel (CSV
/// injection): it gets a leading `'`. A number (`-5`, `1,200`, `12.5%`) is never prefixed, so numeric
/// columns stay numbers.
enum CSVLayout {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// UTF-8 byte order mark: Excel on Chinese Windows reads the file as GBK without it.
    static let bom = "\u{FEFF}"

    static func render(_ table: Table, excelBOM: Bool) -> String {
        let lines = ([table.headers] + table.rows).map { $0.map(field).joined(separator: ",") }
        return (excelBOM ? bom : "") + lines.map { $0 + "\r\n" }.joined()
    }

    static func field(_ cell: String) -> String {
        let text = cell.first.map(formulaStarts.contains) == true && !TableLayout.isNumber(cell) ? "'" + cell : cell
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension Table {
    /// A two-column table of labels and values, for `show` commands.
    public static func keyValue(_ pairs: [(String, String)], headers: (String, String) = ("field", "value")) -> Table {
        Table([headers.0, headers.1], rows: pairs.map { [$0.0, $0.1] })
    }

    /// A key-value table whose coded values (`.coded`) carry their code under the key, for programs, and their
    /// label under `key_zh`, which people read under the key.
    public static func keyValue(_ entries: [KeyValueEntry], headers: (String, String) = ("field", "value")) -> Table {
        var pairs: [(String, String)] = []
        var codeRows: Set<Int> = []
        for entry in entries {
            switch entry {
            case let .plain(key, value): pairs.append((key, value))
            case let .coded(key, code, label):
                codeRows.insert(pairs.count)
                pairs += [(key, code), (key + "_zh", label)]
            }
        }
        var table = keyValue(pairs, headers: headers)
        table.codeRows = codeRows
        return table
    }
}

/// One row of a `show` table: text people and programs read alike, or a code with its label.
public enum KeyValueEntry: Sendable {
    case plain(String, String)
    case coded(String, code: String, label: String)

    /// A value's code and label (`.coded("status", value)`).
    public static func coded<Value: RawRepresentable & Labelled>(_ key: String, _ value: Value) -> KeyValueEntry
    where Value.RawValue == String {
        .coded(key, code: value.rawValue, label: value.labelZh)
    }

    /// A yes/no: programs read `true`/`false` under the key, people read 是/否 (`Table.yesOrNo`).
    public static func flag(_ key: String, _ value: Bool) -> KeyValueEntry {
        .coded(key, code: String(value), label: Table.yesOrNo(String(value)))
    }
}

import Foundation

/// Column headers and rows of strings, rendered as a table, JSON or CSV.
///
/// ```swift
/// let table = Table(["id", "title", "status"], rows: [["OP-2023-0001", "出租车整治", "inProgress"]])
/// print(table.rendered(as: .table), terminator: "")
/// ```
/// Every row must have as many cells as there are headers (a programmer mistake otherwise).
public struct Table: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]
    /// Cells (row, column) that JSON writes as a bare boolean: their text is `true` or `false`.
    public var jsonBooleans: Set<[Int]> = []

    public init(_ headers: [String], rows: [[String]] = []) {
        precondition(rows.allSatisfy { $0.count == headers.count }, "every row needs one cell per header")
        self.headers = headers
        self.rows = rows
    }

    /// The whole output, ending in a newline (CSV: CRLF).
    public func rendered(as format: OutputFormat, width: Int = 80, excelBOM: Bool = false) -> String {
        switch format {
        case .table: return TableLayout.render(escaped, width: width)
        case .json: return JSONLayout.render(self)
        case .csv: return CSVLayout.render(escaped, excelBOM: excelBOM)
        }
    }

    /// Every cell and header with control characters made visible (`ControlCharacters.escaped`).
    var escaped: Table {
        var table = self
        table.headers = headers.map(ControlCharacters.escaped)
        table.rows = rows.map { $0.map(ControlCharacters.escaped) }
        return table
    }
}

/// Aligned text columns that fit `width` terminal columns; wide columns are cut with "…".
enum TableLayout {
    static let separator = "  "

    static func render(_ table: Table, width: Int) -> String {
        let widths = columnWidths(table, limit: width)
        let numeric = table.headers.indices.map { column in
            !table.rows.isEmpty && table.rows.allSatisfy { isNumber($0[column]) }
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

    /// Natural widths, then the widest columns shrink one column at a time until the table fits.
    static func columnWidths(_ table: Table, limit: Int) -> [Int] {
        var widths = table.headers.indices.map { column in
            ([table.headers[column]] + table.rows.map { $0[column] })
                .map { DisplayWidth.of($0.replacingOccurrences(of: "\n", with: " ")) }.max() ?? 0
        }
        let minimum = table.headers.map { max(4, min(DisplayWidth.of($0), 8)) }
        func total() -> Int { widths.reduce(0, +) + separator.count * max(0, widths.count - 1) }
        // The last column holds free text (a title, a name, an event) by convention: it gives way first, down
        // to 12 columns, so ids and statuses on the left stay whole. Then the widest column shrinks.
        if let last = widths.indices.last, total() > limit {
            widths[last] = max(min(widths[last], 12), widths[last] - (total() - limit))
        }
        // The first column (the id) shrinks only when nothing else can.
        while total() > limit {
            let shrinkable = widths.indices.filter { widths[$0] > minimum[$0] }
            guard let widest = shrinkable.filter({ $0 > 0 }).max(by: { widths[$0] < widths[$1] }) ?? shrinkable.first
            else { break }   // cannot shrink further: let the terminal wrap
            widths[widest] -= 1
        }
        return widths
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

/// A JSON array of objects with the headers as keys, in header order; values are strings.
enum JSONLayout {
    static func render(_ table: Table) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let objects = table.rows.enumerated().map { index, row in
            "  {" + zip(table.headers, row).enumerated().map { column, cell in
                let boolean = table.jsonBooleans.contains([index, column]) && (cell.1 == "true" || cell.1 == "false")
                return "\(quote(cell.0)): \(boolean ? cell.1 : quote(cell.1))"
            }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A JSON string literal; only what RFC 8259 requires is escaped, so 黑车 stays 黑车.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where ControlCharacters.isRefused(s):
                out += String(format: "\\u%04x", s.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
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
}

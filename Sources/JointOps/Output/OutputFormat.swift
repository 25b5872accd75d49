/// How a command prints data: `--format table|json|csv` (DESIGN.md §5).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal, fitted to 80 columns.
    case table
    /// An array of objects keyed by the column headers; Chinese is written as is, not `\u` escaped.
    case json
    /// RFC 4180: comma separated, CRLF line ends, fields quoted when needed.
    case csv

    /// The accepted spellings, for help and error messages: "table, json or csv".
    public static var spellings: String { "table, json or csv" }
}

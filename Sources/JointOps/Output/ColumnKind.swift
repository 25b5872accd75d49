/// What a table column holds, so JSON can write it typed and a table can show people labels, not codes.
///
/// Cells stay text (what a table and CSV print); the kind says how JSON writes them. An empty cell is
/// JSON `null` for every kind but `.list` and `.postgresArray`, which write `[]`.
public enum ColumnKind: Sendable, Equatable {
    /// A JSON string.
    case text
    /// A whole number (`1,200` is read as 1200).
    case integer
    /// A decimal number.
    case number
    /// `true` or `false`.
    case boolean
    /// A list shown joined by `separator` (", "): JSON writes an array of strings.
    case list(separator: String)
    /// PostgreSQL's text form of an array (`{WSJJ,JTJ}`): JSON writes an array of strings.
    case postgresArray
    /// A yes/no shown to people as `mark` or nothing: JSON writes `true` when the cell is `mark`.
    case flag(String)
    /// JSON text (an event's payload), written into JSON as the value it is.
    case json
    /// A code programs read (`blackCar`): CSV and JSON carry it; a table for people leaves it out and
    /// shows its label column, named like it with `_zh` (`sector_zh`), under its name instead.
    case code
    /// A list of codes joined by `separator`: as `.code`, and JSON writes an array.
    case codes(separator: String)

    /// A column people never read in a table.
    var isCode: Bool {
        switch self {
        case .code, .codes: true
        default: false
        }
    }
}

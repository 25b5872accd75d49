import Postgres

/// A report's rows typed for JSON and labelled for people: each column's JSON type comes from its PostgreSQL
/// type in the catalogue, and every code column gets its label column beside it (``ReportColumn/of(_:types:)``).
extension ReportQuery {
    /// The types of view `name`'s columns in `viewSchema` (`reporting`, or `pg_temp` for an `--as-of` build).
    public static func valueTypes(of name: String, viewSchema: String,
                                  on connection: Connection) throws -> [String: ReportValueType] {
        let result = try connection.execute("""
            SELECT a.attname::text, t.typname::text, e.typname::text
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
            WHERE a.attrelid = $1::text::regclass AND a.attnum > 0 AND NOT a.attisdropped
            """, ["\(viewSchema).\(name)"])
        var types: [String: ReportValueType] = [:]
        for row in result.rows {
            types[try row.string(0)] = ReportValueType(postgres: try row.string(1), element: try row.optionalString(2))
        }
        return types
    }

    /// `rows`, one text cell per view column ("" for NULL), as the report prints them.
    static func typed(_ rows: [[String]], view: ReportingView, types: [String: ReportValueType]) -> Table {
        let columns = ReportColumn.of(view, types: types)
        let source = Dictionary(uniqueKeysWithValues: view.columns.enumerated().map { ($1.name, $0) })
        let cells: [(([String]) -> String)] = columns.map { column in
            if let code = column.labels, source[column.name] == nil, let index = source[code],
               let codes = ReportCodes.list(view: view.name, column: code) {
                return { row in
                    column.isArray ? PostgresArrayText.elements(row[index]).compactMap { $0.map(codes.label) }.joined(separator: ", ")
                        : row[index].isEmpty ? "" : codes.label(row[index])
                }
            }
            let index = source[column.name]!
            // A code array, or the view's own label array beside one (`channels_zh`): a list, as `kind` writes it.
            if column.codes != nil || column.labels != nil, column.isArray {
                return { row in PostgresArrayText.elements(row[index]).compactMap { $0 }.joined(separator: ", ") }
            }
            return { row in row[index] }
        }
        return Table(columns.map(\.name), rows: rows.map { row in cells.map { $0(row) } }, kinds: columns.map(kind))
    }

    /// How a table writes a column: codes hidden from people, arrays as arrays, numbers as numbers.
    static func kind(_ column: ReportColumn) -> ColumnKind {
        if column.codes != nil { return column.isArray ? .codes(separator: ", ") : .code }
        if column.labels != nil && column.isArray { return .list(separator: ", ") }
        switch column.type {
        case .integer: return .integer
        case .number: return .number
        case .boolean: return .boolean
        case .json: return .json
        case .array: return .postgresArray
        case .date, .text, nil: return .text
        }
    }
}

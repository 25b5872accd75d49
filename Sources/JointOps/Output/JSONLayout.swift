import Foundation

/// A table as JSON: an array of objects with the headers as keys, in header order, each cell typed by its
/// column's ``ColumnKind``; an empty cell is `null` (or `[]` for a list).
enum JSONLayout {
    static func value(of table: Table) -> JSONValue {
        .array(table.rows.map { row in
            .object(table.headers.indices.map { column in (table.headers[column], cell(row[column], table.kinds[column])) })
        })
    }

    static func cell(_ text: String, _ kind: ColumnKind) -> JSONValue {
        switch kind {
        case .list(let separator), .codes(let separator):
            return .array(text.isEmpty ? [] : text.components(separatedBy: separator).map(JSONValue.string))
        case .json where !text.isEmpty:
            return .raw(text)
        case .flag(let mark):
            return .boolean(text == mark)
        case .postgresArray:
            return .array(PostgresArrayText.elements(text).map(JSONValue.optional))
        default: break
        }
        guard !text.isEmpty else { return .null }
        switch kind {
        case .integer:
            return Int(text.replacingOccurrences(of: ",", with: "")).map(JSONValue.integer) ?? .string(text)
        case .number:
            // PostgreSQL's numeric prints a whole value without a point (`round(…, 1)` of 96 is `96`, of 95.5 `95.5`).
            let plain = text.replacingOccurrences(of: ",", with: "")
            if let whole = Int(plain) { return .integer(whole) }
            return Double(plain).map(JSONValue.number) ?? .string(text)
        case .boolean:
            switch text {
            case "true", "t": return .boolean(true)
            case "false", "f": return .boolean(false)
            default: return .string(text)
            }
        default: return .string(text)
        }
    }
}

/// PostgreSQL's text output of a one-dimensional array: `{a,"b c",NULL}`.
enum PostgresArrayText {
    /// The elements, nil for an unquoted NULL; "" and "{}" are empty.
    static func elements(_ text: String) -> [String?] {
        guard text.hasPrefix("{"), text.hasSuffix("}"), text.count >= 2 else { return text.isEmpty ? [] : [text] }
        let body = text.dropFirst().dropLast()
        guard !body.isEmpty else { return [] }
        var elements: [String?] = []
        var current = ""
        var quoted = false, wasQuoted = false, escaped = false
        for character in body {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\" where quoted: escaped = true
            case "\"": quoted.toggle(); wasQuoted = true
            case "," where !quoted:
                elements.append(!wasQuoted && current == "NULL" ? nil : current)
                current = ""; wasQuoted = false
            default: current.append(character)
            }
        }
        elements.append(!wasQuoted && current == "NULL" ? nil : current)
        return elements
    }
}

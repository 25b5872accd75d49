/// The JSON Schema of `jointops report NAME --format json` (draft 7), made from the report's columns: the
/// committed files `schemas/report-NAME.schema.json` are these, and a test proves they are current.
public enum ReportSchema {
    public static func fileName(_ report: String) -> String { "report-\(report).schema.json" }

    /// An array of objects with `columns`, each typed as its PostgreSQL type says (NULL allowed, as a view's
    /// column may hold it), codes from their closed lists. A row has every column unless `--columns` picked some,
    /// so none is required; a code column always brings its label (`dependencies`).
    public static func document(_ view: ReportingView, columns: [ReportColumn]) -> JSONValue {
        .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string("https://jointops.example/schemas/\(fileName(view.name))")),
            ("title", .string("report \(view.name)")),
            ("description", .string("`jointops report \(view.name) --format json`: \(view.zh) \(view.en). Every column, "
                                    + "or those --columns picks, a code column with its label.")),
            ("type", .string("array")),
            ("items", .object([
                ("type", .string("object")), ("additionalProperties", .boolean(false)), ("minProperties", .integer(1)),
                ("properties", .object(columns.map { ($0.name, property($0)) })),
                ("dependencies", .object(columns.compactMap { label in
                    label.labels.map { code in (code, .array([.string(label.name)])) }
                })),
            ])),
        ])
    }

    static func property(_ column: ReportColumn) -> JSONValue {
        var members: [(String, JSONValue)] = [("description", .string("\(column.zh) \(column.en)"))]
        let codes = column.codes?.codes
        switch column.type {
        case .array(let element)?:
            var items: [(String, JSONValue)] = [("type", .string(column.codes != nil || column.labels != nil ? "string" : name(element)))]
            if let codes { items.append(("enum", .array(codes.map(JSONValue.string)))) }
            members += [("type", .string("array")), ("items", .object(items))]
        case .json?:
            break
        case let type:
            members.append(("type", .array([.string(type.map(name) ?? "string"), .string("null")])))
            if let codes { members.append(("enum", .array(codes.map(JSONValue.string) + [.null]))) }
            if type == .date {
                members += [("format", .string("date")), ("pattern", .string(#"^\d{4}-\d{2}-\d{2}$"#))]
            }
        }
        return .object(members)
    }

    static func name(_ type: ReportValueType) -> String {
        switch type {
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .date, .text, .json, .array: "string"
        }
    }
}

/// What one column of a report's output holds: the view's own column, or the label `jointops report` adds
/// beside a code column (`sector_zh` beside `sector`).
public struct ReportColumn: Sendable {
    public let name: String
    public let zh: String
    public let en: String
    /// The value's type, from PostgreSQL's catalogue (nil when described without a database).
    public var type: ReportValueType?
    /// The codes this column holds (people read them in the label column).
    public var codes: CodeList?
    /// Set on a label column: the code column it labels.
    public var labels: String?
    /// What the column holds when no code list says it (`report --describe annual`: "an object: from, to").
    public var holds: String?

    var isArray: Bool { type?.isArray ?? false }

    /// The columns `jointops report NAME` prints, in order: each view column, a code column followed by its
    /// label column (when the view has none of its own). `types` are the view columns' types by name.
    public static func of(_ view: ReportingView, types: [String: ReportValueType]? = nil) -> [ReportColumn] {
        let names = Set(view.columns.map(\.name))
        // The view's own label columns, by the code column they label.
        var ownLabels: [String: String] = [:]
        for column in view.columns where ReportCodes.list(view: view.name, column: column.name) != nil {
            let label = ReportCodes.labelColumn(view: view.name, column: column.name)
            if names.contains(label) { ownLabels[label] = column.name }
        }
        var columns: [ReportColumn] = []
        for column in view.columns {
            let codes = ReportCodes.list(view: view.name, column: column.name)
            columns.append(ReportColumn(name: column.name, zh: column.zh, en: column.en, type: types?[column.name],
                                        codes: codes, labels: ownLabels[column.name]))
            let label = ReportCodes.labelColumn(view: view.name, column: column.name)
            guard codes != nil, !names.contains(label) else { continue }
            let type: ReportValueType? = types.map { $0[column.name]?.isArray == true ? .array(of: .text) : .text }
            columns.append(ReportColumn(name: label, zh: column.zh + "（中文）", en: "Chinese label of \(column.name)",
                                        type: type, labels: column.name))
        }
        return columns
    }
}

/// A report value's type, as JSON writes it, decided by the column's PostgreSQL type.
public indirect enum ReportValueType: Sendable, Equatable {
    case integer, number, boolean, date, text, json
    /// A one-dimensional array (`text[]`).
    case array(of: ReportValueType)

    public var isArray: Bool {
        if case .array = self { true } else { false }
    }

    /// The type of a PostgreSQL type name (`pg_type.typname`), with `element` the element type's name for an array.
    public init(postgres name: String, element: String?) {
        if let element, !element.isEmpty {
            self = .array(of: ReportValueType(postgres: element, element: nil))
            return
        }
        switch name {
        case "int2", "int4", "int8": self = .integer
        case "numeric", "float4", "float8": self = .number
        case "bool": self = .boolean
        case "date": self = .date
        case "json", "jsonb": self = .json
        default: self = .text
        }
    }
}

import Enforcement
import Foundation
import Postgres

/// Filters of `jointops report NAME`; each applies to the view's own column for it.
public struct ReportFilter: Sendable, Equatable {
    public var year: Int?
    public var from: LocalDate?
    public var to: LocalDate?
    public var agency: String?
    public var campaign: String?
    /// At most this many rows (`--limit`), in the report's key order (`ReportKey`).
    public var limit: Int?
    /// Only rows whose key sorts after this one (`--after`), in the key's text form.
    public var after: String?

    public init(year: Int? = nil, from: LocalDate? = nil, to: LocalDate? = nil, agency: String? = nil, campaign: String? = nil,
                limit: Int? = nil, after: String? = nil) {
        self.year = year
        self.from = from
        self.to = to
        self.agency = agency
        self.campaign = campaign
        self.limit = limit
        self.after = after
    }
}

/// Why a report cannot be produced as asked.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case unknownReport(String, known: [String])
    case filterNotApplicable(report: String, option: String)
    /// `--agency` names no registered agency (an empty table would read as "nothing happened").
    case unknownAgency(String, known: [String])
    /// `--after` does not have the shape of the report's key.
    case badAfter(report: String, after: String, key: String)
    /// A code column's value in `--after` is none of its codes, labels or short names.
    case badAfterCode(report: String, column: String, value: String, choices: [String])
    /// `--limit` below 1.
    case badLimit(Int)
    /// `--from` is later than `--to`: no day can be in the range.
    case emptyRange(from: LocalDate, to: LocalDate)

    public var description: String {
        switch self {
        case let .unknownReport(name, known):
            return "there is no report named \(name); choose one of: \(known.joined(separator: ", "))"
        case let .filterNotApplicable(report, option):
            return "report \(report) cannot be filtered by \(option); leave it out or choose another report"
        case let .unknownAgency(code, known):
            return "no agency has the code \(code); choose one of: \(known.joined(separator: ", ")) "
                + "(agency list shows their names)"
        case let .badAfter(report, after, key):
            return "--after `\(after)` is not a key of report \(report): give its \(key) as the last row shows them, "
                + "joined by commas, a comma inside a value written \\, (the next-page note prints the whole command)"
        case let .badAfterCode(report, column, value, choices):
            return "--after: `\(value)` is not a \(column) of report \(report); give its code or label, one of: "
                + choices.joined(separator: ", ")
        case let .badLimit(limit):
            return "--limit \(limit) must be 1 or more, e.g. --limit 100"
        case let .emptyRange(from, to):
            return "--from \(from) is later than --to \(to), so no day is in between: swap them"
        }
    }
}

/// Reads one `reporting` view with filters, as a `Table`.
public enum ReportQuery {
    /// The date column `--from/--to` applies to, per view (views without one take only `--year`).
    public static let dateColumns: [String: String] = [
        "operations_board": "window_from", "operation_outcomes": "month", "case_register": "accepted_on",
        "legal_reviews": "requested_on", "legal_review_queue": "requested_on", "case_deadlines": "legally_due",
        "deadlines_due": "due",
        "publicity_register": "published_on", "rectification_tracker": "raised_on", "referrals": "sent_on",
        "outreach_activities": "activity_date", "campaigns": "valid_from",
        "case_file_audits": "audit_date", "counsel_reviews": "review_date", "petitions": "received_on",
        "rule_of_law_activities": "activity_date",
    ]

    /// Every report name: the views of schema `reporting`, plus `annual`.
    public static var names: [String] { ReportingViews.names + ["annual"] }

    /// The rows of `name` matching `filter`, in the order of the report's key (`ReportKey`): at most
    /// `filter.limit`, those after `filter.after`.
    ///
    /// - Parameter viewSchema: `reporting`, or `pg_temp` for an `--as-of` build.
    public static func table(_ name: String, filter: ReportFilter, on connection: Connection,
                             viewSchema: String = "reporting") throws -> Table {
        guard let view = ReportingViews.view(named: name) else {
            throw ReportError.unknownReport(name, known: names)
        }
        let columns = Set(view.columns.map(\.name))
        var conditions: [String] = []
        var parameters: [(any PostgresBindable)?] = []
        func bind(_ value: any PostgresBindable) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }
        if let year = filter.year {
            guard columns.contains("year") else { throw ReportError.filterNotApplicable(report: name, option: "--year") }
            conditions.append("year = \(bind(year))::int")
        }
        if let from = filter.from, let to = filter.to, from > to { throw ReportError.emptyRange(from: from, to: to) }
        if filter.from != nil || filter.to != nil {
            guard let column = dateColumns[name] else { throw ReportError.filterNotApplicable(report: name, option: "--from/--to") }
            if let from = filter.from { conditions.append("\(column) >= \(bind(from.description))::date") }
            if let to = filter.to { conditions.append("\(column) <= \(bind(to.description))::date") }
        }
        if let agency = filter.agency {
            let known: [String] = try connection.execute("SELECT agency FROM \(viewSchema).agencies ORDER BY 1").rows
                .map { try $0.get(0) }
            guard known.contains(agency) else { throw ReportError.unknownAgency(agency, known: known) }
            if columns.contains("agency") {
                conditions.append("agency = \(bind(agency))")
            } else if columns.contains("agencies") {
                conditions.append("\(bind(agency)) = ANY(agencies)")
            } else if columns.contains("from_agency") {
                let p = bind(agency)
                conditions.append("(from_agency = \(p) OR to_agency = \(p))")
            } else {
                throw ReportError.filterNotApplicable(report: name, option: "--agency")
            }
        }
        if let campaign = filter.campaign {
            guard columns.contains("campaign_code") else { throw ReportError.filterNotApplicable(report: name, option: "--campaign") }
            conditions.append("campaign_code = \(bind(campaign))")
        }
        guard let key = ReportKey.of(name) else { throw ReportError.unknownReport(name, known: Self.names) }
        if let after = filter.after {
            let values = try key.values(of: after, report: name)
            // Rows the date filter keeps all have a date, so a key that starts with it compares as one row.
            let filled: Set<String> = filter.from != nil || filter.to != nil ? Set(dateColumns[name].map { [$0] } ?? []) : []
            conditions.append(key.after(values, alias: "v", filled: filled, bind: { bind($0) }))
        }
        if let limit = filter.limit, limit < 1 { throw ReportError.badLimit(limit) }
        let limit = filter.limit.map { " LIMIT \(bind($0))::bigint" } ?? ""
        let names = view.columns.map(\.name)
        let select = names.map { "v.\($0)::text" }.joined(separator: ", ")
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let result = try connection.execute(
            "SELECT \(select) FROM \(viewSchema).\(view.name) v\(whereClause) ORDER BY \(key.orderBy("v"))\(limit)", parameters)
        var rows: [[String]] = []
        rows.reserveCapacity(result.rowCount)
        for row in result.rows {
            rows.append(try (0..<names.count).map { try row.optionalString($0) ?? "" })
        }
        var table = typed(rows, view: view, types: try valueTypes(of: view.name, viewSchema: viewSchema, on: connection))
        table.keyColumns = Set(key.columns)
        return table
    }
}

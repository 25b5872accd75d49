import Enforcement
import Foundation
import Postgres

/// The columns a report is ordered and paged by (`--limit`, `--after`): unique per row, so a page that
/// starts after a row's key misses no row and repeats none, however the rows before it change.
///
/// Its text form is the key's values joined by commas (`CASE-2023-0001`, `2023-06-30,CASE-2023-0042,3`); an
/// empty value stands for an empty (NULL) cell. Free text may hold a comma (`宪法宣传月,乡村专场`), so a comma or
/// backslash inside a value is written after a backslash (`宪法宣传月\,乡村专场`). A code column's value may be
/// given as its code, its label or a short name (as the table prints it); it is read as the code.
public struct ReportKey: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text, date, integer

        var sqlType: String {
            switch self {
            case .text: "text"
            case .date: "date"
            case .integer: "int"
            }
        }
    }

    public struct Part: Sendable, Equatable {
        public let column: String
        public let kind: Kind
        /// The column may be empty (NULL); ascending order puts empty cells last.
        public let nullable: Bool
    }

    public let parts: [Part]

    public var columns: [String] { parts.map(\.column) }

    /// `case_id` or `due,case_id,clock_no`: how `--after` is written.
    public var form: String { columns.joined(separator: ",") }

    /// `column` (text, never empty), `column:date`, `column:int`; a trailing `?` marks one that may be empty.
    init(_ spec: String...) {
        parts = spec.map { item in
            let nullable = item.hasSuffix("?")
            let body = nullable ? String(item.dropLast()) : item
            let pieces = body.split(separator: ":").map(String.init)
            let kind: Kind = switch pieces.dropFirst().first { case "date": .date; case "int": .integer; default: .text }
            return Part(column: pieces[0], kind: kind, nullable: nullable)
        }
    }

    /// The key of one row of a table with `headers`, in its text form.
    public func text(of row: [String], headers: [String]) -> String {
        columns.map { column in headers.firstIndex(of: column).map { Self.escaped(row[$0]) } ?? "" }.joined(separator: ",")
    }

    /// `a,b\c` → `a\,b\\c`: a value's comma and backslash written after a backslash.
    static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
    }

    /// The values of a key's text form: split at commas not written after a backslash, each unescaped.
    static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "," {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaping { current.append("\\") }
        return pieces + [current]
    }

    /// The values of `--after`, checked against the parts (nil for an empty cell).
    ///
    /// A code column's value is read as its code (``CodeList/code(named:)``).
    ///
    /// - Throws: `ReportError.badAfter` when the count or a value does not fit, `ReportError.badAfterCode` when a
    ///   code column's value names none of its codes.
    public func values(of text: String, report: String) throws -> [String?] {
        let pieces = Self.pieces(of: text).map { $0.trimmingCharacters(in: .whitespaces) }
        let refuse = { ReportError.badAfter(report: report, after: text, key: self.form) }
        guard pieces.count == parts.count else { throw refuse() }
        return try zip(parts, pieces).map { part, piece in
            if piece.isEmpty {
                guard part.nullable else { throw refuse() }
                return nil
            }
            switch part.kind {
            case .text:
                if let list = ReportCodes.list(view: report, column: part.column), let codes = list.codes {
                    guard let code = list.code(named: piece) else {
                        throw ReportError.badAfterCode(report: report, column: part.column, value: piece,
                                                       choices: codes.map { "\($0) (\(list.label($0)))" })
                    }
                    return code
                }
            case .date: guard LocalDate(iso: piece) != nil else { throw refuse() }
            case .integer: guard Int(piece) != nil else { throw refuse() }
            }
            return piece
        }
    }

    /// `ORDER BY` over the view aliased `alias`: ascending, empty cells last.
    func orderBy(_ alias: String) -> String {
        columns.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// The condition "sorts after `values`" over the view aliased `alias`, binding the values with `bind`.
    ///
    /// Without empty cells it is one row comparison, which a B-tree index on the key serves; otherwise the
    /// comparison is spelt out per column, with an empty cell sorting after every value (NULLS LAST).
    /// Columns in `filled` are known to hold a value in every row read (a `--from/--to` filter on them).
    public func after(_ values: [String?], alias: String, filled: Set<String> = [], bind: (String) -> String) -> String {
        let parts = self.parts.map { Part(column: $0.column, kind: $0.kind, nullable: $0.nullable && !filled.contains($0.column)) }
        func cast(_ index: Int) -> String { "\(bind(values[index]!))::\(parts[index].kind.sqlType)" }
        if !parts.contains(where: \.nullable) {
            let left = columns.map { "\(alias).\($0)" }.joined(separator: ", ")
            let right = parts.indices.map(cast).joined(separator: ", ")
            return parts.count == 1 ? "\(left) > \(right)" : "(\(left)) > (\(right))"
        }
        var alternatives: [String] = []
        var equalSoFar: [String] = []
        for (index, part) in parts.enumerated() {
            let column = "\(alias).\(part.column)"
            if values[index] == nil {
                // Nothing sorts after an empty cell in this column: only equal ones go on.
                equalSoFar.append("\(column) IS NULL")
                continue
            }
            let value = cast(index)
            let greater = part.nullable ? "(\(column) > \(value) OR \(column) IS NULL)" : "\(column) > \(value)"
            alternatives.append((equalSoFar + [greater]).joined(separator: " AND "))
            equalSoFar.append("\(column) = \(value)")
        }
        guard !alternatives.isEmpty else { return "false" }
        let spelt = "(" + alternatives.map { "(\($0))" }.joined(separator: " OR ") + ")"
        // Implied by the alternatives, and a bound an index on the key can start its scan at.
        guard let first = parts.first, !first.nullable, values[0] != nil else { return spelt }
        return "\(alias).\(first.column) >= \(cast(0)) AND \(spelt)"
    }
}

extension ReportKey {
    /// Every report's key; each is unique per row of its view (`ReportPagingTests` checks them all). A register
    /// read by `--from/--to` is ordered by that date first, so a month's page is one range of an index on
    /// (date, id) (`ReportingViews.filterIndexes`), wherever in the month it starts.
    static let byReport: [String: ReportKey] = [
        "agencies": ReportKey("agency"),
        "campaigns": ReportKey("campaign_code"),
        "operations_board": ReportKey("window_from:date?", "operation_id"),
        "operation_outcomes": ReportKey("month:date?", "operation_id", "agency"),
        "agency_outcomes": ReportKey("year:int?", "agency?"),
        "outreach_activities": ReportKey("activity_date:date?", "activity_id"),
        "operation_links": ReportKey("operation_id", "session_id", "record_id", "link_no:int"),
        "operation_outcomes_by_agency": ReportKey("operation_id", "agency?", "source", "reported_by?"),
        "operation_outcomes_by_campaign": ReportKey("campaign_code?", "year:int?", "agency?", "source", "reported_by?"),
        "operation_outcomes_by_month": ReportKey("month:date?", "agency?", "source", "reported_by?"),
        "case_register": ReportKey("accepted_on:date?", "case_id"),
        "case_pipeline": ReportKey("year:int?", "stage", "agency?", "sector?", "source?", "procedure?"),
        "legal_reviews": ReportKey("requested_on:date?", "case_id", "review_no:int"),
        "legal_review_queue": ReportKey("requested_on:date?", "case_id"),
        "case_deadlines": ReportKey("legally_due:date", "case_id", "clock_no:int"),
        "deadline_summary": ReportKey("year:int?", "agency?", "kind"),
        "deadlines_due": ReportKey("due:date", "case_id", "clock_no:int"),
        "publicity_register": ReportKey("published_on:date?", "case_id"),
        "publication_rate": ReportKey("year:int?", "agency?"),
        "rectification_tracker": ReportKey("raised_on:date?", "item_id"),
        "rectification_summary": ReportKey("year:int?"),
        "referrals": ReportKey("sent_on:date?", "referral_id"),
        "referral_outcomes": ReportKey("year:int?", "kind", "from_agency?", "to_agency?"),
        "annual_statistics": ReportKey("year:int", "ordinal:int"),
        "bureau": ReportKey("agency"),
        "case_file_audits": ReportKey("audit_date:date", "audit_id"),
        "counsel_reviews": ReportKey("review_date:date", "review_id"),
        "petitions": ReportKey("received_on:date", "petition_id"),
        "report_plans": ReportKey("year:int", "agency"),
        "rule_of_law_activities": ReportKey("activity_date:date", "activity_id"),
        "rule_of_law_activity_totals": ReportKey("year:int", "kind"),
        "service_commitments": ReportKey("code", "valid_from:date"),
        "officer_duties": ReportKey("officer_id", "role", "agency", "valid_from:date"),
        "designated_officer_totals": ReportKey("year:int", "agency", "role"),
        "outreach_campaigns": ReportKey("year:int", "campaign_zh"),
    ]

    /// The key of report `name` (a view of schema `reporting`).
    public static func of(_ name: String) -> ReportKey? { byReport[name] }
}

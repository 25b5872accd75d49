import EventStore
import Foundation
import Postgres

/// Personal data in the views' free text (DOMAIN.md §6): ID numbers, mobiles and plates by pattern in every
/// text column, and the names of individual parties recorded on any case in every column that is not a code.
extension ReportingViews {
    /// Text columns the application fills from closed lists only (codes of its own enumerations and their
    /// labels): nothing typed reaches them, so they are not masked at all.
    static let vocabularyColumns: Set<String> = [
        "kind", "sector", "status", "stage", "procedure", "source", "source_zh", "party_kind", "outcome",
        "legal_review", "label_zh", "label_en", "timeliness", "timeliness_zh", "status_zh", "found_during",
        "operation_status", "section", "metric", "origin", "origin_zh", "kind_zh",
    ]

    /// Text columns of identifiers and codes (agency codes, case ids, legal bases, masked party ids and plates),
    /// and the party's own name, which the projection already shows as policy says (an individual's masked,
    /// 张*; an organisation's public): no other name is written into them, so only the patterns are masked.
    static let codeColumns: Set<String> = [
        "agency", "lead_agency", "from_agency", "to_agency", "reported_by", "reviewer", "case_id",
        "session_id", "record_id", "activity_id", "item_id", "referral_id", "campaign_code", "legal_basis_id", "basis",
        "party_id", "plate", "penalty_zh", "party_name", "audit_id", "audited_agency", "review_id", "petition_id",
    ]

    /// Text columns of ids the application allocates itself, never typed: no pattern of `reporting.masked_text`
    /// can match them, so they are left unmasked and a page ordered by them follows the tables' indexes (a
    /// masked key is an expression PostgreSQL must sort the whole month by). `operation_id`: `OP-`, the
    /// business year in four digits, `-`, a number counted per year (`ReadableIds`, `StreamKind.id`); an act
    /// or referral linked to an operation is refused unless that operation exists (`DecisionContext.checked`),
    /// so every operation id a view shows is one allocated. Its longest run of digits is the number's, and a
    /// mobile needs 11 digits, an ID number 18, a plate a province's character: only the 13-billionth
    /// operation of a year could be masked. (Case ids are not here: an imported register may bring its own,
    /// `CASE-YYYY-` and any number.) `GeneratedIdMaskingTests` checks the forms against the function.
    static let generatedIdColumns: Set<String> = ["operation_id"]

    /// Replaces the view just created by one whose text columns pass through `reporting.masked_text`
    /// (migrations 0010, 0014) and, unless they are ``codeColumns``, through the names of `case_party_names`
    /// (``maskedFreeText(_:_:)``): found by type, so a new view or column cannot be forgotten; only the
    /// ``vocabularyColumns`` and ``generatedIdColumns`` are left as they are. Same names and types, so `CREATE OR REPLACE` works; in the
    /// caller's transaction, so no reader sees the unmasked view.
    static func maskTextColumns(of view: ReportingView, qualified: String, target: ProjectionTarget,
                                on connection: Connection) throws {
        let types = try connection.execute("""
            SELECT a.atttypid = 'pg_catalog.text'::regtype FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = $1::text::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, [qualified])
        let isText = try types.rows.map { try $0.get(0, as: Bool.self) }
        guard isText.contains(true) else { return }
        let names = view.columns.map(\.name)
        let expressions = zip(names, isText).map { name, text in
            let cell = "unmasked.\(name)"
            guard text, !vocabularyColumns.contains(name), !generatedIdColumns.contains(name) else { return cell }
            return codeColumns.contains(name) ? "reporting.masked_text(\(cell))" : maskedFreeText(cell, target)
        }
        try connection.run("""
            CREATE OR REPLACE VIEW \(qualified) (\(names.joined(separator: ", "))) AS
            SELECT \(expressions.joined(separator: ", "))
            FROM (\(view.select(target))) AS unmasked (\(names.joined(separator: ", ")))
            """)
    }

    /// SQL: `cell` through `reporting.masked_text`, then with every individual's name recorded on any case
    /// masked (张三丰 -> 张**, `reporting.masked_names`, migration 0014). Most cells hold none of the names'
    /// first characters (a key lookup each in a JSON object of them, from ``Rollups/partyNameInitials``):
    /// those pay nothing more. The names by first two characters are built only when a cell needs them, once a
    /// query (an uncorrelated subquery); no subquery runs per row, whose estimated cost would make PostgreSQL
    /// compile a register with JIT on every read.
    static func maskedFreeText(_ cell: String, _ target: ProjectionTarget) -> String {
        let names = target.table(CasesProjection.partyNames.name, of: "cases")
        let initials = Rollups.table(Rollups.partyNameInitials, target)
        return """
            CASE WHEN (SELECT jsonb_object_agg(initial, true) FROM \(initials) WHERE row_count > 0)
                      ?| string_to_array(\(cell), NULL)
                 THEN reporting.masked_names(reporting.masked_text(\(cell)),
                                             (SELECT jsonb_object_agg(head, names)
                                              FROM (SELECT head, jsonb_agg(name) AS names FROM \(names) GROUP BY head) h))
                 ELSE reporting.masked_text(\(cell)) END
            """
    }
}

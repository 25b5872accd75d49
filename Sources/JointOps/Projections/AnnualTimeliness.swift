import Enforcement
import EventStore
import Foundation

/// The timeliness rates of `annual_statistics` and the annual report's timeliness table, one definition
/// (``AnnualReport/rateDefinition``): met on time ÷ (met on time + met late + overdue and still open), per year of the
/// legal last day. A clock cancelled (its publication lawfully withheld) and every clock of a revoked decision (no
/// decision in any figure) are in neither part.
enum AnnualTimeliness {
    /// The rate's metric key per kind of clock (the keys programs already read).
    static let keys: [DeadlineKind: String] = [
        .decision: "decided_within_90_days_pct", .service: "served_on_time_pct", .publication: "published_on_time_pct",
    ]

    /// The table name marking a metric as one of these rates (counted by ``counts(deadlines:cases:key:)``).
    static let table = "timeliness"

    static var metrics: [AnnualMetric] {
        AnnualReport.timelinessKinds.compactMap { entry in
            keys[entry.kind].map { key in
                AnnualMetric(key: key, section: "timeliness", zh: entry.rateName.zh + "（%）", en: entry.rateName.en + " (%)",
                             projection: "cases", table: table, dateColumn: "legally_due",
                             condition: "kind = \(entry.kind.rawValue.sqlLiteral)", kind: .rate)
            }
        }
    }

    static func isTimeliness(_ metric: AnnualMetric) -> Bool { metric.table == table }

    /// (year, kind, on_time, late, overdue, not_yet_due) of the decision, service and publication clocks, over
    /// `deadlines` (a `case_deadlines` table or view) joined to `cases` on `key` (`stream_id` or `case_id`).
    static func counts(deadlines: String, cases: String, key: String) -> String {
        let today = ReportingViews.today
        let kinds = keys.keys.map(\.rawValue.sqlLiteral).sorted().joined(separator: ", ")
        return """
            SELECT EXTRACT(YEAR FROM d.legally_due)::int AS year, d.kind,
                   count(*) FILTER (WHERE d.status = 'met' AND d.met_on_time) AS on_time,
                   count(*) FILTER (WHERE d.status = 'met' AND NOT d.met_on_time) AS late,
                   count(*) FILTER (WHERE d.status = 'open' AND d.legally_due < \(today)) AS overdue,
                   count(*) FILTER (WHERE d.status = 'open' AND d.legally_due >= \(today)) AS not_yet_due
            FROM \(deadlines) d JOIN \(cases) c ON c.\(key) = d.\(key)
            WHERE d.kind IN (\(kinds)) AND NOT c.decision_revoked
            GROUP BY 1, 2
            """
    }

    /// The same rows as ``totals(_:)``, read from the deadline rollup (`Rollups.deadlines`, thousands of rows) rather
    /// than every deadline joined to its case: what `annual_statistics` reads. An open clock keeps its last day in the
    /// rollup, so "overdue as of today" is still exact; `AnnualStatisticsTests` hold it to ``totals(_:)``.
    static func rolledUp(_ t: ProjectionTarget) -> String {
        let today = "(SELECT \(ReportingViews.today))"
        let kinds = keys.sorted { $0.value < $1.value }
            .map { "(\($0.value.sqlLiteral), \($0.key.rawValue.sqlLiteral))" }.joined(separator: ", ")
        func count(_ condition: String) -> String { "COALESCE(sum(r.row_count) FILTER (WHERE \(condition)), 0)" }
        return """
            SELECT k.metric, s.year, (s.on_time + s.late + s.overdue + s.not_yet_due)::bigint,
                   s.on_time::numeric, (s.on_time + s.late + s.overdue)::numeric
            FROM (SELECT r.year, r.kind, \(count("r.status = 'met' AND r.met_on_time")) AS on_time,
                         \(count("r.status = 'met' AND NOT r.met_on_time")) AS late,
                         \(count("r.status = 'open' AND r.open_due < \(today)")) AS overdue,
                         \(count("r.status = 'open' AND r.open_due >= \(today)")) AS not_yet_due
                  FROM \(Rollups.table(Rollups.deadlines, t)) r
                  WHERE r.row_count > 0 AND NOT r.decision_revoked
                  GROUP BY r.year, r.kind) AS s
            JOIN (VALUES \(kinds)) AS k(metric, kind) ON k.kind = s.kind
            """
    }

    /// (metric, year, row_count, numerator, denominator) per rate and year, from ``counts(deadlines:cases:key:)``.
    static func totals(_ t: ProjectionTarget) -> String {
        let kinds = keys.sorted { $0.value < $1.value }
            .map { "(\($0.value.sqlLiteral), \($0.key.rawValue.sqlLiteral))" }.joined(separator: ", ")
        let counts = counts(deadlines: t.table("case_deadlines", of: "cases"), cases: t.table("cases", of: "cases"),
                            key: "stream_id")
        return """
            SELECT k.metric, s.year, (s.on_time + s.late + s.overdue + s.not_yet_due)::bigint,
                   s.on_time::numeric, (s.on_time + s.late + s.overdue)::numeric
            FROM (\(counts)) AS s
            JOIN (VALUES \(kinds)) AS k(metric, kind) ON k.kind = s.kind
            """
    }
}

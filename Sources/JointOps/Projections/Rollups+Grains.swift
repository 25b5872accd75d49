import EventStore
import Foundation

/// A coarser table kept from a rollup's cells, in the same statement that adjusts them: per group, the cells'
/// sums, their sessions and the number of distinct operations with a cell in the group.
///
/// The outcome views by month and by campaign have a few dozen rows, but summing them at read time means reading
/// every cell of the history (one per operation, month and agency: tens of thousands) and counting distinct
/// operations. A grain keeps those figures: the sums change by the cells' changes, and the operation count by one
/// when an operation's first cell in a group comes to life or its last one dies (a cell lives while its
/// `row_count` is above zero), which the statement finds from the cells as they were before it.
struct RollupGrain: Sendable {
    struct Key: Sendable {
        let name: String
        let type: String
        /// SQL over the changed cell `ch` (with its operation's columns, `Rollups.grainOperationColumns`).
        let sql: String
    }

    /// Base name of its table (`projections.outcome_month_grain_v6`).
    let name: String
    /// The group's columns, in the order of the table's unique key.
    let keys: [Key]
    /// The cell columns that, with `operation_id`, name one operation's share of a group (the group's columns
    /// that are not the operation's own, such as its campaign).
    let cellColumns: [String]
}

extension Rollups {
    /// Columns of the operation (`operations` row) a grain may group by: fixed when it is planned
    /// (`OperationPlanned` is the only event that sets them), and no act links to an operation before it exists
    /// (`DecisionContext.checked`), so a cell's operation row reads the same when its contribution is added and
    /// when it is taken back.
    static let grainOperationColumns = ["campaign_code"]

    static func create(_ grain: RollupGrain, of rollup: Rollup, _ t: ProjectionTarget) -> String {
        let columns = grain.keys.map { "\($0.name) \($0.type)" } + ["operations bigint NOT NULL", "sessions bigint NOT NULL"]
            + rollup.measures.map { "\($0.name) bigint NOT NULL" }
        return """
            CREATE TABLE \(t.table(grain.name, of: rollup.projection)) (
                \(columns.joined(separator: ",\n    ")),
                CONSTRAINT \(t.constraint(grain.name, of: rollup.projection, "key")) UNIQUE NULLS NOT DISTINCT (\(grain.keys.map(\.name).joined(separator: ", ")))
            )
            """
    }

    /// `adjust` for a rollup with grains: one statement that adjusts the cells and, from the cells before
    /// (`before`) and the changes (`delta`), every grain. The rollup's first dimension is `operation_id`; its
    /// cells count sessions as the outcome views do (`sessions(_:)`).
    static func adjustWithGrains(_ rollup: Rollup, _ t: ProjectionTarget, sign: Int) -> String {
        let table = Rollups.table(rollup, t)
        let dimensions = rollup.dimensions.map(\.name)
        let measures = rollup.measures.map(\.name)
        let values = rollup.dimensions.map(\.sql) + ["\(sign) * count(*)"]
            + rollup.measures.map { "\(sign) * COALESCE(sum(\($0.sql)), 0)" }
        let updates = (["row_count"] + measures).map { "\($0) = t.\($0) + EXCLUDED.\($0)" }
        // The cell of `d` among `b`'s: `operation_id` and `source` are never empty, the others may be.
        func same(_ a: String, _ b: String, _ columns: [String]) -> String {
            columns.map { ["operation_id", "source"].contains($0) ? "\(a).\($0) = \(b).\($0)" : "\(a).\($0) IS NOT DISTINCT FROM \(b).\($0)" }
                .joined(separator: " AND ")
        }
        let operations = t.table("operations", of: "operations")
        var ctes = [
            """
            delta AS (
                SELECT \(zip(values, dimensions + ["row_count"] + measures).map { "\($0) AS \($1)" }.joined(separator: ", "))
                FROM \(rollup.source(t)) r
                WHERE r.stream_id = ANY($1::text[]) AND (\(rollup.condition))
                GROUP BY \((1...dimensions.count).map(String.init).joined(separator: ", ")))
            """,
            "before AS MATERIALIZED (SELECT c.* FROM \(table) c WHERE c.operation_id IN (SELECT operation_id FROM delta))",
            """
            cells AS (
                INSERT INTO \(table) AS t (\((dimensions + ["row_count"] + measures).joined(separator: ", ")))
                SELECT \((dimensions + ["row_count"] + measures).joined(separator: ", ")) FROM delta
                ON CONFLICT (\(dimensions.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", ")))
            """,
            """
            changes AS MATERIALIZED (
                SELECT d.*, \(grainOperationColumns.map { "o.\($0)" }.joined(separator: ", ")),
                       COALESCE(b.row_count, 0) AS rows_before, COALESCE(b.row_count, 0) + d.row_count AS rows_after
                FROM delta d
                LEFT JOIN before b ON \(same("b", "d", dimensions))
                LEFT JOIN \(operations) o ON o.stream_id = d.operation_id)
            """,
        ]
        var statements: [String] = []
        for (index, grain) in rollup.grains.enumerated() {
            let share = ["operation_id"] + grain.cellColumns
            let keys = grain.keys.map(\.name)
            // The operation's own columns (its campaign) are one value per operation.
            let own = keys.filter { !share.contains($0) }.map { "min(\($0)) AS \($0), " }.joined()
            ctes.append("""
                shares\(index) AS (
                    SELECT \(share.joined(separator: ", ")), \(own)sum((rows_after > 0)::int - (rows_before > 0)::int) AS live_change
                    FROM changes GROUP BY \(share.joined(separator: ", ")))
                """)
            ctes.append("""
                live\(index) AS (
                    SELECT \(share.joined(separator: ", ")), count(*) AS live FROM before WHERE row_count > 0
                    GROUP BY \(share.joined(separator: ", ")))
                """)
            let columns = keys + ["operations", "sessions"] + measures
            let counted = """
                SELECT \(keys.map { "s.\($0)" }.joined(separator: ", ")),
                       ((COALESCE(l.live, 0) + s.live_change > 0)::int - (COALESCE(l.live, 0) > 0)::int)::bigint AS operations,
                       0::bigint AS sessions, \(measures.map { "0::bigint AS \($0)" }.joined(separator: ", "))
                FROM shares\(index) s LEFT JOIN live\(index) l ON \(same("l", "s", share))
                """
            let summed = """
                SELECT \(grain.keys.map { "\($0.sql) AS \($0.name)" }.joined(separator: ", ")), 0::bigint,
                       \(sessions("ch.rows_after", "ch")) - \(sessions("ch.rows_before", "ch")), \(measures.map { "ch.\($0)" }.joined(separator: ", "))
                FROM changes ch
                """
            let upsert = """
                INSERT INTO \(t.table(grain.name, of: rollup.projection)) AS t (\(columns.joined(separator: ", ")))
                SELECT \(keys.joined(separator: ", ")), \((["operations", "sessions"] + measures).map { "sum(\($0))" }.joined(separator: ", "))
                FROM (\(counted) UNION ALL \(summed)) AS x (\(columns.joined(separator: ", ")))
                GROUP BY \(keys.joined(separator: ", "))
                ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(
                    (["operations", "sessions"] + measures).map { "\($0) = t.\($0) + EXCLUDED.\($0)" }.joined(separator: ", "))
                """
            statements.append(upsert)
        }
        // One data-modifying CTE per grain but the last, which is the statement itself.
        let grainCTEs = statements.dropLast().enumerated().map { "grain\($0.offset) AS (\($0.element))" }
        return "WITH " + (ctes + grainCTEs).joined(separator: ",\n") + "\n" + (statements.last ?? "SELECT 1")
    }

    /// SQL: the sessions of a cell with `rows` facts (`OperationOutcomeViews.perOperation`): one for a cell of one
    /// session (`session_key`), else one per fact (one fact per session and agency); none for a dead cell.
    static func sessions(_ rows: String, _ cell: String) -> String {
        "(CASE WHEN \(rows) <= 0 THEN 0 WHEN \(cell).session_key IS NULL THEN \(rows) ELSE 1 END)::bigint"
    }
}

import Foundation

/// The outcomes by agency of one operation, as `reporting.operation_outcomes_by_agency` has them (the
/// projections caught up first, like every report).
public enum OperationOutcomes {
    /// The view's rows of operation `id`.
    public static func of(_ id: String, database: Database = Database()) throws -> Table {
        let all = try database.report(ReportRequest(name: OperationOutcomeViews.byAgency.name, filter: ReportFilter())).content
        guard let column = all.headers.firstIndex(of: "operation_id") else { return all }
        return Table(all.headers, rows: all.rows.filter { $0[column] == id })
    }
}

import Enforcement
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

    /// Cases filed per operation: the bureau's linked cases filed plus the cases partners returned. Legacy
    /// figures typed into session tallies are not among them.
    public static func casesFiled(database: Database = Database()) throws -> [String: Int] {
        let all = try database.report(ReportRequest(name: OperationOutcomeViews.byAgency.name, filter: ReportFilter())).content
        guard let id = all.headers.firstIndex(of: "operation_id"), let source = all.headers.firstIndex(of: "source"),
              let filed = all.headers.firstIndex(of: "cases_filed") else { return [:] }
        var cases: [String: Int] = [:]
        for row in all.rows where [OutcomeSource.caseRegister.rawValue, OutcomeSource.partnerReturn.rawValue].contains(row[source]) {
            cases[row[id], default: 0] += Int(row[filed]) ?? 0
        }
        return cases
    }
}

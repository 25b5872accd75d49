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

    /// An operation's cases by source, never added up.
    public struct Cases: Sendable, Equatable {
        /// The bureau's cases linked to a session: leads and on-the-spot decisions.
        public var linked = 0
        /// Cases partners returned as filed in their own systems.
        public var returned = 0
    }

    /// Cases per operation: the bureau's linked cases and the cases partners returned, apart. Legacy figures
    /// typed into session tallies are not among them.
    public static func cases(database: Database = Database()) throws -> [String: Cases] {
        let all = try database.report(ReportRequest(name: OperationOutcomeViews.byAgency.name, filter: ReportFilter())).content
        guard let id = all.headers.firstIndex(of: "operation_id"), let source = all.headers.firstIndex(of: "source"),
              let linked = all.headers.firstIndex(of: "cases"), let filed = all.headers.firstIndex(of: "cases_filed") else { return [:] }
        var cases: [String: Cases] = [:]
        for row in all.rows {
            switch row[source] {
            case OutcomeSource.caseRegister.rawValue: cases[row[id], default: Cases()].linked += Int(row[linked]) ?? 0
            case OutcomeSource.partnerReturn.rawValue: cases[row[id], default: Cases()].returned += Int(row[filed]) ?? 0
            default: break
            }
        }
        return cases
    }
}

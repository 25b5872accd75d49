import ArgumentParser
import Enforcement
import Foundation
import JointOps

extension CaseCommandGroup {
    /// The officer's daily list (issue 11, point 4); `reporting.deadlines_due` gives analysts the same rows.
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what is due: every open statutory deadline, soonest first, overdue ones with how late.",
            discussion: Help.discussion("""
                Each row is one case and step: its legal last day (working-day or calendar-day clock; （暂定） when \
                it reaches a year without a complete calendar), and 进行中 or 已逾期 with the days past it.
                """, examples: "jointops case due --officer ZF-01", "jointops case due --agency WSZD --within 7 --format csv"))
        @Option(help: "Only cases this officer is assigned to (officer id).") var officer: String?
        @Option(help: "Only cases held by this agency (agency code).") var agency: String?
        @Option(parsing: .unconditional,
                help: "Only deadlines whose last day is at most N calendar days from today, 0 to \(FigureBounds.max("days")) (overdue ones always).")
        var within: String?
        @OptionGroup var output: FormatOption


        func run() throws {
            let within = try self.within.map { try parseAmount($0, option: "--within", field: "days") }
            let application = try connectedApplication()
            let registry = try application.registry()
            if let officer, registry.officers[officer] == nil { throw Rejection.unknownOfficer(officer) }
            try checkAgencyFilter(agency, in: registry)
            let calendar = try application.calendar()
            let cases = try application.loadAll(CaseDecider.self, kind: .case).map {
                (id: $0.id, state: $0.state.recountingProvisionalDeadlines(with: calendar, in: application.jurisdiction))
            }
            let rows = DeadlinesDue.list(cases, today: application.clock.today(), calendar: calendar,
                                         in: application.jurisdiction, officer: officer, agency: agency, within: within)
            switch output.format {
            case .json: print(try DeadlinesDue.json(rows), terminator: "")
            case .table, .csv: try emit(DeadlinesDue.table(rows), output)
            }
        }
    }
}

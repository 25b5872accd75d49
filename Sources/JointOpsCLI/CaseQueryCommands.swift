import ArgumentParser
import Enforcement
import Foundation
import JointOps

// Reading cases: one case, the list, the pipeline.
extension CaseCommandGroup {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case: state, deadlines, next actions.",
            discussion: Help.discussion(examples:
                "jointops case show CASE-2026-0012",
                "jointops case show CASE-2026-0012 --format json"))
        @Argument(help: .caseId) var id: String
        @OptionGroup var output: FormatOption
        func run() throws {
            let id = try StreamKind.case.parse(id)
            let application = try connectedApplication()
            let calendar = try application.calendar()
            let state = try application.load(CaseDecider.self, id: id, kind: .case)
                .recountingProvisionalDeadlines(with: calendar, in: application.jurisdiction)
            let statuses = state.deadlineStatuses(on: application.clock.today(), calendar: calendar,
                                                  in: application.jurisdiction)
            let next = state.nextActions.map(StepSpelling.verb)
            guard output.format == .json else { return try emit(CaseTables.detail(id, state, next: next, statuses: statuses), output) }
            // One structured document for programs: state, clocks with their flags, and the history.
            let history = try application.store.read(stream: id)
            print(CaseDocument.json(id, state, next: next, statuses: statuses, history: history).rendered(), terminator: "")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases.",
            discussion: Help.discussion(examples:
                "jointops case list --sector 黑车",
                "jointops case list --agency WSZD --status served --format csv"))
        @Option(help: "Only this status.") var status: CaseState.Status?
        @Option(help: "Only cases of this agency.") var agency: String?
        @Option(help: "Only this sector.") var sector: Sector?
        @OptionGroup var page: PageOptions
        @OptionGroup var output: FormatOption
        func run() throws {
            let after = try page.afterId(.case)
            let application = try connectedApplication()
            try checkAgencyFilter(agency, in: try application.registry())
            let calendar = try application.calendar()
            let cases = try application.loadAll(CaseDecider.self, kind: .case).filter { _, state in
                (status == nil || state.status == status) && (agency == nil || state.agency == agency)
                    && (sector == nil || state.act?.sector == sector)
            }
            let shown = page.page(cases, after: after) { $0.id }
            var table = CaseTables.list(shown.rows.map {
                (id: $0.id, state: $0.state.recountingProvisionalDeadlines(with: calendar, in: application.jurisdiction))
            })
            table.keyColumns = ["id"]
            try emit(table, output)
            NextPageNote.say(after: shown.nextAfter)
        }
    }

    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count cases by stage.",
            discussion: Help.discussion(examples:
                "jointops case pipeline"))
        @OptionGroup var output: FormatOption
        func run() throws {
            try emit(CaseTables.pipeline(try connectedApplication().loadAll(CaseDecider.self, kind: .case).map(\.state)),
                 output)
        }
    }
}

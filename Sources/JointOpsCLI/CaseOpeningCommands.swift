import ArgumentParser
import Enforcement
import Foundation
import JointOps

// Opening a case: a lead (案源), filing (立案) or declining it.
extension CaseCommandGroup {
    struct ReceiveLead: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-lead",
            abstract: "Register a case lead (案源); prints the new CASE-YYYY-NNNN id.",
            discussion: """
                A lead from a joint operation (--source jointOperation) names its operation and session: --op and \
                --session are required with that source and refused with any other.
                """)
        @Option(help: "Agency receiving the lead.") var agency: String
        @Option(help: "Where the lead came from.") var source: LeadSource
        @Option(help: "What the lead is about (Chinese).") var summary: String
        @OptionGroup var operation: OperationLinkOptions
        @OptionGroup var options: WriteOptions
        func run() throws {
            let link = try operation.link()
            try options.create(CaseDecider.self, .case) {
                .during(link, .receiveLead(caseId: $0, agency: agency, source: source, summaryZh: summary))
            }
        }
    }

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "File a case (立案): give a lead's id, or none to open a new case.")
        @Argument(help: "The lead's case id; leave out to open a new case.") var id: String?
        @Option(help: "Agency filing the case.") var agency: String
        @Option(name: [.customLong("approver"), .customLong("approved-by")],
                help: "Officer id of the approver: designated approver (审批负责人) of the agency on the day.")
        var approvedBy: String
        @OptionGroup var partyAct: PartyActOptions
        @OptionGroup var options: WriteOptions
        func run() throws {
            let party = try partyAct.party(), act = try partyAct.act()
            if let id {
                try options.write(.fileCase(caseId: "", agency: agency, party: party, act: act, approvedBy: approvedBy),
                                  onCase: id)
            } else {
                try options.create(CaseDecider.self, .case) {
                    .fileCase(caseId: $0, agency: agency, party: party, act: act, approvedBy: approvedBy)
                }
            }
        }
    }

    struct DeclineFiling: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decline-filing", abstract: "Decide not to file a lead.")
        @Argument var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .declineFiling(reasonZh: reason) } }
    }
}

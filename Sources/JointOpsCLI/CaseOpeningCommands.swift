import ArgumentParser
import Enforcement
import Foundation
import JointOps

// Opening a case: a lead (案源), filing (立案) or declining it.
extension CaseCommandGroup {
    struct ReceiveLead: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-lead",
            abstract: "Register a case lead (案源); prints the new CASE-YYYY-NNNN id.",
            discussion: Help.discussion("""
                A lead from a joint operation (--source jointOperation) names its operation and session: --op and \
                --session are required with that source and refused with any other.
                """, examples: "jointops case receive-lead --agency WSZD --source 投诉 --summary 乌苏市火车站有黑车拉客",
                "jointops case receive-lead --agency WSZD --source jointOperation --summary 联合检查发现黑车 --op OP-2026-0003 --session S1"))
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
            abstract: "File a case (立案): give a lead's id, or none to open a new case.",
            discussion: Help.discussion("""
                A case filed without a lead names its source (案件来源) with --source: inspection (检查发现), \
                complaint (投诉举报), … (a joint operation's case is filed from its lead). A lead's case keeps the \
                lead's source: leave --source out, or repeat the same one.
                """, examples:
                "jointops case file CASE-2026-0012 --agency WSZD --approver ZD-01 --party-name 张三 --party-id 654202199001011234 --act-date 2026-03-02 --act-place 乌苏市火车站 --sector 黑车 --description 无证从事网约车经营 --plate 新G·12345",
                "jointops case file --source 检查发现 --agency WSZD --approver ZD-01 --party-name 乌苏市某某运输有限公司 --party-kind organisation --party-id 91654202MA7XXXXXX1 --act-date 2026-03-05 --act-place 乌苏市客运站 --sector 班线 --description 班线客车站外揽客"))
        @Argument(help: "The lead's case id; leave out to open a new case.") var id: String?
        @Option(help: "Agency filing the case.") var agency: String
        @Option(name: [.customLong("approver"), .customLong("approved-by")],
                help: "Officer id of the approver: designated approver (审批负责人) of the agency on the day.")
        var approvedBy: String
        @Option(help: "Where the case came from (案件来源); required without a lead, a lead's own source stands.")
        var source: LeadSource?
        @OptionGroup var partyAct: PartyActOptions
        @OptionGroup var options: WriteOptions
        func run() throws {
            let party = try partyAct.party(), act = try partyAct.act()
            if let id {
                try options.write(.fileCase(caseId: "", agency: agency, party: party, act: act, approvedBy: approvedBy,
                                            source: source), onCase: id)
            } else {
                try options.create(CaseDecider.self, .case) {
                    .fileCase(caseId: $0, agency: agency, party: party, act: act, approvedBy: approvedBy, source: source)
                }
            }
        }
    }

    struct DeclineFiling: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decline-filing", abstract: "Decide not to file a lead.",
            discussion: Help.discussion(examples: "jointops case decline-filing CASE-2026-0013 --reason 经核查不属于本机关管辖"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .declineFiling(reasonZh: reason) } }
    }
}

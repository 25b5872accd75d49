import ArgumentParser
import Enforcement
import Foundation
import JointOps

// Publicity (公示) of the masked decision.
extension CaseCommandGroup {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record publication (公示) of the masked decision.",
            discussion: Help.discussion(examples:
                "jointops case publish CASE-2026-0012 --reference https://www.wusu.gov.cn/xzcf/2026-0012"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Where it is published (URL or reference).") var reference: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .publishDecision(reference: reference) } }
    }

    struct WithholdPublication: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withhold-publication",
            abstract: "Record that the decision is not published at all.",
            discussion: Help.discussion(examples:
                "jointops case withhold-publication CASE-2026-0012 --reason partyIsMinor"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Why the decision is not published.") var reason: PublicationPolicy.WithholdingReason
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .withholdPublication(reason: reason) } }
    }

    struct WithdrawPublication: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw-publication", abstract: "Record that the publication was taken down.",
            discussion: Help.discussion(examples:
                "jointops case withdraw-publication CASE-2026-0012 --reason 复议决定撤销原处罚决定"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .withdrawPublication(reasonZh: reason) } }
    }
}

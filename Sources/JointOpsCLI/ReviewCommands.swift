import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// The legal reviewers' (法制审核员) queue. The same verbs exist under `jointops case`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Work the legal-review queue (法制审核): request, pass, return.",
        discussion: Help.discussion("The same verbs exist under `jointops case` (case request-review, pass-review, return-review).",
                                    examples: "jointops review queue"),
        subcommands: [Queue.self, Request.self, Pass.self, Return.self]
    )

    /// Never defaulted to the actor: the investigating officer must not review his own case (APL 58).
    static let reviewerHelp = ArgumentHelp(
        "Officer id of the legal reviewer: designated legalReviewer (法制审核人员) of the case's agency on the review "
            + "date, and not an investigator of the case.")

    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases waiting for legal review.",
            discussion: Help.discussion(examples:
                "jointops review queue",
                "jointops review queue --format csv"))
        @OptionGroup var output: FormatOption
        func run() throws {
            let waiting = try connectedApplication().loadAll(CaseDecider.self, kind: .case)
                .filter { $0.state.legalReview == .requested }
            try emit(CaseTables.list(waiting), output)
        }
    }

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "request-review",
            abstract: "Send a concluded case to the legal reviewers.",
            discussion: Help.discussion(examples: "jointops case request-review CASE-2026-0012"),
            aliases: ["request"])
        @Argument(help: .caseId) var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .requestLegalReview } }
    }

    struct Pass: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pass-review",
            abstract: "Record that the legal review passed.",
            discussion: Help.discussion(examples: "jointops review pass CASE-2026-0012 --reviewer FZ-01 --opinion 事实清楚，证据确凿，同意处罚"),
            aliases: ["pass"])
        @Argument(help: .caseId) var id: String
        @Option(help: ReviewCommand.reviewerHelp) var reviewer: String
        @Option(help: "Opinion (Chinese).") var opinion: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .passLegalReview(reviewer: reviewer, opinionZh: opinion) } }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "return-review",
            abstract: "Send the case back for correction.",
            discussion: Help.discussion(examples: "jointops case return-review CASE-2026-0012 --reviewer FZ-01 --reason 缺少当事人身份证明"),
            aliases: ["return"])
        @Argument(help: .caseId) var id: String
        @Option(help: ReviewCommand.reviewerHelp) var reviewer: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .returnLegalReview(reviewer: reviewer, reasonZh: reason) } }
    }
}

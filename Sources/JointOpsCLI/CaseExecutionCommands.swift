import ArgumentParser
import Enforcement
import Foundation
import JointOps

// Execution (执行) and the end of the case: payment, demand, court, closing, archiving.
extension CaseCommandGroup {
    struct ReceivePayment: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-payment", abstract: "Record a payment of the fine.",
            discussion: Help.discussion(examples:
                "jointops case receive-payment CASE-2026-0012 --amount 30000 --channel bank --receipt 新财缴〔2026〕004512"))
        @Argument(help: .caseId) var id: String
        @Option(parsing: .unconditional, help: "Whole yuan received, 1 to \(FigureBounds.max("amountYuan")).") var amount: String
        @Option(help: "How the fine reached the treasury.") var channel: PaymentChannel
        @Option(help: "Receipt reference.") var receipt: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) {
                .receivePayment(amountYuan: try parseAmount(amount, option: "--amount", field: "amountYuan"),
                                channel: channel, receiptRef: receipt)
            }
        }
    }

    struct ServeDemand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve-demand", abstract: "Serve the demand notice (催告书).",
            discussion: Help.discussion(examples:
                "jointops case serve-demand CASE-2026-0012"))
        @Argument(help: .caseId) var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .serveEnforcementDemand } }
    }

    struct ApplyToCourt: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "apply-to-court", abstract: "Apply to the court for enforcement.",
            discussion: Help.discussion(examples:
                "jointops case apply-to-court CASE-2026-0012 --court 乌苏市人民法院"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Court (Chinese).") var court: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .applyForCourtEnforcement(courtZh: court) } }
    }

    struct FileOnSpotDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "file-on-spot-decision",
            abstract: "File the copy of an on-the-spot decision with the agency.",
            discussion: Help.discussion(examples:
                "jointops case file-on-spot-decision CASE-2026-0031"))
        @Argument(help: .caseId) var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .fileOnSpotDecision } }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the case (结案).",
            discussion: Help.discussion(examples:
                "jointops case close CASE-2026-0012 --report 罚款已缴清，案件办结"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Closure report (Chinese).") var report: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .close(reportZh: report) } }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Archive the bound case file (归档).",
            discussion: Help.discussion(examples:
                "jointops case archive CASE-2026-0012 --file 乌交执档〔2026〕12号"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Archive file reference.") var file: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .archive(fileRef: file) } }
    }
}

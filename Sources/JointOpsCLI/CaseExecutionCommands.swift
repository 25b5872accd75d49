import ArgumentParser
import Enforcement
import Foundation
import JointOps

// Execution (执行) and the end of the case: payment, demand, court, closing, archiving.
extension CaseCommandGroup {
    struct ReceivePayment: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-payment", abstract: "Record a payment of the fine.")
        @Argument var id: String
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
        static let configuration = CommandConfiguration(commandName: "serve-demand", abstract: "Serve the demand notice (催告书).")
        @Argument var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .serveEnforcementDemand } }
    }

    struct ApplyToCourt: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "apply-to-court", abstract: "Apply to the court for enforcement.")
        @Argument var id: String
        @Option(help: "Court (Chinese).") var court: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .applyForCourtEnforcement(courtZh: court) } }
    }

    struct FileOnSpotDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "file-on-spot-decision",
            abstract: "File the copy of an on-the-spot decision with the agency.")
        @Argument var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .fileOnSpotDecision } }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the case (结案).")
        @Argument var id: String
        @Option(help: "Closure report (Chinese).") var report: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .close(reportZh: report) } }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Archive the bound case file (归档).")
        @Argument var id: String
        @Option(help: "Archive file reference.") var file: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .archive(fileRef: file) } }
    }
}

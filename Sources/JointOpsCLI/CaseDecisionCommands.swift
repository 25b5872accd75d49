import ArgumentParser
import Enforcement
import Foundation
import JointOps

// The decision (决定) and its service, in the ordinary or the summary procedure, or handing the case on.
extension CaseCommandGroup {
    struct DecidePenalty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-penalty",
            abstract: "Decide a penalty (行政处罚决定).")
        @Argument var id: String
        @OptionGroup var penalty: PenaltyOptions
        @Option(help: "Decision number, e.g. 乌交执罚〔2023〕12号.") var number: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .decidePenalty(try penalty.penalty(), decisionNumber: number) } }
    }

    struct DecideNoPenalty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-no-penalty", abstract: "Decide not to penalise.")
        @Argument var id: String
        @Option(help: "Why no penalty.") var reason: NoPenaltyReason
        @Option(help: "Decision number.") var number: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) { .decideNoPenalty(reason: reason, decisionNumber: number) }
        }
    }

    struct ReferToPolice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "refer-to-police", abstract: "Refer a suspected crime to the police.")
        @Argument var id: String
        @Option(help: "Police agency code.") var police: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .referToPolice(policeAgency: police, reasonZh: reason) } }
    }

    struct TransferOut: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "transfer-out", abstract: "Hand the case to the agency with jurisdiction.")
        @Argument var id: String
        @Option(help: "Receiving agency code.") var to: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .transferOut(toAgency: to, reasonZh: reason) } }
    }

    struct DecideOnSpot: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-on-spot",
            abstract: "Summary procedure (简易程序): a warning or small fine decided on the spot; opens a case.")
        @Option(help: "Agency deciding.") var agency: String
        @Option(help: "Officer id (repeatable, two).") var officer: [String] = []
        @Option(help: "Number of the on-the-spot decision form.") var form: String
        @OptionGroup var partyAct: PartyActOptions
        @OptionGroup var penalty: PenaltyOptions
        @OptionGroup var operation: OperationLinkOptions
        @OptionGroup var options: WriteOptions
        func run() throws {
            let party = try partyAct.party(), act = try partyAct.act(), penalty = try penalty.penalty()
            let link = try operation.link()
            try options.create(CaseDecider.self, .case) {
                .during(link, .decideOnSpot(caseId: $0, agency: agency, party: party, act: act, officers: officer,
                                            penalty: penalty, formNumber: form))
            }
        }
    }

    struct ServeDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve-decision", abstract: "Record service of the decision.")
        @Argument var id: String
        @Option(help: "How the decision reached the party.") var method: ServiceMethod
        @Option(help: "Reference of the party's consent (electronic service).") var consent: String?
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) { .serveDecision(method: method, consentRef: consent) }
        }
    }

    struct RevokeDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-decision",
            abstract: "Record that the decision was changed, revoked or declared void.")
        @Argument var id: String
        @Option(help: "By whom (Chinese), e.g. 乌苏市人民政府（复议决定）.") var by: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .revokeDecision(byZh: by, reasonZh: reason) } }
    }
}

import ArgumentParser
import Enforcement
import Foundation
import JointOps

// The decision (决定) and its service, in the ordinary or the summary procedure, or handing the case on.
extension CaseCommandGroup {
    struct DecidePenalty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-penalty",
            abstract: "Decide a penalty (行政处罚决定).",
            discussion: Help.discussion(examples:
                "jointops case decide-penalty CASE-2026-0012 --fine 30000 --basis RTR-63 --number 乌交执罚〔2026〕12号",
                "jointops case decide-penalty CASE-2026-0012 --type fine --type confiscationOfIllegalGains --fine 30000 --gains 1200 --basis RTR-63 --number 乌交执罚〔2026〕13号"))
        @Argument(help: .caseId) var id: String
        @OptionGroup var penalty: PenaltyOptions
        @Option(help: "Decision number, e.g. 乌交执罚〔2023〕12号.") var number: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .decidePenalty(try penalty.penalty(), decisionNumber: number) } }
    }

    struct DecideNoPenalty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-no-penalty", abstract: "Decide not to penalise.",
            discussion: Help.discussion(examples:
                "jointops case decide-no-penalty CASE-2026-0014 --reason firstMinorCorrected --number 乌交执不罚〔2026〕2号"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Why no penalty.") var reason: NoPenaltyReason
        @Option(help: "Decision number.") var number: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) { .decideNoPenalty(reason: reason, decisionNumber: number) }
        }
    }

    struct ReferToPolice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "refer-to-police", abstract: "Refer a suspected crime to the police.",
            discussion: Help.discussion(examples:
                "jointops case refer-to-police CASE-2026-0015 --police WSGA --reason 涉嫌伪造机动车号牌"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Police agency code.") var police: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .referToPolice(policeAgency: police, reasonZh: reason) } }
    }

    struct TransferOut: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "transfer-out", abstract: "Hand the case to the agency with jurisdiction.",
            discussion: Help.discussion(examples:
                "jointops case transfer-out CASE-2026-0016 --to WSSJ --reason 属市场监管部门管辖"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Receiving agency code.") var to: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .transferOut(toAgency: to, reasonZh: reason) } }
    }

    struct DecideOnSpot: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-on-spot",
            abstract: "Summary procedure (简易程序): a warning or small fine decided on the spot; opens a case.",
            discussion: Help.discussion(examples:
                "jointops case decide-on-spot --agency WSZD --officer ZF-01 --officer ZF-02 --form 乌交当场〔2026〕0031 --party-name 张三 --party-id 654202199001011234 --act-date 2026-05-06 --act-place 乌苏市北京路 --sector 出租车 --description 未按规定使用计价器 --fine 200 --basis TAXI-47"))
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
        static let configuration = CommandConfiguration(commandName: "serve-decision", abstract: "Record service of the decision.",
            discussion: Help.discussion(examples:
                "jointops case serve-decision CASE-2026-0012 --method inPerson",
                "jointops case serve-decision CASE-2026-0012 --method electronic --consent 送达地址确认书〔2026〕12号"))
        @Argument(help: .caseId) var id: String
        @Option(help: "How the decision reached the party.") var method: ServiceMethod
        @Option(help: "Reference of the party's consent (electronic service).") var consent: String?
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) { .serveDecision(method: method, consentRef: consent) }
        }
    }

    struct RevokeDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-decision",
            abstract: "Record that the decision was changed, revoked or declared void.",
            discussion: Help.discussion(examples:
                "jointops case revoke-decision CASE-2026-0012 --by 乌苏市人民政府（复议决定） --reason 认定事实不清"))
        @Argument(help: .caseId) var id: String
        @Option(help: "By whom (Chinese), e.g. 乌苏市人民政府（复议决定）.") var by: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .revokeDecision(byZh: by, reasonZh: reason) } }
    }
}

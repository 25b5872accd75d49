import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct ReferralCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral",
        abstract: "Referrals (移送): licensing window → brigade, between agencies, to the police.",
        discussion: Help.discussion(examples: "jointops referral list", "jointops referral show REF-2026-0002"),
        subcommands: [Send.self, Accept.self, Reject.self, RecordFeedback.self, Show.self, List.self]
    )

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a referral; prints the new REF-YYYY-NNNN id.",
            discussion: Help.discussion(examples:
                "jointops referral send --kind suspectedCrimeToPolice --from WSZD --to WSGA --subject 涉嫌伪造号牌 --case CASE-2026-0015 --plate 新G·12345",
                "jointops referral send --kind agencyToAgency --from WSZD --to WSSJ --subject 车辆维修点无照经营"))
        @Option(help: "Which way the referral goes.") var kind: ReferralKind
        @Option(help: "Sending agency code.") var from: String
        @Option(help: "Receiving agency code.") var to: String
        @Option(help: "What is referred (Chinese).") var subject: String
        @Option(name: .customLong("case"), help: "Linked case id.") var caseId: String?
        @Option(help: "Vehicle plate.") var plate: String?
        @OptionGroup var operation: OperationLinkOptions
        @OptionGroup var options: WriteOptions
        func run() throws {
            let caseId = try caseId.map { try StreamKind.case.parse($0) }
            let link = try operation.link()
            try options.create(ReferralDecider.self, .referral) {
                .send(referralId: $0, kind: kind, from: from, to: to, subjectZh: subject, caseId: caseId, plate: plate,
                      operation: link)
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The receiving agency accepts the referral.",
            discussion: Help.discussion(examples:
                "jointops referral accept REF-2026-0002 --accepted-by GA-01"))
        @Argument(help: .referralId) var id: String
        @Option(name: .customLong("accepted-by"), help: "Officer id of the receiving agency's officer who accepted it.") var acceptedBy: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeReferral(id) { .accept(acceptedBy: acceptedBy) } }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The receiving agency refuses the referral.",
            discussion: Help.discussion(examples:
                "jointops referral reject REF-2026-0002 --reason 不属于本机关管辖"))
        @Argument(help: .referralId) var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeReferral(id) { .reject(reasonZh: reason) } }
    }

    struct RecordFeedback: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record-feedback", abstract: "Record what the receiver did.",
            discussion: Help.discussion(examples:
                "jointops referral record-feedback REF-2026-0002 --outcome 已立案侦查"))
        @Argument(help: .referralId) var id: String
        @Option(help: "Outcome (Chinese).") var outcome: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeReferral(id) { .recordFeedback(outcomeZh: outcome) } }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a referral: where it goes and how it stands.",
            discussion: Help.discussion(examples:
                "jointops referral show REF-2026-0002"))
        @Argument(help: .referralId) var id: String
        @OptionGroup var output: FormatOption
        func run() throws {
            let id = try StreamKind.referral.parse(id)
            let s = try connectedApplication().load(ReferralDecider.self, id: id, kind: .referral)
            let kind: [KeyValueEntry] = s.kind.map { [.coded("kind", $0)] } ?? [.plain("kind", "")]
            try emit(.keyValue([.plain("id", id)] + kind + [.plain("from", s.from ?? ""), .plain("to", s.to ?? ""),
                            .coded("status", s.status), .plain("sent", s.sentOn?.description ?? ""),
                            .plain("answered", s.answeredOn?.description ?? ""),
                            .plain("next", ReferralDecider.next(after: s).joined(separator: ", "))]), output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List referrals.",
            discussion: Help.discussion(examples:
                "jointops referral list",
                "jointops referral list --format csv"))
        @OptionGroup var output: FormatOption
        func run() throws {
            let referrals = try connectedApplication().loadAll(ReferralDecider.self, kind: .referral)
            try emit(Table(["id", "kind", "kind_zh", "from", "to", "status", "status_zh", "sent", "answered"],
                           rows: referrals.map { id, s in
                [id, s.kind?.rawValue ?? "", s.kind?.labelZh ?? "", s.from ?? "", s.to ?? "", s.status.rawValue,
                 s.status.labelZh, s.sentOn?.description ?? "", s.answeredOn?.description ?? ""]
            }, kinds: [.text, .code, .text, .text, .text, .code, .text, .text, .text]), output)
        }
    }
}

import ArgumentParser
import Enforcement
import Foundation
import JointOps

func referralWrite(_ id: String, _ options: WriteOptions, _ command: @escaping () throws -> ReferralCommand) {
    guarded {
        let id = try parseId(id, .referral)
        let request = try options.request()
        let format = try options.outputFormat()
        let command = try command()
        withApplication { app in
            let outcome = try app.handler(ReferralDecider.self).handle(command, on: id, kind: .referral, request: request)
            report(outcome, status: outcome.state.status.rawValue, next: [], format: format)
        }
    }
}

struct ReferralCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral",
        abstract: "Referrals (移送): licensing window → brigade, between agencies, to the police.",
        subcommands: [Send.self, Accept.self, Reject.self, RecordFeedback.self, List.self]
    )

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a referral; prints the new REF-YYYY-NNNN id.")
        @Option(help: "licensingWindowToBrigade, agencyToAgency or suspectedCrimeToPolice.") var kind: String
        @Option(help: "Sending agency code.") var from: String
        @Option(help: "Receiving agency code.") var to: String
        @Option(help: "What is referred (Chinese).") var subject: String
        @Option(name: .customLong("case"), help: "Linked case id.") var caseId: String?
        @Option(help: "Vehicle plate.") var plate: String?
        @OptionGroup var options: WriteOptions
        func run() {
            guarded {
                let kind = try parseChoice(kind, option: "--kind", as: ReferralKind.self)
                let caseId = try caseId.map { try parseId($0, .case) }
                let request = try options.request()
                let format = try options.outputFormat()
                withApplication { app in
                    let outcome = try app.handler(ReferralDecider.self).create(.referral, request: request) {
                        .send(referralId: $0, kind: kind, from: from, to: to, subjectZh: subject, caseId: caseId, plate: plate)
                    }
                    report(outcome, status: outcome.state.status.rawValue, next: ["accept", "reject"], format: format)
                }
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The receiving agency accepts the referral.")
        @Argument var id: String
        @Option(name: .customLong("accepted-by")) var acceptedBy: String
        @OptionGroup var options: WriteOptions
        func run() { referralWrite(id, options) { .accept(acceptedBy: acceptedBy) } }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The receiving agency refuses the referral.")
        @Argument var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() { referralWrite(id, options) { .reject(reasonZh: reason) } }
    }

    struct RecordFeedback: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record-feedback", abstract: "Record what the receiver did.")
        @Argument var id: String
        @Option(help: "Outcome (Chinese).") var outcome: String
        @OptionGroup var options: WriteOptions
        func run() { referralWrite(id, options) { .recordFeedback(outcomeZh: outcome) } }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List referrals.")
        @OptionGroup var output: FormatOption
        func run() {
            guarded {
                let format = try output.outputFormat()
                withApplication { app in
                    let referrals = try app.loadAll(ReferralDecider.self, kind: .referral)
                    emit(Table(["id", "kind", "from", "to", "status", "sent", "answered"], rows: referrals.map { id, s in
                        [id, s.kind?.rawValue ?? "", s.from ?? "", s.to ?? "", s.status.rawValue,
                         s.sentOn?.description ?? "", s.answeredOn?.description ?? ""]
                    }), format)
                }
            }
        }
    }
}

import ArgumentParser
import Enforcement
import Foundation
import JointOps

extension CorrectableField: Choice {}

// Corrections (更正): a wrong entry is corrected by a later event, never edited.
extension CaseCommandGroup {
    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a recorded field (更正) with a reason; the original stays in the history.",
            discussion: """
                Before the decision is served any recorded field may be corrected; after service only clerical
                errors (partyName, partyId, plate, actPlace, actDescription). The penalty (fine), the legal basis and
                the party's identity (partyKind) then change only by revoking the decision and deciding anew.
                (Rule to be confirmed by the bureau, 待确认.) A published decision is republished masked, marked 更正.
                """)
        @Argument var id: String
        @Option(help: "The field to correct.") var field: CorrectableField
        @Option(help: "The right value: text, a date YYYY-MM-DD, yuan, or a code (partyKind, sector).") var value: String
        @Option(help: "Why the entry was wrong (Chinese).") var reason: String
        @Option(help: "The correcting officer (default: --actor).") var officer: String?
        @OptionGroup var options: WriteOptions
        func run() throws {
            let request = try options.request()
            try options.writeCase(id) {
                .correct(field: field, value: value, reasonZh: reason, officer: officer ?? request.actor)
            }
        }
    }
}

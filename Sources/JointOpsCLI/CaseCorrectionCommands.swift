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
            discussion: Help.discussion("""
                Before the decision is served any recorded field may be corrected; after service only clerical
                errors (partyName, partyId, plate, actPlace, actDescription). The penalty (fine), the legal basis and
                the party's identity (partyKind) then change only by revoking the decision and deciding anew.
                (Rule to be confirmed by the bureau, 待确认.) A published decision is republished masked, marked 更正.
                """, examples: "jointops case correct CASE-2026-0012 --field partyName --value 张三 --reason 当事人姓名录入错误",
                "jointops case correct CASE-2026-0012 --field sector --value 黑车 --reason 行业类别选错"))
        @Argument(help: .caseId) var id: String
        @Option(help: "The field to correct.") var field: CorrectableField
        @Option(help: "The right value: text, a date YYYY-MM-DD, yuan, or a code (partyKind, sector).") var value: String
        @Option(help: "Why the entry was wrong (Chinese).") var reason: String
        @Option(help: "The correcting officer (default: the officer your login is bound to, or --on-behalf-of).")
        var officer: String?
        @OptionGroup var options: WriteOptions
        func run() throws {
            let caseId = try StreamKind.case.parse(id)
            try options.write(CaseDecider.self) { handler, request in
                // The correcting officer is whoever the login acts as unless the form names another.
                let acting = try handler.application.actor(for: request).officer
                // A coded field is stored by its code, however the officer named the value (黑车 → blackCar).
                let coded = field == .sector ? Sector.named(value)?.rawValue : field == .partyKind ? PartyKind.named(value)?.rawValue : nil
                let command = CaseCommand.correct(field: field, value: coded ?? value, reasonZh: reason,
                                                  officer: officer ?? acting ?? "")
                return try handler.handle(command, on: caseId, kind: .case, request: request)
            }
        }
    }
}

// The correction of a recorded field (更正), a phase of its own: it can come at any step once party and act are known.
extension CaseCommand {
    public enum Correction: Sendable, Equatable {
        /// Corrects `field` to `value` (text as typed: a date YYYY-MM-DD, yuan, a code), for `reasonZh`, by `officer`.
        case correct(field: CorrectableField, value: String, reasonZh: String, officer: String)
    }

    public static func correct(field: CorrectableField, value: String, reasonZh: String, officer: String) -> Self {
        .correction(.correct(field: field, value: value, reasonZh: reasonZh, officer: officer))
    }
}

extension CaseCommand.Correction: CaseCommandPhase {
    public var action: CaseAction { .correct }
}

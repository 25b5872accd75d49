/// Why a correction (更正) was refused. Carried by `Rejection.correction`.
public enum CorrectionRejection: Error, Equatable, Sendable {
    /// After service only clerical errors are corrected; this field changes by revoking and deciding anew.
    case notClericalAfterService(field: CorrectableField, caseId: String, servedOn: LocalDate)
    /// The value cannot be read as the field's kind (a date, a whole number, one of a list).
    case invalidValue(field: CorrectableField, value: String, expected: String)
    /// The case has no such recorded value: no party or act yet, or no decided penalty for `fine`/`legalBasis`.
    case fieldNotRecorded(field: CorrectableField, caseId: String)
    /// A corrected act date would fall after the case was opened.
    case actAfterCaseOpened(actDate: LocalDate, openedOn: LocalDate)

    /// One sentence: what is wrong, then what to do, with next steps spelled by `render`.
    public func message(rendering render: (NextStep) -> String) -> String {
        switch self {
        case let .notClericalAfterService(field, id, served):
            "the decision of case \(id) was served on \(served): after service only clerical errors (当事人姓名或名称, "
                + "证件号码, 车牌号, 违法地点, 违法事实) may be corrected, and \(field.labelZh) (\(field.rawValue)) changes "
                + "only by revoking the decision with \(render(.onCase(.revokeDecision, caseId: id))) and deciding anew"
        case let .invalidValue(field, value, expected):
            "`\(value)` is not a valid \(field.labelZh) (\(field.rawValue)): give \(expected)"
        case let .fieldNotRecorded(field, id):
            field.isPenaltyField
                ? "case \(id) has no decided penalty, so there is no \(field.labelZh) (\(field.rawValue)) to correct: "
                    + "an intended penalty changes by serving a new notice with \(render(.onCase(.serveNotice, caseId: id)))"
                : "case \(id) has no party and act recorded yet, so there is no \(field.labelZh) (\(field.rawValue)) to "
                    + "correct: record them when filing"
        case let .actAfterCaseOpened(actDate, openedOn):
            "the act cannot be dated \(actDate), after the case was opened on \(openedOn): give \(openedOn) or earlier"
        }
    }

    /// A value that cannot be read is bad input (exit 2); everything else is a refused rule (exit 3).
    public var category: RejectionCategory {
        switch self {
        case .invalidValue: .invalidInput
        case .notClericalAfterService, .fieldNotRecorded, .actAfterCaseOpened: .ruleRefused
        }
    }
}

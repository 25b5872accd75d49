import Foundation

/// A decision number (决定书文号) as an agency issues it: used once per agency and year.
///
/// The application claims it as its own stream, ``streamId``, in the same transaction as the decision:
/// two officers deciding with the same number at the same moment cannot both succeed, since only one
/// transaction can create that stream.
public struct DecisionNumber: Hashable, Sendable {
    public var agency: String
    public var year: Int
    /// The number as typed, without surrounding blanks.
    public var number: String

    public init(agency: String, year: Int, number: String) {
        self.agency = agency
        self.year = year
        self.number = number.trimmingCharacters(in: .whitespaces)
    }

    /// The stream that holds the claim: `DECNO-<agency>-<year>-<number>`.
    public var streamId: String { "DECNO-\(agency)-\(year)-\(number)" }

    /// The stored type of the one event in a claim stream.
    public static let claimedEventType = "DecisionNumberClaimed"
}

extension CaseDecider {
    /// The decision numbers `command` would use, dated `date`: the handler looks them up for
    /// `DecisionContext.decisionNumbersUsed` and claims them with the decision.
    public static func decisionNumbers(for command: CaseCommand, state: CaseState, on date: LocalDate) -> [DecisionNumber] {
        switch command {
        case let .outcome(.decidePenalty(_, number)), let .outcome(.decideNoPenalty(_, number)):
            guard let agency = state.agency, !number.isBlank else { return [] }
            return [DecisionNumber(agency: agency, year: date.year, number: number)]
        case .opening, .investigation, .seizure, .procedure, .outcome, .afterDecision, .execution:
            return []
        case .duringOperation(let command, _):
            return decisionNumbers(for: command, state: state, on: date)
        }
    }

    /// No number used twice by an agency in a year (the number identifies the decision in court and in
    /// the register).
    static func checkDecisionNumberFree(_ command: CaseCommand.Outcome, _ state: CaseState,
                                        _ context: DecisionContext) throws(Rejection) {
        for claimed in decisionNumbers(for: .outcome(command), state: state, on: context.today) {
            if let holder = context.decisionNumbersUsed[claimed], holder != state.caseId {
                throw .decisionNumberTaken(number: claimed.number, agency: claimed.agency, year: claimed.year,
                                           by: holder)
            }
        }
    }
}

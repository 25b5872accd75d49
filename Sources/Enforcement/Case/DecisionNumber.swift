import Foundation

/// A decision number (决定书文号) as an agency issues it: used once per agency and year. An on-the-spot
/// decision is written on a pre-numbered form (当场行政处罚决定书): its number is used once per agency.
///
/// The application claims it as its own stream, ``streamId``, in the same transaction as the decision:
/// two officers deciding with the same number at the same moment cannot both succeed, since only one
/// transaction can create that stream.
public struct DecisionNumber: Hashable, Sendable {
    /// Which series the number belongs to.
    public enum Series: String, Sendable {
        /// Numbers the agency gives its decisions, per year.
        case decision
        /// The printed numbers of the on-the-spot decision forms, per agency whatever the year.
        case onSpotForm
    }

    public var agency: String
    public var year: Int
    /// The number as typed, without surrounding blanks.
    public var number: String
    public var series: Series

    public init(agency: String, year: Int, number: String, series: Series = .decision) {
        self.agency = agency
        self.year = year
        self.number = number.trimmingCharacters(in: .whitespaces)
        self.series = series
    }

    /// The stream that holds the claim: `DECNO-<agency>-<year>-<number>`, or `FORMNO-<agency>-<number>` for a form.
    public var streamId: String {
        switch series {
        case .decision: "DECNO-\(agency)-\(year)-\(number)"
        case .onSpotForm: "FORMNO-\(agency)-\(number)"
        }
    }

    /// The refusal when case `holder` claimed the number first.
    public func taken(by holder: String) -> Rejection {
        switch series {
        case .decision: .decisionNumberTaken(number: number, agency: agency, year: year, by: holder)
        case .onSpotForm: .formNumberTaken(number: number, agency: agency, by: holder)
        }
    }

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
        case let .outcome(.decideOnSpot(_, agency, _, _, _, _, formNumber)):
            guard !formNumber.isBlank else { return [] }
            return [DecisionNumber(agency: agency, year: date.year, number: formNumber, series: .onSpotForm)]
        case .opening, .investigation, .seizure, .procedure, .outcome, .afterDecision, .execution, .correction:
            return []
        case .duringOperation(let command, _):
            return decisionNumbers(for: command, state: state, on: date)
        case .importCase(let row):
            return row.decisionNumberClaim.map { [$0] } ?? []
        }
    }

    /// No number used twice by an agency in a year, no on-the-spot form twice by an agency (the number
    /// identifies the decision in court and in the register).
    static func checkDecisionNumberFree(_ command: CaseCommand.Outcome, _ state: CaseState,
                                        _ context: DecisionContext) throws(Rejection) {
        for claimed in decisionNumbers(for: .outcome(command), state: state, on: context.today) {
            if let holder = context.decisionNumbersUsed[claimed], holder != state.caseId { throw claimed.taken(by: holder) }
        }
    }
}

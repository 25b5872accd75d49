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
    /// The number as typed, without surrounding blanks: the officer's spelling, shown in messages.
    public var number: String
    public var series: Series

    /// The number's identity, whatever the spelling (``canonical(_:)``): two numbers with one key are one number.
    public var claimKey: String { Self.canonical(number) }

    public init(agency: String, year: Int, number: String, series: Series = .decision) {
        self.agency = agency
        self.year = year
        self.number = number.trimmingCharacters(in: .whitespaces)
        self.series = series
    }

    /// The stream that holds the claim: `DECNO-<agency>-<year>-<key>`, or `FORMNO-<agency>-<key>` for a form,
    /// `key` being ``claimKey``.
    public var streamId: String { streamId(for: claimKey) }

    /// The stream an earlier version claimed this spelling under: keyed by the number as typed. The lookup
    /// reads it and compares the stored claims' numbers by ``claimKey``, so an old claim still holds its number.
    public var legacyStreamId: String { streamId(for: number) }

    private func streamId(for key: String) -> String {
        switch series {
        case .decision: "DECNO-\(agency)-\(year)-\(key)"
        case .onSpotForm: "FORMNO-\(agency)-\(key)"
        }
    }

    /// One spelling per number: blanks dropped, full-width letters and digits made half-width, letters upper-case,
    /// and every bracket pair (〔〕 [] 【】 ［］ () （）) written 〔〕, the form of the official standard (GB/T 9704).
    /// The common typed form 乌交执罚〔2026〕1号 is its own key, so most claims made before keep their stream.
    public static func canonical(_ text: String) -> String {
        var key = ""
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            var scalar = scalar
            // Full-width forms U+FF01…U+FF5E sit 0xFEE0 above their ASCII letters, digits and brackets.
            if (0xFF01...0xFF5E).contains(scalar.value), let narrow = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalar = narrow
            }
            switch scalar {
            case "[", "【", "(", "〖", "﹝": key.append("〔")
            case "]", "】", ")", "〗", "﹞": key.append("〕")
            default: key.append(String(scalar).uppercased())
            }
        }
        return key
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

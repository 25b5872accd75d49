/// Decides on the service commitments (one stream, like the registry: administrators keep it).
public enum CommitmentDecider: Decider {
    public typealias Command = CommitmentCommand
    public typealias Event = CommitmentEvent
    public typealias State = CommitmentState

    public static var initialState: CommitmentState { CommitmentState() }

    public static func decide(_ command: CommitmentCommand, state: CommitmentState,
                              context: DecisionContext) throws(Rejection) -> [CommitmentEvent] {
        switch command {
        case .set(let commitment):
            try check(commitment)
            guard context.reference.agencies[commitment.agency] != nil else { throw .unknownAgency(commitment.agency) }
            if let latest = state.versions[commitment.code]?.last {
                // Setting the version in force again changes nothing.
                if latest == commitment { return [] }
                guard commitment.from > latest.from else {
                    throw .ruleOfLaw(.commitmentNotAfterLatest(code: commitment.code, from: commitment.from, latest: latest.from))
                }
            }
            return [.set(.init(commitment: commitment, setOn: context.today))]
        }
    }

    public static func evolve(_ state: CommitmentState, _ event: CommitmentEvent) -> CommitmentState {
        var state = state
        switch event {
        case .set(let e):
            var versions = state.versions[e.commitment.code, default: []].filter { $0.from != e.commitment.from }
            versions.append(e.commitment)
            state.versions[e.commitment.code] = versions.sorted { $0.from < $1.from }
        }
        return state
    }

    /// A code, Chinese text, statutory days from 1 to the bound, and a commitment no slower than the law.
    static func check(_ commitment: ServiceCommitment) throws(Rejection) {
        guard ServiceCommitment.isCode(commitment.code) else { throw .ruleOfLaw(.malformedCode(commitment.code)) }
        try RuleOfLawRejection.requireChinese(commitment.serviceZh, "service")
        if let note = commitment.noteZh { try RuleOfLawRejection.requireChinese(note, "note") }
        let statutory = commitment.statutoryWorkingDays, committed = commitment.committedWorkingDays
        guard statutory >= 1 else { throw .notPositive(field: "statutory working days", value: statutory) }
        guard statutory <= ServiceCommitment.maximumWorkingDays else {
            throw .figureTooLarge(field: "statutory working days", value: statutory, maximum: ServiceCommitment.maximumWorkingDays)
        }
        guard committed >= 0 else { throw .negativeCount(field: "committed working days", agency: commitment.agency) }
        guard committed <= statutory else {
            throw .ruleOfLaw(.commitmentBeyondStatute(committed: committed, statutory: statutory))
        }
    }
}

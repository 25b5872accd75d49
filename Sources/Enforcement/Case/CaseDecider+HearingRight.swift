// The hearing right comes from the law (APL 63, domain-notes §1.2 row 5a), not from the officer's flag.
extension CaseDecider {
    /// The hearing right a notice of `intended` carries: required by law when the penalty is one of APL 63's,
    /// else granted voluntarily when the officer asked for it, else none. The flag can add a right, never remove one.
    static func hearingRight(for intended: Penalty, requested: Bool, _ state: CaseState,
                             _ context: DecisionContext) -> (basis: HearingRightBasis?, grounds: [HearingRightGround]) {
        let grounds = requiredHearingGrounds(for: intended, state, context)
        if !grounds.isEmpty { return (.requiredByLaw, grounds) }
        return (requested ? .grantedVoluntarily : nil, [])
    }

    /// A decision the law attaches a hearing right to needs a notice that told the party of it: waiving the
    /// statement and defence (APL 62) does not waive the hearing.
    static func checkHearingRightOffered(for penalty: Penalty, _ state: CaseState,
                                         _ context: DecisionContext) throws(Rejection) {
        let grounds = requiredHearingGrounds(for: penalty, state, context)
        guard !grounds.isEmpty, state.notice == nil || !state.noticeGrantsHearing else { return }
        throw .hearingRightNotOffered(caseId: state.caseId ?? "?", grounds: grounds)
    }

    private static func requiredHearingGrounds(for penalty: Penalty, _ state: CaseState,
                                               _ context: DecisionContext) -> [HearingRightGround] {
        guard let party = state.party else { return [] }
        let threshold = context.legalBases.hearingThresholds.threshold(forAgency: state.agency)
        return HearingRightGround.grounds(for: penalty, party: party.kind, threshold: threshold)
    }
}

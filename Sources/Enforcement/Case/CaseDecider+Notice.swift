// The pre-decision notice (告知, APL 44): the legal basis checked and the hearing right derived from the penalty.
extension CaseDecider {
    /// Serves the pre-decision notice (APL 44): the basis checked, the hearing right derived from the penalty.
    static func serveNotice(_ intended: Penalty, hearingRight requested: Bool, _ state: CaseState,
                            _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let today = context.today
        try checkShape(intended)
        guard let party = state.party, let act = state.act else {
            throw .notAllowedNow(aggregate: "case", id: state.caseId ?? "?", status: state.status.rawValue,
                                 command: .case(.serveNotice))
        }
        let intended = try lawfulPenalty(intended, party: party, act: act, context: context)
        // After the basis is looked up, so an unknown basis is reported as the typing error it is.
        try requireMainLineOrder(.notice, state, context)
        if state.hearingIsPending { throw .hearingPending(state.caseId ?? "?") }
        // APL 45: once the party has defended itself, a new notice may not announce a heavier fine.
        if let earlier = state.defendedNoticeFineYuan, intended.fineYuan > earlier {
            throw .penaltyIncreasedAfterDefence(earlierYuan: earlier, newYuan: intended.fineYuan)
        }
        let right = hearingRight(for: intended, requested: requested, state, context)
        let due: Deadline? = right.basis == nil ? nil : context.deadline { c, j in
            Deadlines.hearingRequest(noticeServed: today, calendar: c, in: j)
        }
        return [.noticeServed(.init(intended: intended, hearingRight: right.basis != nil, servedOn: today,
                                    hearingRequestDue: due, hearingRightBasis: right.basis,
                                    hearingRightGrounds: right.basis == nil ? nil : right.grounds))]
    }
}

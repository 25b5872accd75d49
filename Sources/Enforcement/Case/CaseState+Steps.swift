// The dates procedural steps may not precede. `mainLine` is the latest step of the procedure proper (lead,
// filing, review, notice, hearing, decision, service, closing); `latestStep` also counts the steps beside it after
// the decision (publication, payment, enforcement, revocation). Investigative records (evidence, preservation,
// seizures, assignments) count for neither: they may precede the filing and be recorded late.
extension CaseState {
    /// Moves the step lines for `event`.
    mutating func recordStep(_ event: CaseEvent) {
        guard let (step, date, isMainLine) = Self.step(of: event) else { return }
        if isMainLine { mainLine = LastStep.latest(mainLine, step, on: date) }
        latestStep = LastStep.latest(latestStep, step, on: date)
    }

    /// The procedural step an event records, its date, and whether it is on the main line.
    private static func step(of event: CaseEvent) -> (DatedStep, LocalDate, Bool)? {
        switch event {
        case .leadReceived(let e): (.lead, e.receivedOn, true)
        case .filed(let e): (.filing, e.filedOn, true)
        case .filingDeclined(let e): (.filingDeclined, e.declinedOn, true)
        case .investigationConcluded(let e): (.investigationConcluded, e.concludedOn, true)
        case .legalReviewRequested(let e): (.reviewRequest, e.requestedOn, true)
        case .legalReviewPassed(let e): (.review, e.passedOn, true)
        case .legalReviewReturned(let e): (.review, e.returnedOn, true)
        case .noticeServed(let e): (.notice, e.servedOn, true)
        case .statementReceived(let e): (.statement, e.receivedOn, true)
        case .statementWaived(let e): (.statement, e.waivedOn, true)
        case .hearingRequested(let e): (.hearingRequest, e.requestedOn, true)
        case .hearingScheduled(let e): (.hearingScheduling, e.scheduledOn, true)
        case .hearingHeld(let e): (.hearing, e.heldOn, true)
        case .hearingWaived(let e): (.hearingWaiver, e.waivedOn, true)
        case .penaltyDecided(let e): (.decision, e.decidedOn, true)
        case .noPenaltyDecided(let e): (.decision, e.decidedOn, true)
        case .decidedOnSpot(let e): (.decision, e.decidedOn, true)
        case .criminalReferralMade(let e): (.referralToPolice, e.referredOn, true)
        case .transferredOut(let e): (.transfer, e.transferredOn, true)
        case .decisionServed(let e): (.service, e.servedOn, true)
        case .closed(let e): (.closing, e.closedOn, true)
        case .archived(let e): (.archiving, e.archivedOn, true)
        case .decisionPublished(let e): (.publication, e.publishedOn, false)
        case .publicationWithheld(let e): (.withholding, e.withheldOn, false)
        case .decisionRevoked(let e): (.revocation, e.revokedOn, false)
        case .publicationWithdrawn(let e): (.withdrawal, e.withdrawnOn, false)
        case .paymentReceived(let e): (.payment, e.receivedOn, false)
        case .enforcementDemandServed(let e): (.demand, e.servedOn, false)
        case .courtEnforcementApplied(let e): (.courtApplication, e.appliedOn, false)
        case .onSpotDecisionFiled(let e): (.onSpotFiling, e.filedOn, false)
        // An imported history ends at its last dated step; later commands follow that one.
        case .imported(let e):
            [(DatedStep.filing, e.filedOn), (.decision, e.decidedOn), (.service, e.servedOn), (.publication, e.publishedOn),
             (.payment, e.paidOn), (.closing, e.closedOn)]
                .compactMap { step, date in date.map { (step, $0, true) } }.max { $0.1 < $1.1 }
        // A correction changes a recorded value, not where the procedure stands.
        case .officersAssigned, .evidenceRecorded, .evidencePreserved, .preservedEvidenceResolved, .vehicleSeized,
             .seizureExtended, .vehicleReleased, .vehicleConfiscated, .corrected:
            nil
        }
    }
}

extension CaseDecider {
    /// A step of the procedure proper may not be dated before the latest one (both dates in the refusal).
    static func requireMainLineOrder(_ step: DatedStep, _ state: CaseState, _ context: DecisionContext) throws(Rejection) {
        try Rejection.requireOrder(step, on: context.today, after: state.mainLine)
    }

    /// Closing, archiving and withdrawing follow every step, those beside the main line included.
    static func requireLatestOrder(_ step: DatedStep, _ state: CaseState, _ context: DecisionContext) throws(Rejection) {
        try Rejection.requireOrder(step, on: context.today, after: state.latestStep)
    }
}

/// Which clocks an event stops by doing the act they wait for: the one definition the write side's late
/// warning and the read models' on-time and late marks share (``DeadlineStatus``).
extension CaseState {
    /// The clocks `event` stops, judged on the state before it, each with the day the act was done: the
    /// case-level clocks it completes and the seizures it ends (release or confiscation), on time or late.
    public func clocksStopped(by event: CaseEvent) -> [CompletedDeadline] {
        let after = CaseDecider.evolve(self, event)
        let doneOn = event.businessDate
        var stopped: [CompletedDeadline] = []
        for (kind, deadline) in deadlines.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where after.deadlines[kind] == nil && Self.discharges(kind, event) {
            stopped.append(CompletedDeadline(deadline: deadline, doneOn: doneOn))
        }
        for seizure in seizures.values.sorted(by: { $0.plate < $1.plate })
        where seizure.isActive && after.seizures[seizure.plate]?.isActive == false && Self.discharges(.seizure, event) {
            stopped.append(CompletedDeadline(deadline: seizure.deadline, doneOn: doneOn))
        }
        return stopped
    }

    /// Whether `event` is the act a clock of `kind` waits for (otherwise the clock was cancelled).
    public static func discharges(_ kind: DeadlineKind, _ event: CaseEvent) -> Bool {
        switch (kind, event) {
        case (.filing, .filed), (.filing, .filingDeclined), (.filing, .decidedOnSpot),
             (.evidencePreservation, .preservedEvidenceResolved),
             (.seizure, .vehicleReleased), (.seizure, .vehicleConfiscated),
             (.hearingRequest, .hearingRequested), (.hearingRequest, .hearingWaived),
             (.decision, .penaltyDecided), (.decision, .noPenaltyDecided),
             (.decision, .criminalReferralMade), (.decision, .transferredOut),
             (.service, .decisionServed),
             (.publication, .decisionPublished),
             (.publicationWithdrawal, .publicationWithdrawn),
             (.payment, .paymentReceived),
             (.onSpotFiling, .onSpotDecisionFiled):
            return true
        default:
            return false
        }
    }
}

extension CaseEvent {
    /// The business date an event carries.
    public var businessDate: LocalDate {
        switch self {
        case .leadReceived(let e): e.receivedOn
        case .filed(let e): e.filedOn
        case .filingDeclined(let e): e.declinedOn
        case .officersAssigned(let e): e.assignedOn
        case .evidenceRecorded(let e): e.recordedOn
        case .evidencePreserved(let e): e.preservedOn
        case .preservedEvidenceResolved(let e): e.resolvedOn
        case .vehicleSeized(let e): e.seizedOn
        case .seizureExtended(let e): e.extendedOn
        case .vehicleReleased(let e): e.releasedOn
        case .vehicleConfiscated(let e): e.confiscatedOn
        case .investigationConcluded(let e): e.concludedOn
        case .legalReviewRequested(let e): e.requestedOn
        case .legalReviewPassed(let e): e.passedOn
        case .legalReviewReturned(let e): e.returnedOn
        case .noticeServed(let e): e.servedOn
        case .statementReceived(let e): e.receivedOn
        case .statementWaived(let e): e.waivedOn
        case .hearingRequested(let e): e.requestedOn
        case .hearingScheduled(let e): e.scheduledOn
        case .hearingHeld(let e): e.heldOn
        case .hearingWaived(let e): e.waivedOn
        case .penaltyDecided(let e): e.decidedOn
        case .noPenaltyDecided(let e): e.decidedOn
        case .criminalReferralMade(let e): e.referredOn
        case .transferredOut(let e): e.transferredOn
        case .decidedOnSpot(let e): e.decidedOn
        case .decisionServed(let e): e.servedOn
        case .decisionPublished(let e): e.publishedOn
        case .publicationWithheld(let e): e.withheldOn
        case .decisionRevoked(let e): e.revokedOn
        case .publicationWithdrawn(let e): e.withdrawnOn
        case .paymentReceived(let e): e.receivedOn
        case .enforcementDemandServed(let e): e.servedOn
        case .courtEnforcementApplied(let e): e.appliedOn
        case .onSpotDecisionFiled(let e): e.filedOn
        case .closed(let e): e.closedOn
        case .archived(let e): e.archivedOn
        case .corrected(let e): e.correctedOn
        case .imported(let e): e.closedOn ?? e.filedOn ?? e.decidedOn ?? e.act.date
        }
    }
}

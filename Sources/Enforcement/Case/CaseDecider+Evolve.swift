// Folding events into the case state. Total: every event applies in any state without failing, and every event
// is listed, so a new one does not compile until it says what it changes.
extension CaseDecider {
    public static func evolve(_ state: CaseState, _ event: CaseEvent) -> CaseState {
        var s = state
        s.justCompleted = []
        s.recordStep(event)
        switch event {
        case .leadReceived(let e):
            s.caseId = e.caseId
            s.agency = e.agency
            s.source = e.source
            s.leadReceivedOn = e.receivedOn
            s.status = .leadReceived
            s.deadlines[.filing] = e.filingDue
        case .filed(let e):
            s.caseId = e.caseId
            s.agency = e.agency
            s.party = e.party
            s.act = e.act
            s.filedOn = e.filedOn
            if let source = e.source { s.source = source }   // after a lead, the lead's source stands
            s.limitationExpires = e.limitationExpires
            s.status = .investigating
            s.complete(.filing, on: e.filedOn)
            s.deadlines[.decision] = e.decisionDue
        case .filingDeclined:
            s.status = .filingDeclined
            s.deadlines[.filing] = nil
        case .officersAssigned(let e):
            s.assignedOfficers = e.officers
            s.investigators.formUnion(e.officers)
        case .evidenceRecorded(let e):
            s.evidenceCount += 1
            s.investigators.formUnion(e.officers)
        case .evidencePreserved(let e):
            s.preservationPending = true
            s.investigators.formUnion(e.officers)
            s.deadlines[.evidencePreservation] = e.decisionDue
        case .preservedEvidenceResolved(let e):
            s.preservationPending = false
            s.complete(.evidencePreservation, on: e.resolvedOn)
        case .vehicleSeized(let e):
            s.seizures[e.plate] = .init(plate: e.plate, seizedOn: e.seizedOn, deadline: e.due, extended: false, end: nil)
            s.investigators.formUnion(e.officers)
        case .seizureExtended(let e):
            s.seizures[e.plate]?.extended = true
            s.seizures[e.plate]?.deadline = e.due
        case .vehicleReleased(let e):
            s.seizures[e.plate]?.end = .released
            s.seizures[e.plate]?.endedOn = e.releasedOn
        case .vehicleConfiscated(let e):
            s.seizures[e.plate]?.end = .confiscated
            s.seizures[e.plate]?.endedOn = e.confiscatedOn
        case .investigationConcluded(let e):
            s.status = .investigationConcluded
            s.complex = e.complex
            s.majorPublicInterest = e.majorPublicInterest
        case .legalReviewRequested: s.legalReview = .requested
        case .legalReviewPassed: s.legalReview = .passed
        case .legalReviewReturned: s.legalReview = .returned
        case .noticeServed(let e):
            s.notice = e.intended
            s.noticeGrantsHearing = e.hearingRight
            s.noticeServedOn = e.servedOn
            s.hearing = .notRequested
            s.deadlines[.hearingRequest] = e.hearingRequestDue
        case .statementReceived:
            s.statement = .received
            s.recordDefence()
        case .statementWaived:
            s.statement = .waived
        case .hearingRequested(let e):
            s.hearing = .requested
            s.hearingRequestedOn = e.requestedOn
            s.complete(.hearingRequest, on: e.requestedOn)
            s.recordDefence()
        case .hearingScheduled(let e):
            s.hearing = .scheduled(date: e.date, chair: e.chair)
        case .hearingHeld(let e):
            s.hearing = .held(chair: e.chair)
            // The decision must rest on the hearing record (APL 65): a review passed before it no longer counts.
            if s.legalReview == .passed { s.legalReview = .notRequested }
        case .hearingWaived(let e):
            s.hearing = .waived
            // A waiver of the right itself answers the request window, like a request would.
            s.complete(.hearingRequest, on: e.waivedOn)
        case .penaltyDecided(let e):
            s.decide(.penalty(e.penalty), number: e.decisionNumber, on: e.decidedOn)
            s.deadlines[.service] = e.serviceDue
            s.deadlines[.publication] = e.publicationDue
        case .noPenaltyDecided(let e):
            s.decide(.noPenalty(e.reason), number: e.decisionNumber, on: e.decidedOn)
            s.deadlines[.service] = e.serviceDue
            s.deadlines[.publication] = e.publicationDue
        case .criminalReferralMade(let e):
            s.decide(.criminalReferral(policeAgency: e.policeAgency), number: nil, on: e.referredOn)
            s.status = .referredToPolice
        case .transferredOut(let e):
            s.decide(.transferredOut(toAgency: e.toAgency), number: nil, on: e.transferredOn)
            s.status = .transferredOut
        case .decidedOnSpot(let e):
            s.caseId = e.caseId
            s.agency = e.agency
            s.party = e.party
            s.act = e.act
            s.procedure = .summary
            s.assignedOfficers = e.officers
            s.investigators.formUnion(e.officers)
            s.deadlines[.filing] = nil
            s.decide(.penalty(e.penalty), number: e.formNumber, on: e.decidedOn)
            s.deadlines[.onSpotFiling] = e.onSpotFilingDue
            s.deadlines[.publication] = e.publicationDue
        case .decisionServed(let e):
            s.status = .served
            s.servedOn = e.servedOn
            s.complete(.service, on: e.servedOn)
            s.paymentDeadline = e.paymentDue
            s.deadlines[.payment] = e.paymentDue
        case .decisionPublished(let e):
            s.published = true
            s.complete(.publication, on: e.publishedOn)
        case .publicationWithheld(let e):
            s.publicationWithheld = e.reason
            // The law forbids publishing it: the clock closes without the act (neither on time nor late), so no
            // publication rate counts it, like the clocks of a revoked decision.
            s.deadlines[.publication] = nil
        case .decisionRevoked(let e):
            s.decisionRevoked = true
            // The obligations to serve, publish, collect and file the decision fell away with it: their clocks
            // close without an act (neither done nor overdue), so `case due` no longer lists them.
            for kind in [DeadlineKind.service, .publication, .payment, .onSpotFiling] { s.deadlines[kind] = nil }
            s.deadlines[.publicationWithdrawal] = e.withdrawalDue
        case .publicationWithdrawn(let e):
            s.publicationWithdrawn = true
            s.complete(.publicationWithdrawal, on: e.withdrawnOn)
        case .paymentReceived(let e):
            s.paidYuan += e.amountYuan
            if s.paidYuan >= s.fineYuan { s.complete(.payment, on: e.receivedOn) }
        case .enforcementDemandServed(let e):
            s.courtApplicationFrom = e.courtApplicationFrom
        case .courtEnforcementApplied:
            s.courtEnforcementApplied = true
        case .onSpotDecisionFiled(let e):
            s.onSpotDecisionFiled = true
            s.complete(.onSpotFiling, on: e.filedOn)
        case .closed:
            s.status = .closed
            // Closing stops the internal clocks, except a publication still to be withdrawn.
            s.deadlines = s.deadlines.filter { $0.key == .publicationWithdrawal }
        case .archived:
            s.status = .archived
        case .corrected(let e): s.correct(e)
        case .imported(let e): s.recordImport(e)
        }
        return s
    }
}

extension CaseState {
    /// The party defended itself against the current notice: its fine becomes a ceiling (APL 45).
    mutating func recordDefence() {
        guard let fine = notice?.fineYuan else { return }
        defendedNoticeFineYuan = min(defendedNoticeFineYuan ?? fine, fine)
    }

    /// The act `kind` waited for was done on `date`: the clock moves to the completed ones, late or not.
    mutating func complete(_ kind: DeadlineKind, on date: LocalDate) {
        guard let deadline = deadlines.removeValue(forKey: kind) else { return }
        completedDeadlines[kind] = CompletedDeadline(deadline: deadline, doneOn: date)
        justCompleted.append(kind)
    }

    /// Any decision ends the investigation clocks.
    mutating func decide(_ outcome: Outcome, number: String?, on date: LocalDate) {
        complete(.decision, on: date)
        self.outcome = outcome
        decisionNumber = number
        decidedOn = date
        status = .decided
        for kind in [DeadlineKind.filing, .decision, .hearingRequest, .evidencePreservation] { deadlines[kind] = nil }
    }
}

import Foundation

/// What happened to a case. Payload structs are in `CaseEvent+*.swift`; stored names in `CaseEvent.decoders`.
public enum CaseEvent: PayloadEvent {
    case leadReceived(LeadReceived)
    case filed(Filed)
    case filingDeclined(FilingDeclined)
    case officersAssigned(OfficersAssigned)
    case evidenceRecorded(EvidenceRecorded)
    case evidencePreserved(EvidencePreserved)
    case preservedEvidenceResolved(PreservedEvidenceResolved)
    case vehicleSeized(VehicleSeized)
    case seizureExtended(SeizureExtended)
    case vehicleReleased(VehicleReleased)
    case vehicleConfiscated(VehicleConfiscated)
    case investigationConcluded(InvestigationConcluded)
    case legalReviewRequested(LegalReviewRequested)
    case legalReviewPassed(LegalReviewPassed)
    case legalReviewReturned(LegalReviewReturned)
    case noticeServed(NoticeServed)
    case statementReceived(StatementReceived)
    case statementWaived(StatementWaived)
    case hearingRequested(HearingRequested)
    case hearingScheduled(HearingScheduled)
    case hearingHeld(HearingHeld)
    case hearingWaived(HearingWaived)
    case penaltyDecided(PenaltyDecided)
    case noPenaltyDecided(NoPenaltyDecided)
    case criminalReferralMade(CriminalReferralMade)
    case transferredOut(TransferredOut)
    case decidedOnSpot(DecidedOnSpot)
    case decisionServed(DecisionServed)
    case decisionPublished(DecisionPublished)
    case publicationWithheld(PublicationWithheld)
    case decisionRevoked(DecisionRevoked)
    case publicationWithdrawn(PublicationWithdrawn)
    case paymentReceived(PaymentReceived)
    case enforcementDemandServed(EnforcementDemandServed)
    case courtEnforcementApplied(CourtEnforcementApplied)
    case onSpotDecisionFiled(OnSpotDecisionFiled)
    case closed(Closed)
    case archived(Archived)
    case corrected(Corrected)
    case imported(Imported)

    public var payload: any EventPayload {
        switch self {
        case .leadReceived(let p): p
        case .filed(let p): p
        case .filingDeclined(let p): p
        case .officersAssigned(let p): p
        case .evidenceRecorded(let p): p
        case .evidencePreserved(let p): p
        case .preservedEvidenceResolved(let p): p
        case .vehicleSeized(let p): p
        case .seizureExtended(let p): p
        case .vehicleReleased(let p): p
        case .vehicleConfiscated(let p): p
        case .investigationConcluded(let p): p
        case .legalReviewRequested(let p): p
        case .legalReviewPassed(let p): p
        case .legalReviewReturned(let p): p
        case .noticeServed(let p): p
        case .statementReceived(let p): p
        case .statementWaived(let p): p
        case .hearingRequested(let p): p
        case .hearingScheduled(let p): p
        case .hearingHeld(let p): p
        case .hearingWaived(let p): p
        case .penaltyDecided(let p): p
        case .noPenaltyDecided(let p): p
        case .criminalReferralMade(let p): p
        case .transferredOut(let p): p
        case .decidedOnSpot(let p): p
        case .decisionServed(let p): p
        case .decisionPublished(let p): p
        case .publicationWithheld(let p): p
        case .decisionRevoked(let p): p
        case .publicationWithdrawn(let p): p
        case .paymentReceived(let p): p
        case .enforcementDemandServed(let p): p
        case .courtEnforcementApplied(let p): p
        case .onSpotDecisionFiled(let p): p
        case .closed(let p): p
        case .archived(let p): p
        case .corrected(let p): p
        case .imported(let p): p
        }
    }

    /// Every stored name of this aggregate, with the function that rebuilds its case.
    public static let decoders = EventCoding.table([
        EventCoding.entry(LeadReceived.self) { CaseEvent.leadReceived($0) },
        EventCoding.entry(Filed.self) { CaseEvent.filed($0) },
        EventCoding.entry(FilingDeclined.self) { CaseEvent.filingDeclined($0) },
        EventCoding.entry(OfficersAssigned.self) { CaseEvent.officersAssigned($0) },
        EventCoding.entry(EvidenceRecorded.self) { CaseEvent.evidenceRecorded($0) },
        EventCoding.entry(EvidencePreserved.self) { CaseEvent.evidencePreserved($0) },
        EventCoding.entry(PreservedEvidenceResolved.self) { CaseEvent.preservedEvidenceResolved($0) },
        EventCoding.entry(VehicleSeized.self) { CaseEvent.vehicleSeized($0) },
        EventCoding.entry(SeizureExtended.self) { CaseEvent.seizureExtended($0) },
        EventCoding.entry(VehicleReleased.self) { CaseEvent.vehicleReleased($0) },
        EventCoding.entry(VehicleConfiscated.self) { CaseEvent.vehicleConfiscated($0) },
        EventCoding.entry(InvestigationConcluded.self) { CaseEvent.investigationConcluded($0) },
        EventCoding.entry(LegalReviewRequested.self) { CaseEvent.legalReviewRequested($0) },
        EventCoding.entry(LegalReviewPassed.self) { CaseEvent.legalReviewPassed($0) },
        EventCoding.entry(LegalReviewReturned.self) { CaseEvent.legalReviewReturned($0) },
        EventCoding.entry(NoticeServed.self) { CaseEvent.noticeServed($0) },
        EventCoding.entry(StatementReceived.self) { CaseEvent.statementReceived($0) },
        EventCoding.entry(StatementWaived.self) { CaseEvent.statementWaived($0) },
        EventCoding.entry(HearingRequested.self) { CaseEvent.hearingRequested($0) },
        EventCoding.entry(HearingScheduled.self) { CaseEvent.hearingScheduled($0) },
        EventCoding.entry(HearingHeld.self) { CaseEvent.hearingHeld($0) },
        EventCoding.entry(HearingWaived.self) { CaseEvent.hearingWaived($0) },
        EventCoding.entry(PenaltyDecided.self) { CaseEvent.penaltyDecided($0) },
        EventCoding.entry(NoPenaltyDecided.self) { CaseEvent.noPenaltyDecided($0) },
        EventCoding.entry(CriminalReferralMade.self) { CaseEvent.criminalReferralMade($0) },
        EventCoding.entry(TransferredOut.self) { CaseEvent.transferredOut($0) },
        EventCoding.entry(DecidedOnSpot.self) { CaseEvent.decidedOnSpot($0) },
        EventCoding.entry(DecisionServed.self) { CaseEvent.decisionServed($0) },
        EventCoding.entry(DecisionPublished.self) { CaseEvent.decisionPublished($0) },
        EventCoding.entry(PublicationWithheld.self) { CaseEvent.publicationWithheld($0) },
        EventCoding.entry(DecisionRevoked.self) { CaseEvent.decisionRevoked($0) },
        EventCoding.entry(PublicationWithdrawn.self) { CaseEvent.publicationWithdrawn($0) },
        EventCoding.entry(PaymentReceived.self) { CaseEvent.paymentReceived($0) },
        EventCoding.entry(EnforcementDemandServed.self) { CaseEvent.enforcementDemandServed($0) },
        EventCoding.entry(CourtEnforcementApplied.self) { CaseEvent.courtEnforcementApplied($0) },
        EventCoding.entry(OnSpotDecisionFiled.self) { CaseEvent.onSpotDecisionFiled($0) },
        EventCoding.entry(Closed.self) { CaseEvent.closed($0) },
        EventCoding.entry(Archived.self) { CaseEvent.archived($0) },
        EventCoding.entry(Corrected.self) { CaseEvent.corrected($0) },
        EventCoding.entry(Imported.self) { CaseEvent.imported($0) },
    ])

    /// The stored names of all case events.
    public static let eventTypes: [String] = decoders.keys.sorted()
}

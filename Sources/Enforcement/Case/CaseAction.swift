/// A step of a case's procedure, as offered next (`CaseState.nextActions`) or named in a rejection's hint.
///
/// One per case command; the command line spells each as its verb of `jointops case`.
public enum CaseAction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case receiveLead, file, declineFiling, decideOnSpot, assignOfficers, recordEvidence, preserveEvidence
    case resolvePreservedEvidence, seizeVehicle, extendSeizure, releaseVehicle, confiscateVehicle
    case concludeInvestigation, requestLegalReview, passLegalReview, returnLegalReview
    case serveNotice, receiveStatement, waiveStatement, requestHearing, scheduleHearing, holdHearing, waiveHearing
    case decidePenalty, decideNoPenalty, referToPolice, transferOut
    case serveDecision, publish, withholdPublication, revokeDecision, withdrawPublication
    case receivePayment, serveDemand, applyToCourt, fileOnSpotDecision, close, archive
    case correct
    case importCase

    public var description: String { rawValue }
}

// Flat constructors, one per command, with the labels the commands had before they were grouped by phase:
// callers write `.fileCase(caseId: …)` or `.requestLegalReview` and never name the phase.
extension CaseCommand {
    // MARK: Opening and investigation

    public static func receiveLead(caseId: String, agency: String, source: LeadSource, summaryZh: String) -> Self {
        .opening(.receiveLead(caseId: caseId, agency: agency, source: source, summaryZh: summaryZh))
    }
    public static func fileCase(caseId: String, agency: String, party: Party, act: Act, approvedBy: String,
                                source: LeadSource? = nil) -> Self {
        .opening(.fileCase(caseId: caseId, agency: agency, party: party, act: act, approvedBy: approvedBy, source: source))
    }
    public static func declineFiling(reasonZh: String) -> Self { .opening(.declineFiling(reasonZh: reasonZh)) }
    public static func assignOfficers(_ officers: [String]) -> Self { .investigation(.assignOfficers(officers)) }
    public static func recordEvidence(kind: EvidenceKind, descriptionZh: String, mediaRef: String, sha256: String,
                                      officers: [String]) -> Self {
        .investigation(.recordEvidence(kind: kind, descriptionZh: descriptionZh, mediaRef: mediaRef, sha256: sha256,
                                       officers: officers))
    }
    public static func preserveEvidence(itemsZh: String, officers: [String], approvedBy: String) -> Self {
        .investigation(.preserveEvidence(itemsZh: itemsZh, officers: officers, approvedBy: approvedBy))
    }
    public static func resolvePreservedEvidence(outcomeZh: String) -> Self {
        .investigation(.resolvePreservedEvidence(outcomeZh: outcomeZh))
    }

    // MARK: Vehicle seizure

    public static func seizeVehicle(plate: String, officers: [String], approvedBy: String, placeZh: String) -> Self {
        .seizure(.seizeVehicle(plate: plate, officers: officers, approvedBy: approvedBy, placeZh: placeZh))
    }
    public static func extendSeizure(plate: String, days: Int, approvedBy: String) -> Self {
        .seizure(.extendSeizure(plate: plate, days: days, approvedBy: approvedBy))
    }
    public static func releaseVehicle(plate: String, reasonZh: String) -> Self {
        .seizure(.releaseVehicle(plate: plate, reasonZh: reasonZh))
    }
    public static func confiscateVehicle(plate: String) -> Self { .seizure(.confiscateVehicle(plate: plate)) }

    // MARK: Review, notice, hearing

    public static func concludeInvestigation(findingsZh: String, complex: Bool, majorPublicInterest: Bool) -> Self {
        .procedure(.concludeInvestigation(findingsZh: findingsZh, complex: complex,
                                          majorPublicInterest: majorPublicInterest))
    }
    public static let requestLegalReview: Self = .procedure(.requestLegalReview)
    public static func passLegalReview(reviewer: String, opinionZh: String) -> Self {
        .procedure(.passLegalReview(reviewer: reviewer, opinionZh: opinionZh))
    }
    public static func returnLegalReview(reviewer: String, reasonZh: String) -> Self {
        .procedure(.returnLegalReview(reviewer: reviewer, reasonZh: reasonZh))
    }
    public static func serveNotice(intended: Penalty, hearingRight: Bool) -> Self {
        .procedure(.serveNotice(intended: intended, hearingRight: hearingRight))
    }
    public static func receiveStatement(summaryZh: String) -> Self { .procedure(.receiveStatement(summaryZh: summaryZh)) }
    public static let waiveStatement: Self = .procedure(.waiveStatement)
    public static let requestHearing: Self = .procedure(.requestHearing)
    public static func scheduleHearing(date: LocalDate, chair: String, placeZh: String) -> Self {
        .procedure(.scheduleHearing(date: date, chair: chair, placeZh: placeZh))
    }
    public static func holdHearing(recordRef: String) -> Self { .procedure(.holdHearing(recordRef: recordRef)) }
    public static func waiveHearing(reasonZh: String) -> Self { .procedure(.waiveHearing(reasonZh: reasonZh)) }

    // MARK: Decisions

    public static func decidePenalty(_ penalty: Penalty, decisionNumber: String) -> Self {
        .outcome(.decidePenalty(penalty, decisionNumber: decisionNumber))
    }
    public static func decideNoPenalty(reason: NoPenaltyReason, decisionNumber: String) -> Self {
        .outcome(.decideNoPenalty(reason: reason, decisionNumber: decisionNumber))
    }
    public static func referToPolice(policeAgency: String, reasonZh: String) -> Self {
        .outcome(.referToPolice(policeAgency: policeAgency, reasonZh: reasonZh))
    }
    public static func transferOut(toAgency: String, reasonZh: String) -> Self {
        .outcome(.transferOut(toAgency: toAgency, reasonZh: reasonZh))
    }
    public static func decideOnSpot(caseId: String, agency: String, party: Party, act: Act, officers: [String],
                                    penalty: Penalty, formNumber: String) -> Self {
        .outcome(.decideOnSpot(caseId: caseId, agency: agency, party: party, act: act, officers: officers,
                               penalty: penalty, formNumber: formNumber))
    }

    // MARK: After the decision

    public static func serveDecision(method: ServiceMethod, consentRef: String? = nil) -> Self {
        .afterDecision(.serveDecision(method: method, consentRef: consentRef))
    }
    public static func publishDecision(reference: String) -> Self {
        .afterDecision(.publishDecision(reference: reference))
    }
    public static func withholdPublication(reason: PublicationPolicy.WithholdingReason) -> Self {
        .afterDecision(.withholdPublication(reason: reason))
    }
    public static func revokeDecision(byZh: String, reasonZh: String) -> Self {
        .afterDecision(.revokeDecision(byZh: byZh, reasonZh: reasonZh))
    }
    public static func withdrawPublication(reasonZh: String) -> Self {
        .afterDecision(.withdrawPublication(reasonZh: reasonZh))
    }
    public static func receivePayment(amountYuan: Int, channel: PaymentChannel, receiptRef: String) -> Self {
        .execution(.receivePayment(amountYuan: amountYuan, channel: channel, receiptRef: receiptRef))
    }
    public static let serveEnforcementDemand: Self = .execution(.serveEnforcementDemand)
    public static func applyForCourtEnforcement(courtZh: String) -> Self {
        .execution(.applyForCourtEnforcement(courtZh: courtZh))
    }
    public static let fileOnSpotDecision: Self = .execution(.fileOnSpotDecision)
    public static func close(reportZh: String) -> Self { .execution(.close(reportZh: reportZh)) }
    public static func archive(fileRef: String) -> Self { .execution(.archive(fileRef: fileRef)) }
}

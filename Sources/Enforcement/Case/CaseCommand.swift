/// What can be asked of a case (案件). Officer ids refer to `ReferenceData.officers`, agency codes to
/// `ReferenceData.agencies`. The business date of every act is `DecisionContext.today`.
public enum CaseCommand: Sendable, Equatable {
    // MARK: Opening and investigation

    /// Registers a case lead (案源) with the agency that received it; opens the filing clock.
    case receiveLead(caseId: String, agency: String, source: LeadSource, summaryZh: String)
    /// Files the case (立案), approved by the agency head; with or without a lead first.
    case fileCase(caseId: String, agency: String, party: Party, act: Act, approvedBy: String)
    /// Decides not to file a lead.
    case declineFiling(reasonZh: String)
    /// Assigns the case officers (at least two certified officers of the filing agency).
    case assignOfficers([String])
    /// Records one piece of evidence collected by at least two certified officers.
    case recordEvidence(kind: EvidenceKind, descriptionZh: String, mediaRef: String, sha256: String, officers: [String])
    /// Registers evidence for preservation (先行登记保存), approved by the head; a decision is due in 7 WD.
    case preserveEvidence(itemsZh: String, officers: [String], approvedBy: String)
    /// Records what was done with preserved evidence.
    case resolvePreservedEvidence(outcomeZh: String)

    // MARK: Vehicle seizure (扣押车辆)

    /// Seizes a vehicle, approved by the head, by at least two certified officers; 30 CD clock.
    case seizeVehicle(plate: String, officers: [String], approvedBy: String, placeZh: String)
    /// Extends a seizure once, by at most 30 days, with the head's approval.
    case extendSeizure(plate: String, days: Int, approvedBy: String)
    /// Gives the vehicle back.
    case releaseVehicle(plate: String, reasonZh: String)
    /// Confiscates the vehicle; needs a decided penalty that confiscates property.
    case confiscateVehicle(plate: String)

    // MARK: Review, notice, hearing

    /// Ends the investigation (调查终结). `complex` and `majorPublicInterest` feed the legal-review rule.
    case concludeInvestigation(findingsZh: String, complex: Bool, majorPublicInterest: Bool)
    /// Sends the case to the legal reviewers (法制审核).
    case requestLegalReview
    /// Records that the legal review passed.
    case passLegalReview(reviewer: String, opinionZh: String)
    /// Records that the legal review sent the case back for correction.
    case returnLegalReview(reviewer: String, reasonZh: String)
    /// Serves the pre-decision notice (告知) of the intended penalty; `hearingRight` when it tells of a hearing.
    case serveNotice(intended: Penalty, hearingRight: Bool)
    /// Records the party's statement and defence (陈述申辩).
    case receiveStatement(summaryZh: String)
    /// Records that the party expressly waived the statement and defence (APL 62).
    case waiveStatement
    /// Records the party's hearing request; within 5 WD of the notice.
    case requestHearing
    /// Fixes the hearing: at least 7 WD ahead, chaired by an officer who did not investigate.
    case scheduleHearing(date: LocalDate, chair: String, placeZh: String)
    /// Records that the hearing took place.
    case holdHearing(recordRef: String)
    /// Records that the party withdrew the request or did not attend (treated as a waiver).
    case waiveHearing(reasonZh: String)

    // MARK: Decisions

    /// Decides a penalty (行政处罚决定) under the ordinary procedure.
    case decidePenalty(Penalty, decisionNumber: String)
    /// Decides not to penalise.
    case decideNoPenalty(reason: NoPenaltyReason, decisionNumber: String)
    /// Refers a suspected crime to the police (移送司法机关).
    case referToPolice(policeAgency: String, reasonZh: String)
    /// Hands the case to the agency that has jurisdiction.
    case transferOut(toAgency: String, reasonZh: String)
    /// Summary procedure (简易程序): a warning or a small fine decided on the spot; starts a case by itself.
    case decideOnSpot(caseId: String, agency: String, party: Party, act: Act, officers: [String], penalty: Penalty,
                      formNumber: String)

    // MARK: After the decision

    /// Records service of the decision; `electronic` needs the reference of the party's signed consent.
    case serveDecision(method: ServiceMethod, consentRef: String? = nil)
    /// Records publication (公示) of the masked decision.
    case publishDecision(reference: String)
    /// Records that the decision will not be published at all (a minor, secrets, security; DOMAIN.md §6).
    case withholdPublication(reason: PublicationPolicy.WithholdingReason)
    /// Records that the decision was changed, revoked or declared void; a published one must come down in 3 WD.
    case revokeDecision(byZh: String, reasonZh: String)
    /// Records that the publication was taken down.
    case withdrawPublication(reasonZh: String)
    /// Records a payment received by the bank, e-payment or (summary procedure, ≤ 100 yuan) cash.
    case receivePayment(amountYuan: Int, channel: PaymentChannel, receiptRef: String)
    /// Serves the demand notice (催告书) for an unpaid fine.
    case serveEnforcementDemand
    /// Applies to the court for enforcement, at least 10 WD after the demand.
    case applyForCourtEnforcement(courtZh: String)
    /// Files the copy of an on-the-spot decision with the agency (within 5 days).
    case fileOnSpotDecision
    /// Closes the case (结案) with its closure report.
    case close(reportZh: String)
    /// Archives the bound case file (归档).
    case archive(fileRef: String)

    /// The CLI verb (`jointops case <verb>`), used in rejections and `CaseState.nextActions`.
    public var name: String {
        switch self {
        case .receiveLead: "receive-lead"
        case .fileCase: "file"
        case .declineFiling: "decline-filing"
        case .assignOfficers: "assign-officers"
        case .recordEvidence: "record-evidence"
        case .preserveEvidence: "preserve-evidence"
        case .resolvePreservedEvidence: "resolve-preserved-evidence"
        case .seizeVehicle: "seize-vehicle"
        case .extendSeizure: "extend-seizure"
        case .releaseVehicle: "release-vehicle"
        case .confiscateVehicle: "confiscate-vehicle"
        case .concludeInvestigation: "conclude-investigation"
        case .requestLegalReview: "request-review"
        case .passLegalReview: "pass-review"
        case .returnLegalReview: "return-review"
        case .serveNotice: "serve-notice"
        case .receiveStatement: "receive-statement"
        case .waiveStatement: "waive-statement"
        case .requestHearing: "request-hearing"
        case .scheduleHearing: "schedule-hearing"
        case .holdHearing: "hold-hearing"
        case .waiveHearing: "waive-hearing"
        case .decidePenalty: "decide-penalty"
        case .decideNoPenalty: "decide-no-penalty"
        case .referToPolice: "refer-to-police"
        case .transferOut: "transfer-out"
        case .decideOnSpot: "decide-on-spot"
        case .serveDecision: "serve-decision"
        case .publishDecision: "publish"
        case .withholdPublication: "withhold-publication"
        case .revokeDecision: "revoke-decision"
        case .withdrawPublication: "withdraw-publication"
        case .receivePayment: "receive-payment"
        case .serveEnforcementDemand: "serve-demand"
        case .applyForCourtEnforcement: "apply-to-court"
        case .fileOnSpotDecision: "file-on-spot-decision"
        case .close: "close"
        case .archive: "archive"
        }
    }
}

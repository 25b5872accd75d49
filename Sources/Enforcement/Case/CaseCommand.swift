/// What can be asked of a case (案件), grouped by the phase of the procedure so that each part of
/// `CaseDecider` switches over its own phase and the compiler checks that every command is handled.
///
/// Build commands with the flat constructors in `CaseCommand+Construction.swift` (`.fileCase(…)`,
/// `.requestLegalReview`); the phases matter only to the decider. Officer ids refer to
/// `ReferenceData.officers`, agency codes to `ReferenceData.agencies`. The business date of every act is
/// `DecisionContext.today`.
public enum CaseCommand: Sendable, Equatable {
    case opening(Opening)
    case investigation(Investigation)
    case seizure(Seizure)
    /// From the end of the investigation to the decision: legal review, notice, statement, hearing.
    case procedure(ProcedureStep)
    case outcome(Outcome)
    /// Service and publicity of the decision, and its revocation.
    case afterDecision(AfterDecision)
    /// Payment, enforcement, closing and archiving.
    case execution(Execution)
    /// A lead, an on-the-spot decision or a seizure made during a joint operation's field session
    /// (`CaseDecider+OperationLink.swift`).
    indirect case duringOperation(CaseCommand, OperationLink)
    /// The correction of a recorded field (更正, `CaseDecider+Correction.swift`).
    case correction(Correction)
    /// Records a case history from a register kept before JointOps (`CaseDecider+Import.swift`).
    case importCase(ImportedCase)

    /// Lead, filing or declining to file.
    public enum Opening: Sendable, Equatable {
        /// Registers a case lead (案源) with the agency that received it; opens the filing clock.
        case receiveLead(caseId: String, agency: String, source: LeadSource, summaryZh: String)
        /// Files the case (立案), approved by the agency head; with or without a lead first. `source` (案件来源) is
        /// required without a lead; with one, the lead's source stands and `source` may only repeat it.
        case fileCase(caseId: String, agency: String, party: Party, act: Act, approvedBy: String, source: LeadSource?)
        /// Decides not to file a lead.
        case declineFiling(reasonZh: String)
    }

    public enum Investigation: Sendable, Equatable {
        /// Assigns the case officers (at least two certified officers of the filing agency).
        case assignOfficers([String])
        /// Records one piece of evidence collected by at least two certified officers.
        case recordEvidence(kind: EvidenceKind, descriptionZh: String, mediaRef: String, sha256: String,
                            officers: [String])
        /// Registers evidence for preservation (先行登记保存), approved by the head; a decision is due in 7 WD.
        case preserveEvidence(itemsZh: String, officers: [String], approvedBy: String)
        /// Records what was done with preserved evidence.
        case resolvePreservedEvidence(outcomeZh: String)
    }

    /// Vehicle seizure (扣押车辆).
    public enum Seizure: Sendable, Equatable {
        /// Seizes a vehicle, approved by the head, by at least two certified officers; 30 CD clock.
        case seizeVehicle(plate: String, officers: [String], approvedBy: String, placeZh: String)
        /// Extends a seizure once, by at most 30 days, with the head's approval.
        case extendSeizure(plate: String, days: Int, approvedBy: String)
        /// Gives the vehicle back.
        case releaseVehicle(plate: String, reasonZh: String)
        /// Confiscates the vehicle; needs a decided penalty that confiscates property.
        case confiscateVehicle(plate: String)
    }

    public enum ProcedureStep: Sendable, Equatable {
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
    }

    /// The decisions.
    public enum Outcome: Sendable, Equatable {
        /// Decides a penalty (行政处罚决定) under the ordinary procedure.
        case decidePenalty(Penalty, decisionNumber: String)
        /// Decides not to penalise.
        case decideNoPenalty(reason: NoPenaltyReason, decisionNumber: String)
        /// Refers a suspected crime to the police (移送司法机关).
        case referToPolice(policeAgency: String, reasonZh: String)
        /// Hands the case to the agency that has jurisdiction.
        case transferOut(toAgency: String, reasonZh: String)
        /// Summary procedure (简易程序): a warning or a small fine decided on the spot; starts a case by itself.
        case decideOnSpot(caseId: String, agency: String, party: Party, act: Act, officers: [String],
                          penalty: Penalty, formNumber: String)
    }

    public enum AfterDecision: Sendable, Equatable {
        /// Records service of the decision; `electronic` needs the reference of the party's signed consent.
        case serveDecision(method: ServiceMethod, consentRef: String?)
        /// Records publication (公示) of the masked decision.
        case publishDecision(reference: String)
        /// Records that the decision will not be published at all (a minor, secrets, security; DOMAIN.md §6).
        case withholdPublication(reason: PublicationPolicy.WithholdingReason)
        /// Records that the decision was changed, revoked or declared void; a published one must come down in 3 WD.
        case revokeDecision(byZh: String, reasonZh: String)
        /// Records that the publication was taken down.
        case withdrawPublication(reasonZh: String)
    }

    public enum Execution: Sendable, Equatable {
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
    }

    /// The step this command takes, as rejections name it.
    public var action: CaseAction {
        switch self {
        case .opening(let command): command.action
        case .investigation(let command): command.action
        case .seizure(let command): command.action
        case .procedure(let command): command.action
        case .outcome(let command): command.action
        case .afterDecision(let command): command.action
        case .execution(let command): command.action
        case .duringOperation(let command, _): command.action
        case .correction(let command): command.action
        case .importCase: .importCase
        }
    }

    /// Whether the command may be the first of a case: a lead, a filing without a lead, or an on-the-spot decision.
    var mayStartCase: Bool {
        switch self {
        case .opening(.receiveLead), .opening(.fileCase), .outcome(.decideOnSpot): true
        case .opening(.declineFiling), .investigation, .seizure, .procedure, .outcome(.decidePenalty),
             .outcome(.decideNoPenalty), .outcome(.referToPolice), .outcome(.transferOut), .afterDecision, .execution, .correction:
            false
        case .duringOperation(let command, _): command.mayStartCase
        case .importCase: true
        }
    }
}

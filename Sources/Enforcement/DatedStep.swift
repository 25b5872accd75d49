/// A dated step of a procedure, named when one is dated before the step it must follow.
///
/// The rule behind it, for cases, operations, referrals and rectification items alike: a procedural step may
/// not be dated before the step it follows. Investigative records (evidence, preservation, seizure) are the
/// exception: they may precede the filing and be recorded late, but never precede the act.
public enum DatedStep: String, Sendable, Equatable, CaseIterable {
    // Cases: the main line.
    case act, lead, filing, filingDeclined, investigationConcluded, reviewRequest, review, notice, statement
    case hearingRequest, hearingScheduling, hearing, hearingWaiver, decision, referralToPolice, transfer
    case service, closing, archiving
    // Cases: after the decision, beside the main line.
    case publication, withholding, revocation, withdrawal, payment, demand, courtApplication, onSpotFiling
    // Cases: investigative records and seizures.
    case evidence, seizure, seizureExtension, release, confiscation
    // Operations, referrals, rectification items.
    case planning, approval, launch, session, operationConclusion, summary, operationArchiving, cancellation
    case referralSent, referralAnswer, feedback
    case raising, opinion, ownerAssignment, rectificationReport, verification, closeOut
    // Petitions.
    case petitionReceipt, petitionResolution

    /// The step in words, for messages: "the service of the decision".
    public var words: String {
        switch self {
        case .act: "the act"
        case .lead: "the receipt of the lead"
        case .filing: "the filing of the case"
        case .filingDeclined: "the decision not to file"
        case .investigationConcluded: "the end of the investigation"
        case .reviewRequest: "the request for legal review"
        case .review: "the legal review's conclusion"
        case .notice: "the pre-decision notice"
        case .statement: "the party's statement or its waiver"
        case .hearingRequest: "the hearing request"
        case .hearingScheduling: "the scheduling of the hearing"
        case .hearing: "the hearing"
        case .hearingWaiver: "the waiver of the hearing"
        case .decision: "the decision"
        case .referralToPolice: "the referral to the police"
        case .transfer: "the transfer of the case"
        case .service: "the service of the decision"
        case .closing: "the closing of the case"
        case .archiving: "the archiving of the case"
        case .publication: "the publication of the decision"
        case .withholding: "the withholding of the publication"
        case .revocation: "the revocation of the decision"
        case .withdrawal: "the withdrawal of the publication"
        case .payment: "the payment"
        case .demand: "the demand notice"
        case .courtApplication: "the application to the court"
        case .onSpotFiling: "the filing of the on-the-spot decision"
        case .evidence: "the evidence"
        case .seizure: "the seizure"
        case .seizureExtension: "the extension of the seizure"
        case .release: "the release of the vehicle"
        case .confiscation: "the confiscation of the vehicle"
        case .planning: "the planning of the operation"
        case .approval: "the approval of the operation"
        case .launch: "the launch of the operation"
        case .session: "the field session"
        case .operationConclusion: "the conclusion of the operation"
        case .summary: "the summary of the operation"
        case .operationArchiving: "the archiving of the operation"
        case .cancellation: "the cancellation of the operation"
        case .referralSent: "the sending of the referral"
        case .referralAnswer: "the receiver's answer"
        case .feedback: "the feedback"
        case .raising: "the finding of the problem"
        case .opinion: "the rectification opinion"
        case .ownerAssignment: "the assignment of the owner"
        case .rectificationReport: "the report of the rectification"
        case .verification: "the verification"
        case .closeOut: "the sign-off"
        case .petitionReceipt: "the receipt of the petition"
        case .petitionResolution: "the resolution of the petition"
        }
    }
}

/// The latest step of a procedure and its date: what the next step may not be dated before.
public struct LastStep: Sendable, Equatable {
    public var step: DatedStep
    public var on: LocalDate

    /// `step` on `date`, or the later of it and `self`: a step recorded late does not move the line back.
    static func latest(_ current: LastStep?, _ step: DatedStep, on date: LocalDate) -> LastStep {
        guard let current, current.on > date else { return LastStep(step: step, on: date) }
        return current
    }
}

extension Rejection {
    /// Refuses `step` dated `date` when it comes before `earlier`, dated `earlierDate`; same day is in order.
    static func requireOrder(_ step: DatedStep, on date: LocalDate,
                             after earlier: DatedStep, on earlierDate: LocalDate?) throws(Rejection) {
        guard let earlierDate, date < earlierDate else { return }
        throw .datedBefore(step: step, on: date, earlier: earlier, earlierOn: earlierDate)
    }

    /// Refuses `step` dated `date` when it comes before the procedure's latest step.
    static func requireOrder(_ step: DatedStep, on date: LocalDate, after last: LastStep?) throws(Rejection) {
        guard let last else { return }
        try requireOrder(step, on: date, after: last.step, on: last.on)
    }
}

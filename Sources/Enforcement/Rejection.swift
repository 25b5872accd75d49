/// Why a command was refused. A closed set: the CLI prints `message(rendering:)`, spelling each `NextStep` as
/// one of its commands, and exits with the code of `category`.
///
/// Cases say what is wrong (`.legalReviewRequired`), not what was attempted. Ids in associated values are
/// the caller's (case, operation, officer, agency codes); amounts are whole yuan.
public enum Rejection: Error, Equatable, Sendable {
    // MARK: Any aggregate
    /// A command other than a creating one was sent to an aggregate with no events; `next` creates one.
    case notFound(aggregate: String, next: NextStep)
    /// A creating command was sent to an aggregate (or registry entry) that already exists.
    case alreadyExists(aggregate: String, id: String)
    /// The command does not fit the aggregate's current step; `status` names the step, `command` the action.
    case notAllowedNow(aggregate: String, id: String, status: String, command: DomainAction)
    /// A required text is empty or blank.
    case missingField(String)
    case invalidPeriod(from: LocalDate, to: LocalDate)
    case dateInFuture(LocalDate, today: LocalDate)
    case dateInPast(LocalDate, today: LocalDate)
    /// The agency already used this decision number this year, for case `by`.
    case decisionNumberTaken(number: String, agency: String, year: Int, by: String)
    /// The agency already used this pre-numbered on-the-spot decision form, for case `by`.
    case formNumberTaken(number: String, agency: String, by: String)
    /// A step is dated before the step it must follow (service before the decision, payment before service).
    case datedBefore(step: DatedStep, on: LocalDate, earlier: DatedStep, earlierOn: LocalDate)
    /// A count that must be ≥ 0 is negative; `agency` when it belongs to an agency's tally.
    case negativeCount(field: String, agency: String?)
    /// An amount or number of days that must be > 0 is not.
    case notPositive(field: String, value: Int)
    /// A case's amount or count is beyond its bound in `FigureBounds.caseMaximum`: a typing error.
    case figureTooLarge(field: String, value: Int, maximum: Int)
    /// A text kept whole in an event (the report's plan) is longer than its limit, in UTF-8 bytes.
    case textTooLong(field: String, bytes: Int, maximum: Int)
    case unknownAgency(String)
    case unknownOfficer(String)
    /// The login is bound to another officer: a login is one person, so the binding must be ended first.
    case loginBoundToAnother(login: String, officer: String)
    /// `officer unbind` for an officer no login is bound to.
    case noLoginBound(officer: String)
    case invalidPlate(PlateError)
    /// Not 64 hexadecimal digits.
    case invalidHash(String)
    /// The legal-basis catalogue refuses the fine (unknown basis, no text in force, amount out of range).
    case lawRefused(LawError)

    // MARK: Officers (APL 42, 55)
    /// Fewer than two distinct officers for an investigative or coercive act.
    case tooFewOfficers(count: Int)
    case officerNotCertified(String)
    case officerNotOfAgency(officer: String, agency: String)
    /// A named officer lacks the duty, certificate or assignment the step needs on its date, or investigated.
    case authorityRefused(AuthorityRefusal)

    // MARK: Joint operations
    /// The operation is archived or cancelled: nothing changes any more.
    case operationClosed(operationId: String, status: String)
    case agencyAlreadyTakingPart(String)
    case agencyAlreadyInvited(String)
    case agencyNotInvited(String)
    case agencyNotTakingPart(operationId: String, agency: String)
    case leadAgencyCannotWithdraw(String)
    case sessionAlreadyRecorded(String)
    case outsideOperationWindow(date: LocalDate, from: LocalDate, to: LocalDate)
    /// An act's link to an operation's session, or a session's figures (`OperationRejection`).
    case jointOperation(OperationRejection)
    /// A correction (更正) of a recorded field was refused (`CorrectionRejection`).
    case correction(CorrectionRejection)
    /// A rule-of-law activity or a service commitment was refused (`RuleOfLawRejection`).
    case ruleOfLaw(RuleOfLawRejection)

    // MARK: Cases: filing and investigation
    /// APL 36: the act was discovered after the limitation period ended.
    case limitationPeriodExpired(actDate: LocalDate, expiredOn: LocalDate)
    /// APL 25: another case already holds this act.
    case actAlreadyFiled(by: CaseRef)
    /// APL 29: another case already fined this act.
    case actAlreadyFined(by: CaseRef)
    case leadHeldByOtherAgency(leadAgency: String, filingAgency: String)
    /// The filing's source (案件来源) is missing or contradicts its lead (`SourceRejection`).
    case source(SourceRejection)
    case preservationPending(String)
    case noPreservedEvidence(String)
    case noEvidenceRecorded(String)

    // MARK: Cases: seizure (Coercion Law 25)
    case vehicleAlreadySeized(String)
    case vehicleNotSeized(String)
    case seizureAlreadyExtended(String)
    case invalidSeizureExtension(days: Int)
    case seizureExpired(plate: String, due: LocalDate)
    case confiscationNotDecided(String)
    case seizureStillActive(String)

    // MARK: Cases: review, notice, hearing, decision
    /// APL 58: a decision in a reviewable category needs a passed legal review first.
    case legalReviewRequired(caseId: String, reasons: [ReviewCatalogue.Reason])
    case legalReviewNotPending(String)
    case legalReviewAlreadyPending(String)
    /// APL 44, 62: no decision (or statement) without a pre-decision notice, unless the party waived.
    case noticeRequired(String)
    /// APL 45: the decision may not exceed the notice.
    case penaltyExceedsNotice(noticeYuan: Int, decidedYuan: Int)
    case penaltyTypeNotInNotice(PenaltyType)
    /// APL 45: a new notice may not raise the fine after the party defended itself.
    case penaltyIncreasedAfterDefence(earlierYuan: Int, newYuan: Int)
    /// The penalty is malformed; the text says how.
    case invalidPenalty(String)
    case hearingNotOffered(String)
    /// APL 63: the penalty carries a hearing right the notice did not offer (or there was no notice).
    case hearingRightNotOffered(caseId: String, grounds: [HearingRightGround])
    case hearingRequestTooLate(due: LocalDate)
    case hearingAlreadyRequested(String)
    case hearingNotRequested(String)
    case hearingNotScheduled(String)
    /// APL 64: the party must be told at least 7 WD before the hearing.
    case hearingTooSoon(date: LocalDate, earliest: LocalDate)
    case hearingDateNotReached(LocalDate)
    case hearingPending(String)
    /// The hearing was held or waived: nothing more to request, schedule or waive.
    case hearingOver(String)
    /// APL 64: deciding before the 5 WD for a hearing request are over would take the right away.
    case hearingRequestWindowOpen(caseId: String, until: LocalDate)
    /// APL 64: the hearing chair may not be one of the investigators.
    case chairInvestigated(String)
    case statementAlreadyRecorded(String)
    case summaryLimitExceeded(fineYuan: Int, limitYuan: Int, party: PartyKind)
    case summaryPenaltyNotAllowed(PenaltyType)

    // MARK: Cases: after the decision
    case summaryServedOnTheSpotOnly(String)
    case electronicServiceWithoutConsent(String)
    case publicationForbidden(PublicationPolicy.WithholdingReason)
    case alreadyPublished(String)
    case notPublished(String)
    case decisionAlreadyRevoked(String)
    case noFineToPay(String)
    case paymentExceedsOutstanding(amountYuan: Int, outstandingYuan: Int)
    /// APL 67-68: the bureau collects no fines itself; cash on the spot only for ≤ 100 yuan (summary procedure).
    case cashNotAllowed(fineYuan: Int)
    case decisionNotServed(String)
    case fineNotOverdue(due: LocalDate)
    case demandNotServed(String)
    /// Coercion Law 54: at least 10 WD between the demand notice and the court application.
    case courtApplicationTooEarly(from: LocalDate)
    case notSummaryProcedure(String)
    case onSpotDecisionNotFiled(String)
    case fineUnpaid(outstandingYuan: Int)

    // MARK: Referrals
    case referralTargetNotPolice(String)
    case referralToSelf(String)
    /// A licensing-window referral goes from the bureau's window to its own brigade: both transport agencies.
    case windowReferralOutsideTransport(String)
}

/// How the CLI reports a rejection.
public enum RejectionCategory: String, Sendable, Equatable {
    /// Malformed or unknown input: fix the command (exit code 2).
    case invalidInput
    /// A legal or business rule forbids it, including a step out of order (exit code 3).
    case ruleRefused
    /// Someone else changed or created the record first (exit code 4).
    case conflict

    /// The CLI's exit code for this category.
    public var exitCode: Int32 {
        switch self {
        case .invalidInput: 2
        case .ruleRefused: 3
        case .conflict: 4
        }
    }
}

extension Rejection {
    /// Throws `.missingField(name)` when `text` is empty or only whitespace.
    static func requireText(_ text: String, _ name: String) throws(Rejection) {
        if text.isBlank { throw .missingField(name) }
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension Rejection {
    /// One sentence for the user: what is wrong, then what to do, with each next step spelled by `render` and
    /// each action by `name` (the command line renders them as its commands and verbs).
    public func message(rendering render: (NextStep) -> String,
                        naming name: (DomainAction) -> String = { "`\($0)`" }) -> String {
        switch self {
        case let .notFound(aggregate, next):
            "no such \(aggregate): \(Self.creating(next)) \(render(next))"
        case let .alreadyExists(aggregate, id):
            "\(aggregate) \(id) already exists: use a new id, or act on the existing \(aggregate)"
        case let .notAllowedNow(aggregate, id, status, command):
            "\(aggregate) \(id) is \(Self.words(status)), so \(name(command)) is not possible now"
                + (NextStep.Record(rawValue: aggregate).map { ": see what can come next with \(render(.show($0, id: id)))" } ?? "")
        case .missingField(let name):
            "the \(name) is empty: give it a value"
        case let .invalidPeriod(from, to):
            "the period \(from) to \(to) ends before it starts: swap or correct the dates"
        case let .dateInFuture(date, today):
            "\(date) is after the business date \(today): record it once it has happened, or correct --at"
        case let .decisionNumberTaken(number, agency, year, holder):
            "\(agency) already used the decision number \(number) in \(year), for \(holder): give the next free number"
        case let .formNumberTaken(number, agency, holder):
            "\(agency) already used the on-the-spot decision form \(number), for \(holder): use the next blank form and give its number"
        case let .datedBefore(step, date, earlier, earlierDate):
            "\(step.words) is dated \(date), before \(earlier.words) on \(earlierDate): date it \(earlierDate) or later"
        case let .dateInPast(date, today):
            "\(date) is before the business date \(today): choose a date from \(today) on"
        case let .negativeCount(field, agency):
            "\(field)\(agency.map { " of \($0)" } ?? "") is negative: it must be 0 or more"
        case let .notPositive(field, value):
            "the \(field) \(value) must be greater than 0"
        case let .figureTooLarge(field, value, maximum):
            "\(field) \(value) is more than \(maximum), the most it may be: check the figure"
        case let .textTooLong(field, bytes, maximum):
            "the \(field) is \(bytes) bytes, more than the \(maximum) it may be: shorten it"
        case .unknownAgency(let code):
            "no agency has the code \(code): register it with \(render(.registerAgency)) or correct the code"
        case .unknownOfficer(let id):
            "no officer has the id \(id): see the registered officers with \(render(.listOfficers)), "
                + "or register one with \(render(.registerOfficer))"
        case let .loginBoundToAnother(login, officer):
            "login \(login) is already bound to officer \(officer): if it now belongs to someone else, end that binding "
                + "with \(render(.unbindOfficer(officer))), then bind it again"
        case .noLoginBound(let officer):
            "no login is bound to officer \(officer): see the bindings with \(render(.listOfficers))"
        case .invalidPlate(let error):
            error.message
        case .invalidHash(let text):
            "`\(text)` is not a SHA-256 hash: give the 64 hexadecimal digits of the media file's hash"
        case .lawRefused(let error):
            error.message(rendering: render)
        case .jointOperation(let rejection):
            rejection.message(rendering: render)
        case .correction(let rejection): rejection.message(rendering: render)
        case .source(let rejection): rejection.message
        case .ruleOfLaw(let rejection): rejection.message
        case .tooFewOfficers(let count):
            "\(count) officer\(count == 1 ? "" : "s") named, but every investigative or coercive act needs at least "
                + "2 certified officers (APL 42): name a second officer"
        case .officerNotCertified(let id):
            "officer \(id) holds no valid enforcement certificate and may not act (APL 42): choose a certified officer"
        case let .officerNotOfAgency(officer, agency):
            "officer \(officer) does not belong to \(agency), the agency that acts here: choose an officer of \(agency)"
        case .authorityRefused(let refusal):
            refusal.message(rendering: render)
        case let .operationClosed(id, status):
            "operation \(id) is \(status) and can no longer change: plan a new operation instead"
        case .agencyAlreadyTakingPart(let code):
            "\(code) already takes part in the operation: nothing to do"
        case .agencyAlreadyInvited(let code):
            "\(code) has already been invited: record its answer with \(render(.joinOperation))"
        case .agencyNotInvited(let code):
            "\(code) was not invited: invite it first with \(render(.inviteAgency))"
        case let .agencyNotTakingPart(id, code):
            "\(code) does not take part in operation \(id): invite it and record that it joined first"
        case .leadAgencyCannotWithdraw(let code):
            "\(code) leads the operation and cannot withdraw: cancel the operation instead"
        case .sessionAlreadyRecorded(let id):
            "field session \(id) is already recorded: use another session id"
        case let .outsideOperationWindow(date, from, to):
            "\(date) is outside the operation's window \(from) to \(to): correct the date or re-plan the operation"
        case let .limitationPeriodExpired(actDate, expiredOn):
            "the act of \(actDate) can no longer be punished: the limitation period ended on \(expiredOn) (APL 36); "
                + "decline filing"
        case .actAlreadyFiled(let other):
            "this act is already held by case \(other.caseId) of \(other.agencyCode), the first to file (APL 25): "
                + "refer what you found to \(other.agencyCode)"
        case .actAlreadyFined(let other):
            "this act was already fined in case \(other.caseId) of \(other.agencyCode) and may not be fined twice "
                + "(APL 29): decide without a fine or refer the case"
        case let .leadHeldByOtherAgency(lead, filing):
            "the lead was received by \(lead), not \(filing): file it as \(lead), or transfer it out"
        case .preservationPending(let id):
            "case \(id) already has preserved evidence awaiting a decision: resolve it with "
                + "\(render(.onCase(.resolvePreservedEvidence, caseId: id))) first"
        case .noPreservedEvidence(let id):
            "case \(id) has no preserved evidence awaiting a decision: nothing to resolve"
        case .noEvidenceRecorded(let id):
            "case \(id) has no evidence: record some with \(render(.onCase(.recordEvidence, caseId: id))) before concluding"
        case .vehicleAlreadySeized(let plate):
            "\(plate) is already seized in this case: extend or release that seizure instead"
        case .vehicleNotSeized(let plate):
            "\(plate) is not under seizure in this case: check the plate"
        case .seizureAlreadyExtended(let plate):
            "the seizure of \(plate) was already extended and may be extended only once (Coercion Law 25): "
                + "release the vehicle or decide on it"
        case .invalidSeizureExtension(let days):
            "an extension of \(days) days is not allowed: extend by 1 to 30 days (Coercion Law 25)"
        case let .seizureExpired(plate, due):
            "the seizure of \(plate) ended on \(due) and can no longer be extended: release the vehicle"
        case .confiscationNotDecided(let id):
            "case \(id) has no decided penalty confiscating property: decide one before confiscating the vehicle, "
                + "or release it"
        case .seizureStillActive(let plate):
            "\(plate) is still seized: release or confiscate it before closing the case"
        case let .legalReviewRequired(id, reasons):
            "case \(id) needs a passed legal review before this decision ("
                + reasons.map { Self.words($0.rawValue) }.joined(separator: ", ")
                + "; APL 58): request one with \(render(.onCase(.requestLegalReview, caseId: id)))"
        case .legalReviewNotPending(let id):
            "case \(id) has no legal review under way: request one with \(render(.onCase(.requestLegalReview, caseId: id)))"
        case .legalReviewAlreadyPending(let id):
            "case \(id) is already with the legal reviewers: wait for them to pass or return it"
        case .noticeRequired(let id):
            "case \(id) has no pre-decision notice and the party has not waived it (APL 44, 62): "
                + "serve one with \(render(.onCase(.serveNotice, caseId: id)))"
        case let .penaltyExceedsNotice(notice, decided):
            "a fine of \(decided) yuan exceeds the \(notice) yuan in the pre-decision notice (APL 45): "
                + "decide at most \(notice) yuan"
        case .penaltyTypeNotInNotice(let type):
            "the pre-decision notice did not announce \(Self.words(type.rawValue)): serve a new notice or drop it"
        case let .penaltyIncreasedAfterDefence(earlier, new):
            "the party defended itself against a fine of \(earlier) yuan, which may not rise to \(new) yuan because "
                + "of that (APL 45): announce at most \(earlier) yuan"
        case .invalidPenalty(let why):
            "the penalty is not valid: \(why)"
        case .hearingNotOffered(let id):
            "the notice of case \(id) offers no hearing: the penalty does not call for one (APL 63); a new notice may offer "
                + "one voluntarily with \(render(.onCase(.serveNotice, caseId: id))) --hearing-right"
        case let .hearingRightNotOffered(id, grounds):
            "the penalty gives the party a right to a hearing (APL 63: \(grounds.map(\.labelZh).joined(separator: "、"))) "
                + "that no notice of case \(id) offered: serve the notice again with \(render(.onCase(.serveNotice, caseId: id)))"
        case .hearingRequestTooLate(let due):
            "the time to request a hearing ended on \(due) (5 working days, APL 64): record a statement instead"
        case .hearingAlreadyRequested(let id):
            "a hearing was already requested in case \(id): schedule it with "
                + "\(render(.onCase(.scheduleHearing, caseId: id))), or record the party's waiver"
        case .hearingNotRequested(let id):
            "no hearing is requested in case \(id): record the party's request with "
                + "\(render(.onCase(.requestHearing, caseId: id))) first"
        case .hearingOver(let id):
            "the hearing of case \(id) was already held or waived: decide with "
                + "\(render(.onCase(.decidePenalty, caseId: id)))"
        case .hearingNotScheduled(let id):
            "no hearing is scheduled in case \(id): schedule it with \(render(.onCase(.scheduleHearing, caseId: id)))"
        case let .hearingTooSoon(date, earliest):
            "a hearing on \(date) leaves the party less than 7 working days' notice (APL 64): choose \(earliest) or later"
        case .hearingDateNotReached(let date):
            "the hearing is scheduled for \(date): record it on or after that day"
        case .hearingPending(let id):
            "case \(id) has a hearing requested but not yet held: hold it with \(render(.onCase(.holdHearing, caseId: id))) "
                + "or record the party's waiver with \(render(.onCase(.waiveHearing, caseId: id))) first"
        case let .hearingRequestWindowOpen(id, until):
            "the party may still request a hearing until \(until) (APL 64): decide after that day, "
                + "or record the party's written waiver with \(render(.onCase(.waiveHearing, caseId: id)))"
        case .chairInvestigated(let officer):
            "officer \(officer) investigated the case and may not chair the hearing (APL 64): choose another chair"
        case .statementAlreadyRecorded(let id):
            "the party of case \(id) already made or waived its statement: nothing to record"
        case let .summaryLimitExceeded(fine, limit, party):
            "\(fine) yuan is above the summary-procedure limit of \(limit) yuan for "
                + "\(party == .individual ? "an individual" : "an organisation") (APL 51): file the case under the "
                + "ordinary procedure"
        case .summaryPenaltyNotAllowed(let type):
            "the summary procedure allows only a warning or a fine, not \(Self.words(type.rawValue)) (APL 51): "
                + "file the case under the ordinary procedure"
        case .summaryServedOnTheSpotOnly(let id):
            "case \(id) was decided on the spot, so the decision is handed over on the spot (APL 52): serve it `onTheSpot`"
        case .electronicServiceWithoutConsent(let id):
            "case \(id) cannot be served by fax or e-mail without the party's signed consent (APL 61): "
                + "give the consent reference or serve another way"
        case .publicationForbidden(let reason):
            "the decision may not be published (\(reason.message)): nothing to publish"
        case .alreadyPublished(let id):
            "the decision of case \(id) is already published: withdraw it first if it must change"
        case .notPublished(let id):
            "the decision of case \(id) is not published: nothing to withdraw"
        case .decisionAlreadyRevoked(let id):
            "the decision of case \(id) was revoked: it can no longer be served, published, paid, enforced, filed or revoked "
                + "again; close the case with \(render(.onCase(.close, caseId: id)))"
        case .noFineToPay(let id):
            "case \(id) has no unpaid fine: nothing to collect"
        case let .paymentExceedsOutstanding(amount, outstanding):
            "\(amount) yuan is more than the \(outstanding) yuan still owed: record the amount actually received"
        case .cashNotAllowed(let fine):
            "the bureau does not collect a fine of \(fine) yuan in cash (APL 67-68: cash only on the spot, up to "
                + "100 yuan): record the bank or e-payment receipt"
        case .decisionNotServed(let id):
            "the decision of case \(id) has not been served: record service with \(render(.onCase(.serveDecision, caseId: id)))"
        case .fineNotOverdue(let due):
            "the fine may be paid until \(due) (15 days, APL 67): serve the demand after that day"
        case .demandNotServed(let id):
            "case \(id) has no demand notice (催告书): serve one with \(render(.onCase(.serveDemand, caseId: id))) first"
        case .courtApplicationTooEarly(let from):
            "the court may be asked from \(from), 10 working days after the demand (Coercion Law 54): apply then"
        case .notSummaryProcedure(let id):
            "case \(id) follows the ordinary procedure: only on-the-spot decisions are filed with the agency"
        case .onSpotDecisionNotFiled(let id):
            "the on-the-spot decision of case \(id) is not yet filed with the agency (MOT-9 61): "
                + "file it with \(render(.onCase(.fileOnSpotDecision, caseId: id)))"
        case .fineUnpaid(let outstanding):
            "\(outstanding) yuan of the fine is unpaid: record the payment or apply for court enforcement before closing"
        case .referralTargetNotPolice(let code):
            "\(code) is not a police agency: refer suspected crimes to the police"
        case .referralToSelf(let code):
            "\(code) cannot refer or transfer to itself: name the receiving agency"
        case .windowReferralOutsideTransport(let code):
            "\(code) is not a transport agency: licensing-window referrals go from the bureau's window to its brigade"
        }
    }

    /// How the CLI reports this rejection.
    public var category: RejectionCategory {
        switch self {
        case .notFound, .missingField, .invalidPeriod, .dateInFuture, .dateInPast, .negativeCount, .notPositive, .figureTooLarge, .textTooLong,
             .unknownAgency, .unknownOfficer, .invalidPlate, .invalidHash, .invalidPenalty,
             .invalidSeizureExtension, .referralToSelf:
            .invalidInput
        case .lawRefused(let error):
            if case .unknownBasis = error { .invalidInput } else { .ruleRefused }
        case .hearingRightNotOffered:
            .ruleRefused
        case .jointOperation(let rejection):
            rejection.category
        case .correction(let rejection): rejection.category
        case .source(let rejection): rejection.category
        case .ruleOfLaw(let rejection): rejection.category
        // Someone else created the record first: the one refusal that is a conflict (exit 4).
        case .alreadyExists, .loginBoundToAnother:
            .conflict
        case .noLoginBound:
            .ruleRefused
        // Out of order: the command does not fit the record's current step; the message says what comes first.
        case .notAllowedNow, .operationClosed, .agencyAlreadyTakingPart, .agencyAlreadyInvited,
             .sessionAlreadyRecorded, .preservationPending, .noPreservedEvidence, .vehicleAlreadySeized,
             .vehicleNotSeized, .legalReviewNotPending, .legalReviewAlreadyPending, .hearingAlreadyRequested,
             .hearingNotRequested, .hearingNotScheduled, .statementAlreadyRecorded, .alreadyPublished, .notPublished,
             .decisionAlreadyRevoked, .noFineToPay, .notSummaryProcedure, .paymentExceedsOutstanding:
            .ruleRefused
        case .limitationPeriodExpired, .actAlreadyFiled, .actAlreadyFined, .leadHeldByOtherAgency, .noEvidenceRecorded,
             .seizureAlreadyExtended, .seizureExpired, .confiscationNotDecided, .seizureStillActive, .legalReviewRequired,
             .noticeRequired, .penaltyExceedsNotice, .penaltyTypeNotInNotice, .penaltyIncreasedAfterDefence,
             .hearingNotOffered, .hearingRequestTooLate, .hearingTooSoon, .hearingDateNotReached, .hearingPending,
             .hearingRequestWindowOpen, .hearingOver, .chairInvestigated, .summaryLimitExceeded, .summaryPenaltyNotAllowed,
             .summaryServedOnTheSpotOnly, .electronicServiceWithoutConsent, .publicationForbidden, .cashNotAllowed,
             .decisionNotServed, .fineNotOverdue, .demandNotServed, .courtApplicationTooEarly, .onSpotDecisionNotFiled,
             .fineUnpaid, .referralTargetNotPolice, .windowReferralOutsideTransport, .tooFewOfficers,
             .officerNotCertified, .officerNotOfAgency, .agencyNotInvited, .agencyNotTakingPart, .leadAgencyCannotWithdraw,
             .outsideOperationWindow, .datedBefore, .decisionNumberTaken, .authorityRefused, .formNumberTaken:
            .ruleRefused
        }
    }

    /// The sentence in plain words, each next step described rather than spelled as a command.
    public var message: String { message { "`\($0)`" } }

    /// How a `notFound` hint starts: the creating step's verb.
    private static func creating(_ next: NextStep) -> String {
        switch next {
        case .planOperation: "plan it first with"
        case .sendReferral: "send it first with"
        case .raiseRectification: "raise it first with"
        case .openCase: "start it with"
        case .registerAgency, .registerOfficer: "register it first with"
        case .importCalendar, .listLegalBases, .inviteAgency, .joinOperation, .show, .onCase, .listOfficers, .unbindOfficer,
             .showOfficer, .certifyOfficer, .designateOfficer, .endDesignation: "start with"
        case .listLegalBasesForSector, .showLegalBasis: "start with"
        }
    }

    /// "investigationConcluded" → "investigation concluded".
    static func words(_ camel: String) -> String {
        var out = ""
        for character in camel {
            if character.isUppercase, !out.isEmpty { out.append(" ") }
            out.append(contentsOf: character.lowercased())
        }
        return out
    }
}

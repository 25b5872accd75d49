// After the decision: service, publication, payment, enforcement, closing and archiving.
extension CaseDecider {
    /// Statuses in which a penalty or no-penalty decision exists.
    private static let decidedStatuses: Set<CaseState.Status> = [.decided, .served, .closed]

    static func decideAfterDecision(_ command: CaseCommand.AfterDecision, _ state: CaseState,
                                    _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let today = context.today
        let caseId = state.caseId ?? "?"
        switch command {
        case let .serveDecision(method, consentRef):
            try require(state, [.decided], command)
            if state.decisionRevoked { throw .decisionAlreadyRevoked(caseId) }
            try Rejection.requireOrder(.service, on: today, after: .decision, on: state.decidedOn)
            try requireMainLineOrder(.service, state, context)
            if state.procedure == .summary, method != .onTheSpot { throw .summaryServedOnTheSpotOnly(caseId) }
            // APL 61: fax or e-mail only with the party's signed consent.
            if method == .electronic, (consentRef ?? "").isBlank { throw .electronicServiceWithoutConsent(caseId) }
            let payment: Deadline? = state.fineYuan > 0 ? context.deadline { c, j in
                Deadlines.payment(received: today, calendar: c, in: j)
            } : nil
            return [.decisionServed(.init(method: method, consentRef: consentRef, servedOn: today, paymentDue: payment))]

        case .publishDecision(let reference):
            try requireDecision(state, command)
            guard !state.published else { throw .alreadyPublished(caseId) }
            try Rejection.requireOrder(.publication, on: today, after: .decision, on: state.decidedOn)
            if let reason = state.publicationWithheld { throw .publicationForbidden(reason) }
            if state.party?.isMinor == true { throw .publicationForbidden(.partyIsMinor) }
            if state.decisionRevoked { throw .decisionAlreadyRevoked(caseId) }
            try Rejection.requireText(reference, "publication reference")
            return [.decisionPublished(.init(reference: reference, publishedOn: today))]

        case .withholdPublication(let reason):
            try requireDecision(state, command)
            guard !state.published else { throw .alreadyPublished(caseId) }
            if state.decisionRevoked { throw .decisionAlreadyRevoked(caseId) }
            if let earlier = state.publicationWithheld { throw .publicationForbidden(earlier) }
            try Rejection.requireOrder(.withholding, on: today, after: .decision, on: state.decidedOn)
            return [.publicationWithheld(.init(reason: reason, withheldOn: today))]

        case let .revokeDecision(byZh, reasonZh):
            try requireDecision(state, command)
            guard !state.decisionRevoked else { throw .decisionAlreadyRevoked(caseId) }
            try Rejection.requireOrder(.revocation, on: today, after: .decision, on: state.decidedOn)
            try Rejection.requireText(byZh, "revoked by")
            try Rejection.requireText(reasonZh, "reason")
            let withdrawal: Deadline? = state.published && !state.publicationWithdrawn
                ? context.deadline { c, j in
                    Deadlines.publicationWithdrawal(revoked: today, calendar: c, in: j)
                } : nil
            return [.decisionRevoked(.init(byZh: byZh, reasonZh: reasonZh, revokedOn: today, withdrawalDue: withdrawal))]

        case .withdrawPublication(let reasonZh):
            try require(state, [.decided, .served, .closed, .archived], command)
            guard state.published, !state.publicationWithdrawn else { throw .notPublished(caseId) }
            try requireLatestOrder(.withdrawal, state, context)
            try Rejection.requireText(reasonZh, "reason")
            return [.publicationWithdrawn(.init(reasonZh: reasonZh, withdrawnOn: today))]
        }
    }

    /// A penalty or no-penalty decision (ordinary or on the spot) exists.
    private static func requireDecision(_ state: CaseState, _ command: CaseCommand.AfterDecision) throws(Rejection) {
        try require(state, decidedStatuses, command)
        switch state.outcome {
        case .penalty, .noPenalty: return
        case .criminalReferral, .transferredOut, nil:
            throw .notAllowedNow(aggregate: "case", id: state.caseId ?? "?", status: state.status.rawValue,
                                 command: .case(command.action))
        }
    }

    static func decideExecution(_ command: CaseCommand.Execution, _ state: CaseState,
                                _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let today = context.today
        let caseId = state.caseId ?? "?"
        switch command {
        case let .receivePayment(amountYuan, channel, receiptRef):
            try require(state, [.decided, .served], command)
            guard state.fineYuan > 0, !state.decisionRevoked else { throw .noFineToPay(caseId) }
            guard state.status == .served else { throw .decisionNotServed(caseId) }
            try Rejection.requireOrder(.payment, on: today, after: .service, on: state.servedOn)
            guard amountYuan > 0 else { throw .notPositive(field: "amount", value: amountYuan) }
            try FigureBounds.checkCase(amountYuan, "amountYuan")
            let outstanding = state.outstandingYuan(on: today)
            guard amountYuan <= outstanding else {
                throw .paymentExceedsOutstanding(amountYuan: amountYuan, outstandingYuan: outstanding)
            }
            // APL 67-68: the agency does not collect fines; cash on the spot only in the summary procedure, ≤ 100 yuan.
            if channel == .cashOnSpot, state.procedure != .summary || state.fineYuan > 100 {
                throw .cashNotAllowed(fineYuan: state.fineYuan)
            }
            try Rejection.requireText(receiptRef, "receipt reference")
            return [.paymentReceived(.init(amountYuan: amountYuan, channel: channel, receiptRef: receiptRef,
                                           receivedOn: today))]

        case .serveEnforcementDemand:
            try require(state, [.served], command)
            guard state.fineYuan > 0, !state.decisionRevoked, state.paidYuan < state.fineYuan else {
                throw .noFineToPay(caseId)
            }
            try Rejection.requireOrder(.demand, on: today, after: .service, on: state.servedOn)
            if let due = state.paymentDeadline, !due.isOverdue(on: today) { throw .fineNotOverdue(due: due.legallyDue) }
            guard state.courtApplicationFrom == nil else {
                throw .notAllowedNow(aggregate: "case", id: caseId, status: "demandServed", command: .case(command.action))
            }
            // Coercion Law 54: the court may be asked no earlier than 10 WD after the demand notice.
            let from = context.partysMinimum(workingDays: 10, after: today)
            return [.enforcementDemandServed(.init(servedOn: today, courtApplicationFrom: from))]

        case .applyForCourtEnforcement(let courtZh):
            try require(state, [.served], command)
            if state.decisionRevoked { throw .decisionAlreadyRevoked(caseId) }
            guard let from = state.courtApplicationFrom else { throw .demandNotServed(caseId) }
            guard !state.courtEnforcementApplied else {
                throw .notAllowedNow(aggregate: "case", id: caseId, status: "courtApplied", command: .case(command.action))
            }
            guard today >= from else { throw .courtApplicationTooEarly(from: from) }
            try Rejection.requireText(courtZh, "court")
            return [.courtEnforcementApplied(.init(courtZh: courtZh, appliedOn: today))]

        case .fileOnSpotDecision:
            try require(state, [.decided, .served], command)
            guard state.procedure == .summary else { throw .notSummaryProcedure(caseId) }
            if state.decisionRevoked { throw .decisionAlreadyRevoked(caseId) }
            try Rejection.requireOrder(.onSpotFiling, on: today, after: .decision, on: state.decidedOn)
            guard !state.onSpotDecisionFiled else {
                throw .notAllowedNow(aggregate: "case", id: caseId, status: "filedWithAgency", command: .case(command.action))
            }
            return [.onSpotDecisionFiled(.init(filedOn: today))]

        case .close(let reportZh):
            try require(state, [.decided, .served, .referredToPolice, .transferredOut], command)
            try requireLatestOrder(.closing, state, context)
            try checkReadyToClose(state, today: today)
            try Rejection.requireText(reportZh, "closure report")
            return [.closed(.init(reportZh: reportZh, closedOn: today))]

        case .archive(let fileRef):
            try require(state, [.closed, .filingDeclined], command)
            try requireLatestOrder(.archiving, state, context)
            try Rejection.requireText(fileRef, "file reference")
            return [.archived(.init(fileRef: fileRef, archivedOn: today))]
        }
    }

    /// Nothing left hanging: vehicles released or confiscated, decision served, fine paid or sent to court,
    /// on-the-spot copy filed.
    private static func checkReadyToClose(_ state: CaseState, today: LocalDate) throws(Rejection) {
        let caseId = state.caseId ?? "?"
        if let seizure = state.activeSeizures.first { throw .seizureStillActive(seizure.plate) }
        guard !state.decisionRevoked else { return }
        if state.status == .decided { throw .decisionNotServed(caseId) }
        if state.fineYuan > 0, state.paidYuan < state.fineYuan, !state.courtEnforcementApplied {
            throw .fineUnpaid(outstandingYuan: state.outstandingYuan(on: today))
        }
        if state.procedure == .summary, !state.onSpotDecisionFiled { throw .onSpotDecisionNotFiled(caseId) }
    }
}

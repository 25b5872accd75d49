// From the end of the investigation to the decision: legal review, pre-decision notice, statement, hearing.
extension CaseDecider {
    static func decideProcedure(_ command: CaseCommand.ProcedureStep, _ state: CaseState,
                                _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let today = context.today
        let caseId = state.caseId ?? "?"
        switch command {
        case let .concludeInvestigation(findingsZh, complex, majorPublicInterest):
            try require(state, [.investigating], command)
            try requireMainLineOrder(.investigationConcluded, state, context)
            guard state.evidenceCount > 0 else { throw .noEvidenceRecorded(caseId) }
            try Rejection.requireText(findingsZh, "findings")
            return [.investigationConcluded(.init(findingsZh: findingsZh, complex: complex,
                                                  majorPublicInterest: majorPublicInterest, concludedOn: today))]

        case .requestLegalReview:
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.reviewRequest, state, context)
            guard state.legalReview != .requested else { throw .legalReviewAlreadyPending(caseId) }
            return [.legalReviewRequested(.init(requestedOn: today))]

        case let .passLegalReview(reviewer, opinionZh):
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.review, state, context)
            guard state.legalReview == .requested else { throw .legalReviewNotPending(caseId) }
            try checkReviewer(reviewer, state, context)
            try Rejection.requireText(opinionZh, "opinion")
            return [.legalReviewPassed(.init(reviewer: reviewer, opinionZh: opinionZh, passedOn: today))]

        case let .returnLegalReview(reviewer, reasonZh):
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.review, state, context)
            guard state.legalReview == .requested else { throw .legalReviewNotPending(caseId) }
            try checkReviewer(reviewer, state, context)
            try Rejection.requireText(reasonZh, "reason")
            return [.legalReviewReturned(.init(reviewer: reviewer, reasonZh: reasonZh, returnedOn: today))]

        case let .serveNotice(intended, hearingRight):
            try require(state, [.investigationConcluded], command)
            return try serveNotice(intended, hearingRight: hearingRight, state, context)

        case .receiveStatement(let summaryZh):
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.statement, state, context)
            guard state.notice != nil else { throw .noticeRequired(caseId) }
            guard state.statement != .waived else { throw .statementAlreadyRecorded(caseId) }
            try Rejection.requireText(summaryZh, "statement summary")
            return [.statementReceived(.init(summaryZh: summaryZh, receivedOn: today))]

        case .waiveStatement:
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.statement, state, context)
            guard state.statement == .none else { throw .statementAlreadyRecorded(caseId) }
            return [.statementWaived(.init(waivedOn: today))]

        case .requestHearing:
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.hearingRequest, state, context)
            guard state.notice != nil else { throw .noticeRequired(caseId) }
            guard state.noticeGrantsHearing else { throw .hearingNotOffered(caseId) }
            if state.hearingIsOver { throw .hearingOver(caseId) }
            guard state.hearing == .notRequested else { throw .hearingAlreadyRequested(caseId) }
            if let window = state.deadlines[.hearingRequest], window.isOverdue(on: today) {
                throw .hearingRequestTooLate(due: window.legallyDue)
            }
            return [.hearingRequested(.init(requestedOn: today))]

        case let .scheduleHearing(date, chair, placeZh):
            try require(state, [.investigationConcluded], command)
            // Requested, or scheduled and being moved.
            if state.hearingIsOver { throw .hearingOver(caseId) }
            guard state.hearingIsPending else { throw .hearingNotRequested(caseId) }
            try Rejection.requireOrder(.hearing, on: date, after: .hearingRequest, on: state.hearingRequestedOn)
            try requireMainLineOrder(.hearingScheduling, state, context)
            try checkChair(chair, on: date, state, context)   // APL 64: the agency's appointee, no investigator
            try Rejection.requireText(placeZh, "place")
            // APL 64: the party is told at least 7 working days before the hearing.
            let earliest = context.partysMinimum(workingDays: 7, after: today)
            guard date >= earliest else { throw .hearingTooSoon(date: date, earliest: earliest) }
            return [.hearingScheduled(.init(date: date, chair: chair, placeZh: placeZh, scheduledOn: today))]

        case .holdHearing(let recordRef):
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.hearing, state, context)
            guard case let .scheduled(date, chair) = state.hearing else { throw .hearingNotScheduled(caseId) }
            guard today >= date else { throw .hearingDateNotReached(date) }
            try Rejection.requireOrder(.hearing, on: today, after: .hearingRequest, on: state.hearingRequestedOn)
            // The chair may have investigated, or lost the duty, since the hearing was scheduled.
            try checkChair(chair, on: today, state, context)
            try Rejection.requireText(recordRef, "hearing record")
            return [.hearingHeld(.init(chair: chair, recordRef: recordRef, heldOn: today))]

        case .waiveHearing(let reasonZh):
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.hearingWaiver, state, context)
            // The party may waive in writing a hearing it requested, or the right itself while it is open (APL 64):
            // no request is needed first, and the waiver closes the request window.
            guard state.notice != nil else { throw .noticeRequired(caseId) }
            guard state.noticeGrantsHearing else { throw .hearingNotOffered(caseId) }
            if state.hearingIsOver { throw .hearingOver(caseId) }
            if !state.hearingIsPending, let window = state.deadlines[.hearingRequest], window.isOverdue(on: today) {
                throw .hearingRequestTooLate(due: window.legallyDue)
            }
            try Rejection.requireText(reasonZh, "reason")
            return [.hearingWaived(.init(reasonZh: reasonZh, waivedOn: today))]
        }
    }
}

extension CaseState {
    /// A hearing was requested or scheduled and has neither been held nor waived.
    public var hearingIsPending: Bool {
        switch hearing {
        case .requested, .scheduled: true
        case .notRequested, .held, .waived: false
        }
    }

    /// The hearing was held or waived.
    public var hearingIsOver: Bool {
        switch hearing {
        case .held, .waived: true
        case .notRequested, .requested, .scheduled: false
        }
    }
}

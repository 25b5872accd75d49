// The decisions: penalty, no penalty, criminal referral, transfer out, and the on-the-spot decision.
extension CaseDecider {
    static func decideOutcome(_ command: CaseCommand.Outcome, _ state: CaseState,
                              _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let today = context.today
        let caseId = state.caseId ?? "?"
        switch command {
        case let .decidePenalty(penalty, decisionNumber):
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.decision, state, context)
            guard let party = state.party, let act = state.act, let key = state.actKey else {
                throw partyUnknown(state, command)
            }
            try checkShape(penalty)
            try Rejection.requireText(decisionNumber, "decision number")
            try Rejection.requireOrder(.decision, on: today, after: .notice, on: state.noticeServedOn)
            try checkDecisionNumberFree(command, state, context)
            try checkHeard(state, today: today)
            // APL 44, 45, 62: the decision may not go beyond what the party was told and could answer.
            if let notice = state.notice {
                guard penalty.fineYuan <= notice.fineYuan else {
                    throw .penaltyExceedsNotice(noticeYuan: notice.fineYuan, decidedYuan: penalty.fineYuan)
                }
                if let extra = penalty.types.first(where: { !notice.types.contains($0) }) {
                    throw .penaltyTypeNotInNotice(extra)
                }
            }
            let decided = try lawfulPenalty(penalty, party: party, act: act, context: context)
            try checkHearingRightOffered(for: decided, state, context)
            let reviewed = try checkLegalReview(state, fineYuan: penalty.fineYuan,
                                                confiscation: penalty.includesConfiscation, context: context)
            if penalty.fineYuan > 0 { try checkOneFinePerAct(key, caseId: caseId, context: context) }
            let service = context.deadline { c, j in
                Deadlines.service(decided: today, calendar: c, in: j)
            }
            let publication = try publicationDeadline(party: party, isPenalty: true, context)
            return [.penaltyDecided(.init(penalty: decided, decisionNumber: decisionNumber, actKey: key,
                                          legalReviewRequired: reviewed, decidedOn: today, serviceDue: service,
                                          publicationDue: publication))]

        case let .decideNoPenalty(reason, decisionNumber):
            try require(state, [.investigationConcluded], command)
            try requireMainLineOrder(.decision, state, context)
            guard let party = state.party else { throw partyUnknown(state, command) }
            try Rejection.requireText(decisionNumber, "decision number")
            try Rejection.requireOrder(.decision, on: today, after: .notice, on: state.noticeServedOn)
            try checkDecisionNumberFree(command, state, context)
            if state.hearingIsPending { throw .hearingPending(caseId) }
            _ = try checkLegalReview(state, fineYuan: 0, confiscation: false, context: context)
            let service = context.deadline { c, j in
                Deadlines.service(decided: today, calendar: c, in: j)
            }
            let publication = try publicationDeadline(party: party, isPenalty: false, context)
            return [.noPenaltyDecided(.init(reason: reason, decisionNumber: decisionNumber, decidedOn: today,
                                            serviceDue: service, publicationDue: publication))]

        case let .referToPolice(policeAgency, reasonZh):
            try require(state, beforeDecision, command)
            try requireMainLineOrder(.referralToPolice, state, context)
            guard try checkAgency(policeAgency, context: context).kind == .police else {
                throw .referralTargetNotPolice(policeAgency)
            }
            try Rejection.requireText(reasonZh, "reason")
            return [.criminalReferralMade(.init(policeAgency: policeAgency, reasonZh: reasonZh, referredOn: today))]

        case let .transferOut(toAgency, reasonZh):
            try require(state, beforeDecision, command)
            try requireMainLineOrder(.transfer, state, context)
            _ = try checkAgency(toAgency, context: context)
            guard toAgency != state.agency else { throw .referralToSelf(toAgency) }
            try Rejection.requireText(reasonZh, "reason")
            return [.transferredOut(.init(toAgency: toAgency, reasonZh: reasonZh, transferredOn: today))]

        case let .decideOnSpot(caseId, agency, party, act, officers, penalty, formNumber):
            try require(state, [.none, .leadReceived], command)
            try requireMainLineOrder(.decision, state, context)
            return try decideOnSpot(caseId, agency, party, act, officers, penalty, formNumber, state, context)
        }
    }

    /// Every case that reached the end of its investigation was filed with a party and an act; a stream that
    /// says otherwise is refused like a command in the wrong state rather than trusted.
    private static func partyUnknown(_ state: CaseState, _ command: CaseCommand.Outcome) -> Rejection {
        .notAllowedNow(aggregate: "case", id: state.caseId ?? "?", status: state.status.rawValue, command: .case(command.action))
    }

    /// The party had its chance to be heard: a notice was served (or the party waived, APL 62), no hearing is
    /// pending, and the 5 WD to ask for one are over (or answered).
    private static func checkHeard(_ state: CaseState, today: LocalDate) throws(Rejection) {
        let caseId = state.caseId ?? "?"
        guard state.notice != nil || state.statement == .waived else { throw .noticeRequired(caseId) }
        if state.hearingIsPending { throw .hearingPending(caseId) }
        if state.noticeGrantsHearing, state.hearing == .notRequested,
           let window = state.deadlines[.hearingRequest], today <= window.legallyDue {
            throw .hearingRequestWindowOpen(caseId: caseId, until: window.legallyDue)
        }
    }

    /// A passed legal review when the catalogue or APL 58 asks for one. Returns whether one was required.
    private static func checkLegalReview(_ state: CaseState, fineYuan: Int, confiscation: Bool,
                                         context: DecisionContext) throws(Rejection) -> Bool {
        guard let party = state.party else { return false }
        let hadHearing = if case .held = state.hearing { true } else { false }
        let reasons = context.reviewCatalogue.reasons(fineYuan: fineYuan, party: party.kind, hadHearing: hadHearing,
                                                      confiscation: confiscation,
                                                      majorPublicInterest: state.majorPublicInterest,
                                                      complex: state.complex)
        if !reasons.isEmpty, state.legalReview != .passed {
            throw .legalReviewRequired(caseId: state.caseId ?? "?", reasons: reasons)
        }
        return !reasons.isEmpty
    }

    /// 7 WD for a penalty, 20 WD for other decisions; none when the party is a minor (never published).
    static func publicationDeadline(party: Party, isPenalty: Bool, _ context: DecisionContext) throws(Rejection) -> Deadline? {
        guard !party.isMinor else { return nil }
        return context.deadline { c, j in
            Deadlines.publication(decided: context.today, isPenaltyOrLicence: isPenalty, calendar: c, in: j)
        }
    }

    /// Summary procedure (简易程序, APL 51): a warning, or a fine of at most 200 yuan (individual) or 3,000 yuan
    /// (organisation), decided and handed over on the spot.
    static func decideOnSpot(_ caseId: String, _ agency: String, _ party: Party, _ act: Act, _ officers: [String],
                             _ penalty: Penalty, _ formNumber: String, _ state: CaseState,
                             _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let today = context.today
        let caseId = state.caseId ?? caseId
        try Rejection.requireText(caseId, "case id")
        try Rejection.requireText(formNumber, "form number")
        try checkDecisionNumberFree(.decideOnSpot(caseId: caseId, agency: agency, party: party, act: act, officers: officers,
                                                  penalty: penalty, formNumber: formNumber), state, context)
        _ = try checkAgency(agency, context: context)
        if let leadAgency = state.agency, leadAgency != agency {
            throw .leadHeldByOtherAgency(leadAgency: leadAgency, filingAgency: agency)
        }
        let act = try checkPartyAndAct(party, act, discoveredOn: state.leadReceivedOn ?? today, today: today)
        try checkShape(penalty)
        if let other = penalty.types.first(where: { $0 != .warning && $0 != .fine }) {
            throw .summaryPenaltyNotAllowed(other)
        }
        let limit = party.kind == .individual ? 200 : 3_000
        guard penalty.fineYuan <= limit else {
            throw .summaryLimitExceeded(fineYuan: penalty.fineYuan, limitYuan: limit, party: party.kind)
        }
        let team = try checkTeam(officers, agency: agency, context: context)
        let penalty = try lawfulPenalty(penalty, party: party, act: act, context: context)
        let key = ActKey(partyId: party.partyId, actDate: act.date)
        try checkFirstToFile(key, caseId: caseId, context: context)
        if penalty.fineYuan > 0 { try checkOneFinePerAct(key, caseId: caseId, context: context) }
        let filing = context.deadline { c, j in
            Deadlines.onSpotFiling(decided: today, calendar: c, in: j)
        }
        let publication = try publicationDeadline(party: party, isPenalty: true, context)
        return [.decidedOnSpot(.init(caseId: caseId, agency: agency, party: party, act: act, officers: team,
                                     penalty: penalty, formNumber: formNumber, actKey: key, decidedOn: today,
                                     onSpotFilingDue: filing, publicationDue: publication))]
    }
}

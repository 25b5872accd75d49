import Foundation

// Corrections (更正) without rewriting history: a wrong entry is put right by a `CaseCorrected` event with the
// reason and the correcting officer; the original stays in the log and in `case show`'s history.
//
// The rule (待确认: domain-notes has no source for it; the bureau to confirm): before the decision is served, any
// recorded field may be corrected; after service only clerical errors (`CorrectableField.isClerical`: party name,
// ID number, plate, place, description). The penalty, the legal basis and the party's identity then change only by
// revoking the decision and deciding anew. A correction runs again the checks the original act ran, where they
// still apply: texts present, the act not in the future nor after the case was opened, still punishable (APL 36),
// no other case holding or having fined the corrected act (APL 25, 29), and a decided penalty still lawful under
// the basis governing the act (APL 37), within the notice (APL 45), the summary limits (APL 51), the legal-review
// catalogue (APL 58) and the hearing right (APL 63).
extension CaseDecider {
    static func decideCorrection(_ command: CaseCommand.Correction, _ state: CaseState,
                                 _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        switch command {
        case let .correct(field, value, reasonZh, officer):
            let caseId = state.caseId ?? "?"
            guard let party = state.party, let act = state.act else {
                throw .correction(.fieldNotRecorded(field: field, caseId: caseId))
            }
            if let served = state.servedOn, !field.isClerical {
                throw .correction(.notClericalAfterService(field: field, caseId: caseId, servedOn: served))
            }
            let decided = state.decisionRevoked ? nil : state.penalty
            if field.isPenaltyField, decided == nil { throw .correction(.fieldNotRecorded(field: field, caseId: caseId)) }
            try Rejection.requireText(reasonZh, "reason")
            guard context.reference.officers[officer] != nil else { throw .unknownOfficer(officer) }

            var newParty = party, newAct = act
            var cited = decided.map(citation)
            try apply(field, value, to: &newParty, &newAct, &cited)
            let checkedAct = try checkPartyAndAct(newParty, newAct, discoveredOn: state.leadReceivedOn ?? state.filedOn
                                                      ?? state.decidedOn ?? context.today, today: context.today)
            let from = text(of: field, party, act, decided), checkedTo = text(of: field, newParty, checkedAct, cited)
            guard from != checkedTo else { return [] }   // nothing to correct
            if let opened = state.leadReceivedOn ?? state.filedOn ?? state.decidedOn, checkedAct.date > opened {
                throw .correction(.actAfterCaseOpened(actDate: checkedAct.date, openedOn: opened))
            }
            let key = ActKey(partyId: newParty.partyId, actDate: checkedAct.date)
            var governed: Penalty?
            if let cited {
                var corrected = state
                corrected.party = newParty
                governed = try lawfulCorrection(cited, party: newParty, act: checkedAct, corrected, context)
            }
            if key != state.actKey {
                try checkFirstToFile(key, caseId: caseId, context: context)
                if (governed?.fineYuan ?? 0) > 0 { try checkOneFinePerAct(key, caseId: caseId, context: context) }
            }
            let to = field.isPenaltyField ? text(of: field, newParty, checkedAct, governed) : checkedTo
            let expires = LimitationPeriod.expires(actDate: checkedAct.date,
                                                   harmedLifeHealthOrFinance: checkedAct.harmedLifeHealthOrFinance)
            return [.corrected(.init(
                field: field, from: from, to: to, reasonZh: reasonZh, officer: officer, correctedOn: context.today,
                afterService: state.servedOn != nil,
                republished: state.published && !state.publicationWithdrawn && !state.decisionRevoked,
                agency: state.agency, party: newParty, act: checkedAct, actKey: key, limitationExpires: expires,
                penalty: governed))]
        }
    }

    /// The penalty as the officer cited it, so that a corrected act date or party is governed afresh.
    private static func citation(_ penalty: Penalty) -> Penalty {
        Penalty(types: penalty.types, fineYuan: penalty.fineYuan, illegalGainsYuan: penalty.illegalGainsYuan,
                legalBasisId: penalty.citedAs ?? penalty.legalBasisId)
    }

    /// Reads `value` as `field` and puts it in place; a value of the wrong kind is bad input.
    private static func apply(_ field: CorrectableField, _ value: String, to party: inout Party, _ act: inout Act,
                              _ penalty: inout Penalty?) throws(Rejection) {
        let value = value.trimmingCharacters(in: .whitespaces)
        switch field {
        case .partyName: party.nameZh = value
        case .partyId: party.partyId = value
        case .actPlace: act.placeZh = value
        case .actDescription: act.descriptionZh = value
        case .legalBasis: penalty?.legalBasisId = value
        case .plate:
            try Rejection.requireText(value, "plate")
            act.plate = value
        case .partyKind:
            guard let kind = PartyKind(rawValue: value) else {
                throw .correction(.invalidValue(field: field, value: value,
                                                expected: PartyKind.allCases.map(\.rawValue).joined(separator: " or ")))
            }
            party.kind = kind
        case .sector:
            guard let sector = Sector(rawValue: value) else {
                throw .correction(.invalidValue(field: field, value: value,
                                                expected: "one of " + Sector.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            act.sector = sector
        case .actDate:
            guard let date = LocalDate(iso: value) else {
                throw .correction(.invalidValue(field: field, value: value, expected: "a date YYYY-MM-DD, e.g. 2023-04-19"))
            }
            act.date = date
        case .fine:
            guard let yuan = Int(value) else {
                throw .correction(.invalidValue(field: field, value: value, expected: "whole yuan, e.g. 5000"))
            }
            penalty?.fineYuan = yuan
        }
    }

    /// The field's value as text, for the history (原值 → 更正值).
    private static func text(of field: CorrectableField, _ party: Party, _ act: Act, _ penalty: Penalty?) -> String {
        switch field {
        case .partyName: party.nameZh
        case .partyId: party.partyId
        case .partyKind: party.kind.rawValue
        case .actDate: act.date.description
        case .actPlace: act.placeZh
        case .actDescription: act.descriptionZh
        case .plate: act.plate ?? ""
        case .sector: act.sector.rawValue
        case .fine: String(penalty?.fineYuan ?? 0)
        case .legalBasis: penalty?.legalBasisId ?? ""
        }
    }

    /// The decided penalty, corrected, checked as the decision checked it, on the decision's date.
    private static func lawfulCorrection(_ cited: Penalty, party: Party, act: Act, _ state: CaseState,
                                         _ context: DecisionContext) throws(Rejection) -> Penalty {
        try checkShape(cited)
        if let notice = state.notice, cited.fineYuan > notice.fineYuan {
            throw .penaltyExceedsNotice(noticeYuan: notice.fineYuan, decidedYuan: cited.fineYuan)
        }
        var atDecision = context
        atDecision.today = state.decidedOn ?? context.today
        let governed = try lawfulPenalty(cited, party: party, act: act, context: atDecision)
        if state.procedure == .summary {
            let limit = party.kind == .individual ? 200 : 3_000
            guard cited.fineYuan <= limit else {
                throw .summaryLimitExceeded(fineYuan: cited.fineYuan, limitYuan: limit, party: party.kind)
            }
            return governed
        }
        try checkHearingRightOffered(for: governed, state, atDecision)
        let hadHearing = if case .held = state.hearing { true } else { false }
        let reasons = context.reviewCatalogue.reasons(fineYuan: cited.fineYuan, party: party.kind, hadHearing: hadHearing,
                                                      confiscation: cited.includesConfiscation,
                                                      majorPublicInterest: state.majorPublicInterest, complex: state.complex)
        if !reasons.isEmpty, state.legalReview != .passed {
            throw .legalReviewRequired(caseId: state.caseId ?? "?", reasons: reasons)
        }
        return governed
    }
}

extension CaseDecider {
    /// The act a correction of the party id or the act date leads to, for the lookups of APL 25 and 29.
    static func correctedActKeys(_ command: CaseCommand.Correction, _ state: CaseState) -> [ActKey] {
        switch command {
        case let .correct(field, value, _, _):
            guard let key = state.actKey else { return [] }
            let value = value.trimmingCharacters(in: .whitespaces)
            switch field {
            case .partyId: return [ActKey(partyId: value, actDate: key.actDate)]
            case .actDate: return LocalDate(iso: value).map { [ActKey(partyId: key.partyId, actDate: $0)] } ?? []
            case .partyName, .partyKind, .actPlace, .actDescription, .plate, .sector, .fine, .legalBasis: return []
            }
        }
    }
}

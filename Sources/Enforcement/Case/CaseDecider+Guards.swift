// Checks shared by several case commands. Each throws the rejection naming the broken rule.
extension CaseDecider {
    static func require(_ state: CaseState, _ allowed: Set<CaseState.Status>,
                        _ command: some CaseCommandPhase) throws(Rejection) {
        guard allowed.contains(state.status) else {
            throw .notAllowedNow(aggregate: "case", id: state.caseId ?? "?", status: state.status.rawValue,
                                 command: .case(command.action))
        }
    }

    /// At least two distinct officers of `agency`, certified on the act date, for every investigative or coercive act
    /// (APL 42, 55; Coercion Law 18). Returns the ids without repeats, in the order given.
    static func checkTeam(_ officers: [String], agency: String?, context: DecisionContext) throws(Rejection) -> [String] {
        var team: [String] = []
        for id in officers where !team.contains(id) { team.append(id) }
        for id in team {
            guard let officer = context.reference.officers[id] else { throw .unknownOfficer(id) }
            try checkCertified(id, context)   // on the act date: a later withdrawal leaves earlier acts standing
            if let agency, officer.agencyCode != agency { throw .officerNotOfAgency(officer: id, agency: agency) }
        }
        guard team.count >= 2 else { throw .tooFewOfficers(count: team.count) }
        return team
    }

    static func checkAgency(_ code: String, context: DecisionContext) throws(Rejection) -> ReferenceData.Agency {
        guard let agency = context.reference.agencies[code] else { throw .unknownAgency(code) }
        return agency
    }

    /// Normalises a plate (新G12345 → 新G·12345).
    static func checkPlate(_ text: String) throws(Rejection) -> String {
        do { return try PlateNumber(text).text } catch { throw .invalidPlate(error) }
    }

    /// Party and act as given at filing or on the spot: texts present, act not in the future, plate valid,
    /// and the act still punishable when discovered (APL 36).
    static func checkPartyAndAct(_ party: Party, _ act: Act, discoveredOn: LocalDate,
                                 today: LocalDate) throws(Rejection) -> Act {
        try Rejection.requireText(party.nameZh, "party name")
        try Rejection.requireText(party.partyId, "party id")
        try Rejection.requireText(act.placeZh, "place")
        try Rejection.requireText(act.descriptionZh, "act description")
        guard act.date <= today else { throw .dateInFuture(act.date, today: today) }
        var checked = act
        if let plate = act.plate { checked.plate = try checkPlate(plate) }
        let expires = LimitationPeriod.expires(actDate: act.date, harmedLifeHealthOrFinance: act.harmedLifeHealthOrFinance)
        guard discoveredOn <= expires else { throw .limitationPeriodExpired(actDate: act.date, expiredOn: expires) }
        return checked
    }

    /// A penalty is well formed: some type, non-negative amounts, and a fine amount exactly when a fine is imposed.
    static func checkShape(_ penalty: Penalty) throws(Rejection) {
        try Rejection.requireText(penalty.legalBasisId, "legal basis")
        guard !penalty.types.isEmpty else { throw .invalidPenalty("name at least one penalty type") }
        guard penalty.fineYuan >= 0, penalty.illegalGainsYuan >= 0 else {
            throw .invalidPenalty("amounts cannot be negative")
        }
        try FigureBounds.checkCase(penalty.fineYuan, "fineYuan")
        try FigureBounds.checkCase(penalty.illegalGainsYuan, "illegalGainsYuan")
        if penalty.types.contains(.fine) {
            guard penalty.fineYuan > 0 else { throw .invalidPenalty("a fine needs an amount above 0 yuan") }
        } else {
            guard penalty.fineYuan == 0 else { throw .invalidPenalty("an amount is given but `fine` is not a penalty type") }
        }
    }

    /// No second fine for an act another case already fined (APL 29), whichever agency holds it.
    static func checkOneFinePerAct(_ key: ActKey, caseId: String, context: DecisionContext) throws(Rejection) {
        if let other = context.finesAlreadyImposed[key], other.caseId != caseId { throw .actAlreadyFined(by: other) }
    }

    /// The first agency to file holds the case (APL 25).
    static func checkFirstToFile(_ key: ActKey, caseId: String, context: DecisionContext) throws(Rejection) {
        if let other = context.casesAlreadyFiled[key], other.caseId != caseId { throw .actAlreadyFiled(by: other) }
    }
}

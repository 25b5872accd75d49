// Authority by duty, not by whoever types (DESIGN.md §9): each officer a step names must hold, on the step's
// date, the certificate, assignment or designation the law asks for, and must not have investigated the case
// where the law wants an independent eye. Certificates and duties are read by date (`ReferenceData`), so a
// later withdrawal never undoes an act dated before it.
extension CaseDecider {
    /// The officers named on an investigative or coercive act (evidence, preservation, seizure): a valid team
    /// (`checkTeam`, certified on the act date) whose members are all assigned to the case (APL 42, 55).
    ///
    /// Before filing no team can have been assigned: a vehicle seized at a checkpoint on the lead (Coercion Law 18)
    /// is seized by the certified officers present, who thereby become investigators of the case.
    static func checkActingTeam(_ officers: [String], _ state: CaseState,
                                _ context: DecisionContext) throws(Rejection) -> [String] {
        let team = try checkTeam(officers, agency: state.agency, context: context)
        if state.filedOn == nil && state.assignedOfficers.isEmpty { return team }
        for id in team where !state.assignedOfficers.contains(id) {
            throw .authorityRefused(.notAssigned(officer: id, caseId: state.caseId ?? "?"))
        }
        return team
    }

    /// A valid enforcement certificate on the act date (APL 42): withdrawn on day D, it covers acts before D only.
    static func checkCertified(_ id: String, _ context: DecisionContext) throws(Rejection) {
        guard context.reference.isCertified(id, on: context.today) else {
            throw .authorityRefused(.notCertified(officer: id, on: context.today))
        }
    }

    /// The approver of a filing, preservation, seizure or extension: an officer designated approver of the
    /// holding agency on the approval date (MOT-9 63; APL 56; Coercion Law 18, 25).
    static func checkApprover(_ id: String, agency: String?, _ context: DecisionContext) throws(Rejection) {
        try Rejection.requireText(id, "approvedBy")
        try checkDuty(id, .approver, for: agency, on: context.today, context)
    }

    /// The legal reviewer passing or returning a review: designated legal reviewer of the holding agency on the
    /// review date, and not an investigator of the case (APL 58).
    static func checkReviewer(_ id: String, _ state: CaseState, _ context: DecisionContext) throws(Rejection) {
        try Rejection.requireText(id, "reviewer")
        guard context.reference.officers[id] != nil else { throw .unknownOfficer(id) }
        guard !state.investigators.contains(id) else {
            throw .authorityRefused(.reviewerInvestigated(officer: id, caseId: state.caseId ?? "?"))
        }
        try checkDuty(id, .legalReviewer, for: state.agency, on: context.today, context)
    }

    /// The hearing chair on the hearing `day`: one of the holding agency's people, designated hearing chair,
    /// who did not investigate (APL 64: presided by a non-investigator appointed by the agency).
    static func checkChair(_ id: String, on day: LocalDate, _ state: CaseState,
                           _ context: DecisionContext) throws(Rejection) {
        guard let officer = context.reference.officers[id] else { throw .unknownOfficer(id) }
        if let agency = state.agency, officer.agencyCode != agency { throw .officerNotOfAgency(officer: id, agency: agency) }
        guard !state.investigators.contains(id) else { throw .chairInvestigated(id) }
        try checkDuty(id, .hearingChair, for: state.agency, on: day, context)
    }

    /// A registered officer holding `role` for `agency` on `day`.
    private static func checkDuty(_ id: String, _ role: OfficerRole, for agency: String?, on day: LocalDate,
                                  _ context: DecisionContext) throws(Rejection) {
        guard context.reference.officers[id] != nil else { throw .unknownOfficer(id) }
        guard let agency else { return }
        guard context.reference.isDesignated(id, as: role, for: agency, on: day) else {
            throw .authorityRefused(.notDesignated(officer: id, role: role, agency: agency, on: day))
        }
    }
}

// The figures of a session tally and of a partner's return: within bounds, and each kept where it belongs.
extension OperationDecider {
    /// A session tally holds no case figure any more (the bureau's cases link to the session, partners return
    /// theirs), and every figure is within `FigureBounds`.
    static func checkFigures(_ tally: Tally, agency: String) throws(Rejection) {
        try FigureBounds.check(tally.fields, agency: agency)
        if let field = tally.fields.first(where: { Tally.caseFields.contains($0.name) && $0.value != 0 }) {
            throw .jointOperation(.caseFigureInTally(field: field.name, agency: agency))
        }
    }

    /// A partner's return: for a session it took part in, once per agency and session, not from a transport
    /// agency (the bureau's results come from its linked cases), every figure within bounds.
    /// - Returns: the return with the session's recorded id.
    static func checked(_ partnerReturn: PartnerReturn, state: OperationState,
                        context: DecisionContext) throws(Rejection) -> PartnerReturn {
        var checked = partnerReturn
        guard let registered = context.reference.agencies[partnerReturn.agency] else {
            throw .unknownAgency(partnerReturn.agency)
        }
        guard registered.kind != .transport else { throw .jointOperation(.returnFromBureau(partnerReturn.agency)) }
        guard let session = state.session(named: partnerReturn.sessionId) else {
            throw .jointOperation(.sessionNotFound(operationId: state.operationId ?? "?", session: partnerReturn.sessionId,
                                                   recorded: state.sessions.map(\.sessionId)))
        }
        checked.sessionId = session.sessionId
        guard session.tallies[partnerReturn.agency] != nil else {
            throw .jointOperation(.agencyNotInSession(agency: partnerReturn.agency, operationId: state.operationId ?? "?",
                                                      sessionId: session.sessionId))
        }
        if state.returns.contains(where: { $0.agency == checked.agency && $0.sessionId == checked.sessionId }) {
            throw .jointOperation(.returnAlreadyRecorded(agency: checked.agency, sessionId: checked.sessionId))
        }
        // One source per agency and session for its case figures (the link side is `OperationState.link`).
        let linked = context.operations[state.operationId ?? ""]?.agenciesWithLinkedCases ?? state.agenciesWithLinkedCases
        if partnerReturn.hasCaseFigures, linked[session.sessionId]?.contains(partnerReturn.agency) == true {
            throw .jointOperation(.casesLinkedInSession(agency: partnerReturn.agency, operationId: state.operationId ?? "?",
                                                        sessionId: session.sessionId))
        }
        try FigureBounds.check(partnerReturn.fields, agency: partnerReturn.agency)
        return checked
    }
}

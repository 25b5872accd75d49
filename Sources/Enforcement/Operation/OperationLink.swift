import Foundation

/// The operation and field session an act was done in: a lead, an on-the-spot decision, a seizure or a referral
/// made during a joint operation (联合执法). The bureau's results per operation are counted from these links.
public struct OperationLink: Codable, Sendable, Hashable {
    /// `OP-YYYY-NNNN`.
    public var operationId: String
    /// The session's id as recorded (`S1`).
    public var sessionId: String

    public init(operationId: String, sessionId: String) {
        self.operationId = operationId
        self.sessionId = sessionId
    }
}

extension OperationState {
    /// The session `name` names: its recorded id (`S1`), or a bare number `1` for `S1`.
    public func session(named name: String) -> FieldSession? {
        let name = name.trimmingCharacters(in: .whitespaces)
        if let exact = sessions.first(where: { $0.sessionId == name }) { return exact }
        guard !name.isEmpty, name.allSatisfy(\.isASCII), name.allSatisfy(\.isNumber) else { return nil }
        return sessions.first { $0.sessionId == "S\(name)" }
    }

    /// Checks that an act of `agency` dated `date` can link to session `name`: the session exists, the act is
    /// dated the session's day, and the agency took part in it (it has a tally there). The operation's status
    /// does not matter: field records are often entered after the operation concluded.
    ///
    /// - Returns: the link with the session's recorded id.
    public func link(session name: String, agency: String?, on date: LocalDate) throws(Rejection) -> OperationLink {
        let operationId = self.operationId ?? "?"
        guard status != .none else { throw .jointOperation(.operationNotFound(operationId)) }
        guard let session = session(named: name) else {
            throw .jointOperation(.sessionNotFound(operationId: operationId, session: name,
                                                   recorded: sessions.map(\.sessionId)))
        }
        guard date == session.date else {
            throw .jointOperation(.actNotOnSessionDate(date: date, operationId: operationId,
                                                       sessionId: session.sessionId, sessionDate: session.date))
        }
        guard let agency, session.tallies[agency] != nil else {
            throw .jointOperation(.agencyNotInSession(agency: agency ?? "?", operationId: operationId,
                                                      sessionId: session.sessionId))
        }
        // One source per agency and session for its case figures: a case linked here beside a return that typed
        // them would count twice (the return side of the rule is `OperationDecider.checked(_:state:context:)`).
        if returns.contains(where: { $0.agency == agency && $0.sessionId == session.sessionId && $0.hasCaseFigures }) {
            throw .jointOperation(.caseFiguresReturned(agency: agency, operationId: operationId, sessionId: session.sessionId))
        }
        return OperationLink(operationId: operationId, sessionId: session.sessionId)
    }
}

extension DecisionContext {
    /// Checks `link` against the operation the handler loaded into `operations` (a missing one was not found).
    func checked(_ link: OperationLink, agency: String?) throws(Rejection) -> OperationLink {
        guard let operation = operations[link.operationId] else {
            throw .jointOperation(.operationNotFound(link.operationId))
        }
        return try operation.link(session: link.sessionId, agency: agency, on: today)
    }
}

import Enforcement
import EventStore
import Foundation

// What partners returned per session, and which acts of the bureau were done in which session: the facts the
// outcome views (`OperationOutcomeViews`) count, so nothing is typed twice.
extension OperationsProjection {
    /// Every case event (a linked case's figures are folded from its whole history, with the domain's own
    /// `CaseDecider.evolve`, as the cases projection folds them) and the referral's sending.
    static let linkEventTypes: Set<String> = Set(CaseEvent.eventTypes).union([ReferralEvent.Sent.eventType])

    /// The events that can carry a link, and the JSON key that carries it.
    static let actTypes: Set<String> = [CaseEvent.LeadReceived.eventType, CaseEvent.DecidedOnSpot.eventType,
                                        CaseEvent.VehicleSeized.eventType, ReferralEvent.Sent.eventType]
    static let linkKey = Data("\"operation\":".utf8)

    /// A row of `operation_returns`: one partner agency's own figures for one session.
    struct ReturnRow: Codable {
        let streamId: String
        let sessionId: String
        let sessionDate: LocalDate?
        let agency: String
        let officersDeployed, vehiclesDeployed, vehiclesInspected, casesFiled, vehiclesSeized, finesYuan: Int64
        let peopleEducated: Int64
    }

    /// A row of `operation_links`: one act of a case or referral done in an operation's session, with, for a
    /// case, its figures as its register has them now.
    struct LinkRow: Codable {
        /// The case or referral (`CASE-…`, `REF-…`).
        let streamId: String
        let seq: Int
        /// `case` (a lead or an on-the-spot decision: the case came from the session), `seizure` or `referral`.
        let kind: String
        let operationId: String
        let sessionId: String
        /// The act's business date, which the link check made the session's day.
        let sessionDate: LocalDate
        /// The acting agency: the case's, or the referral's sender.
        let agency: String?
        /// For a case: filed (立案). An on-the-spot decision (summary procedure) is never filed: it counts as a
        /// case and, while it stands, a decision.
        let filed: Bool?
        /// For a case: a penalty or no-penalty decision stands (not revoked).
        let decided: Bool?
        /// For a case: the fine of a penalty decision that stands, and what was paid, in yuan.
        let fineYuan: Int64?
        let paidYuan: Int64?
    }

    static let returns = ProjectionTable("operation_returns", row: ReturnRow.self,
                                         primaryKey: ["stream_id", "session_id", "agency"])
    static let links = ProjectionTable("operation_links", row: LinkRow.self, primaryKey: ["stream_id", "seq"],
                                       checks: [("kind_check", "kind IN ('case', 'seizure', 'referral')")])

    func returnRows(stream: String, state: OperationState) -> [any Encodable] {
        var seen = Set<String>()
        // The domain records one return per agency and session; the projection must not fail on a second.
        return state.returns.reversed().filter { seen.insert("\($0.sessionId)\u{1F}\($0.agency)").inserted }.map { r in
            let figure = { (name: String) -> Int64 in
                let value = r.fields.first { $0.name == name }?.value ?? 0
                return FigureBounds.accepts(value, for: name) ? Int64(value) : 0
            }
            return ReturnRow(
                streamId: stream, sessionId: r.sessionId,
                sessionDate: state.sessions.last { $0.sessionId == r.sessionId }?.date, agency: r.agency,
                officersDeployed: figure("officersDeployed"), vehiclesDeployed: figure("vehiclesDeployed"),
                vehiclesInspected: figure("vehiclesInspected"), casesFiled: figure("casesFiled"),
                vehiclesSeized: figure("vehiclesSeized"), finesYuan: figure("finesYuan"),
                peopleEducated: figure("peopleEducated"))
        }
    }

    /// The links of one case or referral: its lead or on-the-spot decision, its seizures, or its sending.
    func linkRows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        // Most cases were not made in an operation: skip their fold unless an act's payload names one (the key is
        // only written when there is a link), so the projection does not decode every case twice.
        guard history.contains(where: { Self.actTypes.contains($0.type) && $0.data.range(of: Self.linkKey) != nil }) else {
            return [:]
        }
        var acts: [(kind: String, link: OperationLink, date: LocalDate, agency: String?)] = []
        var state = CaseDecider.initialState
        for stored in history {
            if stored.type == ReferralEvent.Sent.eventType {
                if case .sent(let e) = try decodeEvent(stored, ReferralEvent.init), let link = e.operation {
                    acts.append(("referral", link, e.sentOn, e.from))
                }
                continue
            }
            let event = try decodeEvent(stored, CaseEvent.init)
            state = CaseDecider.evolve(state, event)
            switch event {
            case .leadReceived(let e): if let link = e.operation { acts.append(("case", link, e.receivedOn, e.agency)) }
            case .decidedOnSpot(let e): if let link = e.operation { acts.append(("case", link, e.decidedOn, e.agency)) }
            case .vehicleSeized(let e): if let link = e.operation { acts.append(("seizure", link, e.seizedOn, state.agency)) }
            default: break   // they change the case's figures, read from the state below
            }
        }
        guard !acts.isEmpty else { return [:] }
        let standing: Bool = switch state.outcome {
        case .penalty?, .noPenalty?: !state.decisionRevoked
        case .criminalReferral?, .transferredOut?, nil: false
        }
        let fine = standing && state.penalty != nil ? Int64(state.fineYuan) : 0
        let rows: [any Encodable] = acts.enumerated().map { index, act in
            let isCase = act.kind == "case"
            return LinkRow(streamId: stream, seq: index + 1, kind: act.kind, operationId: act.link.operationId,
                           sessionId: act.link.sessionId, sessionDate: act.date, agency: act.agency,
                           filed: isCase ? state.filedOn != nil : nil,
                           decided: isCase ? standing : nil, fineYuan: isCase ? fine : nil,
                           paidYuan: isCase ? Int64(state.paidYuan) : nil)
        }
        return [Self.links.name: rows]
    }
}

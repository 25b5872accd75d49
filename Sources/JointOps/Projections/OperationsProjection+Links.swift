import Enforcement
import EventStore
import Foundation

// What partners returned per session, and which acts of the bureau were done in which session: the facts the
// outcome views (`OperationOutcomeViews`) count, so nothing is typed twice.
extension OperationsProjection {
    /// The case and referral events that can name an operation's session, and the filing (the case's agency).
    static let linkEventTypes: Set<String> = [
        CaseEvent.LeadReceived.eventType, CaseEvent.DecidedOnSpot.eventType, CaseEvent.VehicleSeized.eventType,
        CaseEvent.Filed.eventType, ReferralEvent.Sent.eventType,
    ]

    /// A row of `operation_returns`: one partner agency's own figures for one session.
    struct ReturnRow: Codable {
        let streamId: String
        let sessionId: String
        let sessionDate: LocalDate?
        let agency: String
        let officersDeployed, vehiclesDeployed, vehiclesInspected, casesFiled, vehiclesSeized, finesYuan: Int64
        let peopleEducated: Int64
    }

    /// A row of `operation_links`: one act of a case or referral done in an operation's session.
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
        var rows: [any Encodable] = []
        var agency: String?
        func add(_ kind: String, _ link: OperationLink?, _ date: LocalDate, _ actor: String?) {
            guard let link else { return }
            rows.append(LinkRow(streamId: stream, seq: rows.count + 1, kind: kind, operationId: link.operationId,
                                sessionId: link.sessionId, sessionDate: date, agency: actor))
        }
        for stored in history {
            if stored.type == ReferralEvent.Sent.eventType {
                if case .sent(let e) = try decodeEvent(stored, ReferralEvent.init) { add("referral", e.operation, e.sentOn, e.from) }
                continue
            }
            switch try decodeEvent(stored, CaseEvent.init) {
            case .leadReceived(let e):
                agency = agency ?? e.agency
                add("case", e.operation, e.receivedOn, e.agency)
            case .decidedOnSpot(let e):
                agency = agency ?? e.agency
                add("case", e.operation, e.decidedOn, e.agency)
            case .filed(let e): agency = agency ?? e.agency
            case .vehicleSeized(let e): add("seizure", e.operation, e.seizedOn, agency)
            default: break   // only the link event types reach here
            }
        }
        return rows.isEmpty ? [:] : [Self.links.name: rows]
    }
}

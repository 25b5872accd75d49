import Enforcement
import EventStore
import Foundation
import Postgres

/// Joint operations (联合执法行动): one row per operation for the board, one per session and agency for the
/// session tallies, one per partner return, and one per act linked to a session (`OperationsProjection+Links`).
/// Folded with the domain's own `OperationDecider.evolve`.
public struct OperationsProjection: StreamProjection {
    public let name = "operations"
    // 5: the outcome rollup and paging indexes, link_no in operation_links; 6: the rollup's month and campaign grains
    public let shapeVersion = 6
    /// The operation's events, and the case and referral events that link an act to a session (plus the filing,
    /// which names the agency of a case whose seizure is linked).
    public let eventTypes: Set<String> = Set(OperationEvent.eventTypes).union(Self.linkEventTypes)

    public init() {}

    /// A row of `operations`: its properties are the table's columns (`ProjectionTable`).
    struct OperationRow: Codable {
        let streamId: String
        let titleZh: String?
        let status: String
        let leadAgency: String?
        let agencies: [String]
        let invitedAgencies: [String]
        let withdrawnAgencies: [String]
        let campaignCode: String?
        let sectors: [String]
        let windowFrom: LocalDate?
        let windowTo: LocalDate?
        let sessionCount: Int
        let plannedOn: LocalDate?
        let launchedOn: LocalDate?
        let concludedOn: LocalDate?
    }

    /// A row of `operation_tallies`, one per session and agency. The case fields hold only what sessions
    /// recorded before cases were linked (牵头单位填报（旧）). A recorded figure beyond `FigureBounds` (accepted by
    /// an older version) is left out — NULL, named in `figuresOutOfBounds` — so no sum can overflow.
    struct TallyRow: Codable {
        let streamId: String
        let sessionId: String
        let sessionDate: LocalDate
        let placeZh: String
        let agency: String
        let officersDeployed, vehiclesDeployed, vehiclesInspected, violationsSerious, violationsMinor: Int64?
        let casesFiled, vehiclesSeized, finesYuan, peopleEducated, leaflets, rectificationNotices, referrals: Int64?
        let figuresOutOfBounds: [String]
    }

    static let operations = ProjectionTable("operations", row: OperationRow.self, primaryKey: ["stream_id"])
    static let tallies = ProjectionTable("operation_tallies", row: TallyRow.self,
                                         primaryKey: ["stream_id", "session_id", "agency"])
    public var rowTables: [ProjectionTable] { [Self.operations, Self.tallies, Self.returns, Self.links] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        guard history.contains(where: { OperationEvent.eventTypes.contains($0.type) }) else {
            return try linkRows(stream: stream, history: history)
        }
        var state = OperationDecider.initialState
        var launchedOn: LocalDate?, concludedOn: LocalDate?, plannedOn: LocalDate?
        for stored in history {
            let event = try decodeEvent(stored, OperationEvent.init)
            switch event {
            case .planned(let e): plannedOn = e.plannedOn
            case .launched(let e): launchedOn = e.launchedOn
            case .concluded(let e): concludedOn = e.concludedOn
            default: break
            }
            state = OperationDecider.evolve(state, event)
        }
        guard state.status != .none else { return [:] }
        let operation = OperationRow(
            streamId: stream, titleZh: state.plan?.titleZh, status: state.status.rawValue,
            leadAgency: state.plan?.leadAgency, agencies: state.participating.sorted(),
            invitedAgencies: state.invited.sorted(), withdrawnAgencies: state.withdrawn.sorted(),
            campaignCode: state.plan?.campaignCode, sectors: state.plan?.sectors.map(\.rawValue) ?? [],
            windowFrom: state.plan?.from, windowTo: state.plan?.to,
            sessionCount: state.sessions.count, plannedOn: plannedOn,
            launchedOn: launchedOn, concludedOn: concludedOn)
        var tallies: [any Encodable] = []
        var seen = Set<String>()
        // A session id recorded twice keeps its last record (the domain refuses it; the projection must not fail).
        for session in state.sessions.reversed() where seen.insert(session.sessionId).inserted {
            for (agency, tally) in session.tallies.sorted(by: { $0.key < $1.key }) {
                tallies.append(Self.tallyRow(stream, session, agency, tally))
            }
        }
        return [Self.operations.name: [operation], Self.tallies.name: tallies,
                Self.returns.name: returnRows(stream: stream, state: state)]
    }
}

extension OperationsProjection {
    static func tallyRow(_ stream: String, _ session: FieldSession, _ agency: String, _ tally: Tally) -> TallyRow {
        let fields = Dictionary(uniqueKeysWithValues: tally.fields.map { ($0.name, $0.value) })
        let counted = { (name: String) -> Int64? in
            let value = fields[name] ?? 0
            return FigureBounds.accepts(value, for: name) ? Int64(value) : nil
        }
        return TallyRow(
            streamId: stream, sessionId: session.sessionId, sessionDate: session.date, placeZh: session.placeZh,
            agency: agency, officersDeployed: counted("officersDeployed"), vehiclesDeployed: counted("vehiclesDeployed"),
            vehiclesInspected: counted("vehiclesInspected"), violationsSerious: counted("violationsSerious"),
            violationsMinor: counted("violationsMinor"), casesFiled: counted("casesFiled"),
            vehiclesSeized: counted("vehiclesSeized"), finesYuan: counted("finesYuan"),
            peopleEducated: counted("peopleEducated"), leaflets: counted("leaflets"),
            rectificationNotices: counted("rectificationNotices"), referrals: counted("referrals"),
            figuresOutOfBounds: tally.fields.filter { !FigureBounds.accepts($0.value, for: $0.name) }.map(\.name))
    }
}

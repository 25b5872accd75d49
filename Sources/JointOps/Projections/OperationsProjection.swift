import Enforcement
import EventStore
import Foundation
import Postgres

/// Joint operations (联合执法行动): one row per operation for the board, one per session and agency
/// for the outcomes. Folded with the domain's own `OperationDecider.evolve`.
public struct OperationsProjection: StreamProjection {
    public let name = "operations"
    public let shapeVersion = 2
    public let eventTypes: Set<String> = Set(OperationEvent.eventTypes)

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

    /// A row of `operation_tallies`, one per session and agency.
    struct TallyRow: Codable {
        let streamId: String
        let sessionId: String
        let sessionDate: LocalDate
        let placeZh: String
        let agency: String
        let officersDeployed, vehiclesDeployed, vehiclesInspected, violationsSerious, violationsMinor: Int64
        let casesFiled, vehiclesSeized, finesYuan, peopleEducated, leaflets, rectificationNotices, referrals: Int64
    }

    static let operations = ProjectionTable("operations", row: OperationRow.self, primaryKey: ["stream_id"])
    static let tallies = ProjectionTable("operation_tallies", row: TallyRow.self,
                                         primaryKey: ["stream_id", "session_id", "agency"])
    public var rowTables: [ProjectionTable] { [Self.operations, Self.tallies] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
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
            for (agency, t) in session.tallies.sorted(by: { $0.key < $1.key }) {
                tallies.append(TallyRow(
                    streamId: stream, sessionId: session.sessionId, sessionDate: session.date,
                    placeZh: session.placeZh, agency: agency, officersDeployed: Int64(t.officersDeployed),
                    vehiclesDeployed: Int64(t.vehiclesDeployed), vehiclesInspected: Int64(t.vehiclesInspected),
                    violationsSerious: Int64(t.violationsSerious), violationsMinor: Int64(t.violationsMinor),
                    casesFiled: Int64(t.casesFiled), vehiclesSeized: Int64(t.vehiclesSeized),
                    finesYuan: Int64(t.finesYuan), peopleEducated: Int64(t.peopleEducated), leaflets: Int64(t.leaflets),
                    rectificationNotices: Int64(t.rectificationNotices), referrals: Int64(t.referrals)))
            }
        }
        return [Self.operations.name: [operation], Self.tallies.name: tallies]
    }
}

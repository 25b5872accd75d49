import Enforcement
import Foundation
import Postgres

/// Joint operations (联合执法行动): one row per operation for the board, one per session and agency
/// for the outcomes. Folded with the domain's own `OperationDecider.evolve`.
public struct OperationsProjection: StreamProjection {
    public let name = "operations"
    public let shapeVersion = 2
    public let tables = ["operations", "operation_tallies"]
    public let eventTypes: Set<String> = Set(OperationEvent.eventTypes)

    public init() {}

    struct OperationRow: Encodable {
        let streamId: String
        let titleZh: String?
        let status: String
        let leadAgency: String?
        let agencies: [String]
        let invitedAgencies: [String]
        let withdrawnAgencies: [String]
        let campaignCode: String?
        let sectors: [String]
        let windowFrom: String?
        let windowTo: String?
        let sessionCount: Int
        let plannedOn: String?
        let launchedOn: String?
        let concludedOn: String?
    }

    struct TallyRow: Encodable {
        let streamId: String
        let sessionId: String
        let sessionDate: String
        let placeZh: String
        let agency: String
        let officersDeployed, vehiclesDeployed, vehiclesInspected, violationsSerious, violationsMinor: Int
        let casesFiled, vehiclesSeized, finesYuan, peopleEducated, leaflets, rectificationNotices, referrals: Int
    }

    public func createTables(_ t: ProjectionTarget) -> [String] {
        let counts = ["officers_deployed", "vehicles_deployed", "vehicles_inspected", "violations_serious",
                      "violations_minor", "cases_filed", "vehicles_seized", "fines_yuan", "people_educated",
                      "leaflets", "rectification_notices", "referrals"]
            .map { "    \($0) bigint NOT NULL," }.joined(separator: "\n")
        return [
            """
            CREATE TABLE \(t.table("operations", of: name)) (
                stream_id           text    NOT NULL,
                title_zh            text,
                status              text    NOT NULL,
                lead_agency         text,
                agencies            text[]  NOT NULL,
                invited_agencies    text[]  NOT NULL,
                withdrawn_agencies  text[]  NOT NULL,
                campaign_code       text,
                sectors             text[]  NOT NULL,
                window_from         date,
                window_to           date,
                session_count       integer NOT NULL,
                planned_on          date,
                launched_on         date,
                concluded_on        date,
                CONSTRAINT \(t.constraint("operations", of: name, "pkey")) PRIMARY KEY (stream_id)
            )
            """,
            """
            CREATE TABLE \(t.table("operation_tallies", of: name)) (
                stream_id     text NOT NULL,
                session_id    text NOT NULL,
                session_date  date NOT NULL,
                place_zh      text NOT NULL,
                agency        text NOT NULL,
            \(counts)
                CONSTRAINT \(t.constraint("operation_tallies", of: name, "pkey")) PRIMARY KEY (stream_id, session_id, agency)
            )
            """,
        ]
    }

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
            windowFrom: state.plan?.from.description, windowTo: state.plan?.to.description,
            sessionCount: state.sessions.count, plannedOn: plannedOn?.description,
            launchedOn: launchedOn?.description, concludedOn: concludedOn?.description)
        var tallies: [any Encodable] = []
        var seen = Set<String>()
        // A session id recorded twice keeps its last record (the domain refuses it; the projection must not fail).
        for session in state.sessions.reversed() where seen.insert(session.sessionId).inserted {
            for (agency, t) in session.tallies.sorted(by: { $0.key < $1.key }) {
                tallies.append(TallyRow(
                    streamId: stream, sessionId: session.sessionId, sessionDate: session.date.description,
                    placeZh: session.placeZh, agency: agency, officersDeployed: t.officersDeployed,
                    vehiclesDeployed: t.vehiclesDeployed, vehiclesInspected: t.vehiclesInspected,
                    violationsSerious: t.violationsSerious, violationsMinor: t.violationsMinor, casesFiled: t.casesFiled,
                    vehiclesSeized: t.vehiclesSeized, finesYuan: t.finesYuan, peopleEducated: t.peopleEducated,
                    leaflets: t.leaflets, rectificationNotices: t.rectificationNotices, referrals: t.referrals))
            }
        }
        return ["operations": [operation], "operation_tallies": tallies]
    }
}

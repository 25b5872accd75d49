import Enforcement
import Foundation
import Postgres

/// Agencies and campaigns, for names in reports. Keyed by code, not by stream: the registry is a
/// few long streams, so rows are upserted from the batch (last event wins) instead of refolded.
public struct RegistryProjection: Projection {
    public let name = "registry"
    public let shapeVersion = 1
    public let tables = ["agencies", "campaigns"]
    public var eventTypes: Set<String> {
        [RegistryEvent.AgencyRegistered.eventType, RegistryEvent.CampaignCreated.eventType]
    }

    public init() {}

    struct AgencyRow: Encodable { let code, nameZh, kind: String }
    struct CampaignRow: Encodable { let code, titleZh, sector, validFrom, validTo: String }

    public func createTables(_ t: ProjectionTarget) -> [String] {
        [
            """
            CREATE TABLE \(t.table("agencies", of: name)) (
                code     text NOT NULL,
                name_zh  text NOT NULL,
                kind     text NOT NULL,
                CONSTRAINT \(t.constraint("agencies", of: name, "pkey")) PRIMARY KEY (code)
            )
            """,
            """
            CREATE TABLE \(t.table("campaigns", of: name)) (
                code        text NOT NULL,
                title_zh    text NOT NULL,
                sector      text NOT NULL,
                valid_from  date NOT NULL,
                valid_to    date NOT NULL,
                CONSTRAINT \(t.constraint("campaigns", of: name, "pkey")) PRIMARY KEY (code)
            )
            """,
        ]
    }

    public func apply(_ batch: ProjectionBatch, to target: ProjectionTarget, on connection: Connection) throws {
        var agencies: [String: AgencyRow] = [:]
        var campaigns: [String: CampaignRow] = [:]
        for stored in batch.events {
            switch try decodeEvent(stored, RegistryEvent.init) {
            case .agencyRegistered(let e):
                agencies[e.agency.code] = AgencyRow(code: e.agency.code, nameZh: e.agency.nameZh, kind: e.agency.kind.rawValue)
            case .campaignCreated(let e):
                let c = e.campaign
                campaigns[c.code] = CampaignRow(code: c.code, titleZh: c.titleZh, sector: c.sector.rawValue,
                                                validFrom: c.from.description, validTo: c.to.description)
            default: break
            }
        }
        var statements: [(sql: String, parameters: [(any PostgresBindable)?])] = []
        if !agencies.isEmpty {
            statements.append(try ProjectionSQL.upsert(target.table("agencies", of: name), key: "code",
                                                       columns: ["code", "name_zh", "kind"],
                                                       rows: agencies.values.sorted { $0.code < $1.code }))
        }
        if !campaigns.isEmpty {
            statements.append(try ProjectionSQL.upsert(target.table("campaigns", of: name), key: "code",
                                                       columns: ["code", "title_zh", "sector", "valid_from", "valid_to"],
                                                       rows: campaigns.values.sorted { $0.code < $1.code }))
        }
        try connection.pipeline(statements)
    }
}

/// Publicity activities (普法宣传) and their leaflets.
public struct OutreachProjection: StreamProjection {
    public let name = "outreach"
    public let shapeVersion = 2
    public let tables = ["outreach_activities"]
    public let eventTypes: Set<String> = Set(OutreachEvent.eventTypes)

    public init() {}

    struct Row: Encodable {
        let streamId: String
        let eventZh, placeZh, activityDate, agency: String
        let leaflets, peopleReached: Int
    }

    public func createTables(_ t: ProjectionTarget) -> [String] {
        ["""
        CREATE TABLE \(t.table("outreach_activities", of: name)) (
            stream_id       text    NOT NULL,
            event_zh        text    NOT NULL,
            place_zh        text    NOT NULL,
            activity_date   date    NOT NULL,
            agency          text    NOT NULL,
            leaflets        integer NOT NULL,
            people_reached  integer NOT NULL,
            CONSTRAINT \(t.constraint("outreach_activities", of: name, "pkey")) PRIMARY KEY (stream_id)
        )
        """]
    }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var row: Row?
        for stored in history {
            if case .recorded(let e) = try decodeEvent(stored, OutreachEvent.init) {
                let a = e.activity
                row = Row(streamId: stream, eventZh: a.eventZh, placeZh: a.placeZh, activityDate: a.date.description,
                          agency: a.agency, leaflets: a.leaflets, peopleReached: a.peopleReached)
            }
        }
        return ["outreach_activities": row.map { [$0] } ?? []]
    }
}

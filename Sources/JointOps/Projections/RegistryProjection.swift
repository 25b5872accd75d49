import Enforcement
import EventStore
import Foundation
import Postgres

/// Agencies and campaigns, for names in reports. Keyed by code, not by stream: the registry is a
/// few long streams, so rows are upserted from the batch (last event wins) instead of refolded.
public struct RegistryProjection: TableProjection {
    public let name = "registry"
    /// 2: the `bureau` table (the agency the annual report is made for).
    public let shapeVersion = 2
    public var eventTypes: Set<String> {
        [RegistryEvent.AgencyRegistered.eventType, RegistryEvent.CampaignCreated.eventType,
         RegistryEvent.BureauNamed.eventType]
    }

    public init() {}

    /// Rows of `agencies` and `campaigns`: their properties are the tables' columns (`ProjectionTable`).
    struct AgencyRow: Codable { let code, nameZh, kind: String }
    struct CampaignRow: Codable {
        let code, titleZh, sector: String
        let validFrom, validTo: LocalDate
    }

    static let agencies = ProjectionTable("agencies", row: AgencyRow.self, primaryKey: ["code"])
    static let campaigns = ProjectionTable("campaigns", row: CampaignRow.self, primaryKey: ["code"])
    /// One row (`slot` is always `bureau`): the agency last named with `agency bureau`.
    struct BureauRow: Codable { let slot, agency: String }
    static let bureau = ProjectionTable("bureau", row: BureauRow.self, primaryKey: ["slot"])
    public var rowTables: [ProjectionTable] { [Self.agencies, Self.campaigns, Self.bureau] }

    public func apply(_ batch: ProjectionBatch, to target: ProjectionTarget, on connection: Connection) throws {
        var agencies: [String: AgencyRow] = [:]
        var campaigns: [String: CampaignRow] = [:]
        var bureau: BureauRow?
        for stored in batch.events {
            switch try decodeEvent(stored, RegistryEvent.init) {
            case .agencyRegistered(let e):
                agencies[e.agency.code] = AgencyRow(code: e.agency.code, nameZh: e.agency.nameZh, kind: e.agency.kind.rawValue)
            case .campaignCreated(let e):
                let c = e.campaign
                campaigns[c.code] = CampaignRow(code: c.code, titleZh: c.titleZh, sector: c.sector.rawValue,
                                                validFrom: c.from, validTo: c.to)
            case .bureauNamed(let e): bureau = BureauRow(slot: "bureau", agency: e.agency)
            default: break
            }
        }
        var statements: [ProjectionStatement] = []
        if !agencies.isEmpty {
            statements.append(try ProjectionSQL.upsert(target.table(Self.agencies.name, of: name), Self.agencies, key: "code",
                                                       rows: agencies.values.sorted { $0.code < $1.code }))
        }
        if !campaigns.isEmpty {
            statements.append(try ProjectionSQL.upsert(target.table(Self.campaigns.name, of: name), Self.campaigns, key: "code",
                                                       rows: campaigns.values.sorted { $0.code < $1.code }))
        }
        if let bureau {
            statements.append(try ProjectionSQL.upsert(target.table(Self.bureau.name, of: name), Self.bureau, key: "slot",
                                                       rows: [bureau]))
        }
        try connection.pipeline(statements)
    }
}

/// Publicity activities (普法宣传) and their leaflets, with the campaign and channels of each.
public struct OutreachProjection: StreamProjection {
    public let name = "outreach"
    public let shapeVersion = 3
    public let eventTypes: Set<String> = Set(OutreachEvent.eventTypes)

    public init() {}

    /// A row of `outreach_activities`.
    struct Row: Codable {
        let streamId: String
        let eventZh, placeZh: String
        let activityDate: LocalDate
        let agency: String
        let leaflets, peopleReached: Int
        let campaignZh: String?
        let channels, channelsZh, accountsZh: [String]
    }

    static let activities = ProjectionTable("outreach_activities", row: Row.self, primaryKey: ["stream_id"])
    public var rowTables: [ProjectionTable] { [Self.activities] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var row: Row?
        for stored in history {
            if case .recorded(let e) = try decodeEvent(stored, OutreachEvent.init) {
                let a = e.activity
                row = Row(streamId: stream, eventZh: a.eventZh, placeZh: a.placeZh, activityDate: a.date,
                          agency: a.agency, leaflets: a.leaflets, peopleReached: a.peopleReached, campaignZh: a.campaignZh,
                          channels: a.channels.map(\.rawValue), channelsZh: a.channels.map(\.labelZh), accountsZh: a.accountsZh)
            }
        }
        return [Self.activities.name: row.map { [$0] } ?? []]
    }
}

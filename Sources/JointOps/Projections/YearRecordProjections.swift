import Enforcement
import EventStore
import Foundation

/// Case-file audits (案卷评查) and how many findings each had; the findings themselves are rectification items
/// (origin `caseFileAudit`, `audit_id`).
public struct AuditsProjection: StreamProjection {
    public let name = "audits"
    public let shapeVersion = 1
    public let eventTypes: Set<String> = Set(AuditEvent.eventTypes)

    public init() {}

    /// A row of `case_file_audits`.
    struct Row: Codable {
        let streamId: String
        let auditDate: LocalDate
        let agency, auditedAgency: String
        let filesReviewed: Int
        let scopeZh: String
        let findings: Int
        let findingsZh: [String]
    }

    static let audits = ProjectionTable("case_file_audits", row: Row.self, primaryKey: ["stream_id"])
    public var rowTables: [ProjectionTable] { [Self.audits] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var state = AuditDecider.initialState
        for stored in history { state = AuditDecider.evolve(state, try decodeEvent(stored, AuditEvent.init)) }
        guard let a = state else { return [:] }
        return [Self.audits.name: [Row(streamId: stream, auditDate: a.date, agency: a.agency, auditedAgency: a.auditedAgency,
                                       filesReviewed: a.filesReviewed, scopeZh: a.scopeZh, findings: a.findingsZh.count,
                                       findingsZh: a.findingsZh)]]
    }
}

/// The legal adviser's reviews (法律顾问审核): projects, agreements, normative documents, cases.
public struct CounselProjection: StreamProjection {
    public let name = "counsel"
    public let shapeVersion = 1
    public let eventTypes: Set<String> = Set(CounselEvent.eventTypes)

    public init() {}

    /// A row of `counsel_reviews`.
    struct Row: Codable {
        let streamId: String
        let kind, kindZh, subjectZh, counselZh: String
        let reviewDate: LocalDate
        let agency: String
        let caseId, opinionZh: String?
    }

    static let reviews = ProjectionTable("counsel_reviews", row: Row.self, primaryKey: ["stream_id"])
    public var rowTables: [ProjectionTable] { [Self.reviews] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var state = CounselDecider.initialState
        for stored in history { state = CounselDecider.evolve(state, try decodeEvent(stored, CounselEvent.init)) }
        guard let r = state else { return [:] }
        return [Self.reviews.name: [Row(streamId: stream, kind: r.kind.rawValue, kindZh: r.kind.labelZh,
                                        subjectZh: r.subjectZh, counselZh: r.counselZh, reviewDate: r.date,
                                        agency: r.agency, caseId: r.caseId, opinionZh: r.opinionZh)]]
    }
}

/// Petitions (信访) and their resolution (化解).
public struct PetitionsProjection: StreamProjection {
    public let name = "petitions"
    public let shapeVersion = 1
    public let eventTypes: Set<String> = Set(PetitionEvent.eventTypes)

    public init() {}

    /// A row of `petitions`.
    struct Row: Codable {
        let streamId: String
        let agency, subjectZh: String
        let receivedOn: LocalDate
        let status, statusZh: String
        let resolvedOn: LocalDate?
        let outcomeZh: String?
        let longStanding: Bool
    }

    static let petitions = ProjectionTable("petitions", row: Row.self, primaryKey: ["stream_id"])
    public var rowTables: [ProjectionTable] { [Self.petitions] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var state = PetitionDecider.initialState
        for stored in history { state = PetitionDecider.evolve(state, try decodeEvent(stored, PetitionEvent.init)) }
        guard let p = state.petition else { return [:] }
        return [Self.petitions.name: [Row(streamId: stream, agency: p.agency, subjectZh: p.subjectZh, receivedOn: p.receivedOn,
                                          status: state.status.rawValue, statusZh: state.status.labelZh,
                                          resolvedOn: state.resolvedOn, outcomeZh: state.outcomeZh,
                                          longStanding: state.isLongStanding)]]
    }
}

/// Each year's 三、下一步工作打算, as last recorded.
public struct ReportPlansProjection: StreamProjection {
    public let name = "report_plans"
    public let shapeVersion = 1
    public let eventTypes: Set<String> = Set(ReportPlanEvent.eventTypes)

    public init() {}

    /// A row of `report_plans`.
    struct Row: Codable {
        let streamId: String
        let year: Int
        let agency, textZh: String
        let recordedOn: LocalDate
        let versions: Int
    }

    static let plans = ProjectionTable("report_plans", row: Row.self, primaryKey: ["stream_id"])
    public var rowTables: [ProjectionTable] { [Self.plans] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var state = ReportPlanDecider.initialState
        for stored in history { state = ReportPlanDecider.evolve(state, try decodeEvent(stored, ReportPlanEvent.init)) }
        guard let plan = state.latest else { return [:] }
        return [Self.plans.name: [Row(streamId: stream, year: plan.year, agency: plan.agency, textZh: plan.textZh,
                                      recordedOn: plan.recordedOn, versions: state.versions)]]
    }
}

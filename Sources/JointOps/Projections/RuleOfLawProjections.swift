import Enforcement
import EventStore
import Foundation
import Postgres

/// Rule-of-law activities (法治建设活动): one row each, with its kind's label and the person-times it counts.
public struct RuleOfLawProjection: StreamProjection {
    public let name = "rule_of_law"
    public let shapeVersion = 1
    public let eventTypes: Set<String> = Set(RuleOfLawEvent.eventTypes)

    public init() {}

    /// A row of `rule_of_law_activities`.
    struct Row: Codable {
        let streamId: String
        let kind, kindZh, titleZh: String
        let activityDate: LocalDate
        let agency: String
        let placeZh, hostZh: String?
        let participants: Int?
        /// As counted: given, else one per participant, else 0.
        let personTimes: Int
        let items: Int?
    }

    static let activities = ProjectionTable("rule_of_law_activities", row: Row.self, primaryKey: ["stream_id"])
    public var rowTables: [ProjectionTable] { [Self.activities] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var activity: RuleOfLawActivity?
        for stored in history { activity = RuleOfLawDecider.evolve(activity, try decodeEvent(stored, RuleOfLawEvent.init)) }
        guard let a = activity else { return [:] }
        return [Self.activities.name: [Row(
            streamId: stream, kind: a.kind.rawValue, kindZh: a.kind.labelZh, titleZh: a.titleZh, activityDate: a.date,
            agency: a.agency, placeZh: a.placeZh, hostZh: a.hostZh, participants: a.participants,
            personTimes: a.countedPersonTimes, items: a.items)]]
    }
}

/// Service commitments (服务承诺): every version of every code, with the day it stopped being in force and the
/// commitment it replaced (so a report can say "由20个工作日压缩至7个工作日").
public struct CommitmentProjection: StreamProjection {
    public let name = "commitments"
    public let shapeVersion = 1
    public let eventTypes: Set<String> = Set(CommitmentEvent.eventTypes)

    public init() {}

    /// A row of `service_commitments`.
    struct Row: Codable {
        let streamId: String
        let code, serviceZh, agency: String
        let statutoryWorkingDays, committedWorkingDays: Int
        let validFrom: LocalDate
        /// The last day in force: the day before the next version; nil for the current one.
        let validTo: LocalDate?
        let previousCommittedWorkingDays: Int?
        let noteZh: String?
    }

    static let commitments = ProjectionTable("service_commitments", row: Row.self, primaryKey: ["code", "valid_from"])
    public var rowTables: [ProjectionTable] { [Self.commitments] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var state = CommitmentDecider.initialState
        for stored in history { state = CommitmentDecider.evolve(state, try decodeEvent(stored, CommitmentEvent.init)) }
        var rows: [Row] = []
        for (_, versions) in state.versions.sorted(by: { $0.key < $1.key }) {
            for (index, c) in versions.enumerated() {
                let next = versions.indices.contains(index + 1) ? versions[index + 1].from.adding(days: -1) : nil
                rows.append(Row(streamId: stream, code: c.code, serviceZh: c.serviceZh, agency: c.agency,
                                statutoryWorkingDays: c.statutoryWorkingDays, committedWorkingDays: c.committedWorkingDays,
                                validFrom: c.from, validTo: next,
                                previousCommittedWorkingDays: index > 0 ? versions[index - 1].committedWorkingDays : nil,
                                noteZh: c.noteZh))
            }
        }
        return [Self.commitments.name: rows]
    }
}

/// Officers' duties (指定职责: 法制审核人员, 审批负责人, 听证主持人) from the registry, so the report can count the
/// designated legal reviewers. Folded from the registry stream by the registry's own decider.
public struct DutiesProjection: StreamProjection {
    public let name = "duties"
    public let shapeVersion = 1
    public let eventTypes: Set<String> = [RegistryEvent.OfficerRegistered.eventType, RegistryEvent.OfficerDesignated.eventType,
                                          RegistryEvent.DesignationEnded.eventType]

    public init() {}

    /// A row of `officer_duties`.
    struct Row: Codable {
        let streamId: String
        /// Order of designation in the registry: a duty revoked before it began may be designated again from the same day.
        let position: Int
        let officerId: String
        let officerNameZh: String?
        let officerAgency: String?
        let role, roleZh, agency: String
        let validFrom: LocalDate
        let validTo: LocalDate?
    }

    static let duties = ProjectionTable("officer_duties", row: Row.self, primaryKey: ["stream_id", "position"])
    public var rowTables: [ProjectionTable] { [Self.duties] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var state = RegistryDecider.initialState
        for stored in history { state = RegistryDecider.evolve(state, try decodeEvent(stored, RegistryEvent.init)) }
        return [Self.duties.name: state.designations.enumerated().map { position, d in
            let officer = state.officers[d.officerId]
            return Row(streamId: stream, position: position, officerId: d.officerId, officerNameZh: officer?.nameZh, officerAgency: officer?.agencyCode,
                       role: d.role.rawValue, roleZh: d.role.labelZh, agency: d.agency, validFrom: d.from, validTo: d.to)
        }]
    }
}

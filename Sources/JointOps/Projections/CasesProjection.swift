import Enforcement
import EventStore
import Foundation
import Postgres

/// Administrative cases (案件): the register and pipeline, the legal-review queue, deadlines and the
/// publicity register. Personal data is masked here already (DOMAIN.md §6): the unmasked party id,
/// name of an individual and plate never reach the projection tables.
public struct CasesProjection: StreamProjection {
    public let name = "cases"
    public let shapeVersion = 2
    public let eventTypes: Set<String> = Set(CaseEvent.eventTypes)
    /// How plates are masked in every projection table (the bureau's choice; default partial).
    public var policy: PublicationPolicy

    public init(policy: PublicationPolicy = .standard) { self.policy = policy }

    static let cases = ProjectionTable("cases", row: CaseFold.CaseRow.self, primaryKey: ["stream_id"])
    static let deadlines = ProjectionTable(
        "case_deadlines", row: CaseFold.DeadlineRow.self, primaryKey: ["stream_id", "seq"],
        checks: [("status_check", "status IN ('open', 'met', 'cancelled', 'superseded')")])
    static let reviews = ProjectionTable(
        "legal_reviews", row: CaseFold.ReviewRow.self, primaryKey: ["stream_id", "seq"],
        checks: [("outcome_check", "outcome IN ('pending', 'passed', 'returned')")])
    public var rowTables: [ProjectionTable] { [Self.cases, Self.deadlines, Self.reviews] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var fold = CaseFold(streamId: stream, policy: policy)
        for stored in history { fold.apply(try decodeEvent(stored, CaseEvent.init)) }
        guard fold.state.status != .none || fold.state.outcome != nil else { return [:] }
        return [Self.cases.name: [fold.row()], Self.deadlines.name: fold.deadlines, Self.reviews.name: fold.reviews]
    }
}

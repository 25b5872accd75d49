import Enforcement
import EventStore
import Foundation
import Postgres

/// Rectification items (整改台账): raised → opinion → owner and due date → rectified → verified →
/// closed out (销号), on time or late.
public struct RectificationProjection: StreamProjection {
    public let name = "rectification"
    public let shapeVersion = 3
    public let eventTypes: Set<String> = Set(RectificationEvent.eventTypes)

    public init() {}

    /// A row of `rectification_items`: its properties are the table's columns (`ProjectionTable`).
    struct Row: Codable {
        let streamId: String
        let descriptionZh: String?
        let foundDuring: String?
        let raisedOn: LocalDate?
        let opinionIssuedOn: LocalDate?
        let status: String
        let owner: String?
        let due: LocalDate?
        let rejections: Int
        let reportedOn: LocalDate?
        let closedOutOn: LocalDate?
        let closedOnTime: Bool?
        let origin: String
        let originZh: String
        let auditId: String?
    }

    static let items = ProjectionTable("rectification_items", row: Row.self, primaryKey: ["stream_id"])
    public var rowTables: [ProjectionTable] { [Self.items] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var state = RectificationDecider.initialState
        var opinionOn: LocalDate?, reportedOn: LocalDate?
        for stored in history {
            let event = try decodeEvent(stored, RectificationEvent.init)
            switch event {
            case .opinionIssued(let e): opinionOn = opinionOn ?? e.issuedOn
            case .reported(let e): reportedOn = e.reportedOn
            default: break
            }
            state = RectificationDecider.evolve(state, event)
        }
        guard state.status != .none else { return [:] }
        return [Self.items.name: [Row(
            streamId: stream, descriptionZh: state.descriptionZh, foundDuring: state.foundDuring?.rawValue,
            raisedOn: state.raisedOn, opinionIssuedOn: opinionOn, status: state.status.rawValue,
            owner: state.owner, due: state.due, rejections: state.rejections,
            reportedOn: reportedOn, closedOutOn: state.closedOutOn,
            closedOnTime: state.closedOnTime, origin: state.origin.rawValue, originZh: state.origin.labelZh,
            auditId: state.auditId)]]
    }
}

/// Referrals (移送) and what became of them: sent → accepted or rejected → feedback.
public struct ReferralsProjection: StreamProjection {
    public let name = "referrals"
    public let shapeVersion = 2
    public let eventTypes: Set<String> = Set(ReferralEvent.eventTypes)
    public var policy: PublicationPolicy

    public init(policy: PublicationPolicy = .standard) { self.policy = policy }

    /// A row of `referrals`.
    struct Row: Codable {
        let streamId: String
        let kind: String?
        let fromAgency: String?
        let toAgency: String?
        let subjectZh: String?
        let caseId: String?
        let plateMasked: String?
        let sentOn: LocalDate?
        let status: String
        let answeredOn: LocalDate?
        let rejectionReasonZh: String?
        let feedbackCount: Int
        let lastFeedbackZh: String?
        let lastFeedbackOn: LocalDate?
    }

    static let referrals = ProjectionTable("referrals", row: Row.self, primaryKey: ["stream_id"])
    public var rowTables: [ProjectionTable] { [Self.referrals] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var state = ReferralDecider.initialState
        var subject: String?, caseId: String?, plate: String?, reason: String?, lastFeedbackOn: LocalDate?
        for stored in history {
            let event = try decodeEvent(stored, ReferralEvent.init)
            switch event {
            case .sent(let e):
                subject = e.subjectZh
                caseId = e.caseId
                plate = e.plate.flatMap { try? PlateNumber($0) }?.masked(policy.plateMasking)
            case .rejected(let e): reason = e.reasonZh
            case .feedbackReceived(let e): lastFeedbackOn = e.receivedOn
            default: break
            }
            state = ReferralDecider.evolve(state, event)
        }
        guard state.status != .none else { return [:] }
        return [Self.referrals.name: [Row(
            streamId: stream, kind: state.kind?.rawValue, fromAgency: state.from, toAgency: state.to,
            subjectZh: subject, caseId: caseId, plateMasked: plate, sentOn: state.sentOn,
            status: state.status.rawValue, answeredOn: state.answeredOn, rejectionReasonZh: reason,
            feedbackCount: state.feedback.count, lastFeedbackZh: state.feedback.last,
            lastFeedbackOn: lastFeedbackOn)]]
    }
}

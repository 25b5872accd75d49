import Enforcement
import Foundation
import Postgres

/// Rectification items (整改台账): raised → opinion → owner and due date → rectified → verified →
/// closed out (销号), on time or late.
public struct RectificationProjection: StreamProjection {
    public let name = "rectification"
    public let shapeVersion = 2
    public let tables = ["rectification_items"]
    public let eventTypes: Set<String> = Set(RectificationEvent.eventTypes)

    public init() {}

    struct Row: Encodable {
        let streamId: String
        let descriptionZh: String?
        let foundDuring: String?
        let raisedOn: String?
        let opinionIssuedOn: String?
        let status: String
        let owner: String?
        let due: String?
        let rejections: Int
        let reportedOn: String?
        let closedOutOn: String?
        let closedOnTime: Bool?
    }

    public func createTables(_ t: ProjectionTarget) -> [String] {
        ["""
        CREATE TABLE \(t.table("rectification_items", of: name)) (
            stream_id          text    NOT NULL,
            description_zh     text,
            found_during       text,
            raised_on          date,
            opinion_issued_on  date,
            status             text    NOT NULL,
            owner              text,
            due                date,
            rejections         integer NOT NULL,
            reported_on        date,
            closed_out_on      date,
            closed_on_time     boolean,
            CONSTRAINT \(t.constraint("rectification_items", of: name, "pkey")) PRIMARY KEY (stream_id)
        )
        """]
    }

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
        return ["rectification_items": [Row(
            streamId: stream, descriptionZh: state.descriptionZh, foundDuring: state.foundDuring?.rawValue,
            raisedOn: state.raisedOn?.description, opinionIssuedOn: opinionOn?.description, status: state.status.rawValue,
            owner: state.owner, due: state.due?.description, rejections: state.rejections,
            reportedOn: reportedOn?.description, closedOutOn: state.closedOutOn?.description,
            closedOnTime: state.closedOnTime)]]
    }
}

/// Referrals (移送) and what became of them: sent → accepted or rejected → feedback.
public struct ReferralsProjection: StreamProjection {
    public let name = "referrals"
    public let shapeVersion = 2
    public let tables = ["referrals"]
    public let eventTypes: Set<String> = Set(ReferralEvent.eventTypes)
    public var policy: PublicationPolicy

    public init(policy: PublicationPolicy = .standard) { self.policy = policy }

    struct Row: Encodable {
        let streamId: String
        let kind: String?
        let fromAgency: String?
        let toAgency: String?
        let subjectZh: String?
        let caseId: String?
        let plateMasked: String?
        let sentOn: String?
        let status: String
        let answeredOn: String?
        let rejectionReasonZh: String?
        let feedbackCount: Int
        let lastFeedbackZh: String?
        let lastFeedbackOn: String?
    }

    public func createTables(_ t: ProjectionTarget) -> [String] {
        ["""
        CREATE TABLE \(t.table("referrals", of: name)) (
            stream_id            text    NOT NULL,
            kind                 text,
            from_agency          text,
            to_agency            text,
            subject_zh           text,
            case_id              text,
            plate_masked         text,
            sent_on              date,
            status               text    NOT NULL,
            answered_on          date,
            rejection_reason_zh  text,
            feedback_count       integer NOT NULL,
            last_feedback_zh     text,
            last_feedback_on     date,
            CONSTRAINT \(t.constraint("referrals", of: name, "pkey")) PRIMARY KEY (stream_id)
        )
        """]
    }

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
        return ["referrals": [Row(
            streamId: stream, kind: state.kind?.rawValue, fromAgency: state.from, toAgency: state.to,
            subjectZh: subject, caseId: caseId, plateMasked: plate, sentOn: state.sentOn?.description,
            status: state.status.rawValue, answeredOn: state.answeredOn?.description, rejectionReasonZh: reason,
            feedbackCount: state.feedback.count, lastFeedbackZh: state.feedback.last,
            lastFeedbackOn: lastFeedbackOn?.description)]]
    }
}

/// Every projection the projector keeps, in the order they are caught up.
public enum ProjectionCatalog {
    public static let all: [any Projection] = [
        RegistryProjection(), OperationsProjection(), CasesProjection(), RectificationProjection(),
        ReferralsProjection(), OutreachProjection(),
    ]
}

/// Where a rectification item stands.
public struct RectificationState: Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case none, raised, opinionIssued, assigned, rectified, verified, closedOut
    }

    public internal(set) var itemId: String?
    public internal(set) var status: Status = .none
    public internal(set) var descriptionZh: String?
    public internal(set) var foundDuring: FoundDuring?
    /// The programme the item came from (items raised before origins were recorded: self-examination).
    public internal(set) var origin: RectificationOrigin = .campaignSelfExamination
    /// The case-file audit whose finding this is.
    public internal(set) var auditId: String?
    public internal(set) var raisedOn: LocalDate?
    public internal(set) var owner: String?
    public internal(set) var due: LocalDate?
    /// Times a reported fix was sent back.
    public internal(set) var rejections = 0
    public internal(set) var closedOutOn: LocalDate?
    /// The latest step: no later step may be dated before it.
    public internal(set) var lastStep: LastStep?

    public init() {}

    /// Not closed out and past its due date on `date` (an item without a due date is never overdue).
    public func isOverdue(on date: LocalDate) -> Bool {
        guard let due, status != .closedOut else { return false }
        return date > due
    }

    /// For the annual report: closed on time (true), closed late (false), still open (nil).
    public var closedOnTime: Bool? {
        guard let closedOutOn else { return nil }
        guard let due else { return true }
        return closedOutOn <= due
    }

    /// The steps that make sense now.
    public var nextActions: [RectificationAction] {
        switch status {
        case .none: [.raise]
        case .raised: [.issueOpinion]
        case .opinionIssued: [.assignOwner]
        case .assigned: [.reportRectified, .assignOwner]
        case .rectified: [.verify, .rejectRectification]
        case .verified: [.closeOut]
        case .closedOut: []
        }
    }
}

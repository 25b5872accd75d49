/// Where a referral stands.
public struct ReferralState: Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable { case none, sent, accepted, rejected }

    public internal(set) var referralId: String?
    public internal(set) var status: Status = .none
    public internal(set) var kind: ReferralKind?
    public internal(set) var from: String?
    public internal(set) var to: String?
    public internal(set) var sentOn: LocalDate?
    /// The day it was accepted or rejected: turnaround = answeredOn − sentOn.
    public internal(set) var answeredOn: LocalDate?
    public internal(set) var feedback: [String] = []
    /// The latest step (sent, answered, feedback): no later step may be dated before it.
    public internal(set) var lastStep: LastStep?

    public init() {}
}

extension ReferralState {
    /// The steps that make sense now: a sent referral waits for the receiver's answer, an accepted one for its
    /// feedback.
    public var nextActions: [ReferralAction] {
        switch status {
        case .none: [.send]
        case .sent: [.accept, .reject]
        case .accepted: [.recordFeedback]
        case .rejected: []
        }
    }
}

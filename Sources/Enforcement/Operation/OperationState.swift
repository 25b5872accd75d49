/// Where a joint operation stands, folded from its events.
public struct OperationState: Sendable, Equatable {
    /// The lifecycle: drafted → approved → launched → inProgress → concluded → summarised → archived, or cancelled.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// No plan yet (no events).
        case none
        case drafted
        case approved
        case launched
        /// At least one field session recorded.
        case inProgress
        case concluded
        case summarised
        case archived
        case cancelled
    }

    public internal(set) var operationId: String?
    public internal(set) var status: Status = .none
    public internal(set) var plan: OperationPlan?
    /// Agencies invited but not yet joined.
    public internal(set) var invited: Set<String> = []
    /// Supporting agencies that joined and have not withdrawn.
    public internal(set) var supporting: Set<String> = []
    /// Agencies that joined and later withdrew.
    public internal(set) var withdrawn: Set<String> = []
    public internal(set) var sessions: [FieldSession] = []
    /// Partner agencies' returns, in the order recorded.
    public internal(set) var returns: [PartnerReturn] = []
    public internal(set) var summaryZh: String?
    /// The latest lifecycle step or field session: no later step may be dated before it.
    public internal(set) var lastStep: LastStep?
    public internal(set) var launchedOn: LocalDate?

    /// The lead agency plus the supporting agencies still taking part.
    public var participating: Set<String> {
        guard let lead = plan?.leadAgency else { return supporting }
        return supporting.union([lead])
    }

    /// True once nothing may change any more.
    public var isClosed: Bool { status == .archived || status == .cancelled }

    /// Sum of every session's tallies, per agency (withdrawn agencies keep what they recorded).
    public var totalsByAgency: [String: Tally] {
        sessions.reduce(into: [:]) { totals, session in
            for (agency, tally) in session.tallies { totals[agency, default: .zero] = totals[agency, default: .zero] + tally }
        }
    }

    /// Sum of every tally of every session.
    public var totals: Tally { totalsByAgency.values.reduce(.zero, +) }

    /// The steps that make sense now, for `operation show`.
    public var nextActions: [OperationAction] {
        switch status {
        case .none: [.plan]
        case .drafted: [.approve, .inviteAgency, .joinOperation, .withdrawAgency, .cancel]
        case .approved: [.launch, .inviteAgency, .joinOperation, .withdrawAgency, .cancel]
        case .launched: [.recordSession, .inviteAgency, .joinOperation, .withdrawAgency, .cancel]
        case .inProgress: [.recordSession, .recordReturn, .conclude, .inviteAgency, .joinOperation, .withdrawAgency, .cancel]
        case .concluded: [.summarise, .recordReturn]
        case .summarised: [.archive, .recordReturn]
        case .archived, .cancelled: []
        }
    }

    public init() {}
}

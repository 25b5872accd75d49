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
    /// Agencies whose own cases (leads, on-the-spot decisions) are in JointOps linked to a session, by session id.
    /// Not folded from the operation's events (the links live in the case streams): the application loads it
    /// beside them, so a return's case figures can be checked against it.
    public var agenciesWithLinkedCases: [String: Set<String>] = [:]
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

    /// Sum of every session's field work: where a partner returned its own figures for a session, its non-zero
    /// officers, vehicles, inspections and education stand in for what the lead typed for it (the same rule as
    /// the `reporting` views), so a partner's figure is neither lost nor added twice.
    public var fieldTotals: Tally {
        sessions.reduce(into: Tally.zero) { totals, session in
            for (agency, typed) in session.tallies {
                var tally = typed
                if let own = returns.last(where: { $0.agency == agency && $0.sessionId == session.sessionId }) {
                    let pick = { (returned: Int, typed: Int) in returned != 0 ? returned : typed }
                    tally.officersDeployed = pick(own.officersDeployed, tally.officersDeployed)
                    tally.vehiclesDeployed = pick(own.vehiclesDeployed, tally.vehiclesDeployed)
                    tally.vehiclesInspected = pick(own.vehiclesInspected, tally.vehiclesInspected)
                    tally.peopleEducated = pick(own.peopleEducated, tally.peopleEducated)
                }
                totals = totals + tally
            }
        }
    }

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

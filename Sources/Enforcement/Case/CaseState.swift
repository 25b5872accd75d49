/// Where a case stands, folded from its events. `evolve` fills it; the decider and `case show` read it.
public struct CaseState: Sendable, Equatable {
    /// The main line of the lifecycle. Sub-steps (review, notice, hearing, publication, payment) have their own fields.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// No events yet.
        case none
        case leadReceived
        case filingDeclined
        /// Filed (立案) and under investigation.
        case investigating
        case investigationConcluded
        /// A penalty or no-penalty decision exists but has not been served.
        case decided
        case served
        case referredToPolice
        case transferredOut
        case closed
        case archived
    }

    /// How the case ended, once it has.
    public enum Outcome: Sendable, Equatable {
        case penalty(Penalty)
        case noPenalty(NoPenaltyReason)
        case criminalReferral(policeAgency: String)
        case transferredOut(toAgency: String)
    }

    public enum LegalReview: String, Codable, Sendable {
        case notRequested, requested, passed, returned
    }

    public enum Statement: String, Codable, Sendable {
        case none, received, waived
    }

    public enum Hearing: Sendable, Equatable {
        case notRequested
        case requested
        case scheduled(date: LocalDate, chair: String)
        case held(chair: String)
        case waived
    }

    /// One seized vehicle.
    public struct Seizure: Sendable, Equatable {
        public enum End: String, Codable, Sendable { case released, confiscated }
        public var plate: String
        public var seizedOn: LocalDate
        /// The current end of the seizure (moved by the one extension).
        public var deadline: Deadline
        public var extended: Bool
        public var end: End?
        /// The day of the release or confiscation that ended it.
        public var endedOn: LocalDate? = nil
        public var isActive: Bool { end == nil }
    }

    public internal(set) var caseId: String?
    /// The agency holding the case: the one that received the lead, filed or decided on the spot.
    public internal(set) var agency: String?
    public internal(set) var status: Status = .none
    /// Brought in from a register kept before JointOps (导入, `CaseEvent.Imported`).
    public internal(set) var imported = false
    public internal(set) var procedure: Procedure = .ordinary
    /// Where the case came from (案件来源): the lead's source, else the filing's; nil for a case filed without a
    /// lead before filings carried a source, and for an on-the-spot decision (the reports count it as inspection).
    public internal(set) var source: LeadSource?
    public internal(set) var leadReceivedOn: LocalDate?
    public internal(set) var party: Party?
    public internal(set) var act: Act?
    public internal(set) var filedOn: LocalDate?
    public internal(set) var limitationExpires: LocalDate?
    /// The officers assigned to the case.
    public internal(set) var assignedOfficers: [String] = []
    /// Everyone who investigated: assigned or acted in evidence, preservation or seizure. None may chair the hearing.
    public internal(set) var investigators: Set<String> = []
    public internal(set) var evidenceCount = 0
    public internal(set) var preservationPending = false
    /// Seized vehicles by normalised plate.
    public internal(set) var seizures: [String: Seizure] = [:]
    public internal(set) var complex = false
    public internal(set) var majorPublicInterest = false
    public internal(set) var legalReview: LegalReview = .notRequested
    /// The penalty announced in the latest pre-decision notice.
    public internal(set) var notice: Penalty?
    public internal(set) var noticeGrantsHearing = false
    /// When the latest pre-decision notice was served: the decision may not be dated before it.
    public internal(set) var noticeServedOn: LocalDate?
    /// When the party asked for the hearing: the hearing may not be dated before it.
    public internal(set) var hearingRequestedOn: LocalDate?
    /// The lowest fine of a notice the party defended against: later notices may not go above it (APL 45).
    public internal(set) var defendedNoticeFineYuan: Int?
    public internal(set) var statement: Statement = .none
    public internal(set) var hearing: Hearing = .notRequested
    public internal(set) var outcome: Outcome?
    public internal(set) var decisionNumber: String?
    public internal(set) var decidedOn: LocalDate?
    public internal(set) var servedOn: LocalDate?
    public internal(set) var published = false
    public internal(set) var publicationWithheld: PublicationPolicy.WithholdingReason?
    public internal(set) var publicationWithdrawn = false
    public internal(set) var decisionRevoked = false
    public internal(set) var paidYuan = 0
    public internal(set) var paymentDeadline: Deadline?
    public internal(set) var courtApplicationFrom: LocalDate?
    public internal(set) var courtEnforcementApplied = false
    public internal(set) var onSpotDecisionFiled = false
    /// The latest step of the procedure proper, and the latest of any procedural step (`CaseState+Steps`).
    public internal(set) var mainLine: LastStep?
    public internal(set) var latestStep: LastStep?
    /// Open case-level clocks (seizure clocks live in `seizures`).
    public internal(set) var deadlines: [DeadlineKind: Deadline] = [:]
    /// Clocks stopped by the act they waited for, with the day it was done (on time or late).
    public internal(set) var completedDeadlines: [DeadlineKind: CompletedDeadline] = [:]
    /// The clocks the latest event completed: what a write warns about when it was late.
    public internal(set) var justCompleted: [DeadlineKind] = []
    /// Every correction (更正), oldest first: the history `case show` prints (原值 → 更正值).
    public internal(set) var corrections: [CaseEvent.Corrected] = []

    /// A clock whose act was done on `doneOn`.
    public struct CompletedDeadline: Sendable, Equatable {
        public var deadline: Deadline
        public var doneOn: LocalDate
    }

    public init() {}

    /// The act's cross-agency key, once party and act are known.
    public var actKey: ActKey? {
        guard let party, let act else { return nil }
        return ActKey(partyId: party.partyId, actDate: act.date)
    }

    /// The outcome that stands: none once the decision was revoked (the revoked one stays in `outcome`).
    public var standingOutcome: Outcome? { decisionRevoked ? nil : outcome }

    /// The decided penalty, if the outcome is one.
    public var penalty: Penalty? {
        if case .penalty(let penalty) = outcome { return penalty }
        return nil
    }

    /// The decided fine in yuan (0 without one).
    public var fineYuan: Int { penalty?.fineYuan ?? 0 }

    /// Every clock still running, seizures included, earliest first.
    public var openDeadlines: [Deadline] {
        let seizureClocks = seizures.values.filter(\.isActive).map(\.deadline)
        return (Array(deadlines.values) + seizureClocks).sorted { ($0.due, $0.kind.rawValue) < ($1.due, $1.kind.rawValue) }
    }

    /// Every case-level clock, done or open, with its status on `today` (``DeadlineStatus``), earliest first.
    public func deadlineStatuses(on today: LocalDate, calendar: WorkingDayCalendar,
                                 in jurisdiction: Jurisdiction) -> [(deadline: Deadline, status: DeadlineStatus)] {
        let ended = seizures.values.compactMap { seizure in seizure.endedOn.map { (seizure.deadline, Optional($0)) } }
        let done = completedDeadlines.values.map { ($0.deadline, Optional($0.doneOn)) } + ended
        let open = openDeadlines.map { ($0, LocalDate?.none) }
        return (done + open).map { deadline, doneOn in
            (deadline, DeadlineStatus.of(deadline, doneOn: doneOn, today: today, calendar: calendar, in: jurisdiction))
        }.sorted { ($0.deadline.due, $0.deadline.kind.rawValue) < ($1.deadline.due, $1.deadline.kind.rawValue) }
    }

    /// The clocks whose legal last day is before `date`.
    public func overdueDeadlines(on date: LocalDate) -> [Deadline] { openDeadlines.filter { $0.isOverdue(on: date) } }

    /// The late-payment surcharge (加处罚款) accrued by `date`: 3 % of the fine per day after the payment
    /// deadline, capped at the fine (APL 72). Whole yuan, rounded down.
    public func lateSurchargeYuan(on date: LocalDate) -> Int {
        guard let due = paymentDeadline, fineYuan > 0, paidYuan < fineYuan else { return 0 }
        let daysLate = max(0, due.legallyDue.days(until: date))
        // Capped at the fine: after 34 days it is the fine, so the product never needs more days than that.
        return min(fineYuan, LegalBasis.saturating(fineYuan, times: 3 * min(daysLate, 34)) / 100)
    }

    /// What is still owed on `date`: the unpaid fine plus the surcharge.
    public func outstandingYuan(on date: LocalDate) -> Int {
        let (owed, overflow) = fineYuan.addingReportingOverflow(lateSurchargeYuan(on: date))
        return max(0, (overflow ? .max : owed) - paidYuan)
    }

    /// Active seizures, by plate.
    public var activeSeizures: [Seizure] { seizures.values.filter(\.isActive).sorted { $0.plate < $1.plate } }
}

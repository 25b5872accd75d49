import Enforcement
import EventStore
import Foundation

/// One case folded for the read models: the domain's `CaseState` (through `CaseDecider.evolve`)
/// plus what reports need and the state forgets (when each clock opened and how it ended, each
/// legal review, dates of publication and closing).
struct CaseFold {
    let streamId: String
    let policy: PublicationPolicy
    /// The calendar in force (shipped and imported notices): provisional clocks are counted again with it.
    let calendar: WorkingDayCalendar
    var state = CaseDecider.initialState
    var deadlines: [DeadlineRow] = []
    var reviews: [ReviewRow] = []
    /// Index in `deadlines` of each open clock, by kind (seizures by `seizure:PLATE`).
    var open: [String: Int] = [:]
    var decisionDue: Deadline?
    var serviceDue: Deadline?
    var publicationDue: Deadline?
    var legalReviewRequired = false
    var hearingHeld = false
    var confiscations = 0
    var serviceMethod: ServiceMethod?
    var publishedOn: LocalDate?
    var publicationRef: String?
    var withdrawnOn: LocalDate?
    var enforcementDemandServed = false
    var closedOn: LocalDate?
    var archivedOn: LocalDate?
    /// Every name an individual party of the case has been recorded under (a correction keeps the old one).
    var partyNames: [String] = []

    init(streamId: String, policy: PublicationPolicy, calendar: WorkingDayCalendar = .shipped) {
        self.streamId = streamId
        self.policy = policy
        self.calendar = calendar
    }

    /// A row of `case_deadlines`: its properties are the table's columns (`ProjectionTable`).
    struct DeadlineRow: Codable {
        let streamId: String
        let seq: Int
        let kind: String
        var labelZh: String
        var basis: String
        let openedOn: LocalDate?
        var due: LocalDate
        var legallyDue: LocalDate
        var status: String
        var resolvedOn: LocalDate?
        var metOnTime: Bool?
        /// The last day rests on a year without a complete calendar (DOMAIN.md §5).
        var provisional: Bool
        /// For a met clock, ``DeadlineStatus/code`` (`onTime` or `late`); open ones are judged by the views
        /// as of today (`open` or `overdue`).
        var timeliness: String?
        /// For a clock met late, the days past its legal last day in the clock's unit.
        var daysLate: Int?
    }

    /// A row of `legal_reviews`.
    struct ReviewRow: Codable {
        let streamId: String
        let seq: Int
        let requestedOn: LocalDate?
        var outcome: String
        var reviewer: String?
        var completedOn: LocalDate?
        var turnaroundWorkingDays: Int?
    }

    mutating func apply(_ event: CaseEvent) {
        let date = Self.date(of: event)
        let before = Self.clocks(state)
        state = CaseDecider.evolve(state, event)
        notePartyName()
        record(event, on: date)
        let after = Self.clocks(state)
        for (key, old) in before.sorted(by: { $0.key < $1.key }) {
            guard let index = open[key] else { continue }
            if let new = after[key] {
                if new == old { continue }
                if case .seizureExtended = event {
                    // An extension moves the same clock.
                    deadlines[index].due = new.due
                    deadlines[index].legallyDue = new.legallyDue
                    deadlines[index].basis = new.basis
                    deadlines[index].labelZh = new.labelZh
                    deadlines[index].provisional = new.provisional
                    continue
                }
                deadlines[index].status = "superseded"
                deadlines[index].resolvedOn = date
                open[key] = nil
            } else {
                let met = Self.discharges(old.kind, event)
                deadlines[index].status = met ? "met" : "cancelled"
                deadlines[index].resolvedOn = date
                if met, let date { judge(index, old, doneOn: date) }
                open[key] = nil
            }
        }
        for (key, new) in after.sorted(by: { $0.key < $1.key }) where open[key] == nil {
            open[key] = deadlines.count
            deadlines.append(DeadlineRow(
                streamId: streamId, seq: deadlines.count + 1, kind: new.kind.rawValue, labelZh: new.labelZh,
                basis: new.basis, openedOn: date, due: new.due,
                legallyDue: new.legallyDue, status: "open", resolvedOn: nil, metOnTime: nil,
                provisional: new.provisional))
        }
    }

    /// A clock met on `doneOn`: on time or late, by the one definition (``DeadlineStatus``).
    private mutating func judge(_ index: Int, _ deadline: Deadline, doneOn: LocalDate) {
        let status = DeadlineStatus.of(deadline, doneOn: doneOn, today: doneOn, calendar: calendar,
                                       in: WorkingDays.jurisdiction)
        deadlines[index].metOnTime = doneOn <= deadline.legallyDue
        deadlines[index].timeliness = status.code
        if case .late(_, let days) = status { deadlines[index].daysLate = days }
    }

    /// The open clocks counted again with the calendar in force, as `case show` shows them
    /// (``CaseState/recountingProvisionalDeadlines(with:in:)``): call once the history is folded.
    mutating func recountOpenClocks() {
        let clocks = Self.clocks(state.recountingProvisionalDeadlines(with: calendar, in: WorkingDays.jurisdiction))
        for (key, index) in open {
            guard let clock = clocks[key] else { continue }
            deadlines[index].due = clock.due
            deadlines[index].legallyDue = clock.legallyDue
            deadlines[index].provisional = clock.provisional
        }
    }

    /// What the state forgets but the reports need.
    private mutating func record(_ event: CaseEvent, on date: LocalDate?) {
        switch event {
        case .filed(let e): decisionDue = e.decisionDue
        case .vehicleConfiscated: confiscations += 1
        case .legalReviewRequested(let e):
            reviews.append(ReviewRow(streamId: streamId, seq: reviews.count + 1, requestedOn: e.requestedOn,
                                     outcome: "pending"))
        case .legalReviewPassed(let e): completeReview("passed", reviewer: e.reviewer, on: e.passedOn)
        case .legalReviewReturned(let e): completeReview("returned", reviewer: e.reviewer, on: e.returnedOn)
        case .hearingHeld: hearingHeld = true
        case .penaltyDecided(let e):
            legalReviewRequired = e.legalReviewRequired
            serviceDue = e.serviceDue
            publicationDue = e.publicationDue
        case .noPenaltyDecided(let e):
            serviceDue = e.serviceDue
            publicationDue = e.publicationDue
        case .decidedOnSpot(let e): publicationDue = e.publicationDue
        case .decisionServed(let e): serviceMethod = e.method
        case .decisionPublished(let e):
            publishedOn = e.publishedOn
            publicationRef = e.reference
        case .publicationWithdrawn(let e): withdrawnOn = e.withdrawnOn
        case .enforcementDemandServed: enforcementDemandServed = true
        case .closed(let e): closedOn = e.closedOn
        case .archived(let e): archivedOn = e.archivedOn
        case .imported(let e): recordImport(e)
        default: break
        }
        _ = date
    }

    private mutating func completeReview(_ outcome: String, reviewer: String, on date: LocalDate) {
        if reviews.last?.outcome != "pending" {
            reviews.append(ReviewRow(streamId: streamId, seq: reviews.count + 1, requestedOn: nil, outcome: "pending"))
        }
        let index = reviews.count - 1
        reviews[index].outcome = outcome
        reviews[index].reviewer = reviewer
        reviews[index].completedOn = date
        if let requested = reviews[index].requestedOn {
            reviews[index].turnaroundWorkingDays = WorkingDays.between(requested, date, calendar: calendar)
        }
    }

    /// Every running clock, seizures included, by key.
    static func clocks(_ state: CaseState) -> [String: Deadline] {
        var clocks: [String: Deadline] = [:]
        for (kind, deadline) in state.deadlines { clocks[kind.rawValue] = deadline }
        for seizure in state.seizures.values where seizure.isActive { clocks["seizure:\(seizure.plate)"] = seizure.deadline }
        return clocks
    }

    /// Whether `event` is the act a clock of `kind` waits for (otherwise the clock was cancelled).
    static func discharges(_ kind: DeadlineKind, _ event: CaseEvent) -> Bool { CaseState.discharges(kind, event) }

    /// The business date an event carries.
    static func date(of event: CaseEvent) -> LocalDate? { event.businessDate }
}

import Enforcement
import EventStore
import Foundation
import JointOps

/// `jointops demo`: the bureau's year, played through the command handlers as officers would enter it.
///
/// Deterministic for a seed: names, plates, amounts and dates vary with it, the annual-report figures do
/// not — 18 joint operations, 234 cases (5 黑车), 224 decisions published, 21 self-examination problems with
/// opinions, 2,352 leaflets (DOMAIN.md §9). Any year whose national holiday notice is loaded and whose
/// legal bases are in force can be played (2023–2025 with the shipped data): a missing Xinjiang notice makes
/// the deadlines provisional, as for any case. Cases come in every month, the fourth quarter too; nothing is
/// dated after the year's end, so the year's report is complete when the demo ends.
public struct Demo {
    public var seed: UInt64
    public var year: Int

    /// The annual-report figures the demo produces.
    public static let operations = 18, cases = 234, blackCarCases = 5, published = 224
    public static let rectificationItems = 21, leaflets = 2_352

    public init(seed: UInt64 = 2023, year: Int = 2023) {
        self.seed = seed
        self.year = year
    }

    /// What was written.
    public struct Summary: Sendable, Equatable {
        public var operations = 0, cases = 0, blackCarCases = 0, published = 0
        public var rectificationItems = 0, opinions = 0, leaflets = 0, referrals = 0, events: Int64 = 0
        public var audits = 0, counselReviews = 0, petitionsResolved = 0, inspectionProblems = 0

        /// The figures as the year's annual report names them (`report annual`'s metric, its Chinese label),
        /// counted by the script as it wrote: the report, folded from the log, must show the same.
        public var figures: [(metric: String, labelZh: String, value: Int)] {
            [("joint_operations", "联合执法行动", operations), ("cases_accepted", "受理案件", cases),
             ("cases_black_car", "非法营运（黑车）案件", blackCarCases), ("files_published", "公示案件", published),
             ("rectification_problems", "专项整治自查发现问题", rectificationItems), ("rectification_opinions", "下发整改意见", opinions),
             ("referrals_sent", "移送件数", referrals), ("outreach_leaflets", "发放宣传资料（份）", leaflets),
             ("case_file_audits", "案卷评查（次）", audits), ("counsel_reviews", "法律顾问审核（件）", counselReviews),
             ("petitions_resolved", "化解信访", petitionsResolved), ("inspection_problems", "巡察反馈问题", inspectionProblems)]
        }
    }

    /// Plays the year on `application`, whose database must hold no events.
    ///
    /// - Parameter progress: called with a short line now and then (the CLI shows it on a terminal only).
    /// - Throws: `DemoError.databaseNotEmpty`, or the first refusal (a bug in the demo's script).
    @discardableResult
    public func run(on application: Application, progress: ((String) -> Void)? = nil) throws -> Summary {
        let calendar = try application.calendar()
        try Self.checkPlayable(year: year, calendar: calendar, legalBases: application.legalBases)
        let existing = try application.eventCount()
        guard existing == 0 else { throw DemoError.databaseNotEmpty(events: existing) }
        // Bulk load: subscribers poll instead of being woken per append.
        let notified = application.store.notifiesSubscribers
        application.store.notifiesSubscribers = false
        defer { application.store.notifiesSubscribers = notified }

        var script = DemoScript(application: application, year: year, random: DemoRandom(seed: seed), calendar: calendar)
        try application.connection.transaction {
            progress?("registry: agencies, officers, campaigns")
            try script.registry()
        }
        progress?("joint operations")
        try script.operations()
        progress?("cases")
        try script.cases(progress: progress)
        progress?("rectification, referrals, outreach")
        try script.rectifications()
        try script.referrals()
        try script.outreach()
        progress?("rule-of-law activities, service commitments")
        try script.ruleOfLaw()
        progress?("audits, the adviser's reviews, petitions, the inspection tour, the plan")
        try script.yearRecords()
        var summary = script.summary
        summary.events = try application.eventCount()
        return summary
    }
}

/// Why the demo cannot run.
public enum DemoError: Error, Equatable, CustomStringConvertible {
    case databaseNotEmpty(events: Int64)
    /// No national holiday notice is loaded for the year: its working days are unknown.
    case calendarMissing(year: Int)
    /// A legal basis the demo's cases cite has no version in force in the year.
    case legalBasisMissing(year: Int, family: String)

    public var description: String {
        switch self {
        case .databaseNotEmpty(let events):
            return "the database already holds \(events) events and the demo needs an empty one: "
                + "run it on a throw-away cluster with DATABASE_URL pointing there"
        case .calendarMissing(let year):
            return "no national holiday notice for \(year) is loaded, so the demo cannot play \(year): import the notice "
                + "or choose a year whose notice is loaded, e.g. 2023, 2024 or 2025"
        case let .legalBasisMissing(year, family):
            return "the legal basis \(family) has no version in force throughout \(year), so the demo cannot play \(year): "
                + "choose another year, e.g. 2023, 2024 or 2025"
        }
    }
}

extension Demo {
    /// The legal-basis families the demo's cases cite (`DemoScript+Cases`).
    static let citedFamilies = ["RTR-63", "RIDE-34-2", "RIDE-34-3", "RTR-64", "RTR-65", "RTR-68"]

    /// Refuses, before anything is written, a year the demo cannot play lawfully: its national holiday notice is
    /// missing (a regional one may be: its days are then provisional), or a basis it cites is not in force.
    public static func checkPlayable(year: Int, calendar: WorkingDayCalendar, legalBases: LegalBasisCatalogue) throws {
        guard calendar.isComplete(year: year, in: .national) else { throw DemoError.calendarMissing(year: year) }
        // The 2023 RTR revision splits the year: RTR 64, 65 and 68 are cited only after it.
        let revision = LegalBasisCatalogue.rtr2023EffectiveFrom
        for family in citedFamilies {
            let first = LocalDate(year: year, month: 1, day: 1)!, last = LocalDate(year: year, month: 12, day: 31)!
            let from = family.hasPrefix("RTR-6") && family != "RTR-63" && revision.year == year ? revision : first
            guard legalBases.inForce(family: family, on: from) != nil, legalBases.inForce(family: family, on: last) != nil else {
                throw DemoError.legalBasisMissing(year: year, family: family)
            }
        }
    }

    /// The clock the demo should run with: real time, and event and command ids drawn from the seed, so the
    /// same seed writes the same events.
    public static func clock(seed: UInt64) -> Clock {
        let ids = SeededIds(seed: seed)
        return Clock(now: { Date() }, newId: { ids.next() })
    }
}

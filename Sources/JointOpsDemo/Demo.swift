import Enforcement
import EventStore
import Foundation
import JointOps

/// `jointops demo`: the bureau's year, played through the command handlers as officers would enter it.
///
/// Deterministic for a seed: names, plates, amounts and dates vary with it, the annual-report figures do
/// not — 18 joint operations, 234 cases (5 黑车), 224 decisions published, 21 rectification items with
/// opinions, 2,352 leaflets (DOMAIN.md §9). Every deadline stays inside the year: the shipped calendar
/// has no Xinjiang notice for the following year, and the demo does not invent one.
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
    }

    /// Plays the year on `application`, whose database must hold no events.
    ///
    /// - Parameter progress: called with a short line now and then (the CLI shows it on a terminal only).
    /// - Throws: `DemoError.databaseNotEmpty`, or the first refusal (a bug in the demo's script).
    @discardableResult
    public func run(on application: Application, progress: ((String) -> Void)? = nil) throws -> Summary {
        let existing = try application.eventCount()
        guard existing == 0 else { throw DemoError.databaseNotEmpty(events: existing) }
        // Bulk load: subscribers poll instead of being woken per append.
        let notified = application.store.notifiesSubscribers
        application.store.notifiesSubscribers = false
        defer { application.store.notifiesSubscribers = notified }

        var script = DemoScript(application: application, year: year, random: DemoRandom(seed: seed))
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
        var summary = script.summary
        summary.events = try application.eventCount()
        return summary
    }
}

/// Why the demo cannot run.
public enum DemoError: Error, Equatable, CustomStringConvertible {
    case databaseNotEmpty(events: Int64)

    public var description: String {
        switch self {
        case .databaseNotEmpty(let events):
            return "the database already holds \(events) events and the demo needs an empty one: "
                + "run it on a throw-away cluster with DATABASE_URL pointing there"
        }
    }
}

extension Demo {
    /// The clock the demo should run with: real time, and event and command ids drawn from the seed, so the
    /// same seed writes the same events.
    public static func clock(seed: UInt64) -> Clock {
        let ids = SeededIds(seed: seed)
        return Clock(now: { Date() }, newId: { ids.next() })
    }
}

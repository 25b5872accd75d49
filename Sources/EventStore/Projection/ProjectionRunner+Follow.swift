import Foundation
import Postgres

extension ProjectionRunner {
    /// Catches up, then follows the log (NOTIFY, with polling as the fallback) until `shouldStop`.
    ///
    /// Takes a session advisory lock so only one follower runs per database. Errors end the call, on this
    /// connection; `ProjectionSupervisor` reconnects after those that say nothing about the events.
    ///
    /// - Parameter heldBackAfter: seconds committed events may wait behind a running transaction before
    ///   `report` hears `.heldBack`.
    /// - Parameter report: `.connected`, then after every catch-up `.caughtUp` or `.heldBack`, and
    ///   `.quarantined` for each stream set aside (repeats included: the caller keeps what changed).
    /// - Parameter afterCatchUp: called after each catch-up.
    /// - Throws: `ProjectionError.alreadyRunning` when another follower holds the lock.
    public func run(followOn listener: Connection, pollInterval: Duration = .milliseconds(500),
                    heldBackAfter: Double = 60, shouldStop: () -> Bool, progress: (String, Int) -> Void = { _, _ in },
                    report: (FollowerState) -> Void = { _ in },
                    afterCatchUp: (ProjectionRunner) throws -> Void = { _ in }) throws {
        let locked: Bool = try connection.execute(
            "SELECT pg_try_advisory_lock(hashtext('jointops.projection.follower'))")[0].get(0)
        guard locked else { throw ProjectionError.alreadyRunning }
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(hashtext('jointops.projection.follower'))") }
        try install()
        report(.connected(target: connection.target))
        var quarantineSeen: QuarantineMark?
        func caughtUp() throws {
            try catchUp(shouldStop: shouldStop, progress: progress)
            guard !shouldStop() else { return }   // stopped between batches: not caught up
            let mark = try quarantineMark()
            if mark != quarantineSeen {
                quarantineSeen = mark
                for entry in try quarantined() { report(.quarantined(entry)) }
            }
            let horizon = try heldBackHorizon()
            if horizon.heldLonger(than: heldBackAfter) {
                report(.heldBack(horizon))
            } else {
                report(.caughtUp(position: try position()))
            }
            try afterCatchUp(self)
        }
        try caughtUp()
        let start = try position()
        let subscription = try Subscription(store: EventStore(connection: listener), after: start,
                                            batchSize: batchSize, pollInterval: pollInterval)
        while !shouldStop() {
            // The subscription only wakes us; each projection reads from its own checkpoint.
            // An empty wake-up is the polling fallback: a long transaction may have been holding events back.
            _ = try subscription.next(timeout: pollInterval)
            try caughtUp()
        }
    }

    /// The earliest checkpoint of the active versions: where a follower stands.
    public func position() throws -> GlobalPosition { try positions().values.min() ?? .start }

    /// Changes whenever a stream enters or re-enters quarantine: one cheap row, so the full list (with its
    /// held-event counts) is read only then.
    struct QuarantineMark: Equatable {
        let streams: Int64
        let latest: String
    }

    func quarantineMark() throws -> QuarantineMark {
        let row = try connection.execute("""
            SELECT count(*), COALESCE(max(quarantined_at)::text, '') || '/' || COALESCE(sum(retries)::text, '')
            FROM eventstore.quarantined_streams
            """)[0]
        return QuarantineMark(streams: try row.get(0), latest: try row.get(1))
    }

    /// Whether a `project run` holds the follower lock on this database.
    public func followerIsRunning() throws -> Bool {
        try connection.execute("""
            SELECT EXISTS (SELECT 1 FROM pg_locks
                           WHERE locktype = 'advisory' AND granted
                             AND objid::bigint = (hashtext('jointops.projection.follower')::bigint & 4294967295)
                             AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
            """)[0].get(0)
    }
}

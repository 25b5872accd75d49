import Foundation
import Postgres

extension EventStore {
    /// The position of the last event committed before this call; nil when the log is empty.
    ///
    /// It may not be readable yet: `readAll` holds an event back while a transaction that started
    /// before it commits is still running (DESIGN.md §3).
    public func lastCommittedPosition() throws -> GlobalPosition? {
        let result = try connection.execute("""
            SELECT transaction_id::text, position FROM eventstore.events
            ORDER BY transaction_id DESC, position DESC LIMIT 1
            """)
        guard let row = result.rows.first else { return nil }
        return GlobalPosition(transactionId: try row.uint64(0), position: try row.get(1))
    }

    /// Waits, polling, until `readAll` can return every event up to `position`, or `timeout` passes.
    /// Returns whether it can.
    ///
    /// Transaction ids are cluster-wide, so the transaction holding events back may be running in
    /// any database of the cluster (a test suite's neighbours, a long import), not only this one.
    public func waitUntilReadable(through position: GlobalPosition, timeout: Duration) throws -> Bool {
        let giveUpAt = ContinuousClock.now.advanced(by: timeout)
        var pause = 0.002
        while true {
            let readable: Bool = try connection.execute(
                "SELECT $1::xid8 < pg_snapshot_xmin(pg_current_snapshot())", [String(position.transactionId)])[0].get(0)
            if readable { return true }
            if ContinuousClock.now >= giveUpAt { return false }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.1)
        }
    }
}

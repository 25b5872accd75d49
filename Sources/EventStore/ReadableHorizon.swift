import Foundation
import Postgres

extension EventStore {
    /// The position of the last event committed before this call; nil when the log is empty.
    ///
    /// It may not be readable yet: `readAll` holds an event back while a transaction that started
    /// before it commits is still running (DESIGN.md §3).
    public func lastCommittedPosition() throws -> GlobalPosition? {
        let result = try connection.execute(Self.lastCommittedSQL)
        guard let row = result.rows.first else { return nil }
        return GlobalPosition(transactionId: try row.uint64(0), position: try row.get(1))
    }

    // The newest event in the followers' order, from the end of `events_commit_order_idx`. The id is
    // selected as `xid8`, not text: ordered as text, "999" came after "1336" and `report --wait` stopped
    // waiting before the user's own write (see `columns`).
    static let lastCommittedSQL = """
        SELECT e.transaction_id, e.position FROM eventstore.events e
        ORDER BY e.transaction_id DESC, e.position DESC LIMIT 1
        """

    static let readableSQL = "SELECT $1::xid8 < eventstore.readable_horizon()"

    /// Waits, polling, until `readAll` can return every event up to `position`, or `timeout` passes.
    /// Returns whether it can.
    ///
    /// Transaction ids are cluster-wide, so the transaction holding events back may be running in
    /// any database of the cluster (a test suite's neighbours, a long import), not only this one.
    public func waitUntilReadable(through position: GlobalPosition, timeout: Duration) throws -> Bool {
        let giveUpAt = ContinuousClock.now.advanced(by: timeout)
        var pause = 0.002
        while true {
            let readable: Bool = try connection.execute(Self.readableSQL, [position.transactionId])[0].get(0)
            if readable { return true }
            if ContinuousClock.now >= giveUpAt { return false }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.1)
        }
    }
}

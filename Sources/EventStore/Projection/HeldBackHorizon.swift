import Foundation
import Postgres

/// What holds the readable horizon back (`eventstore.readable_horizon()`, 0008): the transaction it
/// waits on and the committed events waiting behind it.
///
/// The horizon rule stays: followers never read past a transaction that may still commit an event
/// (DESIGN.md §3), however long it runs. This only says who to ask to finish.
public struct HeldBackHorizon: Sendable, Equatable {
    /// The transaction the horizon waits on, when one does.
    public struct Holder: Sendable, Equatable {
        public var transactionId: UInt64
        /// nil for a prepared transaction (it has no session), or a session just starting.
        public var pid: Int32?
        public var database: String?
        public var user: String?
        public var applicationName: String?
        /// `active`, `idle in transaction`, …; nil when this login may not see it (another login's session,
        /// without `pg_read_all_stats`), and "prepared" for a prepared transaction.
        public var state: String?
        /// Seconds since the transaction began; nil when this login may not see it.
        public var transactionSeconds: Double?
    }

    public var holder: Holder?
    /// Committed events of this database waiting behind the horizon.
    public var waitingEvents: Int64
    /// Seconds since the oldest of them was recorded: how long the horizon has held them (0 when none wait).
    public var heldSeconds: Double

    /// Whether events have waited longer than `threshold` seconds.
    public func heldLonger(than threshold: Double) -> Bool { waitingEvents > 0 && heldSeconds > threshold }
}

extension EventStore {
    // The horizon is the oldest running transaction that may append (or the next id when none runs),
    // so the holder is the session whose `backend_xid` it is, or a prepared transaction. Both columns
    // are readable by every role; state and start time only for the session's own login or
    // `pg_read_all_stats`.
    static let heldBackSQL = """
        WITH horizon AS (SELECT eventstore.readable_horizon() AS xid),
        waiting AS (
            SELECT count(*) AS events, COALESCE(EXTRACT(EPOCH FROM now() - min(e.recorded_at)), 0)::float8 AS seconds
            FROM eventstore.events e, horizon WHERE e.transaction_id >= horizon.xid
        )
        SELECT horizon.xid, waiting.events, waiting.seconds,
               a.pid, COALESCE(a.datname, p.database), COALESCE(a.usename, p.owner), a.application_name,
               CASE WHEN p.gid IS NOT NULL THEN 'prepared' ELSE a.state END,
               EXTRACT(EPOCH FROM now() - COALESCE(a.xact_start, p.prepared))::float8,
               (a.pid IS NOT NULL OR p.gid IS NOT NULL)
        FROM horizon CROSS JOIN waiting
        LEFT JOIN pg_catalog.pg_stat_activity a ON a.backend_xid = pg_catalog.xid(horizon.xid)
        LEFT JOIN pg_catalog.pg_prepared_xacts p ON p.transaction = pg_catalog.xid(horizon.xid)
        LIMIT 1
        """

    /// What holds the horizon back now, and what waits behind it.
    public func heldBackHorizon() throws -> HeldBackHorizon {
        let row = try connection.execute(Self.heldBackSQL)[0]
        let waiting: Int64 = try row.get(1)
        var holder: HeldBackHorizon.Holder?
        if try row.get(9, as: Bool.self) {
            holder = HeldBackHorizon.Holder(
                transactionId: try row.uint64(0), pid: try row.decode(3), database: try row.decode(4), user: try row.decode(5),
                applicationName: try row.decode(6), state: try row.decode(7), transactionSeconds: try row.decode(8))
        }
        return HeldBackHorizon(holder: holder, waitingEvents: waiting, heldSeconds: waiting > 0 ? try row.get(2) : 0)
    }
}

extension ProjectionRunner {
    /// What holds the readable horizon back now (see `HeldBackHorizon`).
    public func heldBackHorizon() throws -> HeldBackHorizon { try store.heldBackHorizon() }
}

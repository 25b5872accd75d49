import Foundation
import Postgres

/// How far a standby's replay is behind.
public struct ReplayLag: Sendable, Equatable {
    /// WAL not yet replayed, in bytes.
    public let bytes: Int64
    /// Seconds the replayed state is behind (0 when all WAL is replayed).
    public let seconds: Double

    /// "0 bytes, 0.0 s".
    public var description: String {
        "\(bytes) bytes, \(seconds.formatted(.number.precision(.fractionLength(1)).grouping(.never))) s"
    }

    /// The lag as the standby itself sees it: WAL received but not replayed, and the age of the last
    /// replayed commit while some remains (an idle primary commits nothing, so that age alone would
    /// grow on a standby that is up to date). Nil when `connection` is not a standby.
    ///
    /// It cannot count WAL the standby has not received yet: `LocalReplica.status` asks the primary.
    public static func onStandby(_ connection: Connection) throws -> ReplayLag? {
        let row = try connection.execute("""
            SELECT pg_catalog.pg_is_in_recovery(),
                   COALESCE(pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_last_wal_receive_lsn(),
                                                       pg_catalog.pg_last_wal_replay_lsn()), 0)::bigint,
                   CASE WHEN pg_catalog.pg_last_wal_receive_lsn() <= pg_catalog.pg_last_wal_replay_lsn() THEN 0
                        ELSE COALESCE(EXTRACT(epoch FROM now() - pg_catalog.pg_last_xact_replay_timestamp()), 0)
                   END::float8
            """)[0]
        guard try row.get(0, as: Bool.self) else { return nil }
        return ReplayLag(bytes: max(0, try row.get(1)), seconds: max(0, try row.get(2)))
    }
}

/// What `jointops local replica status` says.
public struct ReplicaStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case notCreated
        case stopped
        case running(pid: Int)
    }

    public let state: State
    /// The primary's walsender state for the standby (`streaming`, `catchup`, …); nil when none is connected.
    public let sender: String?
    /// Measured on the primary: its current WAL position minus the standby's replay position, and
    /// `pg_stat_replication.replay_lag` (0 when it has nothing left to replay).
    public let lag: ReplayLag?

    public var isStreaming: Bool { sender == "streaming" }
}

extension LocalReplica {
    /// Whether the standby runs and streams, and its replay lag as the primary measures it.
    public func status() throws -> ReplicaStatus {
        let state: ReplicaStatus.State
        switch try standby.status() {
        case .notInitialised: state = .notCreated
        case .stopped, .crashed: state = .stopped  // a killed standby: `replica start` starts it again
        case .running(let pid): state = .running(pid: pid)
        }
        guard case .running = try primary.status() else { return ReplicaStatus(state: state, sender: nil, lag: nil) }
        let result = try Connection(primary.conninfo()).execute("""
            SELECT state,
                   pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), replay_lsn)::bigint,
                   CASE WHEN replay_lsn >= pg_catalog.pg_current_wal_lsn() THEN 0
                        ELSE COALESCE(EXTRACT(epoch FROM replay_lag), 0) END::float8
            FROM pg_catalog.pg_stat_replication WHERE usename = $1
            ORDER BY backend_start DESC LIMIT 1
            """, [Self.replicationLogin])
        guard let row = result.first else { return ReplicaStatus(state: state, sender: nil, lag: nil) }
        let lag = try row.decode(1, as: Int64.self).map { ReplayLag(bytes: max(0, $0), seconds: try row.get(2)) }
        return ReplicaStatus(state: state, sender: try row.get(0), lag: lag)
    }
}

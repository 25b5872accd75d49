import Foundation
import Postgres

/// What `jointops local replica status` says.
public struct ReplicaStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case notCreated
        case stopped
        case running(pid: Int)
    }

    /// Why a running standby does not stream.
    public enum NotStreaming: Sendable, Equatable {
        /// The local cluster (its primary) is not running.
        case primaryStopped
        /// Its WAL receiver is connecting (or failing to): `starting`, `waiting`, `restarting`, …
        case receiver(String)
        /// No WAL receiver runs (between its attempts to connect).
        case noReceiver
    }

    public let state: State
    /// Nil while the standby streams (and when it does not run).
    public let notStreaming: NotStreaming?
    /// How far its replay is behind the primary's current WAL position, or why that is unknown; nil when
    /// the standby does not run.
    public let lag: ReplayLag?

    public var isStreaming: Bool { notStreaming == nil && lag != nil }
}

extension LocalReplica {
    /// Whether the standby runs and streams, and its replay lag: the WAL the primary has written that the
    /// standby has not replayed (received or not), and the primary's measure of the time that took.
    public func status() throws -> ReplicaStatus {
        let pid: Int
        switch try standby.status() {
        case .notInitialised: return ReplicaStatus(state: .notCreated, notStreaming: nil, lag: nil)
        case .stopped, .crashed:  // a killed standby: `replica start` starts it again
            return ReplicaStatus(state: .stopped, notStreaming: nil, lag: nil)
        case .running(let running): pid = running
        }
        let standbySession = try LocalCluster.session(conninfo(user: LocalCluster.superuser))
        let receiver: String? = try standbySession.execute("SELECT status FROM pg_catalog.pg_stat_wal_receiver").first?.get(0)
        guard let replay = try StandbyReplay.read(standbySession) else {
            // Promoted (pg_promote): a server of its own now, which replays nothing.
            return ReplicaStatus(state: .running(pid: pid), notStreaming: .noReceiver, lag: nil)
        }
        guard case .running = try primary.status() else {
            return ReplicaStatus(state: .running(pid: pid), notStreaming: .primaryStopped, lag: replay.frozen)
        }
        guard replay.receiving, receiver == "streaming" else {
            return ReplicaStatus(state: .running(pid: pid), notStreaming: receiver.map { .receiver($0) } ?? .noReceiver,
                                 lag: replay.frozen)
        }
        let row = try LocalCluster.session(primary.conninfo()).execute("""
            SELECT pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), $1::pg_lsn)::bigint,
                   (SELECT EXTRACT(epoch FROM replay_lag) FROM pg_catalog.pg_stat_replication WHERE usename = $2
                    ORDER BY backend_start DESC LIMIT 1)::float8
            """, [replay.replayPosition, Self.replicationLogin])[0]
        let bytes = max(0, try row.decode(0, as: Int64.self) ?? replay.receivedNotReplayed)
        return ReplicaStatus(state: .running(pid: pid), notStreaming: nil,
                             lag: replay.lag(bytes: bytes, primarySeconds: try row.decode(1, as: Double.self)))
    }
}

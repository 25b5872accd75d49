import Foundation
import Postgres

/// How far a standby's replay is behind, or why nobody can know.
public enum ReplayLag: Sendable, Equatable {
    /// WAL not yet replayed, in bytes, and how many seconds the replayed state is behind: 0 when all is
    /// replayed; nil when WAL remains but no commit was replayed since the standby started to measure from.
    case measured(bytes: Int64, seconds: Double?)
    /// The standby receives nothing from the primary (it is stopped, unreachable, or no longer has the WAL
    /// the standby needs): what the primary wrote since is unknown, so the lag is too. The figures stand as
    /// of the last commit the standby replayed, nil when it replayed none since it started at `standbyStarted`.
    case notReceiving(lastReplayedCommit: Date?, standbyStarted: Date)

    /// "replay lag 0 bytes, 0.0 s", or why the lag is unknown and how old the figures are.
    public var description: String {
        switch self {
        case .measured(let bytes, let seconds?):
            return "replay lag \(bytes) bytes, \(seconds.formatted(.number.precision(.fractionLength(1)).grouping(.never))) s"
        case .measured(let bytes, nil):
            return "replay lag \(bytes) bytes (no commit replayed since the standby started, so no time to measure from)"
        case .notReceiving(let commit?, _):
            return "replay lag unknown: the standby is not receiving from the primary; "
                + "figures are as of \(ShanghaiTime.iso(commit))"
        case .notReceiving(nil, let started):
            return "replay lag unknown: the standby is not receiving from the primary; "
                + "figures are from before it started at \(ShanghaiTime.iso(started)) (it has replayed no commit since)"
        }
    }

    /// The lag as the standby itself sees it (WAL received but not replayed); nil when `connection` is not
    /// a standby. It cannot count WAL the standby has not received yet: `LocalReplica.status` asks the primary.
    public static func onStandby(_ connection: Connection) throws -> ReplayLag? {
        guard let replay = try StandbyReplay.read(connection) else { return nil }
        return replay.lag(bytes: replay.receivedNotReplayed, primarySeconds: nil)
    }
}

/// What a standby says of its own replay (`pg_stat_wal_receiver` and the recovery functions).
struct StandbyReplay {
    /// Whether its WAL receiver streams from the primary.
    let receiving: Bool
    /// The WAL position it has replayed up to (text, for `pg_lsn` parameters).
    let replayPosition: String?
    /// WAL received but not replayed yet, in bytes.
    let receivedNotReplayed: Int64
    let lastReplayedCommit: Date?
    /// Seconds since `lastReplayedCommit` by the standby's clock.
    let secondsSinceLastCommit: Double?
    let started: Date

    /// Reads it on `connection`; nil when that server is not in recovery (no standby).
    ///
    /// `pg_stat_wal_receiver` has a row only while a WAL receiver process runs; its `status` is NULL to a
    /// login without pg_read_all_stats (an analyst's), which sees only that a receiver runs. Such a
    /// receiver is taken as receiving: it is what it does but for the moments it spends connecting.
    static func read(_ connection: Connection) throws -> StandbyReplay? {
        let row = try connection.execute("""
            SELECT pg_catalog.pg_is_in_recovery(),
                   COALESCE((SELECT status IS NULL OR status = 'streaming' FROM pg_catalog.pg_stat_wal_receiver), false),
                   pg_catalog.pg_last_wal_replay_lsn()::text,
                   COALESCE(pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_last_wal_receive_lsn(),
                                                       pg_catalog.pg_last_wal_replay_lsn()), 0)::bigint,
                   pg_catalog.pg_last_xact_replay_timestamp(),
                   EXTRACT(epoch FROM now() - pg_catalog.pg_last_xact_replay_timestamp())::float8,
                   pg_catalog.pg_postmaster_start_time()
            """)[0]
        guard try row.get(0, as: Bool.self) else { return nil }
        return StandbyReplay(receiving: try row.get(1), replayPosition: try row.decode(2, as: String.self),
                             receivedNotReplayed: max(0, try row.get(3)), lastReplayedCommit: try row.decode(4, as: Date.self),
                             secondsSinceLastCommit: try row.decode(5, as: Double.self), started: try row.get(6))
    }

    /// The lag given `bytes` not replayed yet: unknown while nothing is received; otherwise the seconds the
    /// primary measured (`primarySeconds`), else the age of the last replayed commit while some WAL remains
    /// (an idle primary commits nothing, so that age alone would grow on a standby that is up to date).
    func lag(bytes: Int64, primarySeconds: Double?) -> ReplayLag {
        guard receiving else { return frozen }
        guard bytes > 0 else { return .measured(bytes: 0, seconds: 0) }
        return .measured(bytes: bytes, seconds: (primarySeconds ?? secondsSinceLastCommit).map { max(0, $0) })
    }

    /// The lag of a standby that receives nothing: unknown, with the age of its figures.
    var frozen: ReplayLag { .notReceiving(lastReplayedCommit: lastReplayedCommit, standbyStarted: started) }
}

import ArgumentParser
import Foundation
import JointOps

/// `jointops local replica start|stop|status`: a hot standby of the local cluster for analysts.
struct ReplicaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replica",
        abstract: "A hot standby of the local cluster (streaming replication) for analysts' reports and queries.",
        discussion: Help.discussion("""
            The standby lives in the cluster's folder (replica/), on a socket of its own (replica/run), and
            takes the primary's logins. Reports read it with `jointops report NAME --replica`.
            """, examples: "jointops local replica start", "jointops local replica status"),
        subcommands: [Start.self, Stop.self, Status.self]
    )

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the local cluster with pg_basebackup (first time) and start the standby streaming from it.",
            discussion: Help.discussion(examples:
                "jointops local replica start",
                "jointops local replica start --fresh"))
        @OptionGroup var location: LocalCommand.Location
        @Flag(help: "Discard the standby's files and copy the primary again (e.g. after it fell too far behind).")
        var fresh = false

        func run() throws {
            let replica = LocalReplica(of: location.cluster)
            let outcome = try replica.start(fresh: fresh)
            if outcome.restartedPrimary {
                print("restarted the local cluster to allow streaming replication (wal_level=replica, max_wal_senders=10)")
            }
            let state = outcome.started ? (outcome.created ? "created and started" : "started") : "already running"
            print(state, "— reports: jointops report NAME --replica; psql:", replica.conninfo(user: "LOGIN"))
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the standby (its files stay; start resumes it).",
            discussion: Help.discussion(examples:
                "jointops local replica stop"))
        @OptionGroup var location: LocalCommand.Location

        func run() throws {
            let replica = LocalReplica(of: location.cluster)
            print(LocalCommand.Stop.said(try replica.stop(), folder: replica.standby.root.path, creates: "jointops local replica start"))
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether the standby runs, streams, and how far its replay lags.",
            discussion: Help.discussion(examples:
                "jointops local replica status"))
        @OptionGroup var location: LocalCommand.Location

        func run() throws {
            let replica = LocalReplica(of: location.cluster)
            print(Self.line(try replica.status(), replica))
        }

        /// One line, always the state and then the replay lag or why it is unknown.
        static func line(_ status: ReplicaStatus, _ replica: LocalReplica) -> String {
            let folder = replica.standby.root.path
            switch status.state {
            case .notCreated:
                return "not created yet (\(folder)); run jointops local replica start"
            case .stopped:
                return "stopped (\(folder)), replay lag unknown: the standby is not running; run jointops local replica start"
            case .running(let pid):
                let streaming: String
                switch status.notStreaming {
                case nil: streaming = "streaming"
                case .primaryStopped?: streaming = "not streaming (the local cluster is stopped: start it with jointops local start)"
                case .receiver(let state)?: streaming = "not streaming (its WAL receiver is \(state); see \(replica.standby.logFile.path))"
                case .noReceiver?: streaming = "not streaming (no WAL receiver connected; see \(replica.standby.logFile.path))"
                }
                let lag = status.lag?.description ?? "replay lag unknown: it replays nothing (promoted to a server of its own)"
                return "running, pid \(pid), \(streaming), \(lag) — \(replica.conninfo(user: "LOGIN"))"
            }
        }
    }
}

import Foundation
import Postgres

/// A hot standby of the local cluster, for analysts: their long queries run there, never on the server
/// the officers write to (README "For analysts").
///
/// It is made with `pg_basebackup -R` and follows the primary by streaming replication, in its own
/// folder under the cluster's (`replica/pgdata`, `replica/run`, `replica/postgresql.log`), on its own
/// private socket, with the primary's `pg_hba.conf` and `pg_ident.conf` (copied again by every `start`):
/// the same logins, peer-mapped the same way. The standby's walreceiver logs in to the primary as `jointops_replicator`, a role with
/// REPLICATION and LOGIN only (least privilege: it cannot read a table), peer-mapped to the server's OS
/// user alone and allowed by one `local replication` line of `pg_hba.conf`.
public struct LocalReplica: Sendable {
    public let primary: LocalCluster

    /// The replication login of the primary, for the standby's walreceiver and pg_basebackup.
    public static let replicationLogin = "jointops_replicator"
    static let hbaLine = "local   replication   \(replicationLogin)   peer map=\(LocalCluster.identMap)"

    /// Settings of the standby, in its `postgresql.auto.conf` (`ALTER SYSTEM` on the standby changes them).
    /// hot_standby_feedback: the primary's vacuum keeps the rows a running standby query still reads, so
    /// a long analyst query completes instead of being cancelled by the replay of that vacuum (at the
    /// price of some bloat on the primary while it runs).
    static let standbySettings = [
        ("hot_standby", "on"), ("hot_standby_feedback", "on"), ("wal_receiver_status_interval", "1s"),
        ("listen_addresses", ""), ("cluster_name", "jointops_replica"),
    ]

    public init(of primary: LocalCluster) { self.primary = primary }

    /// The standby as a cluster of its own: its folder, socket, log and `pg_ctl` status.
    public var standby: LocalCluster {
        var standby = LocalCluster(root: primary.root.appendingPathComponent("replica"))
        standby.settings = primary.settings
        return standby
    }

    /// The libpq connection string for the standby's `jointops` database, as `user`.
    public func conninfo(user: String = LocalCluster.projectorLogin) -> String { standby.conninfo(user: user) }

    /// What `start` did.
    public struct Started: Sendable, Equatable {
        /// False when the standby was already running.
        public var started: Bool
        /// True when it made a new standby with pg_basebackup.
        public var created: Bool
        /// True when the primary had to restart to allow streaming replication (wal_level, max_wal_senders).
        public var restartedPrimary: Bool
    }

    /// Starts the primary if needed, prepares it for streaming replication, and makes (first time, or
    /// again with `fresh`) and starts the standby.
    ///
    /// - Throws: `LocalClusterError`, `LocalReplicaError`, `PostgresError`.
    public func start(fresh: Bool = false) throws -> Started {
        try primary.startAndMigrate()
        let restarted = try preparePrimary()
        let standby = self.standby
        if fresh { try standby.destroy() }
        var outcome = Started(started: false, created: false, restartedPrimary: restarted)
        if !standby.isInitialised {
            try createStandby()
            outcome.created = true
        }
        try copyAccessFiles()
        if case .running = try standby.status() {
            // An analyst added since (`jointops analyst add`) may now log in to the standby too.
            _ = try standby.runServerTool("pg_ctl", ["reload", "-D", standby.dataDirectory.path])
            return outcome
        }
        var options: [String] = []
        for (name, value) in standby.settings.sorted(by: { $0.key < $1.key }) { options += ["-c", "\(name)=\(value)"] }
        let result = try standby.runServerTool("pg_ctl", [
            "start", "-w", "-t", "60", "-D", standby.dataDirectory.path, "-l", standby.logFile.path,
            "-o", options.joined(separator: " "),
        ])
        guard result.status == 0 else {
            throw LocalClusterError.startFailed(log: standby.logFile.path, output: result.output)
        }
        outcome.started = true
        return outcome
    }

    /// Stops the standby (its files stay: `start` resumes streaming where it stopped).
    @discardableResult
    public func stop() throws -> LocalCluster.Status { try standby.stop() }

    /// Makes the replication login, its `pg_hba.conf` line and ident mapping, and turns streaming
    /// replication on when the cluster was configured without it.
    ///
    /// - Returns: true when the primary was restarted for it.
    func preparePrimary() throws -> Bool {
        let admin = try LocalCluster.session(primary.conninfo())
        try admin.run("""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '\(Self.replicationLogin)') THEN
                    CREATE ROLE \(Self.replicationLogin) LOGIN REPLICATION;
                    COMMENT ON ROLE \(Self.replicationLogin) IS 'Streaming replication to jointops local replica (no table rights)';
                END IF;
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN NULL;
            END
            $$
            """)
        let hbaFile = primary.dataDirectory.appendingPathComponent("pg_hba.conf")
        let hba = try String(contentsOf: hbaFile, encoding: .utf8)
        if !hba.split(separator: "\n").contains(where: { $0 == Self.hbaLine }) {
            try Self.append("# The local replica's walreceiver (jointops local replica), as the server's OS user only.\n"
                            + Self.hbaLine + "\n", to: hbaFile, after: hba)
        }
        // The walreceiver and pg_basebackup run as the server's OS user; nobody else may log in as it.
        try primary.mapLogin(osUser: primary.serverUser, role: Self.replicationLogin)
        _ = try admin.execute("SELECT pg_catalog.pg_reload_conf()")

        // PostgreSQL's defaults allow it (wal_level replica, 10 senders); a cluster tuned down needs both
        // back, and they take effect on a restart only.
        let row = try admin.execute("""
            SELECT pg_catalog.current_setting('wal_level'), pg_catalog.current_setting('max_wal_senders')::int
            """)[0]
        guard try row.get(0, as: String.self) == "minimal" || row.get(1, as: Int.self) < 2 else { return false }
        _ = try admin.run("ALTER SYSTEM SET wal_level = 'replica'")
        _ = try admin.run("ALTER SYSTEM SET max_wal_senders = 10")
        // `pg_ctl restart` starts the server with the options it was started with (postmaster.opts).
        let result = try primary.runServerTool("pg_ctl", ["restart", "-w", "-t", "60", "-m", "fast",
                                                          "-D", primary.dataDirectory.path, "-l", primary.logFile.path])
        guard result.status == 0 else { throw LocalClusterError.startFailed(log: primary.logFile.path, output: result.output) }
        let after = try LocalCluster.session(primary.conninfo()).execute("SELECT pg_catalog.current_setting('wal_level')")[0]
        guard try after.get(0, as: String.self) != "minimal" else { throw LocalReplicaError.walLevelPinned }
        return true
    }

    /// Copies the primary with pg_basebackup into the standby's folder and writes its settings.
    private func createStandby() throws {
        let standby = self.standby
        let fm = FileManager.default
        try? fm.removeItem(at: standby.root)
        try fm.createDirectory(at: standby.socketDirectory, withIntermediateDirectories: true)
        try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: standby.socketDirectory.path)
        if getuid() == 0 {
            // The standby's server runs as the primary's OS user and must own its files.
            let owner = primary.serverUser
            let result = try ProcessRunner.run("/bin/chown", ["-R", "\(owner):\(owner)", standby.root.path])
            guard result.status == 0 else { throw LocalClusterError.noPostgresUser(output: result.output) }
        }
        let backup = try standby.runServerTool("pg_basebackup", [
            "-h", primary.socketDirectory.path, "-U", Self.replicationLogin, "-D", standby.dataDirectory.path,
            "-R", "-X", "stream", "-c", "fast", "--no-password",
        ])
        guard backup.status == 0 else {
            try? fm.removeItem(at: standby.dataDirectory)
            throw LocalReplicaError.baseBackupFailed(output: backup.output)
        }
        let settings = Self.standbySettings + [("unix_socket_directories", standby.socketDirectory.path)]
        let autoConf = standby.dataDirectory.appendingPathComponent("postgresql.auto.conf")
        let current = try String(contentsOf: autoConf, encoding: .utf8)
        try Self.append("# jointops local replica: a hot standby on its own socket\n"
                        + settings.map { "\($0.0) = '\($0.1)'\n" }.joined(), to: autoConf, after: current)
    }

    /// Gives the standby the primary's `pg_hba.conf` and `pg_ident.conf`: configuration files are not replicated.
    private func copyAccessFiles() throws {
        for name in ["pg_hba.conf", "pg_ident.conf"] {
            let text = try String(contentsOf: primary.dataDirectory.appendingPathComponent(name), encoding: .utf8)
            let file = standby.dataDirectory.appendingPathComponent(name)
            guard let handle = FileHandle(forWritingAtPath: file.path) else { throw LocalClusterError.notTheOwner(file: file.path) }
            defer { try? handle.close() }
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
        }
    }

    /// Appends to a file in place (it keeps its owner, the server's OS user, and its mode).
    private static func append(_ text: String, to file: URL, after current: String) throws {
        guard let handle = FileHandle(forWritingAtPath: file.path) else {
            throw LocalClusterError.notTheOwner(file: file.path)
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(((current.hasSuffix("\n") || current.isEmpty ? "" : "\n") + text).utf8))
    }
}

/// Why the local replica cannot be made or read.
public enum LocalReplicaError: Error, Equatable, CustomStringConvertible {
    case baseBackupFailed(output: String)
    /// wal_level stays `minimal` after a restart: it is set on the server's command line.
    case walLevelPinned
    case notCreated(root: String)
    case notRunning(root: String)

    public var description: String {
        switch self {
        case .baseBackupFailed(let output):
            return "pg_basebackup could not copy the local cluster: \(output.lastLine); see the cluster's postgresql.log"
        case .walLevelPinned:
            return "the local cluster keeps wal_level=minimal (set where it is started): remove that setting and retry"
        case .notCreated(let root):
            return "the local cluster at \(root) has no replica yet: run jointops local replica start"
        case .notRunning(let root):
            return "the local replica at \(root)/replica is not running: run jointops local replica start"
        }
    }
}

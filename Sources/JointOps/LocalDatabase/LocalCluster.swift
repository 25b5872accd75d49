import Foundation

/// JointOps' own PostgreSQL cluster, used when no connection settings are given.
///
/// It lives under the user's data directory and listens on a Unix socket only, in a folder only its
/// owner may enter, with peer authentication through an ident map (`LocalCluster+Access.swift`).
/// initdb and the server refuse to run as root, so for root the cluster belongs to the `postgres` OS
/// user and lives in `/var/lib/jointops` (that user cannot enter `/root`).
public struct LocalCluster: Sendable {
    public let root: URL
    /// Extra server settings (`-c name=value`), e.g. fsync=off for a throw-away test cluster.
    public var settings: [String: String] = [:]

    public static let databaseName = "jointops"
    public static let superuser = "postgres"

    public init(root: URL) { self.root = root }

    /// The default location: `$JOINTOPS_DATA_DIR`, else `/var/lib/jointops` for root, else
    /// `$XDG_DATA_HOME/jointops`, else `~/.local/share/jointops`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["JOINTOPS_DATA_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if getuid() == 0 { return URL(fileURLWithPath: "/var/lib/jointops") }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("jointops")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/jointops")
    }

    public var dataDirectory: URL { root.appendingPathComponent("pgdata") }
    public var socketDirectory: URL { root.appendingPathComponent("run") }
    public var logFile: URL { root.appendingPathComponent("postgresql.log") }

    /// The libpq connection string for a database of this cluster, as `user` (the superuser by default).
    public func conninfo(database: String = LocalCluster.databaseName, user: String = LocalCluster.superuser) -> String {
        "host=\(socketDirectory.path) dbname=\(database) user=\(user)"
    }

    public var isInitialised: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path)
    }

    public enum Status: Equatable, Sendable {
        case notInitialised
        case stopped
        /// Not running, but not shut down cleanly either: the server was killed or crashed. `pid` is the one its
        /// `postmaster.pid` names when it was left behind (nil after an immediate shutdown, which removes the file
        /// but leaves the control file "in production"). The next start recovers from the write-ahead log.
        case crashed(pid: Int?)
        case running(pid: Int)
    }

    public func status() throws -> Status {
        try checkOwner()
        guard isInitialised else { return .notInitialised }
        // pg_ctl checks the pid of postmaster.pid is alive; a clean shutdown removes the file.
        let result = try runServerTool("pg_ctl", ["status", "-D", dataDirectory.path])
        let pid = result.output.split(separator: "PID: ").dropFirst().first
            .flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
        // A killed postmaster stays a zombie until its parent reaps it, and pg_ctl counts a zombie as alive.
        guard result.status == 0, !Self.isZombie(pid) else {
            if let left = leftPid { return .crashed(pid: left) }
            return try shutDownCleanly() ? .stopped : .crashed(pid: nil)
        }
        return .running(pid: pid)
    }

    /// Whether the control file says the last server shut down cleanly (`pg_controldata`'s "shut down");
    /// true when it cannot tell, so a doubt never reads as a crash.
    private func shutDownCleanly() throws -> Bool {
        let result = try runServerTool("pg_controldata", ["-D", dataDirectory.path])
        guard result.status == 0,
              let line = result.output.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("Database cluster state:") })
        else { return true }
        let state = line.dropFirst("Database cluster state:".count).trimmingCharacters(in: .whitespaces)
        return state == "shut down" || state == "shut down in recovery"
    }

    /// Whether process `pid` has exited and awaits its parent (state Z or X in /proc; false without /proc).
    static func isZombie(_ pid: Int) -> Bool {
        guard pid > 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.range(of: ") ", options: .backwards) else { return false }
        return stat[end.upperBound...].first.map { "ZX".contains($0) } ?? false
    }

    /// The pid in `postmaster.pid`, left behind by a server that did not shut down cleanly.
    private var leftPid: Int? {
        guard let text = try? String(contentsOf: dataDirectory.appendingPathComponent("postmaster.pid"), encoding: .utf8)
        else { return nil }
        return text.split(whereSeparator: \.isNewline).first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Starts the server unless it runs (after a crash too), as every command does before connecting.
    public func startIfStopped() throws {
        if case .running = try status() { try secureAccess(reload: true) } else { try start() }
    }

    /// Creates the cluster if needed, starts it if stopped, and creates the `jointops` database.
    ///
    /// Several commands may find the server stopped at once (after a crash, each of them): they queue on
    /// the start lock, the first starts it and the others find it running. Without the lock a second
    /// `pg_ctl start` races the first and fails with advice that contradicts what happened.
    ///
    /// - Returns: true when it had to start the server.
    @discardableResult
    public func start() throws -> Bool {
        try checkOwner()  // before the lock file: another user's folder is not ours to write in
        return try withStartLock(startUnlessRunning)
    }

    private func startUnlessRunning() throws -> Bool {
        if case .running = try status() {
            try secureAccess(reload: true)
            try createDatabaseIfMissing()
            return false
        }
        if case .crashed(let pid?) = try status() { try awaitReaping(of: pid) }
        try prepareDirectories()
        if !isInitialised { try initialise() }
        try secureAccess(reload: false)
        var options = ["-k", socketDirectory.path, "-c", "listen_addresses="]
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) { options += ["-c", "\(name)=\(value)"] }
        let result = try runServerTool("pg_ctl", [
            "start", "-w", "-t", "60", "-D", dataDirectory.path, "-l", logFile.path,
            "-o", options.map(shellQuote).joined(separator: " "),
        ])
        guard result.status == 0 else {
            throw LocalClusterError.startFailed(log: logFile.path, output: result.output)
        }
        try createDatabaseIfMissing()
        return true
    }

    ///
    /// - Returns: the status it found: only `.running` was stopped now.
    @discardableResult
    public func stop() throws -> Status {
        let found = try status()
        guard case .running = found else { return found }
        let result = try runServerTool("pg_ctl", ["stop", "-w", "-m", "fast", "-D", dataDirectory.path])
        guard result.status == 0 else { throw LocalClusterError.stopFailed(output: result.output) }
        return found
    }

    /// Stops the cluster and deletes every file of it.
    public func destroy() throws {
        try? stop()
        try? FileManager.default.removeItem(at: root)
    }

    private func initialise() throws {
        let result = try runServerTool("initdb", [
            "-D", dataDirectory.path, "-U", Self.superuser, "--auth-local=peer", "--auth-host=reject", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-instructions",
        ])
        guard result.status == 0 else { throw LocalClusterError.initdbFailed(output: result.output) }
    }

    private func prepareDirectories() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.createDirectory(at: socketDirectory, withIntermediateDirectories: true)
        if getuid() == 0 && !isInitialised {
            // A new cluster's server runs as `postgres`; it must own its files and reach the folder.
            let result = try ProcessRunner.run("/bin/chown", ["-R", "postgres:postgres", root.path])
            guard result.status == 0 else { throw LocalClusterError.noPostgresUser(output: result.output) }
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)
        }
    }

    private func createDatabaseIfMissing() throws {
        let exists = try runServerTool("psql", [
            "-h", socketDirectory.path, "-U", Self.superuser, "-d", "postgres", "-tAc",
            "SELECT 1 FROM pg_database WHERE datname = 'jointops'",
        ])
        if exists.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1" { return }
        let created = try runServerTool("createdb", ["-h", socketDirectory.path, "-U", Self.superuser, Self.databaseName])
        guard created.status == 0 else { throw LocalClusterError.createdbFailed(output: created.output) }
    }

    /// Runs a PostgreSQL program; as root, as the cluster's owner (`postgres` for a new cluster).
    func runServerTool(_ name: String, _ arguments: [String]) throws -> ProcessRunner.Result {
        let tool = try PostgresBinaries.locate(name)
        if getuid() == 0 {
            return try ProcessRunner.run("/usr/sbin/runuser", ["-u", serverUser, "--", tool] + arguments)
        }
        return try ProcessRunner.run(tool, arguments)
    }

    /// The OS user owning an existing cluster folder (someone may have created it without root), else `postgres`.
    var serverUser: String {
        var info = stat()
        guard stat(root.path, &info) == 0, info.st_uid != 0, let entry = getpwuid(info.st_uid) else { return "postgres" }
        return String(cString: entry.pointee.pw_name)
    }

    private func shellQuote(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "/._-=".contains($0) }
            ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

public enum LocalClusterError: Error, CustomStringConvertible {
    case postgresNotInstalled(tool: String)
    case initdbFailed(output: String)
    case startFailed(log: String, output: String)
    case stopFailed(output: String)
    case createdbFailed(output: String)
    case noPostgresUser(output: String)
    case reloadFailed(output: String)
    case notTheOwner(file: String)
    /// The killed server's process is still there; the new one refuses to start beside it.
    case previousServerLingers(pid: Int)
    /// The data folder exists but belongs to another OS user, or this user cannot read it.
    case belongsToAnother(root: String, owner: String)

    public var description: String {
        switch self {
        case .postgresNotInstalled(let tool):
            return "PostgreSQL's \(tool) was not found: install the server with `sudo apt-get install postgresql` (or set JOINTOPS_PG_BIN to its bin folder)"
        case .initdbFailed(let output):
            return "initdb failed: \(output.lastLine); check that the data folder is writable"
        case .startFailed(let log, let output):
            return "the local PostgreSQL did not start: \(output.lastLine); see \(log)"
        case .stopFailed(let output):
            return "the local PostgreSQL did not stop: \(output.lastLine)"
        case .createdbFailed(let output):
            return "could not create the jointops database: \(output.lastLine)"
        case .noPostgresUser(let output):
            return "running as root needs the `postgres` OS user (installed with the postgresql package): \(output.lastLine)"
        case .reloadFailed(let output):
            return "the local PostgreSQL did not reload its settings: \(output.lastLine)"
        case let .belongsToAnother(root, owner):
            return "the local database at \(root) belongs to \(owner); only its owner may use it "
                + "(or ask them for an analyst login: jointops analyst add)"
        case .previousServerLingers(let pid):
            return "the local PostgreSQL's previous server (pid \(pid)) was killed but its process has not ended yet: "
                + "retry the command in a moment"
        case .notTheOwner(let file):
            return "cannot update \(file): only the local cluster's owner (or root) may; run jointops as that user"
        }
    }
}

extension String {
    var lastLine: String {
        split(whereSeparator: \.isNewline).last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
    }
}

import Foundation
import JointOps

/// A PostgreSQL cluster of one test's own, in a temporary folder, on a Unix socket only.
///
/// For what the shared test server must not suffer: `pg_resetwal` to jump transaction ids, restarts.
/// initdb and the server refuse to run as root, so for root every server program runs as `postgres`.
/// Call `destroy()` when done (it stops the server and deletes the folder).
public struct ThrowawayCluster: Sendable {
    public let root: URL
    public let bin: String

    public var data: String { root.appendingPathComponent("pgdata").path }
    public var socket: String { root.appendingPathComponent("run").path }
    public var log: String { root.appendingPathComponent("postgresql.log").path }

    public func conninfo(database: String = "postgres") -> String { "host=\(socket) dbname=\(database) user=postgres" }

    /// Creates the cluster and starts it.
    public static func start() throws -> ThrowawayCluster {
        // Short: a socket path must fit in 107 bytes.
        let root = URL(fileURLWithPath: "/tmp/jo-xid-" + UUID().uuidString.prefix(8).lowercased())
        let cluster = ThrowawayCluster(root: root, bin: try serverBinaries())
        try FileManager.default.createDirectory(atPath: cluster.socket, withIntermediateDirectories: true)
        if getuid() == 0 { try run("/bin/chown", ["-R", "postgres:postgres", root.path]) }
        try cluster.tool("initdb", ["-D", cluster.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                    "--locale=C.UTF-8", "--no-instructions", "--no-sync"])
        try cluster.startServer()
        return cluster
    }

    public func startServer() throws {
        try tool("pg_ctl", ["start", "-w", "-t", "60", "-D", data, "-l", log,
                            "-o", "-k \(socket) -c listen_addresses= -c fsync=off -c synchronous_commit=off"])
    }

    public func stopServer() throws { try tool("pg_ctl", ["stop", "-w", "-m", "fast", "-D", data]) }

    /// Stops the server and sets the next transaction id (and its epoch, the high 32 bits of an `xid8`),
    /// then starts it again. Pick `xid` below 32768 or a multiple of it: the commit log has a page for
    /// it then (initdb's first one, or a page the server zeroes when that xid is first handed out).
    public func jumpTransactionIds(to xid: UInt32, epoch: UInt32 = 0) throws {
        precondition(xid < 32768 || xid % 32768 == 0, "xid \(xid) has no commit-log page")
        try stopServer()
        try tool("pg_resetwal", ["-x", String(xid), "-e", String(epoch), "-D", data])
        try startServer()
    }

    public func destroy() {
        try? stopServer()
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs a PostgreSQL program; as root, as `postgres`.
    @discardableResult
    public func tool(_ name: String, _ arguments: [String]) throws -> String {
        let path = "\(bin)/\(name)"
        if getuid() == 0 { return try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments) }
        return try Self.run(path, arguments)
    }

    /// `$JOINTOPS_PG_BIN`, else `pg_config --bindir`, else Debian's newest `/usr/lib/postgresql/<n>/bin`.
    public static func serverBinaries() throws -> String {
        let fm = FileManager.default
        if let bin = ProcessInfo.processInfo.environment["JOINTOPS_PG_BIN"], !bin.isEmpty { return bin }
        if let bin = try? run("/usr/bin/env", ["pg_config", "--bindir"]).trimmingCharacters(in: .whitespacesAndNewlines),
           fm.isExecutableFile(atPath: "\(bin)/pg_resetwal") {
            return bin
        }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted(by: >)
        guard let newest = versions.first else { throw ClusterError(output: "no PostgreSQL server programs found") }
        return "/usr/lib/postgresql/\(newest)/bin"
    }

    public struct ClusterError: Error, CustomStringConvertible {
        let output: String
        public var description: String { output }
    }

    /// Runs a program through `ProcessRunner` (posix_spawn): Foundation's `Process` never returns once
    /// a server started by the child inherits its descriptors.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(executable, arguments)
        guard result.status == 0 else {
            throw ClusterError(output: "\(executable) \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }
}

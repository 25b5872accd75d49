import Foundation
import JointOps

/// A PostgreSQL server that tests create their databases on.
///
/// Transaction ids are cluster-wide, and the event store reads only below the oldest transaction still
/// running (DESIGN.md §3): a transaction a test holds open holds back the readers of every database in
/// its cluster. Suites that hold transactions open on purpose therefore run on a private cluster, so
/// the shared one never waits for them, and they never wait for the shared one's tests.
public final class TestCluster: Sendable {
    /// A name for messages: "shared" or the private cluster's name.
    public let name: String
    private let isPrivate: Bool
    private let state: Locked<State>

    private enum State {
        case notStarted(LocalCluster)
        case running(server: String)
        case failed(String)
    }

    private init(name: String, isPrivate: Bool = false, state: State) {
        self.name = name
        self.isPrivate = isPrivate
        self.state = Locked(state)
    }

    /// The run's common server: `JOINTOPS_TEST_SERVER` (a conninfo without dbname, exported by
    /// `scripts/test.sh`), else a throw-away local cluster under /tmp that this helper starts itself.
    public static let shared: TestCluster = {
        let environment = ProcessInfo.processInfo.environment
        if let server = environment["JOINTOPS_TEST_SERVER"], !server.isEmpty {
            return TestCluster(name: "shared", state: .running(server: server))
        }
        let cluster = throwaway(LocalCluster(root: URL(fileURLWithPath: "/tmp/jointops-test-\(getuid())")))
        return TestCluster(name: "shared", state: .notStarted(cluster))
    }()

    /// The private cluster called `name`, started on first use and shared by every suite that asks
    /// for the same name; it is destroyed when the test process exits.
    ///
    /// It lives in `$JOINTOPS_TEST_PRIVATE_CLUSTERS/<name>` (`scripts/test.sh` sets it and removes
    /// what a crashed run left), else `/tmp/jointops-test-<uid>-private/<name>`.
    public static func `private`(named name: String) -> TestCluster {
        privateClusters.withLock { clusters in
            if let cluster = clusters[name] { return cluster }
            let root = privateRoot.appendingPathComponent(name)
            let cluster = TestCluster(name: name, isPrivate: true, state: .notStarted(throwaway(LocalCluster(root: root))))
            clusters[name] = cluster
            return cluster
        }
    }

    /// The connection string without a database name; starts the cluster on first use.
    ///
    /// - Throws: `TestClusterError` when the server cannot be started (tests fail, never skip).
    public func server() throws -> String {
        try state.withLock { state in
            switch state {
            case .running(let server):
                return server
            case .failed(let reason):
                throw TestClusterError(cluster: name, reason: reason)
            case .notStarted(let cluster):
                do {
                    if isPrivate {
                        // Files of an earlier run that crashed: start from nothing.
                        try? cluster.destroy()
                        Self.stopAtExit(cluster)
                    }
                    try cluster.start()
                } catch {
                    state = .failed("\(error)")
                    throw TestClusterError(cluster: name, reason: "\(error)")
                }
                let server = "host=\(cluster.socketDirectory.path) user=\(LocalCluster.superuser)"
                state = .running(server: server)
                return server
            }
        }
    }

    /// The local cluster behind a private test cluster (its files, its ident map); nil for a server
    /// given by `JOINTOPS_TEST_SERVER`. Call `server()` first to start it.
    public var localCluster: LocalCluster? {
        guard isPrivate else { return nil }
        return TestCluster.privateRoot(of: name)
    }

    private static func privateRoot(of name: String) -> LocalCluster {
        throwaway(LocalCluster(root: privateRoot.appendingPathComponent(name)))
    }

    private static let privateClusters = Locked<[String: TestCluster]>([:])
    private static let started = Locked<[LocalCluster]>([])

    private static var privateRoot: URL {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["JOINTOPS_TEST_PRIVATE_CLUSTERS"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        return URL(fileURLWithPath: "/tmp/jointops-test-\(getuid())-private")
    }

    /// Durability is not needed for data that is thrown away, and without it a cluster starts faster.
    private static func throwaway(_ cluster: LocalCluster) -> LocalCluster {
        var cluster = cluster
        // log_connections: tests read which login each session of a command used.
        cluster.settings = ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "log_connections": "on"]
        return cluster
    }

    /// Swift Testing has no end-of-run hook and a `static let` is never deinitialised, so the process's
    /// exit stops the servers. A crash skips `atexit`: `scripts/test.sh` removes those leftovers.
    private static func stopAtExit(_ cluster: LocalCluster) {
        let first = started.withLock { clusters in
            clusters.append(cluster)
            return clusters.count == 1
        }
        if first {
            atexit { TestCluster.destroyStarted() }
        }
    }

    /// Immediate shutdown (SIGQUIT) of every private cluster at once: its data is thrown away, so the
    /// shutdown checkpoint that `pg_ctl stop -m fast` waits for would only cost seconds.
    private static func destroyStarted() {
        let clusters = started.current
        let pidFiles = clusters.map { $0.dataDirectory.appendingPathComponent("postmaster.pid").path }
        let servers = pidFiles.compactMap { file in
            (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n").first.flatMap { pid_t($0) }
        }
        for server in servers { kill(server, SIGQUIT) }
        // The server removes its pid file as it exits; deleting the files before that could confuse it.
        let deadline = Date().addingTimeInterval(10)
        while pidFiles.contains(where: { FileManager.default.fileExists(atPath: $0) }), Date() < deadline {
            usleep(20_000)
        }
        if pidFiles.contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            for server in servers { kill(server, SIGKILL) }  // its backends exit when they see it gone
        }
        for cluster in clusters { try? FileManager.default.removeItem(at: cluster.root) }
    }
}

public struct TestClusterError: Error, CustomStringConvertible {
    public let cluster: String
    public let reason: String

    public var description: String {
        "no test database on the \(cluster) cluster: \(reason) (run the tests with `scripts/test.sh`, or set JOINTOPS_TEST_SERVER)"
    }
}

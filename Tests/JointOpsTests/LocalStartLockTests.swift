import Foundation
import JointOps
import Testing
import TestSupport

/// After a crash, commands that find the local server down at once do not race to start it (issue 13
/// point 4): one starts it, the others wait for it, all say the same thing; `local status` tells the truth.
@Suite("Starting the local server after a crash")
struct LocalStartLockTests {
    /// `jointops` on the local cluster in `root`: no DATABASE_URL, the cluster's folder as JOINTOPS_DATA_DIR.
    func local(_ root: String) -> (CLIRunner, [String: String]) {
        (CLIRunner(database: TestDatabase(name: "", conninfo: "", server: ""), actor: nil),
         ["DATABASE_URL": "", "JOINTOPS_DATA_DIR": root])
    }

    func starts(in log: String) throws -> (starts: Int, refused: Int) {
        let text = try String(contentsOfFile: log, encoding: .utf8)
        return (text.components(separatedBy: "starting PostgreSQL").count - 1,
                text.components(separatedBy: "lock file \"postmaster.pid\" already exists").count - 1)
    }

    /// Whether `pid` has exited (gone, or a zombie its parent has not reaped yet).
    func hasExited(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return kill(pid, 0) != 0 }
        return stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).first.map { "ZX".contains($0) } ?? true
    }

    @Test func fourCommandsAtOnceOnAKilledClusterStartItOnceAndAllSucceed() throws {
        let root = "/tmp/jo-startlock-\(UUID().uuidString.prefix(8).lowercased())"
        var cluster = LocalCluster(root: URL(fileURLWithPath: root))
        cluster.settings = ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"]
        defer { try? cluster.destroy() }
        try cluster.startAndMigrate()
        let (cli, environment) = local(root)
        #expect(try cli.run(["agency", "list"], environment: environment).status == 0)

        let pidFile = try String(contentsOf: cluster.dataDirectory.appendingPathComponent("postmaster.pid"), encoding: .utf8)
        let pid = try #require(pidFile.split(separator: "\n").first.flatMap { Int32($0) })
        kill(pid, SIGKILL)
        try waitUntil("the killed postmaster exited") { hasExited(pid) }
        let status = try cli.run(["local", "status"], environment: environment)
        #expect(status.stdout.hasPrefix("not running, and not shut down cleanly: its server (pid \(pid)) was killed or crashed"),
                "\(status.stdout)")
        #expect(status.stdout.contains("`jointops local start`, or any command, starts it"))
        let before = try starts(in: cluster.logFile.path)

        let results = Locked<[CLIRunner.Result]>([])
        let commands = (0..<4).map { _ in
            TestThread {
                if let result = try? cli.run(["agency", "list"], environment: environment) { results.withLock { $0.append(result) } }
            }
        }
        try commands.forEach { try $0.join() }

        #expect(results.current.count == 4)
        for result in results.current {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == results.current.first?.stdout && result.stderr.isEmpty)
        }
        let after = try starts(in: cluster.logFile.path)
        #expect(after.starts == before.starts + 1, "exactly one process started the server")
        #expect(after.refused == before.refused, "no second start raced the first")
        #expect(try cli.run(["local", "status"], environment: environment).stdout.hasPrefix("running, pid "))
    }

    /// An immediate shutdown (`pg_ctl stop -m immediate`, i.e. SIGQUIT) removes `postmaster.pid` but leaves the
    /// control file "in production": still not a clean shutdown, and `local status` says so (a try-out found it
    /// said "stopped"). A clean stop reads "stopped" again.
    @Test func anImmediateShutdownIsSaidToBeNoCleanShutdownAndACleanStopIsNot() throws {
        let root = "/tmp/jo-immediate-\(UUID().uuidString.prefix(8).lowercased())"
        var cluster = LocalCluster(root: URL(fileURLWithPath: root))
        cluster.settings = ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"]
        defer { try? cluster.destroy() }
        try cluster.startAndMigrate()
        let (cli, environment) = local(root)
        let pidFile = try String(contentsOf: cluster.dataDirectory.appendingPathComponent("postmaster.pid"), encoding: .utf8)
        let pid = try #require(pidFile.split(separator: "\n").first.flatMap { Int32($0) })
        kill(pid, SIGQUIT)
        try waitUntil("the postmaster ended its immediate shutdown") { hasExited(pid) }
        let status = try cli.run(["local", "status"], environment: environment)
        #expect(status.stdout.hasPrefix("not running, and not shut down cleanly: its server was killed or crashed"),
                "\(status.stdout)")
        #expect(try cli.run(["agency", "list"], environment: environment).status == 0, "any command starts and recovers it")
        #expect(try cli.run(["local", "stop"], environment: environment).stdout == "stopped\n")
        #expect(try cli.run(["local", "status"], environment: environment).stdout.hasPrefix("stopped ("))
        #expect(try cli.run(["local", "stop"], environment: environment).stdout == "already stopped (\(root)); nothing to do\n")
        let none = try cli.run(["local", "stop"], environment: ["DATABASE_URL": "", "JOINTOPS_DATA_DIR": root + "-none"])
        #expect(none.status == 0 && none.stdout == "nothing to stop: none was created here (\(root)-none); "
                + "`jointops local start` creates and starts it\n", "\(none.stdout)\(none.stderr)")
    }
}

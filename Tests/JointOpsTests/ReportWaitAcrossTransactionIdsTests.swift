import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// `report --wait` waits for the user's own committed write, however large the transaction ids have
/// grown. Ordered as text, "999" came after "1005": `lastCommittedPosition` picked an old event and the
/// report returned at once without the write (issue 13). Through the binary, on a cluster of its own
/// whose ids `pg_resetwal` jumps past 1,000, 10,000 and 2^32 (the epoch of `xid8`).
@Suite struct ReportWaitAcrossTransactionIdsTests {
    /// (32-bit id, epoch) each phase jumps to before the user writes.
    static let jumps: [(xid: UInt32, epoch: UInt32)] = [(1_000, 0), (10_000, 0), (32_768, 1)]

    @Test func reportWaitIncludesTheUsersOwnWriteAfterTheIdsCrossAThousandTenThousandAndTwoToThe32() throws {
        let cluster = try ThrowawayCluster.start()
        defer { cluster.destroy() }
        try Connection(cluster.conninfo()).run("CREATE DATABASE xids")
        let database = TestDatabase(name: "xids", conninfo: cluster.conninfo(database: "xids"), server: cluster.conninfo())
        let cli = CLIRunner(database: database)
        try Migrator(connection: try database.connect(), migrations: SchemaFiles.migrations()).migrate()
        try cli.ok(["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport", "--at", "2026-01-05"])
        try cli.ok(["officer", "register", "ZF-01", "--name", "王建国", "--agency", "WSZD", "--at", "2026-01-05"])
        // Events with three-digit ids: as text they sort after every id of four digits or more.
        for day in 10...14 {
            try cli.ok(["op", "plan", "--title", "早期整治\(day)", "--lead", "WSZD", "--sector", "blackCar",
                        "--from", "2026-03-\(day)", "--to", "2026-03-28", "--place", "乌苏市火车站广场", "--at", "2026-03-01"])
        }
        try cli.ok(["report", "operations_board"])

        for (phase, jump) in Self.jumps.enumerated() {
            try cluster.jumpTransactionIds(to: jump.xid, epoch: jump.epoch)
            let admin = try database.connect()
            // Begun before the user's write and holding an id: the write stays unreadable until it ends.
            let blocker = try database.connect()
            try blocker.run("BEGIN")
            let blockerId: String = try blocker.execute("SELECT pg_current_xact_id()::text")[0].get(0)
            #expect(UInt64(blockerId)! >= UInt64(jump.epoch) << 32 | UInt64(jump.xid), "the jump to \(jump) took")

            let title = "第\(phase + 1)阶段联合整治"
            try cli.ok(["op", "plan", "--title", title, "--lead", "WSZD", "--sector", "blackCar",
                        "--from", "2026-11-0\(phase + 1)", "--to", "2026-11-28", "--place", "乌苏市汽车站", "--at", "2026-10-20"])
            let report = try BackgroundCLI(cli, ["report", "operations_board", "--wait", "120", "--format", "csv"])
            // Commit only once the report really waits for the horizon (or, were the bug back, has finished).
            try waitUntil("report --wait polls the readable horizon") {
                if report.finished { return true }
                return try admin.execute("""
                    SELECT count(*)::int FROM pg_stat_activity
                    WHERE datname = 'xids' AND query LIKE '%readable_horizon%' AND pid <> pg_backend_pid()
                    """)[0].get(0) > 0
            }
            #expect(!report.finished, "phase \(phase): report --wait returned before the blocker ended")
            try blocker.run("COMMIT")
            let result = try report.result()
            #expect(result.status == 0, "phase \(phase): \(result.stderr)")
            #expect(result.stdout.contains(title), "phase \(phase) (ids past \(jump)): the user's own write is missing")
            #expect(!result.stderr.contains("wait behind a transaction"), "phase \(phase): \(result.stderr)")
        }
    }
}

/// A `jointops` run on a thread of its own, to act while it runs.
final class BackgroundCLI: @unchecked Sendable {
    private let outcome = Locked<Result<CLIRunner.Result, any Error>?>(nil)
    private let thread: TestThread

    init(_ cli: CLIRunner, _ arguments: [String], environment: [String: String] = [:]) throws {
        let outcome = self.outcome
        thread = TestThread {
            let result = Result { try cli.run(arguments, environment: environment) }
            outcome.withLock { $0 = result }
        }
    }

    var finished: Bool { outcome.current != nil }

    func result() throws -> CLIRunner.Result {
        try thread.join("jointops finished", atMost: .seconds(180))
        return try outcome.current!.get()
    }
}

import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// An analyst's query on the standby that runs longer than `max_standby_streaming_delay` while the primary
/// keeps writing and vacuuming the rows it reads (issue 13 point 7): with hot_standby_feedback on (what
/// `local replica start` sets, README "For analysts") it completes; a report whose lock the replay needs is
/// cancelled and says in one line to retry it.
@Suite("Long queries on the standby", .serialized)
struct ReplicaConflictTests {
    /// The analyst's query: it takes its snapshot, then waits for the test's advisory lock before reading the
    /// operations' statuses, so it runs exactly as long as the test holds that lock.
    static let longQuery = """
        SELECT pg_catalog.pg_advisory_lock_shared(4242)::text,
               (SELECT string_agg(status, ',' ORDER BY operation_id) FROM reporting.operations_board)
        """

    @Test func aLongAnalystQueryCompletesWithFeedback() throws {
        try ReplicaFixture.with { fixture in
            #expect(try fixture.starting(["local", "start", "--throwaway"]).status == 0)
            try fixture.recordABatch(prefix: "WS", digit: 1)
            try fixture.ok(["project", "run", "--once"])
            try fixture.ok(["analyst", "add", "li_analyst"])
            let started = try fixture.starting(["local", "replica", "start", "--throwaway"])
            #expect(started.status == 0, "\(started.output)")
            let standby = try fixture.standby()
            // Cancel conflicting queries after 0.1 s instead of 30 s: the test need not wait long for one.
            try standby.run("ALTER SYSTEM SET max_standby_streaming_delay = '100ms'")
            try standby.run("SELECT pg_catalog.pg_reload_conf()")
            let operation = "OP-2023-0001"

            // 1. hot_standby_feedback on: the primary's vacuum keeps the old row versions; the query completes.
            let completed = try runLongQuery(fixture, whilePrimaryWrites: [
                ["op", "join", operation, "WSJJ", "--at", "2023-02-23"], ["op", "launch", operation, "--at", "2023-03-01"],
            ]).get()
            #expect(completed.statuses == "approved", "the query read its snapshot's rows, which the vacuum kept: \(completed)")
            let now = try fixture.ok(["report", "operations_board", "--format", "csv", "--replica"]).stdout
            #expect(now.contains(",launched,"), "the standby itself has replayed the launch: \(now)")
            #expect(completed.seconds > 0.1, "it ran longer than max_standby_streaming_delay")
            print("with hot_standby_feedback on, an analyst query of \(completed.seconds.formatted()) s completed; the delay is 0.1 s")
        }
    }

    /// The replay can need a lock a report holds (a rebuild switching views takes ACCESS EXCLUSIVE on them):
    /// past `max_standby_streaming_delay` the standby cancels the report, which says in one line to retry it.
    ///
    /// Armed without sleeps: the primary locks a table the view reads and the standby's replay takes that
    /// lock; the report then locks the view and waits for the table (seen in the standby's `pg_locks`);
    /// only then does the primary lock the view, whose replay must wait for the report.
    @Test func aReportTheReplayMustCancelSaysInOneLineToRetryIt() throws {
        try ReplicaFixture.with { fixture in
            #expect(try fixture.starting(["local", "start", "--throwaway"]).status == 0)
            try fixture.recordABatch(prefix: "WS", digit: 1)
            try fixture.ok(["project", "run", "--once"])
            let started = try fixture.starting(["local", "replica", "start", "--throwaway"])
            #expect(started.status == 0, "\(started.output)")
            let standby = try fixture.standby(), primary = try fixture.primary()
            try standby.run("ALTER SYSTEM SET max_standby_streaming_delay = '100ms'")
            try standby.run("SELECT pg_catalog.pg_reload_conf()")
            let view = "reporting.operations_board"
            let table = try #require(try baseTables(of: view, on: primary).first)

            try primary.run("BEGIN")
            try primary.run("LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE")
            try fixture.waitForReplay("the standby replayed the primary's lock on \(table)")
            let replayedLock: Bool = try standby.execute("""
                SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE relation = $1::text::regclass
                               AND mode = 'AccessExclusiveLock' AND granted)
                """, [table])[0].get(0)
            #expect(replayedLock, "the standby's replay holds the primary's lock on \(table)")
            let report = Locked<CLIRunner.Result?>(nil)
            let thread = TestThread {
                let result = try? fixture.jointops(["report", "operations_board", "--format", "csv", "--replica"])
                report.withLock { $0 = result }
            }
            try waitUntil("the report holds the view and waits for the table the replay holds") {
                guard report.current == nil else { return true }
                return try standby.execute("""
                    SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks waiting JOIN pg_catalog.pg_locks holding USING (pid)
                                   WHERE waiting.relation = $1::text::regclass AND NOT waiting.granted
                                     AND holding.relation = $2::text::regclass AND holding.granted)
                    """, [table, view])[0].get(0)
            }
            #expect(report.current == nil, "the report waited for the replay's lock: \(String(describing: report.current))")
            try primary.run("LOCK TABLE \(view) IN ACCESS EXCLUSIVE MODE")
            // Replaying that lock waits until the standby cancels the report.
            try fixture.waitForReplay("the standby cancelled the report and replayed the lock on \(view)")
            try thread.join()
            try primary.run("ROLLBACK")

            let result = try #require(report.current)
            #expect(result.status == 4, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.errorLines.count == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("jointops: the standby cancelled this report to replay the primary's changes ("), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("): retry it\n"), "\(result.stderr)")
            let conflicts: Int64 = try standby.execute(
                "SELECT confl_lock FROM pg_catalog.pg_stat_database_conflicts WHERE datname = 'jointops'")[0].get(0)
            #expect(conflicts >= 1, "the standby counted the lock conflict it cancelled the report for")
            print("a report cancelled by a replay conflict: \(result.stderr)", terminator: "")
            // Once the primary let go, the same report runs.
            try fixture.waitForReplay()
            let again = try fixture.jointops(["report", "operations_board", "--format", "csv", "--replica"])
            #expect(again.status == 0, "\(again.stderr)")
        }
    }

    struct Outcome: Sendable { let statuses: String; let seconds: Double }

    /// Starts `longQuery` as the analyst on the standby, and while it waits runs `commands`, a catch-up and a
    /// VACUUM of the tables it reads on the primary, once the standby's feedback covers the query's snapshot;
    /// then waits until the standby has replayed all of it, and only then lets the query go on.
    func runLongQuery(_ fixture: ReplicaFixture, whilePrimaryWrites commands: [[String]]) throws -> Result<Outcome, PostgresError> {
        let standby = try fixture.standby(), primary = try fixture.primary()
        try standby.execute("SELECT pg_catalog.pg_advisory_lock(4242)")
        let conninfo = fixture.replica.conninfo(user: "li_analyst")
        let backend = Locked<Int32?>(nil)
        let outcome = Locked<Result<Outcome, PostgresError>?>(nil)
        let thread = TestThread {
            let start = Date()
            do {
                let analyst = try Connection(conninfo)
                let pid: Int32 = try analyst.execute("SELECT pg_catalog.pg_backend_pid()")[0].get(0)
                backend.withLock { $0 = pid }
                let row = try analyst.execute(Self.longQuery)[0]
                outcome.withLock { $0 = .success(Outcome(statuses: (try? row.get(1)) ?? "",
                                                         seconds: Date().timeIntervalSince(start))) }
            } catch let error as PostgresError {
                outcome.withLock { $0 = .failure(error) }
            } catch {
                outcome.withLock { $0 = .failure(PostgresError(kind: .client, message: "\(error)")) }
            }
        }
        var xmin = ""
        try waitUntil("the analyst's query holds its snapshot and waits for the lock") {
            guard outcome.current == nil else { return true }
            guard let pid = backend.current else { return false }
            let row = try standby.execute("""
                SELECT COALESCE(wait_event_type = 'Lock', false), backend_xmin::text FROM pg_catalog.pg_stat_activity WHERE pid = $1
                """, [pid])[0]
            xmin = (try row.decode(1, as: String.self)) ?? ""
            return try row.get(0, as: Bool.self)
        }
        if let early = outcome.current {
            try thread.join()
            return early
        }
        try waitUntil("the standby's feedback holds the primary's vacuum back to the query's snapshot") {
            try primary.execute("""
                SELECT COALESCE(bool_or(pg_catalog.age(backend_xmin) >= pg_catalog.age($1::text::xid)), false)
                FROM pg_catalog.pg_stat_replication
                """, [xmin])[0].get(0)
        }
        for command in commands { try fixture.ok(command, as: "WS-01") }  // the lead brigade's officer (recordABatch "WS")
        try fixture.ok(["project", "run", "--once"])
        try primary.run("VACUUM \(try baseTables(of: "reporting.operations_board", on: primary).joined(separator: ", "))")
        try fixture.waitForReplay("the standby replayed the primary's vacuum")
        try standby.execute("SELECT pg_catalog.pg_advisory_unlock(4242)")
        try thread.join()
        return try #require(outcome.current)
    }

    /// The projection tables a `reporting` view reads directly.
    func baseTables(of view: String, on connection: Connection) throws -> [String] {
        try connection.execute("""
            SELECT DISTINCT d.refobjid::regclass::text FROM pg_catalog.pg_rewrite r
            JOIN pg_catalog.pg_depend d ON d.objid = r.oid AND d.classid = 'pg_rewrite'::regclass
            JOIN pg_catalog.pg_class c ON c.oid = d.refobjid AND c.relkind = 'r'
            WHERE r.ev_class = $1::text::regclass ORDER BY 1
            """, [view]).rows.map { try $0.get(0) }
    }
}

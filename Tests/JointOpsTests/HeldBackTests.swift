import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Transaction ids are cluster-wide: a transaction still running in another database of the cluster
/// holds this database's committed events back from followers (DESIGN.md §3). A reader of its own
/// writes waits for them; one that cannot wait long says so.
///
/// Both databases live on a private cluster, so the blocker holds back no other suite; serialized, so
/// each test's events are held back by its own blocker alone.
@Suite("Held-back events", .serialized)
struct HeldBackTests {
    static let cluster = TestCluster.private(named: "held-back")

    /// A transaction in `database` that has its transaction id, begun before the test appends.
    func openTransaction(in database: TestDatabase) throws -> Connection {
        let blocker = try database.connect()
        try blocker.run("BEGIN")
        try blocker.run("SELECT pg_current_xact_id()")
        return blocker
    }

    func caseRows(_ connection: Connection) throws -> Int {
        try connection.execute("SELECT count(*)::int FROM reporting.case_register")[0].get(0)
    }

    @Test func catchingUpWithCommittedEventsWaitsForAnotherDatabasesTransaction() throws {
        try TestDatabase.with(on: Self.cluster) { other in
            try TestDatabase.with(on: Self.cluster) { db in
                let blocker = try openTransaction(in: other)
                var workload = ProjectionWorkload(seed: 31)
                try ProjectionWorkload.append(workload.streams(cases: 10), to: db.conninfo, writers: 1)
                let connection = try db.connect()
                let runner = ProjectionRunner(connection: connection)
                try runner.install()
                try runner.catchUp()
                #expect(try caseRows(connection) == 0, "committed, but held back behind the other database's transaction")
                #expect(try runner.catchUpWithCommitted(waitingAtMost: .milliseconds(200)) == false)

                let waited = Locked<Result<Bool, any Error>?>(nil)
                let waiterBackend = Locked<Int32?>(nil)
                let conninfo = db.conninfo
                let waiter = TestThread {
                    let result = Result<Bool, any Error> {
                        let connection = try Connection(conninfo)
                        waiterBackend.withLock { $0 = try? connection.execute("SELECT pg_backend_pid()")[0].get(0) }
                        return try ProjectionRunner(connection: connection).catchUpWithCommitted(waitingAtMost: .seconds(60))
                    }
                    waited.withLock { $0 = result }
                }
                // Commit only once the waiter really waits: its backend has asked for the horizon.
                try waitUntil("the waiter polls the readable horizon") {
                    guard let backend = waiterBackend.current else { return waited.current != nil }
                    return try connection.execute("""
                        SELECT count(*)::int FROM pg_stat_activity WHERE pid = $1 AND query LIKE '%readable_horizon%'
                        """, [backend])[0].get(0) == 1
                }
                #expect(waited.current == nil, "the waiter was still waiting when the blocker committed")
                try blocker.run("COMMIT")
                try waiter.join()
                #expect(try waited.current?.get() == true)
                #expect(try caseRows(connection) == 10)
            }
        }
    }

    /// Why the blockers here live on a private cluster: a transaction open on another cluster holds
    /// nothing back.
    @Test func aTransactionOpenOnAnotherClusterHoldsNothingBack() throws {
        try TestDatabase.with(on: Self.cluster) { other in
            try TestDatabase.with(on: .shared) { db in
                let blocker = try openTransaction(in: other)
                var workload = ProjectionWorkload(seed: 33)
                try ProjectionWorkload.append(workload.streams(cases: 5), to: db.conninfo, writers: 1)
                let connection = try db.connect()
                let runner = ProjectionRunner(connection: connection)
                try runner.install()
                #expect(try runner.catchUpWithCommitted(waitingAtMost: .seconds(60)) == true)
                #expect(try caseRows(connection) == 5, "read while the other cluster's transaction is still open")
                try blocker.run("ROLLBACK")
            }
        }
    }

    @Test func aReportSaysWhenCommittedEventsStayHeldBack() throws {
        try TestDatabase.with(on: Self.cluster) { other in
            try TestDatabase.with(on: Self.cluster) { db in
                let cli = CLIRunner(database: db)
                let blocker = try openTransaction(in: other)
                var workload = ProjectionWorkload(seed: 32)
                try ProjectionWorkload.append(workload.streams(cases: 5), to: db.conninfo, writers: 1)

                // A short wait: the report gives up on the held-back events and says so.
                let held = try cli.run(["report", "case_register", "--format", "csv", "--wait", "0.3"])
                #expect(held.status == 0)
                #expect(held.errorLines.count == 1)
                #expect(held.stderr.contains("over 0.3 s") && held.stderr.contains("jointops project status"))
                #expect(held.stdout.split(whereSeparator: \.isNewline).count == 1, "only the header: the cases are held back")

                try blocker.run("COMMIT")
                let complete = try cli.ok(["report", "case_register", "--format", "csv"])
                #expect(complete.stderr.isEmpty)
                #expect(complete.stdout.split(whereSeparator: \.isNewline).count == 6, "the header and 5 cases")
            }
        }
    }
}

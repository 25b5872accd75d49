import Foundation
import Postgres
import Testing
import TestSupport

/// `project run` has no statement limit, so a statement the server never answers (a frozen backend, or one
/// waiting on a lock nobody releases) used to hold it, SIGTERM included, for as long as it lasted. Its waits
/// now look at the stop request: SIGTERM ends it promptly, and the batch it was applying is not committed.
@Suite("Projector stop during a statement", .serialized)
struct ProjectorStatementStopTests {
    @Test func aSIGTERMWhileAStatementWaitsOnTheServerEndsTheProjectorPromptlyAndCommitsNothingOfThatBatch() throws {
        try ProjectorFaultTests.withCluster { _, database, cli in
            let projector = try LoggedProcess(cli, ["project", "run"])
            try projector.waitForLine(containing: "caught up")
            let admin = try database.connect()
            let table: String = try admin.execute("""
                SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
                WHERE schemaname = 'projections' AND tablename ~ '^operations_v[0-9]+$'
                ORDER BY substring(tablename FROM '[0-9]+$')::int DESC LIMIT 1
                """).rows[0].get(0)
            // The projector's next batch writes this table: it waits on the lock for as long as the test holds it.
            // SHARE, not ACCESS EXCLUSIVE: that one takes a transaction id, which would hold the event back instead.
            try admin.run("BEGIN; LOCK TABLE \(table) IN SHARE MODE")
            try cli.ok(ProjectorFaultTests.plan("火车站周边黑车整治", commandId: UUID()))
            try waitUntil("the projector's statement waits on the lock", atMost: .seconds(60)) {
                let waiting: Int64 = try admin.execute(
                    "SELECT count(*) FROM pg_locks WHERE relation = $1::text::regclass AND NOT granted", [table]).rows[0].get(0)
                return waiting >= 1
            }
            let start = ContinuousClock.now
            let status = try projector.terminate()
            let took = start.duration(to: .now)
            #expect(status == 0)
            #expect(took < .seconds(3), "SIGTERM took \(took) to end it")
            #expect(projector.all.last?.text.contains("stopped on request") == true, "\(projector.all.map(\.text))")
            try admin.run("ROLLBACK")
            // Nothing of the interrupted batch was committed: the operation is still to be applied, and is, once.
            let status2 = try cli.run(["project", "status", "--format", "csv"])
            #expect(status2.status == 0)
            let operations = status2.stdout.split(separator: "\r\n").first { $0.hasPrefix("operations,") }
            #expect(operations?.split(separator: ",")[3] == "1", "\(status2.stdout)")
            try cli.ok(["project", "run", "--once"])
            let list = try cli.run(["op", "list", "--format", "csv"])
            #expect(list.stdout.components(separatedBy: "火车站周边黑车整治").count == 2, "\(list.stdout)")
        }
    }
}

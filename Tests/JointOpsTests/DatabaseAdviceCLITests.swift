import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// What the command line says when the database cannot serve a command, as the command needs it (issue 13
/// points 3 and 4): a read that timed out changed nothing, a write is retried with its command id; a server
/// that is stopped or still recovering is said in our words, never libpq's. Each test on a cluster of its own.
@Suite("Database advice fits the command")
struct DatabaseAdviceCLITests {
    let faults = DatabaseFaultCLITests()

    /// Holds the log's table locked, so that any command reading or writing it waits, until `body` ends.
    func withTheLogLocked(_ cluster: ThrowawayCluster, _ body: () throws -> Void) throws {
        let holder = try Connection(cluster.conninfo(database: "jointops"))
        try holder.run("BEGIN; LOCK TABLE eventstore.events IN ACCESS EXCLUSIVE MODE")
        try body()
        try holder.run("ROLLBACK")
    }

    @Test func aReadThatTimesOutSaysNothingWasChanged() throws {
        try faults.withDatabase { cluster, cli, _ in
            try withTheLogLocked(cluster) {
                let (line, _) = try faults.unavailable(cli, ["events", "list"], ["JOINTOPS_STATEMENT_TIMEOUT": "1"])
                #expect(line.hasPrefix("jointops: timed out: PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 did not answer "
                                       + "within 1 s;"), "\(line)")
                #expect(line.hasSuffix(": this command only reads, so nothing was changed: check that the server is not "
                                       + "overloaded, then retry it; JOINTOPS_STATEMENT_TIMEOUT sets the limit in seconds"), "\(line)")
                #expect(!line.contains("write"), "\(line)")
            }
        }
    }

    @Test func aWriteThatTimesOutSaysToRetryWithTheSameCommandIdWhichThenRecordsItOnce() throws {
        try faults.withDatabase { cluster, cli, _ in
            let id = UUID().uuidString.lowercased()
            let write = DatabaseFaultCLITests.secondAgency + ["--command-id", id]
            try withTheLogLocked(cluster) {
                let (line, _) = try faults.unavailable(cli, write, ["JOINTOPS_STATEMENT_TIMEOUT": "1"])
                #expect(line.hasSuffix(": the write may have been cut short or just recorded: retry the command with the same "
                                       + "--command-id \(id), which records it exactly once; JOINTOPS_STATEMENT_TIMEOUT sets "
                                       + "the limit in seconds"), "\(line)")
            }
            try cli.ok(write)
            try cli.ok(write)
            #expect(try DatabaseFaultCLITests.events(cluster) == 2, "the first agency and the retried one, once")
        }
    }

    @Test func aStoppedServerIsSaidToBeNotRunningWithWhatToDo() throws {
        try faults.withDatabase { cluster, cli, _ in
            try cluster.stopServer()
            let (line, _) = try faults.unavailable(cli, ["agency", "list"])
            #expect(line == "jointops: PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 is not running (nothing answers "
                    + "there): check that the server DATABASE_URL names is running and reachable from here, then retry the "
                    + "command (nothing was changed)")
            try cluster.startServer()
        }
    }

    @Test func aServerStillRecoveringIsSaidToAcceptNoConnectionsYet() throws {
        try faults.withDatabase { cluster, cli, _ in
            try cluster.stopServer()
            FileManager.default.createFile(atPath: cluster.data + "/standby.signal", contents: Data())
            _ = try cluster.tool("pg_ctl", ["start", "-W", "-D", cluster.data, "-l", cluster.log,
                                            "-o", "-k \(cluster.socket) -c listen_addresses= -c hot_standby=off"])
            var line = ""
            try waitUntil("the server answers and refuses connections") {
                line = try faults.unavailable(cli, ["agency", "list"]).0
                return !line.contains("is not running")
            }
            #expect(line == "jointops: PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 is starting up, recovering after "
                    + "a crash or shutting down, and accepts no connections yet: retry the command in a moment (nothing "
                    + "was changed)")
            try cluster.stopServer()
        }
    }
}

import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// A try-out found `project run` deaf to SIGTERM while connecting to a server that accepts the socket and
/// never answers (a SIGSTOPped postmaster): it ended only once the server answered. Its connect now has a
/// limit of its own and gives up at once on SIGINT/SIGTERM. On a cluster of its own (it stops the postmaster).
@Suite("Projector stop while connecting", .serialized)
struct ProjectorConnectStopTests {
    /// Connections waiting in the accept queue of the listening socket at `path` (`ss`'s Recv-Q of a listener).
    static func pendingConnections(at path: String) throws -> Int {
        let output = try ThrowawayCluster.run("/usr/bin/ss", ["-xlH", "src", path])
        let columns = output.split(whereSeparator: \.isWhitespace)
        return columns.count > 2 ? Int(columns[2]) ?? 0 : 0
    }

    @Test func aSIGTERMWhileConnectingToAStoppedPostmasterEndsTheProjectorPromptlyWithOneLine() throws {
        try ProjectorFaultTests.withCluster { cluster, _, cli in
            try cluster.withPostmasterStopped {
                let projector = try LoggedProcess(cli, ["project", "run"])
                // Its connection waits in the stopped postmaster's accept queue: the trap is armed.
                try waitUntil("the projector's connection waits on the stopped postmaster") {
                    try Self.pendingConnections(at: "\(cluster.socket)/.s.PGSQL.5432") >= 1
                }
                let start = ContinuousClock.now
                let status = try projector.terminate()
                let took = start.duration(to: .now)
                #expect(status == 0)
                #expect(took < .seconds(3), "SIGTERM took \(took) to end it")
                let lines = projector.all.map(\.text)
                #expect(lines.count == 1 && lines.last?.hasSuffix(
                    "projector stopped on request while disconnected; checkpoints stand as last committed") == true, "\(lines)")
            }
        }
    }

    @Test func aProjectorWhoseConnectTimesOutSaysSoAndTriesAgain() throws {
        try ProjectorFaultTests.withCluster { cluster, _, cli in
            try cluster.withPostmasterStopped {
                let projector = try LoggedProcess(cli, ["project", "run"], environment: ["JOINTOPS_CONNECT_TIMEOUT": "1"])
                let line = try projector.waitForLine(containing: "reconnecting")
                #expect(projector.all[line].text.hasSuffix("s: PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 did not "
                                                           + "accept the connection within 1 s"), "\(projector.all[line].text)")
                #expect(try projector.terminate() == 0)
            }
            // Resumed, the server serves the next projector at once.
            let projector = try LoggedProcess(cli, ["project", "run"])
            try projector.waitForLine(containing: "caught up")
            #expect(try projector.terminate() == 0)
        }
    }
}

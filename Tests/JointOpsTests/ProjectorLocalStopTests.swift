import Foundation
import JointOps
import Testing
import TestSupport

/// A try-out found `jointops local stop` failing while `project run` followed the local cluster: the
/// projector's reconnect started the server again 0.1 s after it stopped. Only the projector's first
/// connection may start the local server; after that it waits for whoever stopped it.
@Suite struct ProjectorLocalStopTests {
    @Test func localStopStopsTheServerUnderAFollowingProjectorWhichWaitsForIt() throws {
        try ReplicaFixture.with { fixture in
            #expect(try fixture.starting(["local", "start", "--throwaway"]).status == 0)
            let cli = CLIRunner(database: TestDatabase(name: "local", conninfo: "", server: ""))
            let local = ["DATABASE_URL": "", "JOINTOPS_DATA_DIR": fixture.cluster.root.path]
            let projector = try LoggedProcess(cli, ["project", "run"], environment: local)
            try projector.waitForLine(containing: "caught up")

            let stop = try fixture.jointops(["local", "stop"])
            #expect(stop.status == 0, "\(stop.stderr)")
            // Two attempts after the stop (0.2 s, then 0.4 s apart): had one started the server, it would run now.
            let first = try projector.waitForLine(containing: "reconnecting")
            try projector.waitForLine(containing: "reconnecting", after: first + 1)
            let status = try fixture.jointops(["local", "status"])
            #expect(!status.stdout.contains("running, pid"), "\(status.stdout)")
            #expect(try projector.terminate() == 0)
        }
    }
}

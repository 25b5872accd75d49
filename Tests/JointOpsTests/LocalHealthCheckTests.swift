import Foundation
import JointOps
import Testing
import TestSupport

/// A try-out found `project status --check` starting a stopped local cluster and then reporting it
/// healthy. A check reports what it finds: with the local server stopped, `project status` (with or
/// without --check) says so in one line and exits 5, and the server stays stopped.
@Suite struct LocalHealthCheckTests {
    @Test func theHealthCheckAndProjectStatusNeverStartAStoppedLocalServer() throws {
        try ReplicaFixture.with { fixture in
            #expect(try fixture.starting(["local", "start", "--throwaway"]).status == 0)
            #expect(try fixture.starting(["project", "run", "--once"]).status == 0)
            #expect(try fixture.starting(["project", "status", "--check"]).status == 0, "healthy while it runs")
            #expect(try fixture.jointops(["local", "stop"]).status == 0)

            let socket = fixture.cluster.socketDirectory.path + "/.s.PGSQL.5432"
            for arguments in [["project", "status", "--check"], ["project", "status"]] {
                // Through posix_spawn like a start: had the command started the server, it would not hang a pipe.
                let result = try fixture.starting(arguments)
                #expect(result.status == 5, "\(arguments): \(result.output)")
                #expect(result.output == "jointops: PostgreSQL at socket \(socket) is not running (nothing answers there): "
                        + "start it with `jointops local start`, then retry the command (nothing was changed)\n", "\(arguments)")
                #expect(try fixture.cluster.status() == .stopped, "\(arguments) left the server stopped")
            }
            // An ordinary command still starts the local server when needed.
            #expect(try fixture.starting(["events", "list"]).status == 0)
            if case .running = try fixture.cluster.status() {} else { Issue.record("`events list` started the server") }
        }
    }
}

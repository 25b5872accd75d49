import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// `jointops project status --check` (issue 13 point 3), the projector service's healthcheck: exit 0 with one
/// line while the projections keep up, exit 3 with one line naming the limit passed (lag in events or seconds,
/// held-back time, quarantined streams), limits as options or environment variables.
@Suite struct ProjectHealthCheckCLITests {
    static let plan = ["op", "plan", "--title", "火车站周边黑车联合整治", "--lead", "WSZD", "--sector", "blackCar",
                       "--from", "2026-12-02", "--to", "2026-12-20", "--place", "乌苏市火车站广场", "--at", "2026-12-01"]

    static func register(_ cli: CLIRunner) throws {
        try cli.ok(["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport", "--at", "2026-01-05"])
        try cli.ok(["officer", "register", "ZF-01", "--name", "王建国", "--agency", "WSZD", "--at", "2026-01-05"])  // who plans
    }

    @Test func theCheckPassesWhenCaughtUpAndFailsPastTheLagLimitGivenAsAnOptionOrInTheEnvironment() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try Self.register(cli)
            try cli.ok(["project", "run", "--once"])
            let healthy = try cli.run(["project", "status", "--check"])
            #expect(healthy.status == 0, "\(healthy.stderr)")
            #expect(healthy.stdout.hasPrefix("projections healthy: 0 events behind") && healthy.stdout.split(separator: "\n").count == 1,
                    "\(healthy.stdout)")

            try cli.ok(Self.plan)
            let behind = try cli.run(["project", "status", "--check", "--max-lag-events", "0"])
            #expect(behind.status == 3)
            #expect(behind.errorLines.count == 1 && behind.stdout.isEmpty, "\(behind.stderr)")
            #expect(behind.stderr.hasPrefix("jointops: projections unhealthy: ") && behind.stderr.contains(" is 1 event behind (limit 0)"),
                    "\(behind.stderr)")
            let fromEnvironment = try cli.run(["project", "status", "--check"], environment: ["JOINTOPS_CHECK_MAX_LAG_EVENTS": "0"])
            #expect(fromEnvironment.status == 3 && fromEnvironment.stderr == behind.stderr, "\(fromEnvironment.stderr)")
            let optionWins = try cli.run(["project", "status", "--check", "--max-lag-events", "100"],
                                         environment: ["JOINTOPS_CHECK_MAX_LAG_EVENTS": "0"])
            #expect(optionWins.status == 0, "\(optionWins.stderr)")
            let tooOld = try cli.run(["project", "status", "--check", "--max-lag-seconds", "0"])
            #expect(tooOld.status == 3 && tooOld.stderr.contains("the oldest event not yet projected has waited"), "\(tooOld.stderr)")

            try cli.ok(["project", "run", "--once"])
            #expect(try cli.run(["project", "status", "--check", "--max-lag-events", "0"]).status == 0)
        }
    }

    @Test func theCheckFailsWhileAStreamIsQuarantinedUnlessTheLimitAllowsIt() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try OperationOutcomesCLITests.operation(cli)
            try cli.ok(["project", "run", "--once"])
            try QuarantineCLITests.storeDirectly(database, copyOf: "FieldSessionRecorded", setting: "{session,sessionId}",
                                                 to: "99999999999999999999")
            // A following projector says so in one line (the event cannot be decoded: 22000), and goes on.
            let projector = try LoggedProcess(cli, ["project", "run"])
            let line = try projector.waitForLine(containing: "quarantined stream \(QuarantineCLITests.op) in operations from FieldSessionRecorded@")
            #expect(projector.all[line].text.contains("(SQLSTATE 22000); `jointops project retry` replays it once fixed"),
                    "\(projector.all[line].text)")
            try projector.waitForLine(containing: "caught up")
            #expect(try projector.terminate() == 0)
            let quarantined = try cli.run(["project", "status", "--check"])
            #expect(quarantined.status == 3)
            #expect(quarantined.errorLines == ["jointops: projections unhealthy: 1 stream is quarantined (limit 0)"])
            let allowed = try cli.run(["project", "status", "--check"], environment: ["JOINTOPS_CHECK_MAX_QUARANTINED": "1"])
            #expect(allowed.status == 0 && allowed.stdout.hasSuffix("1 quarantined stream\n"), "\(allowed.stderr)")
        }
    }

    @Test(arguments: [(["--max-lag-events", "-5"], [String: String]()), (["--max-lag-events", "-1"], [:]),
                      (["--max-lag-seconds", "-0.5"], [:]), (["--max-quarantined=-1"], [:]),
                      ([], ["JOINTOPS_CHECK_MAX_HELD_BACK_SECONDS": "五分钟"])])
    func aLimitThatIsNotANumberOfZeroOrMoreIsAUsageError(options: [String], environment: [String: String]) throws {
        // No database is needed to refuse it.
        let cli = CLIRunner(database: TestDatabase(name: "none", conninfo: "host=/nonexistent-jointops dbname=x", server: ""))
        let result = try cli.run(["project", "status", "--check"] + options, environment: environment)
        #expect(result.status == 2)
        #expect(result.errorLines.count == 1, "\(result.stderr)")
        if let option = options.first?.split(separator: "=").first {
            // A negative number reaches the check instead of the parser's "Missing value".
            #expect(result.errorLines.first?.hasPrefix("jointops: \(option) must be 0 or more, e.g. \(option) 300") == true,
                    "\(result.stderr)")
        } else {
            #expect(result.stderr.contains("JOINTOPS_CHECK_MAX_HELD_BACK_SECONDS"), "\(result.stderr)")
        }
    }

    @Test(arguments: [["--max-lag-events", "10"], ["--max-lag-seconds", "0"], ["--max-held-back-seconds", "60"],
                      ["--max-quarantined", "1"]])
    func aLimitWithoutTheCheckIsAUsageErrorRatherThanIgnored(options: [String]) throws {
        let cli = CLIRunner(database: TestDatabase(name: "none", conninfo: "host=/nonexistent-jointops dbname=x", server: ""))
        let result = try cli.run(["project", "status"] + options)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1, "\(result.stderr)")
        #expect(result.errorLines.first?.hasPrefix("jointops: \(options[0]) is a limit of the health check: add --check") == true,
                "\(result.stderr)")
    }
}

/// A long transaction makes a following projector say it is waiting, and the health check fail; when it
/// ends, the projector catches up. On a private cluster: the blocker would hold back every other suite.
@Suite("The projector's held-back state", .serialized)
struct ProjectorHeldBackTests {
    static let cluster = TestCluster.private(named: "health")

    @Test func aFollowerHeldBackByALongTransactionLogsWaitingAndTheCheckFailsUntilItEnds() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let cli = CLIRunner(database: database)
            try ProjectHealthCheckCLITests.register(cli)
            let projector = try LoggedProcess(cli, ["project", "run"], environment: ["JOINTOPS_HELD_BACK_WARN_SECONDS": "0"])
            try projector.waitForLine(containing: "caught up")
            let blocker = try Connection("\(database.conninfo) application_name=jo-health-blocker")
            try blocker.run("BEGIN")
            let xid: String = try blocker.execute("SELECT pg_current_xact_id()::text")[0].get(0)
            try cli.ok(ProjectHealthCheckCLITests.plan)

            let waiting = try projector.waitForLine(containing: "waiting: 1 committed event has waited")
            #expect(projector.all[waiting].text.contains("behind transaction \(xid) ("), "\(projector.all[waiting].text)")
            let check = try cli.run(["project", "status", "--check", "--max-held-back-seconds", "0"])
            #expect(check.status == 3 && check.stderr.contains("behind a running transaction (limit 0 s)"), "\(check.stderr)")

            try blocker.run("COMMIT")
            try projector.waitForLine(containing: "caught up", after: waiting)
            #expect(try projector.terminate() == 0)
            #expect(try cli.run(["project", "status", "--check", "--max-lag-events", "0"]).status == 0)
        }
    }
}

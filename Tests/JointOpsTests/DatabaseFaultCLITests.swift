import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// A database that is slow, gone, read-only or full, as an officer at the command line meets it (issue 13
/// points 4 and 8): one line saying what happened and what to do, exit 5, nothing recorded. Each test runs
/// on a cluster of its own, since it stops, kills or fills it.
@Suite("Database faults at the command line")
struct DatabaseFaultCLITests {
    /// How long past the deadline the command may take: process start-up, and the cancel's 2 s at most.
    static let margin: Duration = .seconds(5)

    /// A throw-away cluster with a migrated `jointops` database and, when `registered`, one agency.
    func withDatabase(registered: Bool = true, _ body: (ThrowawayCluster, CLIRunner, Connection) throws -> Void) throws {
        let cluster = try ThrowawayCluster.start()
        defer { cluster.destroy() }
        // The throw-away cluster commits asynchronously (fast tests); an immediate stop would then lose writes that
        // reported success, which is not what these tests are about.
        let server = try Connection(cluster.conninfo())
        try server.run("CREATE DATABASE jointops")
        try server.run("ALTER DATABASE jointops SET synchronous_commit = on")
        let cli = CLIRunner(database: TestDatabase(name: "jointops", conninfo: cluster.conninfo(database: "jointops"),
                                                   server: "host=\(cluster.socket) user=postgres"))
        try cli.ok(["db", "migrate"])
        if registered { try cli.ok(Self.firstAgency) }
        try body(cluster, cli, try Connection(cluster.conninfo(database: "jointops")))
    }

    static let firstAgency = ["agency", "register", "WSJT", "--name", "乌苏市交通运输局", "--kind", "transport", "--at", "2023-01-03"]
    static let secondAgency = ["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport",
                               "--at", "2023-01-03"]

    static func events(_ cluster: ThrowawayCluster) throws -> Int {
        try Connection(cluster.conninfo(database: "jointops")).execute("SELECT count(*) FROM eventstore.events")[0].int(0)
    }

    /// Runs `arguments`, checking it failed with exit 5 in one line; returns the line and how long it took.
    func unavailable(_ cli: CLIRunner, _ arguments: [String], _ environment: [String: String] = [:],
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> (String, Duration) {
        try expectUnavailable(timing(cli, arguments, environment), sourceLocation: sourceLocation)
    }

    func timing(_ cli: CLIRunner, _ arguments: [String], _ environment: [String: String] = [:]) throws -> (CLIRunner.Result, Duration) {
        let start = ContinuousClock.now
        let result = try cli.run(arguments, environment: environment)
        return (result, start.duration(to: .now))
    }

    func expectUnavailable(_ outcome: (CLIRunner.Result, Duration),
                           sourceLocation: SourceLocation = #_sourceLocation) -> (String, Duration) {
        let (result, took) = outcome
        #expect(result.status == 5, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        return (result.errorLines.first ?? "", took)
    }

    @Test func aServerThatAcceptsAndNeverAnswersEndsTheCommandWithinTheDeadline() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let cli = CLIRunner(database: TestDatabase(name: "jointops", conninfo: listener.conninfo, server: ""))
        let (line, took) = try unavailable(cli, ["agency", "list"], ["JOINTOPS_CONNECT_TIMEOUT": "2"])
        #expect(took < .seconds(2) + Self.margin, "took \(took)")
        #expect(line == "jointops: timed out: PostgreSQL at host 127.0.0.1:\(listener.port) did not accept the connection "
                + "within 2 s: check that the server is running and not overloaded, then retry the command (nothing was "
                + "changed); JOINTOPS_CONNECT_TIMEOUT sets the limit in seconds")
    }

    @Test func aStoppedPostmasterEndsTheCommandWithinTheDeadlineAndServesAgainOnceResumed() throws {
        try withDatabase { cluster, cli, _ in
            let (line, took) = try cluster.withPostmasterStopped {
                try unavailable(cli, Self.secondAgency, ["JOINTOPS_CONNECT_TIMEOUT": "2"])
            }
            #expect(took < .seconds(2) + Self.margin, "took \(took)")
            #expect(line.hasPrefix("jointops: timed out: PostgreSQL at socket \(cluster.socket)"), "\(line)")
            #expect(try Self.events(cluster) == 1, "nothing was recorded")
            try cli.ok(Self.secondAgency)
        }
    }

    @Test(arguments: ["JOINTOPS_STATEMENT_TIMEOUT", "JOINTOPS_CONNECT_TIMEOUT"],
          ["abc", "0", "-5", "1.5", "86401", "３０", " 5", "5 ", "+5", "5s", "٥"])
    func aTimeoutThatIsNoWholeNumberOfSecondsInDigitsIsAUsageError(_ variable: String, _ value: String) throws {
        let cli = CLIRunner(database: TestDatabase(name: "", conninfo: "host=/nonexistent", server: ""))
        let result = try cli.run(["agency", "list"], environment: [variable: value])
        #expect(result.status == 2)
        #expect(result.errorLines == ["jointops: \(variable)=`\(value)` is not a number of seconds: set a whole "
                                      + "number from 1 to 86400 (the default is 30), or unset it"])
    }

    @Test func eachTimeoutIsThirtySecondsUnlessItsVariableSaysOtherwise() throws {
        #expect(try StatementTimeout.configured([:]) == .seconds(30))
        #expect(try StatementTimeout.configured(["JOINTOPS_STATEMENT_TIMEOUT": ""]) == .seconds(30))
        #expect(try StatementTimeout.configured(["JOINTOPS_STATEMENT_TIMEOUT": "45"]) == .seconds(45))
        #expect(try StatementTimeout.configured(["JOINTOPS_STATEMENT_TIMEOUT": "86400"]) == .seconds(86400))
        #expect(throws: UserFacingError.self) { try StatementTimeout.configured(["JOINTOPS_STATEMENT_TIMEOUT": " 45 "]) }
        #expect(try ConnectTimeout.configured([:]) == .seconds(30))
        #expect(try ConnectTimeout.configured(["JOINTOPS_STATEMENT_TIMEOUT": "5"]) == .seconds(30), "the connect limit is its own")
        #expect(try ConnectTimeout.configured(["JOINTOPS_CONNECT_TIMEOUT": "7"]) == .seconds(7))
    }

    enum ReadOnly: String, CaseIterable, Sendable {
        case databaseSetting, hotStandbyRefusal
    }

    @Test(arguments: ReadOnly.allCases)
    func aReadOnlyDatabaseRefusesAWriteInOneLineAndRecordsNothing(_ how: ReadOnly) throws {
        try withDatabase { cluster, cli, admin in
            switch how {
            case .databaseSetting:
                try admin.run("ALTER DATABASE jointops SET default_transaction_read_only = on")
            case .hotStandbyRefusal:
                // What a hot standby answers to a write, raised where the append writes.
                try admin.run("""
                    CREATE FUNCTION public.refuse_as_a_standby() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'cannot execute INSERT during recovery' USING ERRCODE = '25006'; END $$;
                    CREATE TRIGGER refuse_as_a_standby BEFORE INSERT ON eventstore.events
                        FOR EACH ROW EXECUTE FUNCTION public.refuse_as_a_standby()
                    """)
            }
            let (line, _) = try unavailable(cli, Self.secondAgency)
            #expect(line.hasPrefix("jointops: the database at socket \(cluster.socket)/.s.PGSQL.5432 is read-only ("), "\(line)")
            #expect(line.hasSuffix("nothing was recorded: point DATABASE_URL at the primary, or have its administrator make "
                                   + "it writable, then retry the command"), "\(line)")
            #expect(try Self.events(cluster) == 1)
            if how == .databaseSetting {
                // A report writes only to catch the views up: its advice is to read the standby as it stands.
                let (report, _) = try unavailable(cli, ["report", "agencies"])
                #expect(report.hasSuffix("nothing was changed: for a report read as the standby stands set "
                                         + "JOINTOPS_REPORTING_URL to it (the local standby: report --replica), otherwise "
                                         + "point DATABASE_URL at the primary and retry the command"), "\(report)")
            }
        }
    }

    @Test func aFullDiskRefusesAWriteInOneLineAndRecordsNothing() throws {
        try withDatabase(registered: false) { cluster, cli, admin in
            let disk = try SmallDisk(at: cluster.root.path + "-disk")
            defer { disk.remove(after: { try? cluster.stopServer() }) }
            // The log's (empty) table moves to the small disk, which is then filled to the last page.
            try admin.run("CREATE TABLESPACE small LOCATION '\(disk.path)'")
            try admin.run("ALTER TABLE eventstore.events SET TABLESPACE small")
            try disk.fill()
            let (line, _) = try unavailable(cli, Self.firstAgency)
            #expect(line.hasPrefix("jointops: the disk holding the database at socket \(cluster.socket)/.s.PGSQL.5432 is "
                                   + "full (could not extend file"), "\(line)")
            #expect(line.hasSuffix("): free space, then retry the command; nothing was recorded"), "\(line)")
            #expect(try Self.events(cluster) == 0)
        }
    }

    @Test func aServerWarningNeverReachesTheTerminal() throws {
        try withDatabase { cluster, cli, admin in
            try admin.run("""
                CREATE FUNCTION public.warn_on_append() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE WARNING '服务器警告 a warning libpq would print'; RETURN NEW; END $$;
                CREATE TRIGGER warn_on_append BEFORE INSERT ON eventstore.events
                    FOR EACH ROW EXECUTE FUNCTION public.warn_on_append()
                """)
            let result = try cli.ok(Self.secondAgency)
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            #expect(try Self.events(cluster) == 2)
        }
    }

    enum Loss: String, CaseIterable, Sendable {
        case backendTerminated, serverStoppedImmediately
    }

    @Test(arguments: Loss.allCases)
    func aConnectionLostMidCommandGivesOneLineAndRecordsNothing(_ loss: Loss) throws {
        try withDatabase { cluster, cli, admin in
            // The command waits on the log's lock, mid-command, until its connection is cut.
            try admin.run("BEGIN; LOCK TABLE eventstore.events IN ACCESS EXCLUSIVE MODE")
            let outcome = Locked<(CLIRunner.Result, Duration)?>(nil)
            let command = TestThread { outcome.withLock { $0 = try? timing(cli, Self.secondAgency) } }
            var waiting = 0
            try waitUntil("the command waits for the lock") {
                waiting = try Connection(cluster.conninfo()).execute("""
                    SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE datname = 'jointops' AND wait_event_type = 'Lock'
                    """)[0].int(0)
                return waiting != 0
            }
            switch loss {
            case .backendTerminated: try admin.execute("SELECT pg_terminate_backend($1)", [waiting])
            case .serverStoppedImmediately: try cluster.stopImmediately()
            }
            try command.join()
            switch loss {
            case .backendTerminated: try admin.run("ROLLBACK")
            case .serverStoppedImmediately: try cluster.startServer()
            }
            let (line, took) = expectUnavailable(try #require(outcome.current))
            #expect(took < StatementTimeout.standard, "the loss ended the command, not the deadline")
            #expect(line.hasPrefix("jointops: lost the connection to PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 "
                                   + "during the command"), "\(line)")
            #expect(line.hasSuffix("check that it is running, then retry the command; an unfinished write is not recorded"))
            #expect(try Self.events(cluster) == 1)
        }
    }
}

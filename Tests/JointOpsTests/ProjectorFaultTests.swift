import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Issue 13 points 3 and 8, through the built binary, each test on a PostgreSQL cluster of its own (the
/// shared test server must not be stopped): the projector stays up through `pg_ctl stop -m immediate` while
/// four writers run, nothing that reported success is lost or doubled, and a SIGKILLed writer leaves no
/// partial command.
@Suite("Projector faults", .serialized)
struct ProjectorFaultTests {
    /// A line `project run` writes: an ISO 8601 time in China Standard Time, then what changed, in our words:
    /// none of libpq's about a stopped or restarting server.
    static func isLogLine(_ line: String) -> Bool {
        line.contains(#/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00 projector [a-z]/#)
            && !libpqPhrases.contains { line.contains($0) }
    }

    static let libpqPhrases = ["This probably means", "server closed the connection", "FATAL", "Is the server running",
                               "recovery mode", "No such file", "Connection refused"]

    struct Write: Sendable {
        let commandId: UUID
        let arguments: [String]
        let status: Int32
        let afterRestart: Bool
    }

    @Test func theProjectorRecoversByItselfFromAnImmediateStopWhileFourWritersRunAndNothingIsLostOrDoubled() throws {
        try Self.withCluster { cluster, database, cli in
            let projector = try LoggedProcess(cli, ["project", "run", "--batch-size", "50"])
            try projector.waitForLine(containing: "caught up")
            let writes = Locked<[Write]>([])
            let stopWriters = Locked(false), restarted = Locked(false)
            let writers = (1...4).map { writer in
                TestThread {
                    var n = 0
                    while !stopWriters.current {
                        n += 1
                        let id = UUID(), after = restarted.current
                        let arguments = Self.plan("第\(writer)组夜间联合整治\(n)号", commandId: id)
                        let status = (try? cli.run(arguments).status) ?? -1
                        writes.withLock { $0.append(Write(commandId: id, arguments: arguments, status: status, afterRestart: after)) }
                    }
                }
            }
            let succeeded = { (afterRestart: Bool) in writes.current.filter { $0.status == 0 && $0.afterRestart == afterRestart }.count }
            try waitUntil("the writers have planned 8 operations", atMost: .seconds(120)) { succeeded(false) >= 8 }

            let before = projector.all.count
            try cluster.tool("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", cluster.data])
            let stoppedAt = ContinuousClock.now
            let writesAtStop = writes.current.count
            let reconnecting = try projector.waitForLine(containing: "reconnecting", after: before)
            // Every writer has failed at least once against the stopped server: the trap was armed.
            try waitUntil("each writer failed against the stopped server", atMost: .seconds(60)) {
                writes.current.dropFirst(writesAtStop).filter { $0.status != 0 }.count >= 4
            }
            try cluster.startServer()
            let backAt = ContinuousClock.now
            restarted.withLock { $0 = true }
            let connected = try projector.waitForLine(containing: "connected", after: reconnecting)
            let caughtUp = try projector.waitForLine(containing: "caught up", after: connected)
            let recovered = projector.all[caughtUp].at
            try waitUntil("the writers have planned 8 operations after the restart", atMost: .seconds(120)) { succeeded(true) >= 8 }
            stopWriters.withLock { $0 = true }
            for writer in writers { try writer.join("a writer stopped", atMost: .seconds(120)) }

            // Every failed command is absent or recorded once; retried with its command id, it is recorded once.
            let admin = try database.connect()
            let failed = writes.current.filter { $0.status != 0 }
            for write in failed {
                #expect(try Self.events(of: write.commandId, admin) <= 1, "a failed command was recorded twice")
                let retry = try cli.run(write.arguments)
                #expect(retry.status == 0, "retrying \(write.commandId): \(retry.stderr)")
            }
            for write in writes.current {
                #expect(try Self.events(of: write.commandId, admin) == 1, "command \(write.commandId) (status \(write.status))")
            }
            #expect(try Self.commandsWithoutAllTheirEvents(admin) == 0)

            let runner = ProjectionRunner(connection: admin)
            try waitUntil("the projector has applied every event", atMost: .seconds(120)) {
                try runner.status().allSatisfy { $0.lag.events == 0 }
            }
            #expect(try projector.terminate() == 0, "SIGTERM ends `project run` with status 0")
            let lines = projector.all.map(\.text)
            let saved = "projector stopped on request; checkpoints saved at position \(try runner.position())"
            #expect(lines.last?.hasSuffix(saved) == true, "\(lines.suffix(3))")
            for line in lines { #expect(Self.isLogLine(line), "not a projector log line: \(line)") }
            #expect(try snapshot(admin) == (try cleanRebuildSnapshot(database)))

            let fromRestart = Self.seconds(backAt.duration(to: recovered))
            let fromStop = Self.seconds(stoppedAt.duration(to: recovered))
            print("projector recovery after `pg_ctl stop -m immediate`: caught up \(fromRestart) s after the server was back "
                  + "(\(fromStop) s after the stop); \(failed.count) of \(writes.current.count) writes failed during the "
                  + "outage and were retried with their command ids")
            print("projector log:\n" + lines.dropFirst(before).joined(separator: "\n"))
        }
    }

    @Test func aSIGTERMWhileTheServerIsDownEndsTheProjectorCleanly() throws {
        try Self.withCluster { cluster, _, cli in
            let projector = try LoggedProcess(cli, ["project", "run"])
            try projector.waitForLine(containing: "caught up")
            try cluster.tool("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", cluster.data])
            try projector.waitForLine(containing: "reconnecting")
            #expect(try projector.terminate() == 0)
            #expect(projector.all.last?.text.hasSuffix("projector stopped on request while disconnected; checkpoints stand as last committed") == true,
                    "\(projector.all.map(\.text))")
            for line in projector.all.map(\.text) { #expect(Self.isLogLine(line), "not a projector log line: \(line)") }
            try cluster.startServer()
        }
    }

    @Test func aWriterKilledMidImportLeavesNoPartialCommandAndTheRetryImportsEachRowOnce() throws {
        try Self.withCluster(registry: true) { _, database, cli in
            let admin = try database.connect()
            // Holds the third row's decision-number claim, the second append of its transaction: after its case
            // is appended, before the claim and the commit.
            try admin.run("""
                CREATE FUNCTION public.hold_third_claim() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.stream_id LIKE 'DECNO-%'
                       AND (SELECT count(*) FROM eventstore.events WHERE stream_id LIKE 'DECNO-%') >= 2 THEN
                        PERFORM pg_advisory_xact_lock(4242);
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER hold_third_claim BEFORE INSERT ON eventstore.events
                    FOR EACH ROW EXECUTE FUNCTION public.hold_third_claim();
                """)
            let holder = try database.connect()
            try holder.run("BEGIN")
            try holder.execute("SELECT pg_advisory_xact_lock(4242)")
            let path = try CaseImportCLITests.file(Self.register(rows: 5))
            let importer = try LoggedProcess(cli, ["case", "import", path, "--format", "csv"])
            var backend: Int32 = 0
            try waitUntil("the import waits on the third row's claim", atMost: .seconds(60)) {
                let rows = try admin.execute("""
                    SELECT pid FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
                    """).rows
                backend = try rows.first?.get(0) ?? 0
                return backend != 0
            }
            kill(importer.process.processIdentifier, SIGKILL)
            importer.process.waitUntilExit()
            try holder.run("COMMIT")
            try waitUntil("the killed writer's backend is gone", atMost: .seconds(60)) {
                try admin.execute("SELECT count(*)::int FROM pg_stat_activity WHERE pid = $1", [backend])[0].get(0, as: Int.self) == 0
            }
            try admin.run("DROP TRIGGER hold_third_claim ON eventstore.events")

            #expect(try Self.streams(admin) == Self.Streams(cases: 2, claims: 2), "rows 1 and 2 whole, row 3 not at all")
            #expect(try Self.eventsWithoutTheirCommand(admin) == 0)
            #expect(try Self.commandsWithoutAllTheirEvents(admin) == 0)

            let again = try cli.run(["case", "import", path, "--format", "csv"])
            #expect(again.status == 0, "\(again.stderr)")
            let outcomes = CaseImportCLITests.report(again).sorted { $0.key < $1.key }.map { $0.value.first ?? "" }
            #expect(outcomes == ["alreadyImported", "alreadyImported", "imported", "imported", "imported"])
            #expect(try Self.streams(admin) == Self.Streams(cases: 5, claims: 5))
            #expect(try Self.eventsWithoutTheirCommand(admin) == 0)
            #expect(try Self.commandsWithoutAllTheirEvents(admin) == 0)
        }
    }

    // MARK: - Fixtures

    /// A migrated database on a cluster of its own, with the registry (`registry: true`) or only the
    /// agency the writers plan for.
    static func withCluster(registry: Bool = false, _ body: (ThrowawayCluster, TestDatabase, CLIRunner) throws -> Void) throws {
        let cluster = try ThrowawayCluster.start()
        defer { cluster.destroy() }
        let server = try Connection(cluster.conninfo())
        try server.run("CREATE DATABASE faults")
        // The cluster runs with synchronous_commit off (fast tests), which acknowledges a commit before its WAL
        // is written: `pg_ctl stop -m immediate` then loses commands that reported success. Not here.
        try server.run("ALTER DATABASE faults SET synchronous_commit = on")
        let database = TestDatabase(name: "faults", conninfo: cluster.conninfo(database: "faults"), server: cluster.conninfo())
        try Migrator(connection: try database.connect(), migrations: SchemaFiles.migrations()).migrate()
        let cli = CLIRunner(database: database)
        if registry {
            try CLIEndToEndTests.registry(cli)
        } else {
            try cli.ok(["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport", "--at", "2026-01-05"])
            try cli.ok(["officer", "register", "ZF-01", "--name", "王建国", "--agency", "WSZD", "--at", "2026-01-05"])  // who plans
        }
        try body(cluster, database, cli)
    }

    static func plan(_ title: String, commandId: UUID) -> [String] {
        ["op", "plan", "--title", title, "--lead", "WSZD", "--sector", "blackCar", "--from", "2026-11-20", "--to", "2026-12-20",
         "--place", "乌苏市火车站广场", "--at", "2026-11-10", "--command-id", commandId.uuidString]
    }

    /// A case register of `rows` decided cases, each with its own decision number.
    static func register(rows: Int) -> String {
        let parties = ["654202199001011234", "654202198505052345", "654202199205054567", "654202199307075678", "654202199408086789"]
        let names = ["马某", "李某", "钱某", "孙某", "周某"]
        return ([CaseImportCLITests.header] + (1...rows).map { k in
            "乌交执〔2026〕10\(k)号,WSZD,黑车,\(names[k - 1]),自然人,\(parties[k - 1]),2026-01-08,乌苏市火车站广场,非法载客,"
                + "新G·2345\(k),2026-01-09,RTR-63,罚款,20000,乌交罚决〔2026〕10\(k)号,2026-02-20,2026-02-24,2026-02-27,2026-03-05,2026-03-10"
        }).joined(separator: "\r\n") + "\r\n"
    }

    static func events(of commandId: UUID, _ connection: Connection) throws -> Int {
        try connection.execute("SELECT count(*)::int FROM eventstore.events WHERE command_id = $1::uuid",
                               [commandId.uuidString])[0].get(0)
    }

    static func eventsWithoutTheirCommand(_ connection: Connection) throws -> Int {
        try connection.execute("""
            SELECT count(*)::int FROM eventstore.events e
            WHERE NOT EXISTS (SELECT 1 FROM eventstore.commands c WHERE c.command_id = e.command_id)
            """)[0].get(0)
    }

    /// Commands whose recorded events are not all in the log (a half-written command).
    static func commandsWithoutAllTheirEvents(_ connection: Connection) throws -> Int {
        try connection.execute("""
            SELECT count(*)::int FROM eventstore.commands c
            WHERE cardinality(c.positions) <> (SELECT count(*) FROM eventstore.events e WHERE e.command_id = c.command_id)
               OR c.last_version - c.first_version + 1 <> cardinality(c.positions)
            """)[0].get(0)
    }

    struct Streams: Equatable { let cases: Int, claims: Int }

    /// Case streams and decision-number claims in the log: a case imported whole has both.
    static func streams(_ connection: Connection) throws -> Streams {
        let row = try connection.execute("""
            SELECT count(DISTINCT stream_id) FILTER (WHERE stream_id LIKE 'CASE-%')::int,
                   count(DISTINCT stream_id) FILTER (WHERE stream_id LIKE 'DECNO-%')::int
            FROM eventstore.events
            """)[0]
        return Streams(cases: try row.get(0), claims: try row.get(1))
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}

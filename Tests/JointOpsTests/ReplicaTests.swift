import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Analysts on a streaming replica (issue 13 point 7): `jointops local replica` and `report --replica`.
@Suite("Local replica", .serialized)
struct ReplicaTests {
    /// `local replica status` of a running standby: its state, then its replay lag or why that is unknown.
    nonisolated(unsafe) static let runningLine =
        /^running, pid \d+, (streaming|not streaming \(.+\)), replay lag (\d+ bytes|unknown: ).* — host=\S+ dbname=jointops user=LOGIN\n$/

    @Test func everyReportOnTheStandbyEqualsThePrimarysOnceReplayHasCaughtUp() throws {
        try ReplicaFixture.with { fixture in
            let started = try fixture.starting(["local", "start", "--throwaway"])
            #expect(started.status == 0, "\(started.output)")
            // A cluster tuned without replication: `replica start` must turn it on, restart, and say so.
            let admin = try fixture.primary()
            try admin.run("ALTER SYSTEM SET wal_level = 'minimal'")
            try admin.run("ALTER SYSTEM SET max_wal_senders = 0")
            #expect(try fixture.jointops(["local", "stop"]).status == 0)
            #expect(try fixture.starting(["local", "start", "--throwaway"]).status == 0)
            #expect(try fixture.primary().execute("SHOW wal_level")[0].get(0, as: String.self) == "minimal")
            try fixture.recordABatch(prefix: "WS", digit: 1)

            let replica = try fixture.starting(["local", "replica", "start", "--throwaway"])
            #expect(replica.status == 0, "\(replica.output)")
            #expect(replica.output.hasPrefix("restarted the local cluster to allow streaming replication"), "\(replica.output)")
            #expect(replica.output.contains("created and started"), "\(replica.output)")
            // Right after the start the receiver may still be connecting: the line has the lag or why it is unknown all the same.
            let first = try fixture.ok(["local", "replica", "status"]).stdout
            #expect(first.firstMatch(of: Self.runningLine) != nil, "\(first)")
            #expect(try fixture.ok(["agency", "list"]).stdout.contains("乌苏市交通运输综合行政执法大队"), "the restart kept the data")
            let socket = fixture.replica.standby.socketDirectory.path
            #expect((try FileManager.default.attributesOfItem(atPath: socket)[.posixPermissions] as? Int ?? 0) & 0o777 == 0o700,
                    "the standby's socket folder is private like the primary's")
            let role = try fixture.primary().execute("""
                SELECT rolreplication, rolsuper, (SELECT count(*)::int FROM pg_catalog.pg_auth_members WHERE member = r.oid)
                FROM pg_catalog.pg_roles r WHERE rolname = $1
                """, [LocalReplica.replicationLogin])[0]
            #expect(try role.get(0, as: Bool.self) && !role.get(1, as: Bool.self) && role.get(2, as: Int.self) == 0,
                    "the standby streams as a REPLICATION login that is no superuser and in no group")
            // An analyst added after the copy logs in to the standby once `start` has run again.
            try fixture.ok(["analyst", "add", "li_analyst"])
            let again = try fixture.starting(["local", "replica", "start"])
            #expect(again.output.hasPrefix("already running"), "\(again.output)")

            // Written after the copy: these reach the standby by streaming only.
            try fixture.recordABatch(prefix: "KT", digit: 2)
            try fixture.ok(["project", "run", "--once"])
            let names = ReportQuery.names.filter { $0 != "annual" }
            var primaryReports: [String: String] = [:]
            for name in names { primaryReports[name] = try fixture.ok(["report", name, "--format", "csv"]).stdout }
            let folder = fixture.cluster.root.path + "-annual"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try fixture.ok(["report", "annual", "--year", "2023", "--output-dir", folder + "/primary"])
            let busy = try fixture.jointops(["local", "replica", "status"]).stdout
            print("jointops local replica status right after the writes: \(busy)", terminator: "")
            #expect(busy.firstMatch(of: Self.runningLine) != nil, "\(busy)")
            try fixture.waitForReplay()

            var notes: Set<String> = []
            for name in names {
                let standby = try fixture.jointops(["report", name, "--format", "csv", "--replica"])
                #expect(standby.status == 0, "\(name): \(standby.stderr)")
                #expect(standby.stdout == primaryReports[name], "\(name) differs on the standby")
                #expect(standby.errorLines.count == 1, "\(name): \(standby.stderr)")
                notes.formUnion(standby.errorLines)
            }
            let annual = try fixture.jointops(["report", "annual", "--year", "2023", "--replica", "--output-dir", folder + "/standby"])
            #expect(annual.status == 0, "\(annual.stderr)")
            for file in ["annual-2023.md", "annual-2023.html"] {
                let onPrimary = try String(contentsOfFile: "\(folder)/primary/\(file)", encoding: .utf8)
                // The same figures and seal; only the time each was made differs (生成时间).
                let figures = { (text: String) in text.split(separator: "\n").filter { !$0.contains("生成时间 Generated") } }
                #expect(figures(try String(contentsOfFile: "\(folder)/standby/\(file)", encoding: .utf8)) == figures(onPrimary), "\(file)")
                #expect(onPrimary.contains("日志封印 Log seal #"), "the standby shows the seal the primary wrote")
            }
            for note in notes {
                #expect(note.hasPrefix("jointops: note: read on the standby: replay lag "), "\(note)")
                #expect(note.hasSuffix("; the reporting views are up to date with its log"), "\(note)")
            }
            // The lead quotes these figures.
            print("replica lag seen by report --replica: \(notes.sorted().joined(separator: " | "))")

            let status = try fixture.jointops(["local", "replica", "status"])
            #expect(status.stdout.hasPrefix("running, pid "), "\(status.stdout)")
            #expect(status.stdout.contains(", streaming, replay lag "), "\(status.stdout)")
            print("jointops local replica status: \(status.stdout)", terminator: "")

            // An analyst's own login and JOINTOPS_REPORTING_URL read the standby too.
            let analyst = try fixture.jointops(["report", "agencies", "--format", "csv"],
                                               ["JOINTOPS_REPORTING_URL": fixture.replica.conninfo(user: "li_analyst")])
            #expect(analyst.status == 0, "\(analyst.stderr)")
            #expect(analyst.stdout == primaryReports["agencies"])
            #expect(analyst.stderr.hasPrefix("jointops: note: read on the standby: replay lag "), "\(analyst.stderr)")

            // The primary stopped: the standby receives nothing, so its lag is unknown; the note says how old its figures are.
            #expect(try fixture.jointops(["local", "stop"]).status == 0)
            let standby = try fixture.standby()
            try waitUntil("the standby's WAL receiver no longer streams") {
                try standby.execute("SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_wal_receiver WHERE status = 'streaming')")[0].get(0)
            }
            let lastCommit: Date = try standby.execute("SELECT pg_catalog.pg_last_xact_replay_timestamp()")[0].get(0)
            let frozen = "replay lag unknown: the standby is not receiving from the primary; figures are as of \(ShanghaiTime.iso(lastCommit))"
            let alone = try fixture.jointops(["report", "agencies", "--format", "csv", "--replica"])
            #expect(alone.status == 0 && alone.stdout == primaryReports["agencies"], "\(alone.stderr)")
            #expect(alone.errorLines == ["jointops: note: read on the standby: \(frozen); the reporting views are up to date with its log"])
            let aloneStatus = try fixture.ok(["local", "replica", "status"]).stdout
            #expect(aloneStatus.firstMatch(of: Self.runningLine) != nil, "\(aloneStatus)")
            #expect(aloneStatus.contains(", not streaming (the local cluster is stopped: start it with jointops local start), \(frozen) — "),
                    "\(aloneStatus)")
            print("jointops local replica status with the primary stopped: \(aloneStatus)", terminator: "")

            // A frozen standby: the status says so within the connect limit, in one line, instead of waiting for good.
            let pid = try #require(aloneStatus.firstMatch(of: /running, pid (\d+)/).flatMap { Int32($0.output.1) })
            kill(pid, SIGSTOP)
            let frozenStart = ContinuousClock.now
            let frozenStatus = try fixture.jointops(["local", "replica", "status"], ["JOINTOPS_CONNECT_TIMEOUT": "2"])
            kill(pid, SIGCONT)
            #expect(frozenStatus.status == 5 && frozenStatus.errorLines.count == 1, "\(frozenStatus.stderr)")
            #expect(frozenStart.duration(to: .now) < .seconds(15), "replica status on a frozen standby took too long")

            let asOf = try fixture.jointops(["report", "agencies", "--replica", "--as-of", "2023-12-31"])
            #expect(asOf.status == 2 && asOf.errorLines.count == 1, "\(asOf.stderr)")
            #expect(try fixture.jointops(["local", "replica", "stop"]).stdout == "stopped\n")
            #expect(try fixture.jointops(["local", "replica", "stop"]).stdout
                    == "already stopped (\(fixture.replica.standby.root.path)); nothing to do\n", "a second stop says so")
            #expect(try fixture.jointops(["local", "replica", "status"]).stdout
                    == "stopped (\(fixture.replica.standby.root.path)), replay lag unknown: the standby is not running; "
                    + "run jointops local replica start\n")
            let stopped = try fixture.jointops(["report", "agencies", "--replica"])
            #expect(stopped.status == 5, "\(stopped.stderr)")
            #expect(stopped.errorLines == ["jointops: the local replica at \(fixture.cluster.root.path)/replica is not running: "
                                           + "run jointops local replica start"])
        }
    }

    @Test func theComposeFileHasAStreamingStandbyService() throws {
        let file = DeploymentTests.repositoryRoot.appendingPathComponent("docker-compose.yml").path
        let services = try DeploymentTests().run("/usr/bin/env", ["docker-compose", "-f", file, "config", "--services"])
        #expect(services.status == 0, "\(services.output)")
        #expect(services.output.split(separator: "\n").contains("replica"), "\(services.output)")
        let config = try DeploymentTests().run("/usr/bin/env", ["docker-compose", "-f", file, "config"]).output
        #expect(config.contains("pg_basebackup -h db"), "\(config)")
        #expect(config.contains("20-jointops-replication.sh"), "the primary makes the replication login")
        #expect(config.contains("image: postgres:15"))
    }

    @Test func withoutAReplicaReportReplicaSaysHowToMakeOne() throws {
        try ReplicaFixture.with { fixture in
            #expect(try fixture.starting(["local", "start", "--throwaway"]).status == 0)
            let report = try fixture.jointops(["report", "agencies", "--replica"])
            #expect(report.status == 5)
            #expect(report.errorLines == ["jointops: the local cluster at \(fixture.cluster.root.path) has no replica yet: "
                                          + "run jointops local replica start"])
            #expect(try fixture.jointops(["local", "replica", "status"]).stdout.hasPrefix("not created yet ("))
            let server = try fixture.jointops(["report", "agencies", "--replica"], ["DATABASE_URL": fixture.cluster.conninfo()])
            #expect(server.status == 2 && server.errorLines.count == 1, "\(server.stderr)")
            #expect(server.stderr.contains("JOINTOPS_REPORTING_URL"))
        }
    }
}

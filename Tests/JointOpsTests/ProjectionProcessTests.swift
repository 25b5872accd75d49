import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// `jointops project run` as a real process: SIGKILLed at random points, stopped with SIGTERM.
@Suite("Projection process")
struct ProjectionProcessTests {
    /// The built `jointops`: `JOINTOPS_BINARY`, else next to the test bundle.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["JOINTOPS_BINARY"], !path.isEmpty { return path }
        let here = Bundle.main.bundleURL
        for candidate in [here.appendingPathComponent("jointops"), here.deletingLastPathComponent().appendingPathComponent("jointops")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        return here.appendingPathComponent("jointops").path
    }

    func start(_ arguments: [String], conninfo: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = conninfo
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aSIGKILLedProjectorRestartsWithoutLosingOrRepeatingEvents() throws {
        // 10 kills while catching up about 50,000 events, each at a random moment.
        try TestDatabase.with { db in
            var workload = ProjectionWorkload(seed: 77)
            let streams = workload.streams(cases: 5_800)
            try ProjectionWorkload.append(streams, to: db.conninfo, writers: 2)
            let total: Int = try db.connect().execute("SELECT count(*)::int FROM eventstore.events")[0].get(0)
            #expect(total >= 48_000, "about 50,000 events to catch up")
            var rng = SplitMix(seed: 1234)
            let connection = try db.connect()
            var killedMidway = 0
            for _ in 0..<10 {
                let process = try start(["project", "run", "--batch-size", "50"], conninfo: db.conninfo)
                // Not a handshake: the random pause is the scenario (the moment of the kill); `killedMidway`
                // below asserts that most kills really landed mid-catch-up.
                Thread.sleep(forTimeInterval: Double(rng.int(150...900)) / 1000)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let status = (try? ProjectionRunner(connection: connection).status()) ?? []
                if status.contains(where: { $0.lag.events > 0 }) { killedMidway += 1 }
            }
            #expect(killedMidway >= 5, "most kills should land before the projector caught up")
            let last = try start(["project", "run", "--once"], conninfo: db.conninfo)
            last.waitUntilExit()
            #expect(last.terminationStatus == 0)
            // `--once` waits 5 s for events a neighbour test's transaction holds back; this waits longer.
            try ProjectionRunner(connection: connection).catchUpFully()
            #expect(try snapshot(connection) == (try cleanRebuildSnapshot(db)))
        }
    }

    @Test func projectRunStopsCleanlyOnSIGTERM() throws {
        try TestDatabase.with { db in
            var workload = ProjectionWorkload(seed: 8)
            try ProjectionWorkload.append(workload.streams(cases: 30), to: db.conninfo, writers: 1)
            let process = try start(["project", "run"], conninfo: db.conninfo)
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
            let connection = try db.connect()
            let runner = ProjectionRunner(connection: connection)
            // Wait until it follows live (caught up), then add one more case and see it arrive.
            try waitUntil("`project run` caught up", atMost: .seconds(30)) {
                (try? runner.status())?.allSatisfy { $0.version != nil && $0.lag.events == 0 } ?? false
            }
            var more = ProjectionWorkload(seed: 9)
            try ProjectionWorkload.append([more.caseStream(999)], to: db.conninfo, writers: 1)
            try waitUntil("`project run` projected the new case", atMost: .seconds(30)) {
                (try? connection.execute(
                    "SELECT count(*)::int FROM reporting.case_register WHERE case_id = 'CASE-2023-0999'")[0].get(0, as: Int.self)) == 1
            }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        }
    }
}

import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// A local cluster of the test's own (`JOINTOPS_DATA_DIR`, no `DATABASE_URL`) that `jointops local replica`
/// gives a hot standby; the standby and the cluster are stopped and removed when the test ends.
struct ReplicaFixture {
    let cluster: LocalCluster
    var replica: LocalReplica { LocalReplica(of: cluster) }

    static func with(_ body: (ReplicaFixture) throws -> Void) throws {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["JOINTOPS_TEST_PRIVATE_CLUSTERS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let cluster = LocalCluster(root: URL(fileURLWithPath: base).appendingPathComponent("replica-\(UUID().uuidString.prefix(8))"))
        defer {
            try? LocalReplica(of: cluster).stop()
            try? cluster.destroy()
        }
        try body(ReplicaFixture(cluster: cluster))
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("PG") && $0.key != "DATABASE_URL" && $0.key != "JOINTOPS_REPORTING_URL"
        }
        env["JOINTOPS_DATA_DIR"] = cluster.root.path
        env["JOINTOPS_ON_BEHALF_OF"] = "ZF-01"
        return env
    }

    /// Runs a command that starts a server (`local start`, `local replica start`): through posix_spawn, since
    /// the server it leaves running inherits the descriptors a pipe would need closed. Output combined.
    func starting(_ arguments: [String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run(DeploymentTests.binary, arguments, environment: environment)
    }

    /// Runs any other command with stdout and stderr apart.
    func jointops(_ arguments: [String], _ extra: [String: String] = [:]) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DeploymentTests.binary)
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                stderr: String(decoding: errData, as: UTF8.self))
    }

    @discardableResult
    func ok(_ arguments: [String], as officer: String? = nil,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> CLIRunner.Result {
        let result = try jointops(arguments, officer.map { ["JOINTOPS_ON_BEHALF_OF": $0] } ?? [:])
        #expect(result.status == 0, "jointops \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// The primary as its superuser, and the standby as its superuser (the copied ident map lets the owner in).
    func primary() throws -> Connection { try Connection(cluster.conninfo()) }
    func standby() throws -> Connection { try Connection(replica.conninfo(user: LocalCluster.superuser)) }

    /// Waits until the standby has replayed everything the primary has written so far: its replay position
    /// reaches the primary's current WAL position (a commit with synchronous_commit on flushes it first, so
    /// the walsender may send it: the test cluster commits asynchronously). The committing transaction must
    /// write WAL of its own: one that only took a transaction id commits asynchronously whatever the setting,
    /// and the target then fell short of WAL written just before (a lock the test had taken).
    func waitForReplay(_ what: String = "the standby replayed the primary's WAL") throws {
        let primary = try self.primary()
        try primary.run("SET synchronous_commit = on")
        try primary.execute("SELECT pg_catalog.pg_logical_emit_message(true, 'jointops-test', 'replay up to here')")
        let target: String = try primary.execute("SELECT pg_catalog.pg_current_wal_lsn()::text")[0].get(0)
        let standby = try self.standby()
        try waitUntil(what) {
            try standby.execute("SELECT pg_catalog.pg_last_wal_replay_lsn() >= $1::pg_lsn", [target])[0].get(0)
        }
    }

    /// A small batch of commands with Chinese data: the registry, a joint operation and two cases.
    /// `prefix` (two letters) and `digit` keep each batch's codes and certificates apart.
    func recordABatch(prefix: String, digit: Int) throws {
        try ok(["agency", "register", "\(prefix)JT", "--name", "乌苏市交通运输局", "--kind", "transport", "--at", "2023-01-03"])
        try ok(["agency", "register", "\(prefix)ZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport", "--at", "2023-01-03"])
        try ok(["agency", "register", "\(prefix)JJ", "--name", "乌苏市公安局交通警察大队", "--kind", "police", "--at", "2023-01-03"])
        for (id, name, certificate) in [("01", "王建国", "001"), ("02", "李娜", "002")] {
            try ok(["officer", "register", "\(prefix)-\(id)", "--name", name, "--agency", "\(prefix)ZD",
                    "--certificate", "6542029\(digit)0\(certificate.suffix(2))", "--at", "2023-01-03"])
        }
        try ok(["officer", "register", "\(prefix)-09", "--name", "何军", "--agency", "\(prefix)ZD", "--at", "2023-01-03"])
        try ok(["officer", "designate", "\(prefix)-09", "--role", "approver", "--from", "2023-01-03", "--at", "2023-01-03"])
        // Each act is recorded for the officer who does it (the brigade's officer; the approver approves).
        let officer = "\(prefix)-01", approver = "\(prefix)-09"
        let planned = try ok(["op", "plan", "--title", "火车站周边黑车联合整治", "--lead", "\(prefix)ZD", "--sector", "blackCar",
                              "--from", "2023-03-01", "--to", "2023-03-31", "--place", "乌苏市火车站广场", "--at", "2023-02-20"],
                             as: officer)
        let op = try #require(planned.stdout.firstMatch(of: /OP-\d{4}-\d{4}/).map { String($0.output) }, "\(planned.stdout)")
        try ok(["op", "invite", op, "\(prefix)JJ", "--at", "2023-02-21"], as: officer)
        try ok(["op", "approve", op, "--by", approver, "--at", "2023-02-22"], as: approver)
        for (number, summary, place) in [(1, "巡查发现黑车", "乌苏市火车站广场"), (2, "群众举报黑车", "乌苏市客运站")] {
            let lead = try ok(["case", "receive-lead", "--agency", "\(prefix)ZD", "--source", "inspection", "--summary", summary,
                               "--at", "2023-03-02"], as: officer)
            let id = try #require(lead.stdout.firstMatch(of: /CASE-\d{4}-\d{4}/).map { String($0.output) }, "\(lead.stdout)")
            try ok(["case", "file", id, "--agency", "\(prefix)ZD", "--approver", "\(prefix)-09", "--party-name", "马某",
                    "--party-id", "6542021990010\(digit)\(number)234", "--act-date", "2023-03-01", "--act-place", place,
                    "--sector", "blackCar", "--description", "未取得经营许可载客", "--at", "2023-03-02"], as: approver)
        }
    }
}

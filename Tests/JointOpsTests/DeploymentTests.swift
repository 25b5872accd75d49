import Foundation
import JointOps
import Testing

/// The operator's side: the embedded cluster and the docker-compose file.
@Suite struct DeploymentTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `jointops`: `JOINTOPS_BINARY` (set by `make test`), else next to the test bundle.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["JOINTOPS_BINARY"], !path.isEmpty { return path }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("jointops").path
    }

    @Test func dockerComposeFileIsValid() throws {
        let result = try run("/usr/bin/env", ["docker-compose", "-f", Self.repositoryRoot.appendingPathComponent("docker-compose.yml").path, "config", "-q"])
        #expect(result.status == 0, "docker-compose config: \(result.output)")
    }

    @Test func theLocalClusterStartsStopsAndReportsItsState() throws {
        let root = "/tmp/jointops-deploy-test-\(UUID().uuidString.prefix(8))"
        defer { _ = try? run(Self.binary, ["local", "stop", "--data-dir", root]); try? FileManager.default.removeItem(atPath: root) }
        // As root the server runs as the `postgres` user; as anyone else, as that user. The test
        // covers the other case too by starting a second cluster as `nobody` when it runs as root.
        var starts = [[Self.binary, "local", "start", "--throwaway", "--data-dir", root]]
        // `nobody` may not reach the checkout (a clone under /root, say): it runs a copy from /tmp.
        let nobodyBinary = getuid() == 0 ? try Self.copyForAnyUser(root + "-bin") : Self.binary
        if getuid() == 0 {
            starts.append(["/usr/sbin/runuser", "-u", "nobody", "--", nobodyBinary, "local", "start", "--throwaway", "--data-dir", root + "-nobody"])
        }
        defer {
            _ = try? run("/usr/sbin/runuser", ["-u", "nobody", "--", nobodyBinary, "local", "stop", "--data-dir", root + "-nobody"])
            try? FileManager.default.removeItem(atPath: root + "-nobody")
            try? FileManager.default.removeItem(atPath: root + "-bin")
        }
        for command in starts {
            let dataDir = command.last!
            let started = try run(command[0], Array(command.dropFirst()))
            #expect(started.status == 0, "\(command): \(started.output)")
            #expect(started.output.contains("host=\(dataDir)/run"))
            let status = try run(Self.binary, ["local", "status", "--data-dir", dataDir])
            #expect(status.output.hasPrefix("running"), "\(status.output)")
            let again = try run(command[0], Array(command.dropFirst()))
            #expect(again.output.hasPrefix("already running"), "\(again.output)")
        }
        #expect(try run(Self.binary, ["local", "stop", "--data-dir", root]).status == 0)
        #expect(try run(Self.binary, ["local", "status", "--data-dir", root]).output.hasPrefix("stopped"))
    }

    @Test func anUnreachableDatabaseGivesOneLineAndExitCodeFive() throws {
        let result = try run(Self.binary, ["db", "status"], environment: ["DATABASE_URL": "host=/nonexistent-jointops dbname=x"])
        #expect(result.status == 5)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1, "\(result.output)")
        #expect(result.output.contains("/nonexistent-jointops/.s.PGSQL.5432"))
        // The server DATABASE_URL names is not ours to start: the advice is to check it, not the local cluster's.
        #expect(result.output.contains("check that the server DATABASE_URL names is running"), "\(result.output)")
        #expect(!result.output.contains("jointops local start"), "\(result.output)")
    }

    @Test func anUnknownSubcommandIsAUsageErrorWithExitCodeTwo() throws {
        let result = try run(Self.binary, ["bogus"])
        #expect(result.status == 2)
        #expect(result.output.contains("`bogus` is not a command of `jointops`; see `jointops --help`"), "\(result.output)")
        #expect(result.output.split(separator: "\n").count == 1, "\(result.output)")
    }

    @Test func theLegalBasisCatalogueIsListedWithoutADatabase() throws {
        let result = try run(Self.binary, ["law", "list", "--format", "csv"],
                             environment: ["DATABASE_URL": "host=/nonexistent-jointops dbname=x"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("id,in_force,verified,individual,organisation,sectors,sectors_zh,penalty_types,penalty_types_zh"))
        #expect(result.output.contains("RTR-63-2023,2023-07-20 – ,未核实,10000–100000,10000–100000,blackCar,非法营运（黑车）,"))
    }

    @Test func migratingTwiceThroughTheCommandLineIsANoOpTheSecondTime() throws {
        let root = "/tmp/jointops-migrate-test-\(UUID().uuidString.prefix(8))"
        defer { _ = try? run(Self.binary, ["local", "stop", "--data-dir", root]); try? FileManager.default.removeItem(atPath: root) }
        #expect(try run(Self.binary, ["local", "start", "--throwaway", "--data-dir", root]).status == 0)
        let url = ["DATABASE_URL": "host=\(root)/run dbname=jointops user=postgres"]
        let second = try run(Self.binary, ["db", "migrate"], environment: url)
        #expect(second.status == 0)
        #expect(second.output.contains("database is up to date"), "\(second.output)")
        let status = try run(Self.binary, ["db", "status"], environment: url)
        #expect(status.output.contains("0001_create_event_store.sql  applied"))
        #expect(!status.output.contains("pending"))
    }

    /// Copies `jointops` and its resource bundles into a folder every user can read; returns the copy.
    static func copyForAnyUser(_ folder: String) throws -> String {
        let fm = FileManager.default
        let source = URL(fileURLWithPath: binary).deletingLastPathComponent()
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source.path) where name == "jointops" || name.hasSuffix(".resources") {
            try fm.copyItem(at: source.appendingPathComponent(name), to: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        _ = try ProcessRunner.run("/bin/chmod", ["-R", "a+rX", folder])
        return folder + "/jointops"
    }

    /// Runs a program through `ProcessRunner` (posix_spawn): Foundation's `Process` never returns
    /// once a PostgreSQL server started by the child inherits its descriptors.
    func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        return try ProcessRunner.run(executable, arguments, environment: env)
    }
}

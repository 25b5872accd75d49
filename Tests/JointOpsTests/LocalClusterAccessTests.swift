import Foundation
import JointOps
import Testing
import TestSupport

/// The local cluster is private to its owner (issue 12 point 4).
@Suite("Local cluster access")
struct LocalClusterAccessTests {
    /// A throw-away cluster in a world-traversable folder of /tmp, stopped and removed by `body`'s end.
    func withCluster(_ body: (LocalCluster) throws -> Void) throws {
        var cluster = LocalCluster(root: URL(fileURLWithPath: "/tmp/jointops-private-\(UUID().uuidString.prefix(8))"))
        cluster.settings = ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"]
        defer { try? cluster.destroy() }
        try cluster.startAndMigrate()
        try body(cluster)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? 0) & 0o777
    }

    func authenticationLines(_ cluster: LocalCluster) throws -> [String] {
        try String(contentsOf: cluster.dataDirectory.appendingPathComponent("pg_hba.conf"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    @Test func anotherOSUserIsRefusedByTheServerItselfInOneLine() throws {
        try withCluster { cluster in
            #expect(try mode(cluster.socketDirectory.path) == 0o700)
            #expect(try authenticationLines(cluster) == ["local   all   all   peer map=jointops"])
            #expect(try mode("/tmp") & 0o001 != 0 && mode(cluster.root.path) & 0o001 != 0, "the folders above the socket are traversable")
            #expect(try DeploymentTests().run(LocalClusterAccessTests.psql, ["-h", cluster.socketDirectory.path, "-U", "postgres",
                                                                              "-d", "jointops", "-tAc", "SELECT 1"]).output == "1\n",
                    "the owner connects")
            // CI runs as root: `nobody` is the other local user. Run as anyone else, there is no other user to try.
            guard getuid() == 0 else { return }
            let binary = try Self.copyForAnyUser(cluster.root.path + "-bin")
            defer { try? FileManager.default.removeItem(atPath: cluster.root.path + "-bin") }
            func asNobody(_ program: String, _ arguments: [String], _ environment: [String: String] = [:]) throws -> ProcessRunner.Result {
                try DeploymentTests().run("/usr/sbin/runuser", ["-u", "nobody", "--", "/usr/bin/env"]
                    + environment.map { "\($0.key)=\($0.value)" } + [program] + arguments)
            }
            let socket = cluster.socketDirectory.path
            let closed = try asNobody(Self.psql, ["-h", socket, "-U", "postgres", "-d", "jointops", "-c", "SELECT 1"])
            #expect(closed.status != 0 && closed.output.contains("Permission denied"), "\(closed.output)")

            // Opened to everyone (as an administrator choosing a group would), the server refuses by itself.
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: socket)
            for user in ["postgres", LocalCluster.writerLogin, LocalCluster.projectorLogin] {
                let refused = try asNobody(Self.psql, ["-h", socket, "-U", user, "-d", "jointops", "-c", "SELECT 1"])
                #expect(refused.status != 0 && refused.output.contains("Peer authentication failed for user \"\(user)\""),
                        "\(refused.output)")
            }
            let cli = try asNobody(binary, ["agency", "list"], ["DATABASE_URL": "host=\(socket) dbname=jointops user=postgres"])
            #expect(cli.status == 5)
            #expect(cli.output.split(separator: "\n").count == 1, "\(cli.output)")
            #expect(cli.output.contains("Peer authentication failed"), "\(cli.output)")
        }
    }

    /// The try-out: as `nobody` with JOINTOPS_DATA_DIR at root's cluster, `local status` said "not created yet" and
    /// `case list` ran initdb over it. Both now say whose it is, in one line, exit 5, and touch nothing.
    @Test func anotherOSUserPointedAtTheClusterIsToldWhoseItIs() throws {
        guard getuid() == 0 else { return }   // as in the test above: `nobody` is the other user only for root
        try withCluster { cluster in
            let binary = try Self.copyForAnyUser(cluster.root.path + "-bin")
            defer { try? FileManager.default.removeItem(atPath: cluster.root.path + "-bin") }
            let listing = try FileManager.default.contentsOfDirectory(atPath: cluster.root.path).sorted()
            for arguments in [["local", "status"], ["case", "list"], ["local", "start"]] {
                let result = try DeploymentTests().run("/usr/sbin/runuser", ["-u", "nobody", "--", "/usr/bin/env",
                                                                             "JOINTOPS_DATA_DIR=\(cluster.root.path)", binary] + arguments)
                #expect(result.status == 5, "\(arguments): \(result.output)")
                #expect(result.output == "jointops: the local database at \(cluster.root.path) belongs to postgres; only its owner "
                        + "may use it (or ask them for an analyst login: jointops analyst add)\n", "\(arguments): \(result.output)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: cluster.root.path).sorted() == listing, "nothing written")
            #expect(try DeploymentTests().run(Self.psql, ["-h", cluster.socketDirectory.path, "-U", "postgres", "-d", "jointops",
                                                          "-tAc", "SELECT 1"]).output == "1\n", "the owner's cluster still runs")
        }
    }

    @Test func aClusterOfTheOldVersionIsMadePrivateOnItsNextUse() throws {
        try withCluster { cluster in
            let hba = cluster.dataDirectory.appendingPathComponent("pg_hba.conf")
            let legacy = "local all all trust\nhost all all 127.0.0.1/32 trust\n"
            let deployment = DeploymentTests()
            // Stopped: `local start` rewrites the files before the server reads them.
            try cluster.stop()
            try legacy.write(to: hba, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cluster.socketDirectory.path)
            let started = try deployment.run(DeploymentTests.binary, ["local", "start", "--data-dir", cluster.root.path])
            #expect(started.status == 0, "\(started.output)")
            #expect(try authenticationLines(cluster) == ["local   all   all   peer map=jointops"])
            #expect(try mode(cluster.socketDirectory.path) == 0o700)

            // Running: any command of the local cluster rewrites them and reloads the server.
            try legacy.write(to: hba, atomically: false, encoding: .utf8)
            let listed = try deployment.run(DeploymentTests.binary, ["agency", "list"],
                                            environment: ["JOINTOPS_DATA_DIR": cluster.root.path])
            #expect(listed.status == 0, "\(listed.output)")
            #expect(try authenticationLines(cluster) == ["local   all   all   peer map=jointops"])
            let rules = try deployment.run(Self.psql, ["-h", cluster.socketDirectory.path, "-U", "postgres", "-d", "jointops", "-tAc",
                                                       "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'"])
            #expect(rules.output == "0\n", "the server reloaded the new rules: \(rules.output)")
        }
    }

    static let psql = "/usr/bin/psql"

    /// A copy of `jointops` that `nobody` may run, made by `cp`: a file this process held open for
    /// writing would be inherited by its other tests' children and refuse to run ("Text file busy").
    static func copyForAnyUser(_ folder: String) throws -> String {
        let source = URL(fileURLWithPath: DeploymentTests.binary).deletingLastPathComponent()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let items = try FileManager.default.contentsOfDirectory(atPath: source.path)
            .filter { $0 == "jointops" || $0.hasSuffix(".resources") }.map { source.appendingPathComponent($0).path }
        _ = try ProcessRunner.run("/bin/cp", ["-R"] + items + [folder])
        _ = try ProcessRunner.run("/bin/chmod", ["-R", "a+rX", folder])
        return folder + "/jointops"
    }
}

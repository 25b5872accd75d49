import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Wave 5 defect 3: on the local cluster, officers bound with `officer bind --os-user` and analysts added
/// with `analyst add --os-user` reach it through a group the owner chose (`local start --group`), and the
/// database, not the folder, decides who they are. README's officer and analyst flows, for real OS users.
@Suite("Local cluster access through a chosen group", .serialized)
struct LocalGroupAccessTests {
    /// Runs `body` with a new group, an officer's and an analyst's OS user in it, and a cluster in /tmp
    /// started by `jointops local start --group` (as root, the only user who can make OS users); removes all.
    func withUsers(_ body: (_ root: String, _ group: String, _ officer: String, _ analyst: String, _ binary: String) throws -> Void) throws {
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let group = "jtg\(suffix)", officer = "jto\(suffix)", analyst = "jta\(suffix)"
        let root = "/tmp/jointops-group-\(suffix)"
        _ = try ProcessRunner.run("/usr/sbin/groupadd", [group])
        for user in [officer, analyst] { _ = try ProcessRunner.run("/usr/sbin/useradd", ["-M", "-G", group, user]) }
        let binary = try LocalClusterAccessTests.copyForAnyUser(root + "-bin")
        defer {
            _ = try? DeploymentTests().run(DeploymentTests.binary, ["local", "stop", "--data-dir", root])
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: root + "-bin")
            for user in [officer, analyst] { _ = try? ProcessRunner.run("/usr/sbin/userdel", [user]) }
            _ = try? ProcessRunner.run("/usr/sbin/groupdel", [group])
        }
        let started = try DeploymentTests().run(DeploymentTests.binary, ["local", "start", "--data-dir", root, "--throwaway",
                                                                          "--group", group])
        #expect(started.status == 0, "\(started.output)")
        try body(root, group, officer, analyst, binary)
    }

    func asUser(_ user: String, _ binary: String, _ arguments: [String], _ environment: [String: String]) throws -> ProcessRunner.Result {
        try DeploymentTests().run("/usr/sbin/runuser", ["-u", user, "--", "/usr/bin/env", "HOME=/tmp"]
            + environment.map { "\($0.key)=\($0.value)" } + [binary] + arguments)
    }

    func asOwner(_ root: String, _ arguments: [String], onBehalfOf officer: String? = nil) throws -> ProcessRunner.Result {
        var environment = ["JOINTOPS_DATA_DIR": root]
        if let officer { environment["JOINTOPS_ON_BEHALF_OF"] = officer }
        return try DeploymentTests().run(DeploymentTests.binary, arguments, environment: environment)
    }

    @Test func aBoundOfficerAndAnAnalystInTheChosenGroupWorkAsReadmeSaysAndNobodyElseGetsIn() throws {
        guard getuid() == 0 else { return }   // only root makes OS users; CI runs as root
        try withUsers { root, group, officer, analyst, binary in
            let socket = root + "/run"
            let info = try FileManager.default.attributesOfItem(atPath: socket)
            #expect((info[.posixPermissions] as? Int ?? 0) & 0o777 == 0o710)
            #expect(info[.groupOwnerAccountName] as? String == group)

            for arguments in [["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport"],
                              ["officer", "register", "ZF-01", "--name", "王建国", "--agency", "WSZD", "--certificate", "65420200001"],
                              ["officer", "bind", "ZF-01", "--os-user", officer],
                              ["analyst", "add", "li_an_\(officer.suffix(6))", "--os-user", analyst]] {
                let upkeep = try asOwner(root, arguments)
                #expect(upkeep.status == 0, "\(arguments): \(upkeep.output)")
            }
            // The owner's projector made the views; any root command keeps the group's access (the try-out's
            // folder went back to 0700 each time).
            #expect(try asOwner(root, ["project", "run", "--once"]).status == 0)
            #expect((try FileManager.default.attributesOfItem(atPath: socket)[.posixPermissions] as? Int ?? 0) & 0o777 == 0o710)

            let local = ["JOINTOPS_DATA_DIR": root]
            let lead = try asUser(officer, binary, ["case", "receive-lead", "--agency", "WSZD", "--source", "complaint",
                                                    "--summary", "群众举报黑车"], local)
            #expect(lead.status == 0, "\(lead.output)")
            let report = try asUser(officer, binary, ["report", "agencies", "--format", "csv"], local)
            #expect(report.status == 0 && report.output.contains("read the reporting views as they stand"), "\(report.output)")
            #expect(try asUser(officer, binary, ["verify"], local).output.contains("Log verified"))
            let actors = try Connection("host=\(socket) dbname=jointops user=postgres").execute(
                "SELECT actor FROM eventstore.events WHERE event_type = 'CaseLeadReceived'").rows.map { try $0.get(0, as: String.self) }
            #expect(actors == ["ZF-01 login=\(officer)"])

            // The analyst: README's psql line and report, exactly as `analyst add` printed them.
            let conninfo = "host=\(socket) dbname=jointops user=li_an_\(officer.suffix(6))"
            let query = try asUser(analyst, LocalClusterAccessTests.psql, [conninfo, "-tAc", "SELECT count(*) FROM reporting.case_register"], [:])
            #expect(query.status == 0, "\(query.output)")
            let folder = root + "-bin/annual"
            _ = try ProcessRunner.run("/usr/bin/install", ["-d", "-o", analyst, folder])
            let annual = try asUser(analyst, binary, ["report", "annual", "--year", "2026", "--output-dir", folder],
                                    ["DATABASE_URL": conninfo])
            #expect(annual.status == 0, "\(annual.output)")
            // The officer's OS user may not log in as the analyst, nor as the owner's logins: the server says so.
            let borrowed = try asUser(officer, LocalClusterAccessTests.psql, [conninfo, "-c", "SELECT 1"], [:])
            #expect(borrowed.status != 0 && borrowed.output.contains("Peer authentication failed"), "\(borrowed.output)")

            // Outside the group: the folder stops them, and the command line says whose cluster it is.
            let outsider = try asUser("nobody", binary, ["case", "list"], local)
            #expect(outsider.status == 5 && outsider.output.contains("belongs to postgres"), "\(outsider.output)")
        }
    }

    @Test func bindingOrAddingAnOSUserThisMachineDoesNotHaveIsRefused() throws {
        // The officer-login suite's cluster: what is registered here counts in no other test's figures.
        _ = try LocalOfficerLoginTests.cluster.server()
        let cluster = try #require(LocalOfficerLoginTests.cluster.localCluster)
        let owner = ["JOINTOPS_DATA_DIR": cluster.root.path]
        let noUser = "no_such_os_user_\(UUID().uuidString.prefix(6).lowercased())"
        for arguments in [["agency", "register", "WSNU", "--name", "乌苏市测试大队", "--kind", "transport"],
                          ["officer", "register", "ZF-77", "--name", "测试", "--agency", "WSNU"]] {
            _ = try DeploymentTests().run(DeploymentTests.binary, arguments, environment: owner)
        }
        let bind = try DeploymentTests().run(DeploymentTests.binary, ["officer", "bind", "ZF-77", "--os-user", noUser], environment: owner)
        #expect(bind.status == 2 && bind.output == "jointops: there is no OS user \(noUser) on this machine: create it first "
                + "(useradd \(noUser)), then bind it\n", "\(bind.output)")
        let add = try DeploymentTests().run(DeploymentTests.binary, ["analyst", "add", "an_x", "--os-user", noUser], environment: owner)
        #expect(add.status == 2 && add.output.contains("there is no OS user \(noUser)"), "\(add.output)")
    }
}

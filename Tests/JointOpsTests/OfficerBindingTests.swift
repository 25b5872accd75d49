import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Issue 12 point 5: officers are who they say. Who acts is the officer the database login is bound to
/// (`officer bind`), read from `session_user`; an administrator may record a paper form on someone's behalf.
@Suite struct OfficerBindingTests {
    /// A login name no other test uses (roles are cluster-wide).
    static func freshLogin() -> String { "jt_officer_" + UUID().uuidString.prefix(8).lowercased() }

    /// The test database, reached as `login`, peer-mapped to the OS user running the tests as an operator maps
    /// an officer's OS user (`officer bind --os-user` does that on the local cluster).
    static func cli(_ database: TestDatabase, as login: String) throws -> CLIRunner {
        try RoleLogins.cluster.localCluster?.mapLogin(osUser: LocalCluster.currentOSUser, role: login)
        var cli = CLIRunner(database: database, actor: nil)
        cli.login = login
        return cli
    }

    static func actors(_ database: TestDatabase, type: String) throws -> [String] {
        try database.connect().execute("SELECT actor FROM eventstore.events WHERE event_type = $1 ORDER BY position", [type])
            .rows.map { try $0.get(0, as: String.self) }
    }

    static func dropRole(_ login: String) {
        guard let server = try? RoleLogins.cluster.server(), let admin = try? Connection("\(server) dbname=postgres")
        else { return }
        _ = try? admin.run("DROP ROLE IF EXISTS \(login)")
    }

    /// The tests' login is the administrator's (root's, in the try-out), which `officer bind` refuses: it is told to
    /// name the officer it records for, not to get bound.
    @Test func aWriteByAnAdministratorBoundToNoOfficerIsRefusedWithHowToNameTheOfficer() throws {
        try TestDatabase.with { database in
            try CLIEndToEndTests.registry(CLIRunner(database: database))
            let before = try HandlerFixtures.eventCount(database.connect())
            let unbound = try CLIRunner(database: database, actor: nil)
                .run(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "群众举报黑车"])
            #expect(unbound.status == 3)
            #expect(unbound.errorLines.count == 1)
            #expect(unbound.stderr.contains("is an administrator's and is bound to no officer, so it records an act only on the "
                                            + "acting officer's behalf: add --on-behalf-of OFFICER-ID (or set JOINTOPS_ON_BEHALF_OF), "
                                            + "the id from `jointops officer list`"), "\(unbound.stderr)")
            #expect(!unbound.stderr.contains("officer bind"))
            #expect(try HandlerFixtures.eventCount(database.connect()) == before)
        }
    }

    @Test func aBoundLoginRecordsItsOfficerAndItselfAndMayNotActForOthers() throws {
        let login = Self.freshLogin()
        defer { Self.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let admin = CLIRunner(database: database)
            try CLIEndToEndTests.registry(admin)
            let bound = try admin.ok(["officer", "bind", "ZF-02", "--login", login])
            #expect(bound.stdout.contains(": 绑定登录账号 → 已登记"), "\(bound.stdout)")
            #expect(try admin.ok(["officer", "list", "--format", "csv"]).stdout.contains("ZF-02,李娜,WSZD,65420200002,true,,\(login)"))

            let officer = try Self.cli(database, as: login)
            try officer.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "群众举报黑车"])
            #expect(try Self.actors(database, type: "CaseLeadReceived") == ["ZF-02 login=\(login)"])

            let forOther = try officer.run(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint",
                                            "--summary", "群众举报黑车", "--on-behalf-of", "ZF-01"])
            #expect(forOther.status == 3)
            #expect(forOther.stderr.contains("only an administrator may record on ZF-01's behalf, and login \(login) is not one"))
            let bindAgain = try officer.run(["officer", "bind", "ZF-01", "--login", login + "x"])
            #expect(bindAgain.status == 3)
            #expect(bindAgain.stderr.contains("login \(login) may not bind officers"))
            // Issue 10: a reviewer's opinion is recorded by the reviewer (or typed in on their behalf).
            let review = try officer.run(["review", "pass", "CASE-\(DateRulesCLITests.today.year)-0001", "--reviewer", "FZ-01", "--opinion", "同意"])
            #expect(review.status == 3)
            #expect(review.stderr.contains("you are ZF-02, not FZ-01"), "\(review.stderr)")
            // A login is one person: it never moves to another officer.
            let moved = try admin.run(["officer", "bind", "ZF-01", "--login", login])
            #expect(moved.status == 4 || moved.status == 3, "\(moved.stderr)")
        }
    }

    @Test func anAdministratorRecordingOnSomeonesBehalfStoresBothNames() throws {
        try TestDatabase.with { database in
            let admin = CLIRunner(database: database)
            try CLIEndToEndTests.registry(admin)
            try admin.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "纸质登记表补录",
                          "--on-behalf-of", "ZF-09"])
            let login = try database.connect().execute("SELECT session_user::text").rows[0].get(0, as: String.self)
            #expect(try Self.actors(database, type: "CaseLeadReceived") == ["ZF-09 login=\(login) on-behalf"])
            // The administrator's own upkeep of the registry needs no officer.
            var unnamed = admin
            unnamed.actor = nil
            try unnamed.ok(["agency", "register", "WSYG", "--name", "乌苏市运管所", "--kind", "transport"])
            #expect(try Self.actors(database, type: "AgencyRegistered").last == "administrator login=\(login)")
            // --actor is gone, with a pointer to what replaced it.
            let old = try admin.run(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "黑车",
                                     "--actor", "ZF-01"])
            #expect(old.status == 2)
            #expect(old.stderr.contains("--actor (and JOINTOPS_ACTOR) are gone"))
        }
    }
}

/// The local cluster's side of point 5: the cluster's owner keeps the registry and binds OS users; a bound
/// OS user then logs in as its own role (peer-mapped) and is recorded as its officer.
@Suite("Officer logins on the local cluster", .serialized)
struct LocalOfficerLoginTests {
    static let cluster = TestCluster.private(named: "officer-local")

    /// Runs jointops on the local cluster as its owner, or — `login` — through the socket as that login, peer-mapped
    /// from the OS user running the tests as `officer bind --os-user` maps an officer's own OS user.
    func jointops(_ arguments: [String], onBehalfOf officer: String? = nil, as login: String? = nil,
                  on cluster: LocalCluster) throws -> ProcessRunner.Result {
        var env = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("PG") && !["DATABASE_URL", "JOINTOPS_ACTOR", "JOINTOPS_ON_BEHALF_OF"].contains($0.key)
        }
        env["JOINTOPS_DATA_DIR"] = cluster.root.path
        if let login { env["DATABASE_URL"] = cluster.conninfo(user: login) }
        if let officer { env["JOINTOPS_ON_BEHALF_OF"] = officer }
        return try ProcessRunner.run(DeploymentTests.binary, arguments, environment: env)
    }

    @Test func anOSUserBoundByTheOwnerLogsInAsItsOwnRoleAndIsRecordedAsItsOfficer() throws {
        _ = try Self.cluster.server()
        let cluster = try #require(Self.cluster.localCluster)
        let user = LocalCluster.currentOSUser
        for arguments in [["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport"],
                          ["officer", "register", "ZF-01", "--name", "王建国", "--agency", "WSZD", "--certificate", "65420200001"]] {
            let upkeep = try jointops(arguments, on: cluster)
            #expect(upkeep.status == 0, "\(upkeep.output)")
        }
        let lead = ["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "群众举报黑车"]
        let unbound = try jointops(lead, on: cluster)
        #expect(unbound.status == 3)
        #expect(unbound.output.contains("is bound to no officer"), "\(unbound.output)")

        // The owner (who runs these tests) is the administrator: binding them to an officer is refused.
        let owner = try jointops(["officer", "bind", "ZF-01", "--os-user", user], on: cluster)
        #expect(owner.status == 3)
        #expect(owner.output.contains("\(user) owns the local cluster, and its owner is the administrator"), "\(owner.output)")
        #expect(owner.output.split(separator: "\n").count == 1)

        let officerUser = "nobody"
        let bind = try jointops(["officer", "bind", "ZF-01", "--os-user", officerUser], on: cluster)
        #expect(bind.status == 0, "\(bind.output)")
        try cluster.mapLogin(osUser: user, role: officerUser)
        #expect(try jointops(lead, as: officerUser, on: cluster).status == 0)
        #expect(try jointops(lead, onBehalfOf: "ZF-02", on: cluster).status == 3)   // no officer ZF-02
        _ = try jointops(["officer", "register", "ZF-02", "--name", "李娜", "--agency", "WSZD", "--certificate", "65420200002"],
                     on: cluster)
        #expect(try jointops(lead, onBehalfOf: "ZF-02", on: cluster).status == 0)

        let actors = try Connection(cluster.conninfo()).execute(
            "SELECT actor FROM eventstore.events WHERE event_type = 'CaseLeadReceived' ORDER BY position")
            .rows.map { try $0.get(0, as: String.self) }
        #expect(actors == ["ZF-01 login=\(officerUser)", "ZF-02 login=\(LocalCluster.writerLogin) on-behalf"])
        let login = try Connection(cluster.conninfo()).execute(
            "SELECT rolsuper, pg_has_role(oid, 'jointops_writer', 'MEMBER') FROM pg_roles WHERE rolname = $1", [officerUser])[0]
        #expect(try login.get(0, as: Bool.self) == false)
        #expect(try login.get(1, as: Bool.self) == true)
    }
}

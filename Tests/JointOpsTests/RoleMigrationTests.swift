import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// The roles of DESIGN.md §9, made by the migrations (issue 12 point 1), and the projector's horizon
/// that an analyst cannot hold back (point 6).
@Suite("Least-privilege roles")
struct RoleMigrationTests {
    /// A cluster where no migration ran yet: the roles are first made by a login that is no superuser.
    static let fresh = TestCluster.private(named: "roles-migrator")

    @Test func aLoginWithCreateRoleAndNoSuperuserMigratesParallelDatabases() throws {
        let server = try Self.fresh.server()
        let local = try #require(Self.fresh.localCluster)
        let admin = try Connection("\(server) dbname=postgres")
        #expect(try admin.execute("SELECT count(*)::int FROM pg_roles WHERE rolname LIKE 'jointops\\_%'")[0].get(0, as: Int.self) == 0)
        try admin.run("CREATE ROLE jt_migrator LOGIN CREATEROLE")
        try local.mapLogin(osUser: LocalCluster.currentOSUser, role: "jt_migrator")
        let names = (0..<3).map { "jt_migrated_\($0)" }
        for name in names { try admin.run("CREATE DATABASE \(name) OWNER jt_migrator") }

        // Three databases at once: their CREATE ROLEs race, and none of the migrations may fail.
        let failures = Locked<[String]>([])
        runThreads(names.count) { index in
            do {
                let connection = try Connection("\(server) dbname=\(names[index]) user=jt_migrator")
                try Migrator(connection: connection, migrations: SchemaFiles.migrations()).migrate()
            } catch { failures.withLock { $0.append("\(names[index]): \(error)") } }
        }
        #expect(failures.current.isEmpty, "\(failures.current)")

        let migrated = try Connection("\(server) dbname=\(names[0])")
        let roles = try migrated.execute("""
            SELECT rolname, rolcanlogin, rolsuper FROM pg_roles WHERE rolname LIKE 'jointops\\_%' ORDER BY rolname
            """).rows.map { "\(try $0.get(0, as: String.self)) login=\(try $0.get(1, as: Bool.self)) super=\(try $0.get(2, as: Bool.self))" }
        #expect(roles == ["jointops_analyst login=false super=false", "jointops_owner login=false super=false",
                          "jointops_projector login=false super=false", "jointops_writer login=false super=false"])
        let owners = try migrated.execute("""
            SELECT n.nspname || ' ' || pg_get_userbyid(n.nspowner) FROM pg_namespace n
            WHERE n.nspname IN ('eventstore', 'projections', 'reporting')
            UNION ALL SELECT 'eventstore.' || tablename || ' ' || tableowner FROM pg_tables WHERE schemaname = 'eventstore'
            UNION ALL SELECT 'projections.' || tablename || ' ' || tableowner FROM pg_tables WHERE schemaname = 'projections'
            ORDER BY 1
            """).rows.map { try $0.get(0, as: String.self) }
        #expect(owners == ["eventstore jointops_owner", "eventstore.checkpoints jointops_owner", "eventstore.commands jointops_owner",
                           "eventstore.events jointops_owner", "eventstore.quarantined_streams jointops_owner",
                           "eventstore.seals jointops_owner", "eventstore.streams jointops_owner",
                           "projections jointops_owner", "projections.versions jointops_projector",
                           "projections.working_days jointops_projector", "reporting jointops_owner"])
    }

    @Test func aProjectionRebuiltByTheProjectorIsReadByAnAnalyst() throws {
        let logins = try RoleLogins.get()
        let database = try logins.database()
        defer { database.drop() }
        var workload = ProjectionWorkload(seed: 21)
        try ProjectionWorkload.append(workload.streams(cases: 8), to: logins.conninfo(database, as: RoleLogins.writer), writers: 2)

        let projector = ProjectionRunner(connection: try logins.connect(database, as: RoleLogins.projector))
        try projector.install()
        try projector.catchUpFully()
        try projector.rebuild("cases")
        let analyst = try logins.connect(database, as: RoleLogins.analyst)
        #expect(try analyst.execute("SELECT count(*)::int FROM reporting.case_register")[0].get(0, as: Int.self) == 8)
        let row = try analyst.execute("""
            SELECT (SELECT active_version FROM reporting.projection_lag() WHERE projection = 'cases'),
                   (SELECT viewowner FROM pg_views WHERE schemaname = 'reporting' AND viewname = 'case_register')
            """)[0]
        #expect(try row.get(0, as: Int.self) == 2, "the views switched to the rebuilt version")
        #expect(try row.get(1, as: String.self) == "jointops_projector")
        try analyst.run("SET default_transaction_read_only = off")  // a setting the analyst may change: TEMP is not
        #expect(failureState { try analyst.run("CREATE TEMPORARY TABLE mine (a int)") } == .insufficientPrivilege)
    }

    /// A server's login that belongs to several roles (a superuser belongs to all) works, per session,
    /// as the group of the job: commands as the writer, projections as the projector.
    @Test func aSuperuserURLWorksAsTheGroupOfEachJob() throws {
        try TestDatabase.with { database in
            let location = DatabaseLocation.external(conninfo: database.conninfo)
            let writer = try Database(location: location).application().connection
            let projector = try Database(location: location).projector().connection
            for (connection, group) in [(writer, "jointops_writer"), (projector, "jointops_projector")] {
                let row = try connection.execute("SELECT current_user::text, current_setting('is_superuser')")[0]
                #expect(try row.get(0, as: String.self) == group)
                #expect(try row.get(1, as: String.self) == "off")
                #expect(failureState { try connection.run("DELETE FROM eventstore.commands") } == .insufficientPrivilege)
            }
        }
    }

    /// The trap: the analyst's transaction takes an id before the writer appends, so a horizon of "the
    /// oldest running transaction" would hold every new event back until the analyst ends it.
    @Test func anAnalystHoldingATransactionIdDoesNotHoldBackTheProjections() throws {
        let logins = try RoleLogins.get()
        let database = try logins.database()
        defer { database.drop() }
        let analyst = try logins.connect(database, as: RoleLogins.analyst)
        try analyst.run("SET idle_in_transaction_session_timeout = 0")
        try analyst.run("BEGIN")
        let analystXid: UInt64 = try analyst.execute("SELECT pg_current_xact_id()")[0].uint64(0)

        var workload = ProjectionWorkload(seed: 22)
        try ProjectionWorkload.append(workload.streams(cases: 5), to: logins.conninfo(database, as: RoleLogins.writer), writers: 1)
        let projectorConnection = try logins.connect(database, as: RoleLogins.projector)
        let armed: Bool = try projectorConnection.execute(
            "SELECT pg_snapshot_xmin(pg_current_snapshot()) <= $1::xid8", [analystXid])[0].get(0)
        #expect(armed, "the analyst's transaction is the oldest running one")
        let projector = ProjectionRunner(connection: projectorConnection)
        try projector.install()
        #expect(try projector.catchUpWithCommitted(waitingAtMost: .seconds(60)))
        #expect(try projectorConnection.execute("SELECT count(*)::int FROM reporting.case_register")[0].get(0, as: Int.self) == 5)
        #expect(try analyst.execute("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")[0].get(0, as: Bool.self),
                "the analyst's transaction was still open while the projections advanced")
        try analyst.run("ROLLBACK")
    }
}

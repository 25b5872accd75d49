import EventStore
import Foundation
import JointOps
import Postgres
import TestSupport

/// Real logins of each application role on a private cluster, peer-mapped to the OS user running the
/// tests: what a server's operator makes, so the tests connect exactly as the application would.
struct RoleLogins: Sendable {
    static let cluster = TestCluster.private(named: "roles")

    static let writer = "jt_writer_login"
    static let projector = "jt_projector_login"
    static let analyst = "jt_analyst_login"

    /// Made once per test process; every suite of this cluster shares them.
    static let shared: Result<RoleLogins, any Error> = Result { try RoleLogins() }

    let server: String

    private init() throws {
        server = try Self.cluster.server()
        guard let local = Self.cluster.localCluster else { throw CLIRunnerError("the roles cluster is not local") }
        // The group roles exist once a database is migrated (0008).
        let first = try TestDatabase.create(on: Self.cluster)
        let admin = try first.connect()
        try admin.run("""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(Self.writer)') THEN
                    CREATE ROLE \(Self.writer) LOGIN IN ROLE jointops_writer;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(Self.projector)') THEN
                    -- as README advises: the login works as its group, which then owns what it creates
                    CREATE ROLE \(Self.projector) LOGIN IN ROLE jointops_projector;
                    ALTER ROLE \(Self.projector) SET role = 'jointops_projector';
                END IF;
            END
            $$
            """)
        // The analyst's login is made the way `jointops analyst add` makes it on a server.
        _ = try Database(location: .external(conninfo: first.conninfo)).addAnalyst(Self.analyst, osUser: nil, password: nil)
        for login in [Self.writer, Self.projector, Self.analyst] {
            try local.mapLogin(osUser: LocalCluster.currentOSUser, role: login)
        }
        first.drop()
    }

    static func get() throws -> RoleLogins { try shared.get() }

    /// A new migrated database on the roles cluster.
    func database() throws -> TestDatabase { try TestDatabase.create(on: Self.cluster) }

    /// A session of `database` logged in as `login`.
    func connect(_ database: TestDatabase, as login: String) throws -> Connection {
        try Connection(conninfo(database, as: login))
    }

    func conninfo(_ database: TestDatabase, as login: String) -> String { "\(database.conninfo) user=\(login)" }
}

/// The SQLSTATE a statement failed with, nil when it succeeded.
func failureState(_ body: () throws -> Void) -> SQLState? {
    do { try body(); return nil } catch let error as PostgresError { return error.sqlState } catch { return nil }
}

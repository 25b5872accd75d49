import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Append-only against the application itself (issue 12 point 2): as the writer's and the
/// projector's logins, every way to change or remove a recorded event or command row is refused.
@Suite("Append-only against the application's own roles")
struct AppendOnlyRoleTests {
    /// One database with history, shared by every attempt: all of them must fail, so none disturbs another.
    static let history: Result<TestDatabase, any Error> = Result {
        let logins = try RoleLogins.get()
        let database = try logins.database()
        var workload = ProjectionWorkload(seed: 12)
        try ProjectionWorkload.append(workload.streams(cases: 3), to: logins.conninfo(database, as: RoleLogins.writer), writers: 1)
        return database
    }

    static let tampering = [
        "UPDATE eventstore.events SET actor = '伪造'",
        "DELETE FROM eventstore.events",
        "TRUNCATE eventstore.events",
        "ALTER TABLE eventstore.events DISABLE TRIGGER events_refuse_update_delete",
        "DROP TRIGGER events_refuse_update_delete ON eventstore.events",
        "SET session_replication_role = replica",
        "ALTER TABLE eventstore.events ADD COLUMN forged text",
        "DROP TABLE eventstore.events",
        "UPDATE eventstore.commands SET stream_id = 'forged'",
        "DELETE FROM eventstore.commands",
        "TRUNCATE eventstore.commands",
        "ALTER TABLE eventstore.commands DISABLE TRIGGER commands_refuse_update_delete",
        "DROP TRIGGER commands_refuse_update_delete ON eventstore.commands",
        "ALTER TABLE eventstore.commands DROP CONSTRAINT commands_pkey",
    ]

    @Test(arguments: [RoleLogins.writer, RoleLogins.projector], tampering)
    func everyWayToChangeTheRecordIsRefused(login: String, statement: String) throws {
        let logins = try RoleLogins.get()
        let database = try Self.history.get()
        let session = try logins.connect(database, as: login)
        let before = try Self.fingerprint(database)
        #expect(failureState { try session.run(statement) } == .insufficientPrivilege, "\(login): \(statement)")
        #expect(try Self.fingerprint(database) == before)
        #expect(!before.hasPrefix("0 "), "the history to tamper with is there: \(before)")
    }

    @Test(arguments: [RoleLogins.writer, RoleLogins.projector])
    func theApplicationsLoginsAreNeitherSuperusersNorOwners(login: String) throws {
        let logins = try RoleLogins.get()
        let session = try logins.connect(try Self.history.get(), as: login)
        let row = try session.execute("""
            SELECT r.rolsuper, pg_has_role(session_user, 'jointops_owner', 'MEMBER'),
                   (SELECT tableowner FROM pg_tables WHERE schemaname = 'eventstore' AND tablename = 'events')
            FROM pg_roles r WHERE r.rolname = session_user
            """)[0]
        #expect(try row.get(0, as: Bool.self) == false)
        #expect(try row.get(1, as: Bool.self) == false)
        #expect(try row.get(2, as: String.self) == "jointops_owner")
    }

    /// The guards fire always: even a superuser's `session_replication_role = replica` lets no delete
    /// through, and a deleted command row can no longer make a retried command append twice.
    @Test func evenASuperuserInReplicaModeCannotDeleteEventsOrCommands() throws {
        let database = try Self.history.get()
        let superuser = try database.connect()
        try superuser.run("SET session_replication_role = replica")
        #expect(failureState { try superuser.run("DELETE FROM eventstore.events") } == .insufficientPrivilege)
        #expect(failureState { try superuser.run("DELETE FROM eventstore.commands") } == .insufficientPrivilege)
        #expect(failureState { try superuser.run("TRUNCATE eventstore.commands") } == .insufficientPrivilege)
    }

    /// Events and command rows, summed up: any change shows.
    static func fingerprint(_ database: TestDatabase) throws -> String {
        let row = try database.connect().execute("""
            SELECT (SELECT count(DISTINCT stream_id) FROM eventstore.events)::text || ' ' ||
                   (SELECT md5(string_agg(e::text, '|' ORDER BY position)) FROM eventstore.events e) || ' ' ||
                   (SELECT md5(string_agg(c::text, '|' ORDER BY command_id)) FROM eventstore.commands c)
            """)[0]
        return try row.get(0)
    }
}

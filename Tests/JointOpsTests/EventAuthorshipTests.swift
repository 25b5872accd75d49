import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// The try-out's forged events (issue 12, wave 5 defect 1): a bound officer's own login, from psql, may
/// not record in another's name nor move a stream row, and what the database cannot see `verify` names.
@Suite struct EventAuthorshipTests {
    /// One event appended by hand, as the try-out did it: a copy of the stream's first event at the next
    /// version, recorded as `actor`, its hash chained correctly and the stream row moved to match.
    static let forgeSQL = """
        WITH src AS (
            SELECT event_type, schema_version, data, agency FROM eventstore.events
            WHERE stream_id = $1::text ORDER BY stream_version LIMIT 1
        ), s AS (
            UPDATE eventstore.streams s
            SET version = s.version + 1, prev_xid = s.last_xid, last_xid = pg_current_xact_id(), prev_hash = s.last_hash,
                last_hash = eventstore.chain_hash(s.last_hash, eventstore.event_content($1::text, s.version + 1, src.event_type,
                    src.schema_version, src.data, $3::uuid, $4::uuid, $2::text, src.agency, $3::uuid, NULL, now(), now()))
            FROM src WHERE s.stream_id = $1::text
            RETURNING s.version, s.last_xid, s.last_hash
        )
        INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data,
                                       command_id, actor, agency, correlation_id, causation_id, occurred_at, hash)
        SELECT s.last_xid, $1::text, s.version, $3::uuid, src.event_type, src.schema_version, src.data, $4::uuid, $2::text,
               src.agency, $3::uuid, NULL, now(), s.last_hash
        FROM s, src
        RETURNING position
        """

    static func forge(_ connection: Connection, stream: String, actor: String) throws -> Int64 {
        try connection.execute(forgeSQL, [stream, actor, UUID().uuidString, UUID().uuidString])[0].get(0)
    }

    /// A registry, ZF-02 bound to a fresh login, and one lead that login recorded (CASE-2023-0001).
    static func boundOfficer(_ database: TestDatabase, login: String) throws -> (admin: CLIRunner, officer: CLIRunner) {
        let admin = CLIRunner(database: database)
        try CLIEndToEndTests.registry(admin)
        try admin.ok(["officer", "bind", "ZF-02", "--login", login])
        let officer = try OfficerBindingTests.cli(database, as: login)
        try officer.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "群众举报黑车",
                        "--at", "2023-02-01"])
        return (admin, officer)
    }

    @Test func aBoundOfficersForgeryInAnotherOfficersNameIsRefusedByTheDatabase() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let (admin, _) = try Self.boundOfficer(database, login: login)
            let officer = try Connection("\(database.conninfo) user=\(login)")
            let before = try HandlerFixtures.eventCount(database.connect())
            for actor in ["FZ-01 login=tryofficer3", "FZ-01 login=\(login) on-behalf", "administrator login=\(login)", "FZ-01"] {
                #expect(failureState { _ = try Self.forge(officer, stream: "CASE-2023-0001", actor: actor) } == .insufficientPrivilege,
                        "\(actor)")
            }
            // The stream row follows its events: the try-out's vandalism, and a version moved back.
            for vandalism in ["UPDATE eventstore.streams SET last_hash = '\\x00' WHERE stream_id = 'CASE-2023-0001'",
                              "UPDATE eventstore.streams SET version = version - 1 WHERE stream_id = 'CASE-2023-0001'",
                              "UPDATE eventstore.streams SET version = version + 1 WHERE stream_id = 'CASE-2023-0001'"] {
                #expect(failureState { try officer.run(vandalism) } == .insufficientPrivilege, "\(vandalism)")
            }
            #expect(failureState { try officer.run("DELETE FROM eventstore.streams") } == .insufficientPrivilege)
            #expect(try HandlerFixtures.eventCount(database.connect()) == before)
            let verified = try admin.ok(["verify"])
            #expect(verified.stdout.hasPrefix("日志核验通过 Log verified:"))
        }
    }

    @Test func anEventInAnotherOfficersNameThroughTheOfficersOwnLoginIsNamedByVerify() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let (admin, officer) = try Self.boundOfficer(database, login: login)
            #expect(try officer.ok(["verify"]).stdout.hasPrefix("日志核验通过 Log verified:"), "an officer may verify")
            // The login is truthful, so the database lets it in; the officer (FZ-01) is not the login's (ZF-02).
            let forged = try Self.forge(Connection("\(database.conninfo) user=\(login)"), stream: "CASE-2023-0001",
                                        actor: "FZ-01 login=\(login)")
            let named = try admin.run(["verify"])
            #expect(named.status == 3)
            #expect(named.errorLines.count == 1)
            #expect(named.stderr.contains("日志记录人不符 Log altered at position \(forged) (stream CASE-2023-0001, version 2): "
                                          + "it is recorded as \"FZ-01 login=\(login)\""), "\(named.stderr)")
            #expect(try admin.run(["verify", "--stream", "CASE-2023-0001"]).status == 3)
            #expect(try admin.ok(["verify", "--stream", "registry"]).stdout.contains("Log verified"))
        }
    }

    @Test func aSuperusersOwnActInAnOfficersNameWithoutOnBehalfIsNamedByVerify() throws {
        try TestDatabase.with { database in
            let admin = CLIRunner(database: database)
            try CLIEndToEndTests.registry(admin)
            try admin.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "群众举报黑车"])
            let login = try database.connect().execute("SELECT session_user::text")[0].get(0, as: String.self)
            // A superuser passes the trigger (it could switch it off anyway); the binding is not there.
            let forged = try Self.forge(database.connect(), stream: "CASE-2026-0001", actor: "ZF-02 login=\(login)")
            let named = try admin.run(["verify"])
            #expect(named.status == 3)
            #expect(named.stderr.contains("Log altered at position \(forged)"), "\(named.stderr)")
        }
    }

    @Test func verifyingAStreamThatDoesNotExistSaysSoInOneLine() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let missing = try cli.run(["verify", "--stream", "CASE-2099-0001"])
            #expect(missing.status == 2)
            #expect(missing.errorLines == ["jointops: no stream CASE-2099-0001 in the log: stream ids are like CASE-2026-0001, "
                                           + "OP-2026-0001 or registry (jointops events list shows them)"], "\(missing.stderr)")
            #expect(missing.stdout.isEmpty)
        }
    }
}

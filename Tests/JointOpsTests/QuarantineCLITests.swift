import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// One poison event no longer wedges every report (issue 13): an old return whose fines are beyond
/// `bigint`, stored directly by the database's owner as no command would now accept, sets its operation
/// aside in the `operations` projection; `project run`, `report` (as of an instant, annual too) and
/// `project rebuild all` succeed with a one-line note, and `project retry` after a fix applies the
/// held events in order.
@Suite struct QuarantineCLITests {
    static let op = OperationOutcomesCLITests.op
    static let note = "these figures leave out 1 stream set aside"

    /// Appends, as the superuser, a copy of the stream's last `type` event with `path` set to `value` (an old release
    /// could store what the projections cannot hold; the hash is a placeholder: `verify` would name this event).
    static func storeDirectly(_ database: TestDatabase, copyOf type: String, setting path: String, to value: String) throws {
        let admin = try database.connect()
        try admin.run("BEGIN")
        // The stream row follows its events (migration 0018): lock it, store the event, then move the row to it.
        try admin.execute("SELECT 1 FROM eventstore.streams WHERE stream_id = $1 FOR UPDATE", [op])
        try admin.execute("""
            INSERT INTO eventstore.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version,
                                           data, command_id, actor, agency, correlation_id, occurred_at, hash)
            SELECT pg_current_xact_id(), e.stream_id, s.version + 1, gen_random_uuid(), e.event_type, e.schema_version,
                   jsonb_set(e.data, $3::text[], $4::jsonb), gen_random_uuid(), e.actor, e.agency, gen_random_uuid(), e.occurred_at,
                   sha256('stored by hand, outside the chain'::bytea)
            FROM eventstore.events e JOIN eventstore.streams s USING (stream_id)
            WHERE e.stream_id = $1 AND e.event_type = $2
            ORDER BY e.stream_version DESC LIMIT 1
            """, [op, type, path, value])
        try admin.execute("""
            UPDATE eventstore.streams SET version = version + 1, prev_xid = last_xid, last_xid = pg_current_xact_id(),
                                          prev_hash = last_hash, last_hash = sha256('stored by hand, outside the chain'::bytea)
            WHERE stream_id = $1
            """, [op])
        try admin.run("COMMIT")
    }

    @Test func aPoisonEventIsQuarantinedReportsSaySoAndARetryAfterAFixAppliesTheHeldEvents() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try OperationOutcomesCLITests.operation(cli)
            try cli.ok(["op", "record-return", Self.op, "--session", "S1", "--agency", "WSJJ", "--fines-yuan", "600"])
            try cli.ok(["report", "operation_outcomes"])
            try Self.storeDirectly(database, copyOf: "PartnerReturnRecorded", setting: "{partnerReturn,finesYuan}",
                                   to: "99999999999999999999")
            // A later event of the same stream is held, not applied.
            try Self.storeDirectly(database, copyOf: "FieldSessionRecorded", setting: "{session,sessionId}", to: #""S3""#)
            // Every other stream goes on.
            try cli.ok(["op", "plan", "--title", "汽车站周边非法营运整治", "--lead", "WSZD", "--sector", "blackCar",
                        "--from", "2026-11-02", "--to", "2026-11-20", "--place", "乌苏市汽车站", "--at", "2026-10-25"])

            let run = try cli.ok(["project", "run", "--once"])
            #expect(run.errorLines.count == 1 && run.stderr.contains(Self.note), "\(run.stderr)")
            let status = try cli.ok(["project", "status", "--format", "csv"])
            let line = try #require(status.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("operations,\(Self.op),") }, "\(status.stdout)")
            #expect(line.contains("PartnerReturnRecorded@9,2,22000,"), "event, held events, SQLSTATE: \(line)")

            let outcomes = try cli.ok(["report", "operation_outcomes", "--format", "csv"])
            #expect(outcomes.errorLines == ["jointops: note: " + Self.note
                + " after an event a projection could not apply; `jointops project status` lists them, "
                + "`jointops project retry` replays them once fixed."])
            #expect(outcomes.stdout.contains(",600,"), "the figures before the poison event stay")
            #expect(outcomes.stdout.contains(",WSZD,") && outcomes.stdout.contains(",inProgress,集中整治中,2,"), "\(outcomes.stdout)")
            #expect(try cli.ok(["report", "operations_board", "--format", "csv"]).stdout.contains("OP-2026-0002"))
            let asOf = try cli.ok(["report", "operation_outcomes", "--as-of", ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600)), "--format", "csv"])
            #expect(asOf.stderr.contains(Self.note), "\(asOf.stderr)")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annual-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let annual = try cli.ok(["report", "annual", "--year", "2026", "--output-dir", folder.path])
            #expect(annual.stderr.contains(Self.note), "\(annual.stderr)")
            try cli.ok(["project", "rebuild", "all"])
            #expect(try cli.ok(["project", "status", "--format", "csv"]).stdout.contains("operations,\(Self.op),"))

            let early = try cli.ok(["project", "retry"])
            #expect(early.stdout.hasPrefix("still quarantined \(Self.op) in operations from PartnerReturnRecorded@9"), "\(early.stdout)")

            // The fix: the owner corrects the stored figure (the application itself cannot change the log).
            let admin = try database.connect()
            try admin.run("ALTER TABLE eventstore.events DISABLE TRIGGER events_refuse_update_delete")
            try admin.execute("""
                UPDATE eventstore.events SET data = jsonb_set(data, '{partnerReturn,finesYuan}', '700')
                WHERE stream_id = $1 AND stream_version = 9
                """, [Self.op])
            try admin.run("ALTER TABLE eventstore.events ENABLE ALWAYS TRIGGER events_refuse_update_delete")
            let retry = try cli.ok(["project", "retry", "operations", "--stream", Self.op])
            #expect(retry.stdout == "released \(Self.op) in operations: its held events are applied\n")
            let after = try cli.ok(["report", "operation_outcomes", "--format", "csv"])
            #expect(after.stderr.isEmpty, "\(after.stderr)")
            #expect(after.stdout.contains(",700,"), "\(after.stdout)")
            let brigade = after.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("\(Self.op),,WSZD,") } ?? ""
            #expect(brigade.contains(",inProgress,集中整治中,3,"), "the held session S3 was applied: \(brigade)")
            #expect(try cli.run(["project", "retry", "nosuch"]).status == 2)
        }
    }

    @Test func onlyTheProjectorMayWriteTheDeadLetterTable() throws {
        let logins = try RoleLogins.get()
        let database = try logins.database()
        defer { database.drop() }
        let insert = """
            INSERT INTO eventstore.quarantined_streams
                (projection, version, stream_id, transaction_id, position, stream_version, event_type, sql_state, error)
            VALUES ('operations', 1, 'OP-2026-0001', '1', 1, 1, 'PartnerReturnRecorded', '22003', '超出范围')
            """
        for login in [RoleLogins.writer, RoleLogins.analyst] {
            let session = try logins.connect(database, as: login)
            #expect(failureState { try session.run(insert) } == .insufficientPrivilege, "\(login) wrote a dead letter")
            #expect(failureState { try session.run("SELECT 1 FROM eventstore.quarantined_streams") } == .insufficientPrivilege)
        }
        let projector = try logins.connect(database, as: RoleLogins.projector)
        #expect(failureState { try projector.run(insert) } == nil)
        #expect(failureState { try projector.run("DELETE FROM eventstore.quarantined_streams") } == nil)
    }
}

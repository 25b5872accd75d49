import Foundation
import Postgres
import Testing
import TestSupport

/// `jointops verify` through the real binary: a clean log, a superuser's edit of a paid fine, and a
/// printed annual report's seal checked against the log.
@Suite struct VerifyCLITests {
    /// An on-the-spot fine of 200 yuan, paid; returns the position of the payment event.
    static func paidFine(_ cli: CLIRunner, _ database: TestDatabase) throws -> Int64 {
        try OperationOutcomesCLITests.operation(cli)
        try cli.ok(["case", "decide-on-spot", "--agency", "WSZD", "--officer", "ZF-01", "--officer", "ZF-02",
                    "--form", "乌交当罚〔2026〕第001号", "--party-name", "艾某", "--party-id", "654202199202021234",
                    "--act-date", "2026-10-20", "--act-place", "乌苏市汽车站出口", "--sector", "rideHailing",
                    "--description", "未取得网络预约出租汽车驾驶员证从事网约车经营", "--fine", "200",
                    "--basis", "RIDE-34-3-2022", "--op", OperationOutcomesCLITests.op, "--session", "2", "--at", "2026-10-20"])
        try cli.ok(["case", "serve-decision", "CASE-2026-0001", "--method", "onTheSpot", "--at", "2026-10-20"])
        try cli.ok(["case", "receive-payment", "CASE-2026-0001", "--amount", "200", "--channel", "ePayment",
                    "--receipt", "电子缴款 1", "--at", "2026-10-21"])
        let payment = try database.connect().execute("""
            SELECT position FROM eventstore.events WHERE data::text LIKE '%200%' AND event_type ILIKE '%pay%'
            ORDER BY position DESC LIMIT 1
            """)
        #expect(payment.rowCount == 1)
        return try payment[0].get(0)
    }

    /// As a superuser with every trigger off, the payment's 200 becomes 1 in the stored event data.
    static func forgePayment(at position: Int64, _ database: TestDatabase) throws {
        let connection = try database.connect()
        try connection.run("ALTER TABLE eventstore.events DISABLE TRIGGER ALL")
        try connection.execute("UPDATE eventstore.events SET data = replace(data::text, '200', '1')::jsonb WHERE position = $1",
                               [position])
        try connection.run("ALTER TABLE eventstore.events ENABLE TRIGGER ALL")
    }

    @Test func aSuperusersEditOfAPaidFineIsNamedByItsPosition() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            let payment = try Self.paidFine(cli, database)
            let clean = try cli.ok(["verify", "--seal"])
            #expect(clean.stdout.contains("日志核验通过 Log verified:"))
            #expect(clean.stdout.contains("match their hash chains"))

            try Self.forgePayment(at: payment, database)
            let altered = try cli.run(["verify"])
            #expect(altered.status == 3)
            #expect(altered.errorLines.count == 1)
            #expect(altered.stderr.contains("日志被改动 Log altered at position \(payment) (stream "))
            #expect(altered.stderr.contains("restore the database from a backup"))
            #expect(altered.stdout.isEmpty)
            let stream = try cli.run(["verify", "--stream", "CASE-2026-0001", "--from", String(payment)])
            #expect(stream.status == 3 || stream.stderr.contains("at position \(payment)"))
        }
    }

    @Test func aPrintedAnnualReportsSealPinsTheLog() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            let payment = try Self.paidFine(cli, database)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-seal-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try cli.ok(["report", "annual", "--year", "2026", "--output-dir", folder.path])
            let annual = try String(contentsOf: folder.appendingPathComponent("annual-2026.md"), encoding: .utf8)
            let html = try String(contentsOf: folder.appendingPathComponent("annual-2026.html"), encoding: .utf8)
            guard let line = annual.split(separator: "\n").first(where: { $0.hasPrefix("日志封印 Log seal #") }) else {
                Issue.record("the annual report prints no seal line: \(annual.suffix(300))")
                return
            }
            #expect(html.contains(String(line)))
            // The seal covers the payment: the views were read after it.
            let covered = try database.connect().execute(
                "SELECT last_position >= $1 FROM eventstore.seals WHERE encode(hash, 'hex') = $2",
                [payment, String(line.suffix(64))])
            #expect(try covered.rowCount == 1 && covered[0].get(0, as: Bool.self))

            let held = try cli.ok(["verify", "--against", String(line)])
            #expect(held.stdout.contains("the log still holds the history sealed by \(line.suffix(64))"))
            #expect(try cli.ok(["verify", "--against", String(line.suffix(64))]).status == 0)

            try Self.forgePayment(at: payment, database)
            let forged = try cli.run(["verify", "--against", String(line)])
            #expect(forged.status == 3)
            #expect(forged.errorLines.count == 1)
            #expect(forged.stderr.contains("at position \(payment)"))

            let unknown = try cli.run(["verify", "--against", String(repeating: "ab", count: 32)])
            #expect(unknown.status == 3)
            #expect(unknown.errorLines.count == 1)
            let bad = try cli.run(["verify", "--against", "no hash here"])
            #expect(bad.status == 2)
        }
    }
}

import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Wave 5 defects 7 and 8: what a login may not do is one line saying who may (exit 3), never a raw
/// database error; officers read reports; an analyst checks a printed seal; every catch-up seals.
@Suite struct PermissionRefusalTests {
    static func analyst(_ database: TestDatabase) throws -> CLIRunner {
        _ = try RoleLogins.get()
        var cli = CLIRunner(database: database, actor: nil)
        cli.login = RoleLogins.analyst
        return cli
    }

    static func expectRefusedInOneLine(_ cli: CLIRunner, _ arguments: [String],
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try cli.run(arguments)
        #expect(result.status == 3, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("database error"), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func whatALoginMayNotDoIsOneLineSayingWhoMay() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let (_, officer) = try EventAuthorshipTests.boundOfficer(database, login: login)
            let analyst = try Self.analyst(database)
            for arguments in [["case", "list"], ["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "黑车"],
                              ["project", "status"], ["verify"]] {
                try Self.expectRefusedInOneLine(analyst, arguments)
            }
            let listed = try analyst.run(["case", "list"])
            #expect(listed.stderr.contains("analysts read reports (jointops report …"), "\(listed.stderr)")
            for arguments in [["verify", "--seal"], ["project", "rebuild", "all"], ["analyst", "add", "evil_an"]] {
                try Self.expectRefusedInOneLine(officer, arguments)
            }
            let sealed = try officer.run(["verify", "--seal"])
            #expect(sealed.stderr.contains("only the projector seals the log"), "\(sealed.stderr)")
        }
    }

    @Test func aBoundOfficerReadsReportsAsTheyStand() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let (admin, officer) = try EventAuthorshipTests.boundOfficer(database, login: login)
            try admin.ok(["project", "run", "--once"])
            try officer.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "黑车"])
            let report = try officer.ok(["report", "agencies", "--format", "csv"])
            #expect(report.stdout.contains("乌苏市交通运输综合行政执法大队"), "\(report.stdout)")
            #expect(report.stderr.contains("read the reporting views as they stand"), "\(report.stderr)")
            #expect(report.stderr.contains("leave out the latest event (recorded since "), "\(report.stderr)")
        }
    }

    @Test func everyCatchUpSealsSoAnAnalystsAnnualReportIsCoveredAndTheAnalystChecksIt() throws {
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let admin = CLIRunner(database: database)
            try VerifyCLITests.paidFine(admin, database)
            try admin.ok(["project", "run", "--once"])
            let analyst = try Self.analyst(database)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seal-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try analyst.ok(["report", "annual", "--year", "2026", "--output-dir", folder])
            let printed = try String(contentsOfFile: folder + "/annual-2026.md", encoding: .utf8)
            let line = try #require(printed.split(separator: "\n").last { $0.hasPrefix("日志封印 Log seal") }.map(String.init))
            #expect(line.hasPrefix("日志封印 Log seal #"), "\(line)")

            let checked = try analyst.ok(["verify", "--against", line])
            #expect(checked.stdout.contains("the log still holds the history sealed by"), "\(checked.stdout)")
            let unknown = try analyst.run(["verify", "--against", String(repeating: "ab", count: 32)])
            #expect(unknown.status == 3 && unknown.stderr.contains("This log holds no seal"), "\(unknown.stderr)")

            // A superuser's edit of an event a seal covers shows to the analyst too.
            let payment = try database.connect().execute(
                "SELECT max(position) FROM eventstore.events WHERE event_type ILIKE '%pay%'")[0].get(0, as: Int64.self)
            try VerifyCLITests.forgePayment(at: payment, database)
            let altered = try analyst.run(["verify", "--against", line])
            #expect(altered.status == 3 && altered.errorLines.count == 1, "\(altered.stderr)")
            #expect(altered.stderr.contains("日志被改动 Log altered"), "\(altered.stderr)")
        }
    }
}

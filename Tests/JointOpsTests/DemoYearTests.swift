import Enforcement
import EventStore
import Foundation
import JointOps
@testable import JointOpsDemo
import Postgres
import Testing
import TestSupport

/// Issue 11 point 7: the demo plays 2024 (no Xinjiang notice: provisional days) and 2025 on an empty database,
/// with cases in every month, operations with linked cases and partners' returns, and the figures it prints equal
/// the year's annual report. 2023 is `DemoReportTests`; a year it cannot play is refused before anything is written.
@Suite struct DemoYearTests {
    /// The year's annual figures by metric, from the projections caught up over the demo's log.
    static func played(_ year: Int, seed: UInt64, on database: TestDatabase) throws
        -> (summary: Demo.Summary, report: [String: Double], connection: Connection) {
        let app = Application(connection: try database.connect(), clock: Demo.clock(seed: seed))
        let summary = try Demo(seed: seed, year: year).run(on: app)
        let connection = try database.connect()
        let runner = ProjectionRunner(connection: connection)
        try runner.install()
        try runner.catchUpFully()
        let report = try AnnualReport.load(year: year, on: connection)
        return (summary, Dictionary(report.metrics.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }),
                connection)
    }

    /// Played with the default seed, as `jointops demo --year Y` plays it (2023 is `DemoReportTests`'s).
    @Test(arguments: [2024, 2025])
    func theDemoPlaysTheYearAndItsPrintedFiguresAreTheAnnualReports(year: Int) throws {
        try TestDatabase.with { database in
            let (summary, report, c) = try Self.played(year, seed: Demo().seed, on: database)
            #expect(summary.cases == Demo.cases && summary.operations == Demo.operations && summary.published == Demo.published)
            for figure in summary.figures {
                #expect(report[figure.metric] == Double(figure.value), "\(year) \(figure.metric): printed \(figure.value)")
            }
            for month in 1...12 {
                #expect((report[String(format: "cases_accepted_m%02d", month)] ?? 0) > 0, "\(year): no case in month \(month)")
            }
            // Operations produce linked cases in the fourth quarter too, and partners return their results.
            let linkedLate = try c.execute("""
                SELECT count(*) FROM eventstore.events
                WHERE event_type = 'DecidedOnSpot' AND data ? 'operation' AND (data->>'decidedOn') >= $1
                """, ["\(year)-10-01"])[0].get(0, as: Int64.self)
            #expect(linkedLate > 0)
            #expect(try c.execute("SELECT count(*) FROM eventstore.events WHERE event_type = 'PartnerReturnRecorded'")[0]
                .get(0, as: Int64.self) > 10)
            #expect((report["joint_cases_filed"] ?? 0) > 0)
            // Nothing is dated after the year: its report is complete when the demo ends.
            #expect(try c.execute("SELECT count(*) FROM eventstore.events WHERE occurred_at >= $1::timestamptz",
                                  ["\(year + 1)-01-01T00:00:00+08:00"])[0].get(0, as: Int64.self) == 0)
        }
    }

    /// Try-out finding: `demo --year 2024` with the default seed filed a case on 2 January, before the registry
    /// and the approver's designation of 3 January, and stopped half-written. No seed files a case before them.
    @Test func noSeedFilesACaseBeforeTheRegistryAndTheDutiesAreRecorded() throws {
        try TestDatabase.with { database in
            let app = Application(connection: try database.connect(), clock: Demo.clock(seed: 1))
            for year in [2023, 2024, 2025] {
                for seed in UInt64(1)...300 {
                    var script = DemoScript(application: app, year: year, random: DemoRandom(seed: seed))
                    let first = try script.casePlans().map { try script.workday($0.start) }.min()
                    #expect(try #require(first) >= script.registryDay, "\(year), seed \(seed): a case filed on \(first!)")
                }
            }
        }
    }

    @Test func aYearWithoutItsNationalNoticeIsRefusedBeforeAnythingIsWritten() throws {
        try TestDatabase.with { database in
            let app = Application(connection: try database.connect(), clock: Demo.clock(seed: 1))
            #expect(throws: DemoError.calendarMissing(year: 2022)) { try Demo(seed: 1, year: 2022).run(on: app) }
            #expect(try app.eventCount() == 0)
            // Without the 2023 RTR revision's articles a year is not playable either.
            let older = LegalBasisCatalogue(bases: LegalBasisCatalogue.shipped.all.filter { $0.family != "RTR-64" })
            #expect(throws: DemoError.legalBasisMissing(year: 2024, family: "RTR-64")) {
                try Demo.checkPlayable(year: 2024, calendar: .shipped, legalBases: older)
            }
            let cli = try CLIRunner(database: database).run(["demo", "--year", "2022"])
            #expect(cli.status == 3 && cli.errorLines.count == 1, "\(cli.stderr)")
            #expect(cli.stderr.contains("no national holiday notice for 2022"), "\(cli.stderr)")
            #expect(try app.eventCount() == 0)
        }
    }
}

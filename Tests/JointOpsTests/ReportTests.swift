import Enforcement
import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

@Suite("Reports")
struct ReportTests {
    func withProjected(_ body: (Connection) throws -> Void) throws {
        try TestDatabase.with { db in
            var workload = ProjectionWorkload(seed: 23)
            try ProjectionWorkload.append(workload.streams(cases: 120), to: db.conninfo, writers: 1)
            let connection = try db.connect()
            let runner = ProjectionRunner(connection: connection)
            try runner.install()
            try runner.catchUpFully()
            try body(connection)
        }
    }

    @Test func filtersNarrowAReportAndBindTheirValues() throws {
        try withProjected { connection in
            let all = try ReportQuery.table("case_register", filter: ReportFilter(), on: connection)
            let agency = try ReportQuery.table("case_register", filter: ReportFilter(agency: "WSJT"), on: connection)
            let spring = try ReportQuery.table("case_register", filter: ReportFilter(
                from: LocalDate(year: 2023, month: 3, day: 1), to: LocalDate(year: 2023, month: 5, day: 31)), on: connection)
            #expect(all.rows.count == 120)
            #expect(agency.rows.count > 0 && agency.rows.count < 120)
            #expect(agency.rows.allSatisfy { $0[1] == "WSJT" })
            let accepted = all.headers.firstIndex(of: "accepted_on")!
            #expect(spring.rows.allSatisfy { $0[accepted] >= "2023-03-01" && $0[accepted] <= "2023-05-31" })
            // Bound, never spliced: the hostile text is compared as a code, names no agency, and is refused as such.
            #expect(throws: ReportError.self) {
                try ReportQuery.table("case_register", filter: ReportFilter(agency: "x' OR '1'='1"), on: connection)
            }
            let campaign = try ReportQuery.table("operations_board", filter: ReportFilter(campaign: "CAMP-2023-BLACKCAR"), on: connection)
            #expect(campaign.rows.count == 6)
        }
    }

    @Test func aFilterAReportCannotTakeIsRefused() throws {
        try withProjected { connection in
            #expect(throws: ReportError.filterNotApplicable(report: "agencies", option: "--year")) {
                try ReportQuery.table("agencies", filter: ReportFilter(year: 2023), on: connection)
            }
            #expect(throws: ReportError.self) { try ReportQuery.table("nonsense", filter: ReportFilter(), on: connection) }
        }
    }

    @Test func outcomesByAgencyAddUpToTheOperationsBoard() throws {
        try withProjected { connection in
            // The workload's sessions were typed the old way: their fines are legacy figures, kept apart.
            for column in ["fines_yuan", "legacy_fines_yuan"] {
                let byAgency: Int64 = try connection.execute("SELECT sum(\(column))::bigint FROM reporting.operation_outcomes")[0].get(0)
                let board: Int64 = try connection.execute("SELECT sum(\(column))::bigint FROM reporting.operations_board")[0].get(0)
                #expect(byAgency == board, "\(column)")
            }
            let legacy: Int64 = try connection.execute("SELECT sum(legacy_fines_yuan)::bigint FROM reporting.operations_board")[0].get(0)
            #expect(legacy > 0)
            let cases: Int = try connection.execute(
                "SELECT value::int FROM reporting.annual_statistics WHERE year = 2023 AND metric = 'cases_accepted'")[0].get(0)
            let register: Int = try connection.execute(
                "SELECT count(*)::int FROM reporting.case_register WHERE year = 2023")[0].get(0)
            #expect(cases == register)
        }
    }

    @Test func theAnnualReportIsMarkdownAndOneSelfContainedHTMLPageWithCharts() throws {
        try withProjected { connection in
            let report = try AnnualReport.load(year: 2023, on: connection)
            let html = report.html()
            #expect(html.components(separatedBy: "<svg").count - 1 == 4)
            #expect(html.contains("受理案件") && html.contains("Cases accepted"))
            #expect(!html.contains("src=\"http") && !html.contains("<link") && !html.contains("<script src"))
            let markdown = report.markdown()
            #expect(markdown.contains("| 受理案件 | Cases accepted | 120 |") || markdown.contains("Cases accepted"))
            #expect(report.casesByMonth.reduce(0, +) > 0)
        }
    }
}

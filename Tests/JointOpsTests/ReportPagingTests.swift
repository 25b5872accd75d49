import Enforcement
import EventStore
import Foundation
@testable import JointOps
import Postgres
import Testing
import TestSupport

/// Issue 14, point 4: registers page by keyset (`--limit`, `--after`). Every report has a key unique per row, so
/// paging through it returns every row exactly once, in the order of the whole report.
@Suite struct ReportPagingTests {
    /// The demo year's database (Chinese data: 234 cases, operations with linked cases and returns), caught up by
    /// the binary as its projector login (the suites sharing the database read what that login made), then read here.
    static func demoConnection() throws -> Connection {
        _ = try DemoOutput.cli().ok(["report", "agencies"])
        return try DemoOutput.played.get().database.connect()
    }

    /// Follows `nextAfter` from the first page to the last.
    static func pages(_ name: String, _ filter: ReportFilter, size: Int, on connection: Connection) throws -> [Table] {
        var pages: [Table] = []
        var filter = filter
        filter.limit = size
        while true {
            let page = try ReportQuery.page(name, filter: filter, on: connection)
            pages.append(page.table)
            guard let next = page.nextAfter else { return pages }
            #expect(page.table.rows.count == size, "\(name): a page before the last is full")
            filter.after = next
        }
    }

    @Test func pagingThroughEveryReportReturnsEveryRowOnceInTheWholeReportsOrder() throws {
        let connection = try Self.demoConnection()
        let june = ReportFilter(from: LocalDate(year: 2023, month: 6, day: 1), to: LocalDate(year: 2023, month: 6, day: 30))
        var paged = 0
        for name in ReportingViews.names {
            let key = try #require(ReportKey.of(name), "\(name) has no key")
            let filters = ReportQuery.dateColumns[name] == nil ? [ReportFilter()] : [ReportFilter(), june]
            for filter in filters {
                let whole = try ReportQuery.table(name, filter: filter, on: connection)
                let keys = whole.rows.map { key.text(of: $0, headers: whole.headers) }
                #expect(Set(keys).count == keys.count, "\(name): the key \(key.form) is not unique per row")
                let pages = try Self.pages(name, filter, size: 7, on: connection)
                #expect(pages.flatMap(\.rows) == whole.rows, "\(name) \(filter): the pages are not the whole report")
                #expect(pages.count == max(1, (whole.rows.count + 6) / 7), "\(name): \(pages.count) pages of \(whole.rows.count) rows")
                if whole.rows.count > 7 { paged += 1 }
            }
        }
        #expect(paged >= 15, "most reports of the demo year have more than one page")
    }

    @Test func theRegistersHoldChineseTextAndResumeAfterTheKeyAsPrinted() throws {
        let connection = try Self.demoConnection()
        let first = try ReportQuery.page("case_register", filter: ReportFilter(limit: 3), on: connection)
        let key = try #require(ReportKey.of("case_register"))
        #expect(first.table.rows.count == 3 && first.nextAfter == key.text(of: first.table.rows[2], headers: first.table.headers))
        #expect(first.nextAfter?.contains(",CASE-2023-") == true, "accepted_on,case_id: \(first.nextAfter ?? "")")
        let names = first.table.headers.firstIndex(of: "party_name")!
        #expect(first.table.rows.contains { $0[names].unicodeScalars.contains { $0.value >= 0x4E00 } }, "\(first.table.rows)")
        // A composite key is the key's values joined by commas; the next page starts right after it.
        let due = try ReportQuery.page("deadlines_due", filter: ReportFilter(limit: 2), on: connection)
        let after = try #require(due.nextAfter)
        #expect(after.split(separator: ",").count == 3 && after.contains("CASE-2023-"))
        let next = try ReportQuery.page("deadlines_due", filter: ReportFilter(limit: 1, after: after), on: connection)
        let whole = try ReportQuery.table("deadlines_due", filter: ReportFilter(), on: connection)
        #expect(next.table.rows == [whole.rows[2]])
    }

    @Test func anAfterThatIsNoKeyOrALimitBelowOneIsRefused() throws {
        let connection = try Self.demoConnection()
        for after in ["CASE-2023-0001", "CASE-2023-0001,x", "2023-13-01,CASE-2023-0001,1", "2023-06-01,CASE-2023-0001,1,2"] {
            #expect(throws: ReportError.badAfter(report: "deadlines_due", after: after, key: "due,case_id,clock_no")) {
                try ReportQuery.table("deadlines_due", filter: ReportFilter(after: after), on: connection)
            }
        }
        #expect(throws: ReportError.badAfter(report: "case_register", after: "", key: "accepted_on,case_id")) {
            try ReportQuery.table("case_register", filter: ReportFilter(after: ""), on: connection)
        }
        #expect(throws: ReportError.badLimit(0)) {
            try ReportQuery.page("case_register", filter: ReportFilter(limit: 0), on: connection)
        }
        // Bound, never spliced: hostile text in a key only sorts.
        let hostile = try ReportQuery.table("case_register", filter: ReportFilter(after: "2023-06-01,x' OR '1'='1"), on: connection)
        #expect(hostile.rows.count < 234)
    }

    @Test func anEmptyCellInAKeySortsLastAndPagesResumeAcrossIt() throws {
        let values: [String?] = ["CAMP-2023-BLACKCAR", nil]
        let key = ReportKey.of("operation_outcomes_by_campaign")!
        var bound: [String] = []
        let sql = key.after(values + ["WSJT", "caseRegister", "WSJT"], alias: "v") { bound.append($0); return "$\(bound.count)" }
        #expect(sql.contains("v.year IS NULL") && sql.contains("v.campaign_code IS NULL"))
        #expect(bound == ["CAMP-2023-BLACKCAR", "WSJT", "caseRegister", "WSJT"])
        let plain = ReportKey.of("deadlines_due")!.after(["2023-06-30", "CASE-2023-0001", "2"], alias: "v") { _ in "$1" }
        #expect(plain == "(v.due, v.case_id, v.clock_no) > ($1::date, $1::text, $1::int)")
    }

    @Test func theOutcomeRollupGivesWhatTheFactsSummedAfreshGive() throws {
        let connection = try Self.demoConnection()
        var versions: [String: Int] = [:]
        for row in try connection.execute("SELECT name, active_version FROM projections.versions").rows {
            versions[try row.get(0)] = try row.get(1)
        }
        func rows(_ query: String) throws -> [String] {
            try connection.execute("SELECT q::text FROM (\(query)) q").rows.map { try $0.get(0, as: String.self) }.sorted()
        }
        // The demo year has the bureau's linked cases (several per session) and partners' returns.
        let sources = try rows("SELECT DISTINCT source FROM reporting.operation_outcomes_by_agency")
        #expect(sources.contains("(caseRegister)") && sources.contains("(partnerReturn)"), "\(sources)")
        for (view, direct) in OperationOutcomeViews.direct(ProjectionTarget(versions: versions)) {
            let viewRows = try rows("SELECT * FROM reporting.\(view)"), summedAfresh = try rows(direct)
            #expect(!viewRows.isEmpty && viewRows == summedAfresh, "\(view)")
        }
    }
}

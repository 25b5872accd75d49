import Foundation
import Testing
import TestSupport

/// Issue 14, point 4, as an analyst pages through the demo year with the binary: the first page, the note on
/// stderr with the complete command for the next one, that command run as printed, and bad paging options.
@Suite struct ReportPagingCLITests {
    static func csvRows(_ result: CLIRunner.Result) -> [String] {
        Array(result.stdout.split(separator: "\r\n").map(String.init).dropFirst())
    }

    /// The command the next-page note prints, as words (the notes of these tests need no shell quoting).
    static func nextCommand(_ result: CLIRunner.Result) throws -> [String] {
        let note = try #require(result.errorLines.first { $0.contains("next page: ") }, "\(result.stderr)")
        let command = note.components(separatedBy: "next page: ")[1].split(separator: " ").map(String.init)
        #expect(command.first == "jointops")
        return Array(command.dropFirst())
    }

    /// The column of `accepted_on` in `case_register`'s CSV (found by its header: label columns sit among the codes).
    static let acceptedOnColumn: Int = {
        guard let header = try? DemoOutput.cli().ok(["report", "case_register", "--format", "csv", "--limit", "1"]).stdout
            .split(separator: "\r\n").first else { return 0 }
        return header.split(separator: ",").map(String.init).firstIndex(of: "accepted_on") ?? 0
    }()

    /// The key of a `case_register` CSV row: accepted_on,case_id (no cell before accepted_on holds a comma).
    static func registerKey(_ row: String) -> String {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return "\(cells[acceptedOnColumn]),\(cells[0])"
    }

    @Test func aReportPagesByItsKeyAndTheNoteGivesTheCommandForTheNextPage() throws {
        let cli = try DemoOutput.cli()
        let june = ["--from", "2023-06-01", "--to", "2023-06-30"]
        let whole = Self.csvRows(try cli.ok(["report", "case_register", "--format", "csv"] + june))
        try #require(whole.count > 10)
        let first = try cli.ok(["report", "case_register", "--limit", "5", "--format", "csv"] + june)
        #expect(Self.csvRows(first) == Array(whole[0..<5]))
        let next = try Self.nextCommand(first)
        #expect(next == ["report", "case_register", "--limit", "5", "--format", "csv"] + june + ["--after", Self.registerKey(whole[4])])
        #expect(next.last?.hasPrefix("2023-06-") == true && next.last?.contains(",CASE-2023-") == true)
        let second = try cli.ok(next)
        #expect(Self.csvRows(second) == Array(whole[5..<10]))
        // The last page says nothing more.
        let last = try cli.ok(["report", "case_register", "--limit", "5", "--after", Self.registerKey(whole[whole.count - 4]),
                               "--format", "csv"] + june)
        #expect(Self.csvRows(last) == Array(whole.suffix(3)) && !last.stderr.contains("next page"))
    }

    @Test func aCompositeKeyIsWrittenWithCommasAndATablePagesToo() throws {
        let cli = try DemoOutput.cli()
        let first = try cli.ok(["report", "deadlines_due", "--limit", "2"])
        #expect(first.stdout.split(separator: "\n").count == 4, "a heading, its rule and two rows: \(first.stdout)")
        let next = try Self.nextCommand(first)
        let after = try #require(next.last)
        #expect(after.split(separator: ",").count == 3, "due,case_id,clock_no: \(after)")
        let whole = Self.csvRows(try cli.ok(["report", "deadlines_due", "--format", "csv"]))
        try #require(whole.count > 3)
        let third = try cli.ok(["report", "deadlines_due", "--limit", "1", "--after", after, "--format", "csv"])
        #expect(Self.csvRows(third) == [whole[2]])
    }

    @Test func badPagingOptionsAreOneLineAndExit2() throws {
        let cli = try DemoOutput.cli()
        for arguments in [["report", "case_register", "--limit", "0"],
                          ["report", "deadlines_due", "--after", "CASE-2023-0001"],
                          ["report", "deadlines_due", "--after", "2023-02-30,CASE-2023-0001,1"],
                          ["report", "annual", "--year", "2023", "--limit", "10"],
                          ["case", "list", "--after", "不是编号"], ["op", "list", "--limit", "0"],
                          ["events", "list", "--after", "第一"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2 && result.errorLines.count == 1 && result.stdout.isEmpty, "\(arguments): \(result.stderr)")
        }
    }

    @Test func listsOfCasesOperationsAndEventsPageTheSameWay() throws {
        let cli = try DemoOutput.cli()
        for list in [["case", "list"], ["op", "list"]] {
            let whole = Self.csvRows(try cli.ok(list + ["--format", "csv"]))
            try #require(whole.count > 6, "\(list)")
            let first = try cli.ok(list + ["--limit", "3", "--format", "csv"])
            #expect(Self.csvRows(first) == Array(whole[0..<3]), "\(list)")
            let second = try cli.ok(try Self.nextCommand(first))
            #expect(Self.csvRows(second) == Array(whole[3..<6]), "\(list)")
        }
        let events = Self.csvRows(try cli.ok(["events", "list", "--limit", "6", "--format", "csv"]))
        try #require(events.count == 6)
        let first = try cli.ok(["events", "list", "--limit", "3", "--format", "csv"])
        let next = try Self.nextCommand(first)
        #expect(next.suffix(2) == ["--after", String(events[2].prefix { $0 != "," })])
        #expect(Self.csvRows(try cli.ok(next)) == Array(events[3..<6]))
    }
}

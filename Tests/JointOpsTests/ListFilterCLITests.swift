import Foundation
import Testing
import TestSupport

/// Issue 14, point 4 (try-out): filters that could only print `(none)` or blank lines are refused in one line
/// (exit 2), as `report` refuses them; `--limit -1` reaches our own check; `--after` of year 0000 starts a year.
@Suite struct ListFilterCLITests {
    static func refused(_ cli: CLIRunner, _ arguments: [String], saying words: String...) throws {
        let result = try cli.run(arguments)
        #expect(result.status == 2 && result.errorLines.count == 1 && result.stdout.isEmpty, "\(arguments): \(result.stderr)")
        #expect(words.allSatisfy(result.stderr.contains), "\(arguments): \(result.stderr)")
    }

    @Test func aRangeEndingBeforeItStartsIsRefused() throws {
        try Self.refused(try DemoOutput.cli(), ["report", "case_register", "--from", "2023-06-01", "--to", "2023-05-01"],
                         saying: "--from 2023-06-01 is later than --to 2023-05-01")
    }

    @Test func aNegativeLimitReachesTheCheckOfEveryPagedCommand() throws {
        let cli = try DemoOutput.cli()
        for command in [["report", "case_register"], ["case", "list"], ["op", "list"]] {
            try Self.refused(cli, command + ["--limit", "-1"], saying: "--limit -1 must be 1 or more")
        }
        try Self.refused(cli, ["events", "list", "--limit", "-1"], saying: "--limit must be a positive number")
    }

    @Test func anUnknownAgencyFilterIsRefusedListingTheCodes() throws {
        let cli = try DemoOutput.cli()
        for arguments in [["case", "list", "--agency", "NOPE"], ["case", "list", "--agency", "执法大队"],
                          ["op", "list", "--lead", "NOPE"], ["officer", "list", "--agency", "NOPE"],
                          ["case", "due", "--agency", "NOPE"]] {
            try Self.refused(cli, arguments, saying: "no agency has the code", "WSZD")
        }
        #expect(try cli.ok(["case", "list", "--agency", "WSZD", "--limit", "1"]).stdout.contains("CASE-"))
    }

    @Test func columnsNamingNothingOrAColumnTwiceAreRefused() throws {
        let cli = try DemoOutput.cli()
        try Self.refused(cli, ["case", "list", "--columns", ""], saying: "--columns needs column names")
        try Self.refused(cli, ["case", "list", "--columns", "id,id"], saying: "--columns names id twice")
        try Self.refused(cli, ["report", "case_register", "--columns", "case_id,case_id"], saying: "--columns names case_id twice")
    }

    @Test func afterNumberZeroStartsAtTheYearsFirstId() throws {
        let cli = try DemoOutput.cli()
        let whole = try cli.ok(["case", "list", "--format", "csv"]).stdout.split(separator: "\r\n").dropFirst().map(String.init)
        let year = try #require(whole.first.map { $0.split(separator: "-")[1] })
        let fromYear = try cli.ok(["case", "list", "--format", "csv", "--after", "CASE-\(year)-0000"])
        #expect(fromYear.stdout.split(separator: "\r\n").dropFirst().map(String.init) == whole)
        let later = try cli.ok(["case", "list", "--format", "csv", "--after", "case-2100-0000"])
        #expect(later.stdout.split(separator: "\r\n").count == 1, "\(later.stdout)")
        try Self.refused(cli, ["case", "list", "--after", "CASE-2026-00"], saying: "is not a case id")
    }
}

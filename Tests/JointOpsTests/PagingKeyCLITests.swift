import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 14, point 4 (try-out), through the binary: `--after` takes the last row's key as the table prints it,
/// refuses a value naming no code, pages past a key holding a comma, and tables at 80 columns keep their keys whole.
@Suite struct PagingKeyCLITests {
    /// RFC 4180 rows (quoted cells may hold commas), header first.
    static func csv(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    cell.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(cell)
                cell = ""
            } else if character == "\r\n" || character == "\n" {
                rows.append(row + [cell])
                row = []
                cell = ""
            } else {
                cell.append(character)
            }
        }
        return rows
    }

    /// The words of the next-page note's command after `jointops`, as a POSIX shell reads its quoting.
    static func nextCommand(_ result: CLIRunner.Result) throws -> [String] {
        let note = try #require(result.errorLines.first { $0.contains("next page: ") }, "\(result.stderr)")
        var words: [String] = []
        var word: String?
        var quoted = false
        var literal = false
        for character in note.components(separatedBy: "next page: ")[1] {
            if literal {
                word = (word ?? "") + String(character)
                literal = false
            } else if quoted {
                if character == "'" { quoted = false } else { word!.append(character) }
            } else if character == "'" {
                quoted = true
                word = word ?? ""
            } else if character == "\\" {
                literal = true
            } else if character == " " {
                if let finished = word { words.append(finished) }
                word = nil
            } else {
                word = (word ?? "") + String(character)
            }
        }
        if let finished = word { words.append(finished) }
        #expect(words.first == "jointops")
        return Array(words.dropFirst())
    }

    @Test func theLastRowsKeyAsTheTablePrintsItPagesLikeTheNotesCodes() throws {
        let cli = try DemoOutput.cli()
        let whole = Self.csv(try cli.ok(["report", "case_pipeline", "--format", "csv"]).stdout)
        try #require(whole.count > 6)
        let header = whole[0]
        func cell(_ row: [String], _ column: String) -> String { row[header.firstIndex(of: column)!] }
        let first = try cli.ok(["report", "case_pipeline", "--limit", "3", "--format", "csv"])
        let third = whole[3]
        let printed = [cell(third, "year"), cell(third, "stage_zh"), cell(third, "agency"), cell(third, "sector_zh"),
                       cell(third, "source_zh"), cell(third, "procedure_zh")].joined(separator: ",")
        let byCodes = try cli.ok(try Self.nextCommand(first)).stdout
        let byLabels = try cli.ok(["report", "case_pipeline", "--limit", "3", "--format", "csv", "--after", printed]).stdout
        #expect(byLabels == byCodes, "--after \(printed)")
        #expect(Array(Self.csv(byLabels).dropFirst()) == Array(whole[4..<min(7, whole.count)]), "--after \(printed)")
    }

    @Test func aKeyValueNamingNoCodeIsOneLineNamingTheColumnAndItsChoices() throws {
        let cli = try DemoOutput.cli()
        let result = try cli.run(["report", "case_pipeline", "--after", "2023,bogus,WSZD,blackCar,jointOperation,ordinary"])
        #expect(result.status == 2 && result.errorLines.count == 1 && result.stdout.isEmpty, "\(result.stderr)")
        #expect(result.stderr.contains("`bogus` is not a stage") && result.stderr.contains("archived (已归档)"), "\(result.stderr)")
    }

    @Test func aKeyHoldingACommaReachesTheNextPageThroughTheNote() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            for campaign in ["宪法宣传月,乡村专场", "宪法宣传月", "全国交通宣传日"] {
                try cli.ok(["outreach", "record", "--event", "普法宣传", "--place", "乌苏市人民广场", "--agency", "WSZD",
                            "--leaflets", "10", "--people", "5", "--date", "2024-12-04", "--campaign", campaign])
            }
            let whole = Self.csv(try cli.ok(["report", "outreach_campaigns", "--format", "csv"]).stdout)
            try #require(whole.count == 4)
            var rows: [[String]] = []
            var arguments = ["report", "outreach_campaigns", "--limit", "1", "--format", "csv"]
            for _ in 0..<3 {
                let page = try cli.ok(arguments)
                rows += Self.csv(page.stdout).dropFirst()
                guard page.stderr.contains("next page: ") else { break }
                arguments = try Self.nextCommand(page)
            }
            #expect(rows == Array(whole.dropFirst()), "\(rows)")
            #expect(rows.contains { $0[1] == "宪法宣传月,乡村专场" })
        }
    }

    @Test func atEightyColumnsEveryReportKeepsItsKeyWhole() throws {
        let cli = try DemoOutput.cli()
        var cut: [String] = []
        // operation_outcomes_by_campaign's key is five columns, a source label up to 22 wide among them: with its
        // other columns at one character and "…" it is 81 wide, so there (alone) the key itself must give way.
        for name in ReportQuery.names where name != "annual" && name != "operation_outcomes_by_campaign" {
            let key = try #require(ReportKey.of(name), "\(name)")
            let rows = Self.csv(try cli.ok(["report", name, "--limit", "15", "--format", "csv"]).stdout)
            guard let header = rows.first else { continue }
            let shown = try TableWidthTests.onTerminal(cli, ["report", name, "--limit", "15"], columns: 80)
            // The terminal shows stderr too: the notes are sentences, the table lines fit.
            let table = shown.split(separator: "\n").filter { !$0.hasPrefix("jointops: ") }
            #expect(table.allSatisfy { DisplayWidth.of(String($0)) <= 80 }, "\(name): \(shown)")
            for row in rows.dropFirst() {
                for column in key.columns {
                    let label = header.firstIndex(of: column + "_zh") ?? header.firstIndex(of: column)!
                    if !row[label].isEmpty && !shown.contains(row[label]) { cut.append("\(name).\(column) \(row[label])") }
                }
            }
        }
        #expect(cut.isEmpty, "\(cut)")
    }

    @Test func aListKeepsItsIdWholeAtEightyColumns() throws {
        let cli = try DemoOutput.cli()
        for list in [["case", "list"], ["op", "list"]] {
            let ids = Self.csv(try cli.ok(list + ["--limit", "10", "--format", "csv"]).stdout).dropFirst().map { $0[0] }
            try #require(!ids.isEmpty)
            let shown = try TableWidthTests.onTerminal(cli, list + ["--limit", "10"], columns: 80)
            #expect(ids.allSatisfy(shown.contains), "\(list): \(shown)")
        }
    }
}

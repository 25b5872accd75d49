import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 14, point 4: tables take the terminal's width (TIOCGWINSZ, or `COLUMNS`), are never cut when output
/// goes to a file or pipe, `--wide` shows everything and `--columns` picks columns.
@Suite(.serialized) struct TableWidthTests {
    static let title = String(repeating: "火车站周边黑车联合整治", count: 8)
    static let table = Table(["id", "status", "title"], rows: [["CASE-2023-0001", "调查中", title]])

    @Test func noWidthNeverCutsAndAWideOneKeepsIdsWhole() {
        let uncut = Self.table.rendered(as: .table, width: nil)
        #expect(uncut.contains(Self.title) && !uncut.contains("…"))
        let wide = Self.table.rendered(as: .table, width: 200)
        #expect(wide.contains("CASE-2023-0001") && wide.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 200 })
        let narrow = Self.table.rendered(as: .table, width: 40)
        #expect(narrow.contains("…") && narrow.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 40 })
    }

    @Test func columnsPicksColumnsWithTheirLabelsAndRefusesUnknownOnes() throws {
        var coded = Table(["id", "sector", "sector_zh", "party"], rows: [["CASE-2023-0001", "blackCar", "非法营运（黑车）", "马某"]],
                          kinds: [.text, .code, .text, .text])
        coded = try coded.selecting(["sector", "id"])
        #expect(coded.headers == ["sector", "sector_zh", "id"])
        #expect(coded.rendered(as: .table).hasPrefix("sector            id"))
        #expect(throws: TableError.unknownColumns(["title"], known: ["sector", "sector_zh", "id"])) { try coded.selecting(["title"]) }
    }

    /// `jointops ARGS` on a pseudo-terminal (util-linux `script`), as an officer's shell runs it.
    static func onTerminal(_ cli: CLIRunner, _ arguments: [String], columns: Int) throws -> String {
        let command = ([CLIRunner.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", "stty cols \(columns) rows 50; \(command)", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") && $0.key != "COLUMNS" }
        environment["DATABASE_URL"] = cli.database.conninfo
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func aPipeAndColumns200ShowWholeCaseIdsAndATerminalIsFitted() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try DateRulesCLITests.filedCase(cli)
            for environment in [[:], ["COLUMNS": "200"], ["COLUMNS": "40"]] {
                let piped = try cli.run(["case", "list"], environment: environment)
                #expect(piped.stdout.contains(id) && !piped.stdout.contains("…"), "\(environment): \(piped.stdout)")
            }
            // On a terminal: its own width, whole ids at 200 columns, cut values (never the id) at 90, `--wide` uncut.
            let wide = try Self.onTerminal(cli, ["case", "list"], columns: 200)
            #expect(wide.contains(id) && wide.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 200 }, "\(wide)")
            let narrow = try Self.onTerminal(cli, ["case", "list"], columns: 90)
            #expect(narrow.contains(id) && narrow.contains("…") && narrow.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 90 },
                    "\(narrow)")
            let everything = try Self.onTerminal(cli, ["case", "list", "--wide"], columns: 90)
            #expect(everything.contains(id) && !everything.contains("…"), "\(everything)")
            let picked = try cli.ok(["case", "list", "--columns", "id,sector", "--format", "csv"]).stdout
            #expect(picked.hasPrefix("id,sector,sector_zh\r\n\(id),blackCar,非法营运（黑车）\r\n"), "\(picked)")
            let unknown = try cli.run(["case", "list", "--columns", "id,title"])
            #expect(unknown.status == 2 && unknown.errorLines.count == 1 && unknown.stderr.contains("no column named title"))
        }
    }
}

import Foundation
@testable import JointOpsCLI
import Testing
import TestSupport

/// Issue 14, point 3 and 6: every command that takes `--format` has a JSON Schema in `schemas/`, found by walking
/// the parser's command tree, so a new command with JSON output cannot ship without one; the outputs of the
/// commands `JSONSchemaTests` does not run are validated here.
@Suite(.serialized) struct CommandSchemaTests {
    /// The schema of each command's `--format json` that is not a write's (`write.schema.json`).
    static let schemas: [String: String] = [
        "jointops agency list": "agency-list.schema.json", "jointops campaign list": "campaign-list.schema.json",
        "jointops calendar show": "calendar-show.schema.json", "jointops calendar list": "calendar-list.schema.json",
        "jointops calendar import": "calendar-import.schema.json", "jointops case import": "case-import.schema.json",
        "jointops case show": "case-show.schema.json", "jointops case list": "case-list.schema.json",
        "jointops case pipeline": "case-pipeline.schema.json", "jointops case due": "case-due.schema.json",
        "jointops review queue": "case-list.schema.json", "jointops demo": "demo.schema.json",
        "jointops events list": "events-list.schema.json", "jointops law list": "law-list.schema.json",
        "jointops law show": "law-show.schema.json", "jointops law thresholds": "law-thresholds.schema.json",
        "jointops officer list": "officer-list.schema.json", "jointops officer show": "show.schema.json",
        "jointops op show": "show.schema.json", "jointops op list": "op-list.schema.json",
        "jointops outreach list": "outreach-list.schema.json", "jointops project status": "project-status.schema.json",
        "jointops rectify show": "show.schema.json", "jointops rectify list": "rectify-list.schema.json",
        "jointops referral show": "show.schema.json", "jointops referral list": "referral-list.schema.json",
        "jointops activity list": "activity-list.schema.json", "jointops commitment list": "commitment-list.schema.json",
        "jointops audit list": "audit-list.schema.json", "jointops audit show": "show.schema.json",
        "jointops counsel list": "counsel-list.schema.json", "jointops petition list": "petition-list.schema.json",
    ]

    /// Commands whose JSON has a schema per variant, checked by their own tests.
    static let coveredElsewhere: Set<String> = [
        "jointops report",   // one schema per report (`report NAME`, `report annual`): the reports' schema tests
    ]

    /// Every command with a `--format` option, and whether it writes (takes `--command-id`).
    static func formatted() throws -> [(path: String, writes: Bool)] {
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(JointOpsCommand._dumpHelp().utf8)) as? [String: Any])
        var found: [(String, Bool)] = []
        func walk(_ command: [String: Any], _ path: String) {
            let names = Set((command["arguments"] as? [[String: Any]] ?? []).flatMap { argument in
                (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            })
            if names.contains("format") { found.append((path, names.contains("command-id"))) }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + " " + (sub["commandName"] as? String ?? "?"))
            }
        }
        walk(try #require(dump["command"] as? [String: Any]), "jointops")
        return found
    }

    @Test func everyCommandWithAFormatOptionHasASchemaInTheRepository() throws {
        let commands = try Self.formatted()
        #expect(commands.count > 90, "\(commands.count) commands take --format: the tree was not walked")
        for (path, writes) in commands where !Self.coveredElsewhere.contains(path) {
            guard let schema = Self.schemas[path] ?? (writes ? "write.schema.json" : nil) else {
                Issue.record("`\(path) --format json` has no schema: add one to schemas/ and to CommandSchemaTests.schemas")
                continue
            }
            let file = JSONSchemaTests.schemas.appendingPathComponent(schema)
            #expect(FileManager.default.fileExists(atPath: file.path), "\(path): \(schema) is not in schemas/")
        }
    }

    @Test func theReadCommandsJSONOfTheDemoYearValidatesAgainstItsSchema() throws {
        let cli = try DemoOutput.cli()
        let commands: [[String]] = [
            ["calendar", "show", "2023"], ["calendar", "list"], ["case", "due"], ["case", "due", "--agency", "WSZD"],
            ["law", "list"], ["law", "show", "RTR-63"], ["law", "thresholds"], ["officer", "list"],
            ["officer", "show", "ZF-01"], ["outreach", "list"], ["project", "status"],
        ]
        var outputs: [(name: String, json: String, schema: String)] = []
        for command in commands {
            let schema = try #require(Self.schemas["jointops " + command.prefix(2).joined(separator: " ")])
            outputs.append((command.joined(separator: " "), try cli.ok(command + ["--format", "json"]).stdout, schema))
        }
        #expect(try JSONSchemaTests.invalid(outputs) == [])
    }

    @Test func theImportsJSONValidatesAgainstItsSchema() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-imports-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let calendar = folder.appendingPathComponent("calendar.csv")
            try "jurisdiction,date,kind,source\nxinjiang,2026-03-20,regionalHoliday,自治区人民政府办公厅通知（示例）\n"
                .write(to: calendar, atomically: true, encoding: .utf8)
            let register = folder.appendingPathComponent("register.csv")
            try """
                执法机构,行业,当事人,证件号码,违法日期,地点,违法事实
                WSZD,黑车,张三,654202199001011234,2026-03-02,乌苏市火车站,无证从事客运经营
                WSZD,黑车,李四,,2026-03-02,乌苏市火车站,缺证件号码
                """.write(to: register, atomically: true, encoding: .utf8)
            let calendarJSON = try cli.ok(["calendar", "import", calendar.path, "--format", "json"]).stdout
            // One row is refused (exit 3): the JSON still lists every line.
            let imported = try cli.run(["case", "import", register.path, "--format", "json"])
            #expect(imported.status == 3, "\(imported.stderr)")
            #expect(try JSONSchemaTests.invalid([("calendar import", calendarJSON, "calendar-import.schema.json"),
                                                 ("case import", imported.stdout, "case-import.schema.json")]) == [])
        }
    }
}

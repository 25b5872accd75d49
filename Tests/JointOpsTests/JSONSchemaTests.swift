import Foundation
import Testing
import TestSupport

/// Issue 14, point 3: every command's JSON output validates against its schema in `schemas/`, checked by an
/// independent validator (Debian's python3-jsonschema, which `make deps` installs), one document per command.
@Suite(.serialized) struct JSONSchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schemas")

    /// The validator's verdicts: one line per (output, schema) pair that does not validate; none when all do.
    static func invalid(_ outputs: [(name: String, json: String, schema: String)]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["-c", validator]
        for (index, output) in outputs.enumerated() {
            let file = folder.appendingPathComponent("\(index).json")
            try output.json.write(to: file, atomically: true, encoding: .utf8)
            arguments += [output.name, file.path, schemas.appendingPathComponent(output.schema).path]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 || !text.isEmpty else { return ["python3-jsonschema failed: run `make deps`"] }
        return text.split(separator: "\n").map(String.init)
    }

    /// Reads each output as exactly one JSON document (`json.load` refuses two back to back) and validates it.
    static let validator = """
        import json, sys, jsonschema
        args = sys.argv[1:]
        for name, instance, schema in zip(args[0::3], args[1::3], args[2::3]):
            try:
                document = json.load(open(instance, encoding="utf-8"))
                jsonschema.Draft7Validator(json.load(open(schema, encoding="utf-8")),
                                           format_checker=jsonschema.FormatChecker()).validate(document)
            except Exception as error:
                print(f"{name}: {str(error).splitlines()[0]}")
        """

    @Test func everyCommandsJSONOutputOfTheDemoYearValidatesAgainstItsSchema() throws {
        let cli = try DemoOutput.cli()
        var outputs: [(name: String, json: String, schema: String)] = [
            ("demo", try DemoOutput.played.get().demoJSON, "demo.schema.json"),
        ]
        let commands: [([String], String)] = [
            (["case", "list"], "case-list.schema.json"), (["review", "queue"], "case-list.schema.json"),
            (["case", "pipeline"], "case-pipeline.schema.json"), (["op", "list"], "op-list.schema.json"),
            (["referral", "list"], "referral-list.schema.json"), (["rectify", "list"], "rectify-list.schema.json"),
            (["agency", "list"], "agency-list.schema.json"), (["campaign", "list"], "campaign-list.schema.json"),
            (["audit", "list"], "audit-list.schema.json"), (["counsel", "list"], "counsel-list.schema.json"),
            (["petition", "list"], "petition-list.schema.json"), (["report", "plan", "--year", "2023", "--show"], "report-plan.schema.json"),
            (["events", "list", "--limit", "3000"], "events-list.schema.json"),
            (["events", "list", "--stream", "CASE-2023-0001", "--reverse"], "events-list.schema.json"),
        ] + DemoOutput.showCommands.map { ($0, $0[0] == "case" ? "case-show.schema.json" : "show.schema.json") }
        for (command, schema) in commands {
            outputs.append((command.joined(separator: " "), try cli.ok(command + ["--format", "json"]).stdout, schema))
        }
        #expect(try Self.invalid(outputs) == [])
    }

    @Test func everyReportsJSONOutputOfTheDemoYearValidatesAgainstItsSchema() throws {
        let cli = try DemoOutput.cli()
        var outputs: [(name: String, json: String, schema: String)] = []
        for name in ReportOutputTests.reports {
            outputs.append(("report \(name)", try cli.ok(["report", name, "--format", "json"]).stdout, "report-\(name).schema.json"))
        }
        for name in ["case_register", "operations_board", "agencies"] {
            outputs.append(("report --describe \(name)", try cli.ok(["report", "--describe", name, "--format", "json"]).stdout,
                            "describe-report.schema.json"))
        }
        outputs.append(("report case_register --year 2023 --agency WSZD",
                        try cli.ok(["report", "case_register", "--year", "2023", "--agency", "WSZD", "--format", "json"]).stdout,
                        "report-case_register.schema.json"))
        #expect(try Self.invalid(outputs) == [])
    }

    @Test func aWritesJSONValidatesAndIsTyped() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "inspection",
                                   "--summary", "巡查发现黑车", "--format", "json"]).stdout
            #expect(try Self.invalid([("receive-lead", lead, "write.schema.json")]) == [])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(lead.utf8)) as? [[String: Any]])
            #expect(rows.first?["version"] as? Int == 1 && rows.first?["events"] as? [String] == ["CaseLeadReceived"])
        }
    }

    @Test func theValidatorRefusesWhatDoesNotMatch() throws {
        // The trap is armed: a quoted number, a missing label and two documents back to back are all refused.
        let rows = #"[{"stage": "investigating", "stage_zh": "调查中", "cases": "3"}]"#
        let unlabelled = #"[{"stage": "investigating", "cases": 3}]"#
        let twice = #"[{"stage": "all", "stage_zh": "全部案件", "cases": 3}]"# + "\n[]"
        let verdicts = try Self.invalid([("quoted", rows, "case-pipeline.schema.json"),
                                         ("unlabelled", unlabelled, "case-pipeline.schema.json"),
                                         ("twice", twice, "case-pipeline.schema.json")])
        #expect(verdicts.count == 3 && verdicts.allSatisfy { !$0.contains("make deps") }, "\(verdicts)")
    }
}

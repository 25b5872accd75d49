import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 14, point 2: people read labels, programs read codes. Over the demo year, no table a list or show
/// command prints holds a code, and every code column of CSV and JSON has its label column beside it.
@Suite(.serialized) struct OutputLabelTests {
    @Test func noTableOfTheDemoYearShowsACodeIdentifier() throws {
        let cli = try DemoOutput.cli()
        var found: [String] = []
        for command in DemoOutput.listCommands {
            let lines = try cli.ok(command).stdout.split(separator: "\n").map(String.init)
            for line in lines.dropFirst(2) {
                // Cells are two or more spaces apart.
                let cells = line.components(separatedBy: "  ").filter { !$0.isEmpty }
                for cell in cells { found += DemoOutput.codes(inCell: cell).map { "\(command.joined(separator: " ")): \($0)" } }
            }
        }
        for command in DemoOutput.showCommands {
            let lines = try cli.ok(command).stdout.split(separator: "\n").map(String.init)
            // Field names are the table's structure, as headers are; the values are what people read.
            let valueStart = try #require(lines.first?.range(of: "value")).lowerBound.utf16Offset(in: lines[0])
            for line in lines.dropFirst(2) {
                let value = String(line.dropFirst(valueStart))
                found += DemoOutput.codes(inCell: value).map { "\(command.joined(separator: " ")): \($0) in \(line)" }
            }
        }
        #expect(found.isEmpty, "\(found.prefix(20))")
    }

    @Test func theDemoYearStillShowsCodesWhereTheyWereBefore() throws {
        // The trap is armed: the same commands' CSV does carry codes, so the scan above can find them.
        let csv = try DemoOutput.cli().ok(["case", "list", "--format", "csv"]).stdout
        #expect(DemoOutput.codes(inCell: "rideHailing") == ["rideHailing"])
        #expect(csv.contains(",rideHailing,网约车,") && csv.contains(",archived,已归档,"))
    }

    @Test func everyCodeColumnOfJSONHasItsLabelColumnAndCSVTheSameColumns() throws {
        let cli = try DemoOutput.cli()
        var missing: [String] = []
        for command in DemoOutput.listCommands + DemoOutput.showCommands.filter({ $0[0] != "case" }) {
            let json = try cli.ok(command + ["--format", "json"]).stdout
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            let name = command.joined(separator: " ")
            for (index, row) in rows.enumerated() {
                for (key, value) in row where row["field"] == nil {
                    let texts = (value as? String).map { [$0] } ?? (value as? [String]) ?? []
                    if texts.contains(where: { !DemoOutput.codes(inCell: $0).isEmpty }), row[key + "_zh"] == nil {
                        missing.append("\(name): \(key)")
                    }
                }
                // A show command's coded field is followed by its label field.
                if let field = row["field"] as? String, let value = row["value"] as? String,
                   !DemoOutput.codes(inCell: value).isEmpty {
                    let next = index + 1 < rows.count ? rows[index + 1]["field"] as? String : nil
                    if next != field + "_zh" { missing.append("\(name): \(field)") }
                }
            }
            if let keys = (rows.first?.keys).map(Set.init), command[1] == "list" || command[1] == "pipeline" {
                let header = try cli.ok(command + ["--format", "csv"]).stdout.split(separator: "\r\n").first ?? ""
                #expect(Set(header.split(separator: ",").map(String.init)) == keys, "\(name)")
            }
        }
        #expect(Set(missing).isEmpty, "\(Set(missing).sorted())")
    }

    @Test func writeConfirmationsNameEventsAndStatusesByTheirLabels() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "投诉", "--summary", "群众举报黑车"])
            #expect(lead.stdout.contains(": 登记案源 → 已登记案源, version 1"), "\(lead.stdout)")
            #expect(DemoOutput.codes(inCell: lead.stdout).isEmpty, "\(lead.stdout)")
            let id = String(lead.stdout.prefix { $0 != ":" })
            let json = try cli.ok(["case", "show", id, "--format", "json"]).stdout
            let shown = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(shown["source"] as? String == "complaint" && shown["source_zh"] as? String == "投诉举报")
        }
    }
}

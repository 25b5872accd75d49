import Enforcement
import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 14, points 2, 3 and 6 for `jointops report NAME`: over the demo year every report's table shows labels,
/// never a code; its CSV and JSON carry each code beside its label; its JSON is typed by the view's column types.
@Suite(.serialized) struct ReportOutputTests {
    /// Every report but `annual` (which writes files).
    static let reports = ReportQuery.names.filter { $0 != "annual" }

    @Test func noReportsTableOfTheDemoYearShowsACodeIdentifier() throws {
        let cli = try DemoOutput.cli()
        var found: [String] = []
        var rows = 0
        // The default columns and, with --wide, every column.
        for arguments in Self.reports.flatMap({ [["report", $0], ["report", $0, "--wide"]] }) {
            let name = arguments[1]
            // Piped, so nothing is cut: a code cut to `rideHail…` could hide.
            let lines = try cli.ok(arguments).stdout.split(separator: "\n").map(String.init)
            rows += max(0, lines.count - 2)
            for line in lines.dropFirst(2) {
                let cells = line.components(separatedBy: "  ").filter { !$0.isEmpty }
                for cell in cells { found += DemoOutput.codes(inCell: cell).map { "\(name): \($0) in \(line)" } }
            }
        }
        #expect(rows > 2000, "the demo year fills the reports")
        #expect(found.isEmpty, "\(found.prefix(20))")
    }

    @Test func everyCodeColumnOfEveryReportHasItsLabelColumnInJSONAndCSVAlike() throws {
        let cli = try DemoOutput.cli()
        var missing: [String] = []
        var labelled: Set<String> = []
        for name in Self.reports {
            let json = try cli.ok(["report", name, "--format", "json"]).stdout
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "\(name)")
            for row in rows {
                for (key, value) in row {
                    let texts = (value as? String).map { [$0] } ?? (value as? [String]) ?? []
                    guard texts.contains(where: { !DemoOutput.codes(inCell: $0).isEmpty }) else { continue }
                    let label = ReportCodes.labelColumn(view: name, column: key)
                    if let shown = row[label] as? String ?? (row[label] as? [String])?.joined(separator: ", "),
                       !shown.isEmpty, DemoOutput.codes(inCell: shown).isEmpty {
                        labelled.insert("\(name).\(key)")
                    } else {
                        missing.append("\(name): \(key) (\(texts.joined(separator: ", ")))")
                    }
                }
            }
            // CSV has the same columns, in the same order, as the schema (and so JSON) has them.
            let header = try cli.ok(["report", name, "--format", "csv"]).stdout.split(separator: "\r\n").first ?? ""
            let view = try #require(ReportingViews.view(named: name))
            #expect(header.split(separator: ",").map(String.init) == ReportColumn.of(view).map(\.name), "\(name)")
        }
        #expect(Set(missing).isEmpty, "\(Set(missing).sorted().prefix(20))")
        // The trap is armed: the scan found codes to check (sectors, stages, operation statuses, clock kinds …).
        #expect(labelled.isSuperset(of: ["case_register.sector", "case_register.stage", "operations_board.status",
                                         "operations_board.sectors", "case_deadlines.kind", "agencies.kind"]),
                "\(labelled.sorted())")
    }

    @Test func reportJSONIsTypedByTheViewsColumnTypes() throws {
        let cli = try DemoOutput.cli()
        func rows(_ name: String, _ extra: [String] = []) throws -> [[String: ViewSupport.JSONCell]] {
            let json = try cli.ok(["report", name, "--format", "json"] + extra).stdout
            return try JSONDecoder().decode([[String: ViewSupport.JSONCell]].self, from: Data(json.utf8))
        }
        let register = try #require(try rows("case_register", ["--year", "2023"]).first { $0["case_id"] == .string("CASE-2023-0001") })
        guard case .integer = register["fine_yuan"], case .boolean = register["imported"], case .integer = register["year"],
              case .string(let accepted) = register["accepted_on"] else {
            Issue.record("case_register is not typed: \(register)")
            return
        }
        #expect(accepted.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil)
        guard case .string(let sector) = register["sector"], let code = Sector(rawValue: sector) else {
            Issue.record("no sector: \(register)")
            return
        }
        #expect(register["sector_zh"] == .string(code.labelZh), "\(register)")
        let board = try #require(try rows("operations_board").first)
        guard case .array(let agencies) = board["agencies"], case .array(let sectors) = board["sectors"],
              case .array(let sectorLabels) = board["sectors_zh"] else {
            Issue.record("operations_board's arrays are not arrays: \(board)")
            return
        }
        #expect(!agencies.isEmpty && sectors.count == sectorLabels.count)
        // A numeric rate is a number, NULL is null (not "").
        let rates = try rows("publication_rate")
        #expect(rates.contains { if case .number = $0["publication_rate"] { true } else { $0["publication_rate"] == .integer(1) } })
        #expect(try rows("case_register").contains { $0["closed_on"] == .null })
        // The table people read shows the array as a list, the sectors by label (sectors are not a default column).
        let table = try cli.ok(["report", "operations_board", "--columns", "operation_id,agencies,sectors"]).stdout
        #expect(!table.contains("{") && table.contains(Sector.blackCar.labelZh), "\(table)")
    }

    @Test func describeNamesAReportsColumnsFiltersAndDateColumnAsTheQueryTakesThem() throws {
        let cli = try DemoOutput.cli()
        let described = try cli.ok(["report", "--describe", "case_register"]).stdout
        #expect(described.contains("case_register — 案件登记台账"), "\(described)")
        #expect(described.contains("filters: --year, --from/--to, --agency (--from/--to on accepted_on)"), "\(described)")
        #expect(described.contains("sector_zh") && described.contains("label of sector"), "\(described)")
        let json = try cli.ok(["report", "--describe", "operations_board", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["date_column"] as? String == "window_from")
        #expect(try cli.ok(["report", "--describe", "annual"]).stdout.hasPrefix("annual — "))
        // Each filter it lists is taken, each other one refused: the description and the query agree.
        let database = try DemoOutput.played.get().database
        let connection = try database.connect()
        let day = try #require(LocalDate(year: 2023, month: 1, day: 1))
        let all: [(String, ReportFilter)] = [
            ("--year", ReportFilter(year: 2023)), ("--from/--to", ReportFilter(from: day)),
            ("--agency", ReportFilter(agency: "WSZD")), ("--campaign", ReportFilter(campaign: "CAMP-2023-BLACKCAR")),
        ]
        for name in Self.reports {
            let description = try #require(ReportDescription(name))
            for (option, filter) in all {
                let taken = (try? ReportQuery.table(name, filter: filter, on: connection)) != nil
                #expect(taken == description.filters.contains(option), "\(name) \(option)")
            }
        }
    }

    @Test func reportHelpSaysWhatEachReportIs() throws {
        let help = try DemoOutput.cli().ok(["report", "--help"]).stdout
        let flat = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for name in ReportQuery.names {
            #expect(flat.contains("\(name) — "), "\(name) is not listed with a line")
        }
        #expect(flat.contains("case_register — 案件登记台账 Case register"), "\(help)")
    }
}

import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 11 point 4 through the built binary: `case due` lists every open statutory deadline soonest first,
/// overdue ones with how late, provisional ones marked, and `reporting.deadlines_due` gives the same rows.
@Suite struct CaseDueTests {
    typealias V = ViewSupport

    /// An overdue case (decided 45 days ago, never served or published) and one filed today (its decision
    /// clock runs into next year: provisional); returns both ids.
    static func twoCases(_ cli: CLIRunner) throws -> (overdue: String, fresh: String) {
        try CLIEndToEndTests.registry(cli)
        let overdue = try DateRulesCLITests.decidedCase(cli)
        // ZF-09 works on the fresh case only, so filtering by him shows it alone.
        let fresh = try V.filedToday(cli, party: "654202199505051234", officers: ["ZF-01", "ZF-09"])
        return (overdue, fresh)
    }

    /// A row reduced to what both sides give, as text (the view's values are all text already).
    static func key(_ row: [String: Any]) -> String {
        func text(_ key: String) -> String {
            let value = row[key]
            if let string = value as? String { return string }
            if key == "provisional", let flag = value as? Bool { return flag ? "true" : "false" }
            if key == "days_overdue", let number = value as? Int { return String(number) }
            return ""
        }
        return ["due", "case_id", "agency", "kind", "label_zh", "basis", "strict_due", "provisional", "status",
                "status_zh", "days_overdue"].map(text).joined(separator: "|")
    }

    static func due(_ cli: CLIRunner, _ options: [String] = []) throws -> [[String: Any]] {
        let result = try cli.ok(["case", "due", "--format", "json"] + options)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test func caseDueListsOpenAndOverdueDeadlinesSoonestFirstAndTheViewAgrees() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            let (overdue, fresh) = try Self.twoCases(cli)
            let rows = try Self.due(cli)
            #expect(rows.map { $0["due"] as? String ?? "" } == rows.map { $0["due"] as? String ?? "" }.sorted())
            // Typed JSON: numbers, booleans and null.
            let service = try #require(rows.first { $0["case_id"] as? String == overdue && $0["kind"] as? String == "service" })
            #expect(service["status"] as? String == "overdue" && service["status_zh"] as? String == "已逾期")
            #expect((service["days_overdue"] as? Int ?? 0) > 20)
            #expect(service["label_zh"] as? String == "送达期限")
            let decision = try #require(rows.first { $0["case_id"] as? String == fresh && $0["kind"] as? String == "decision" })
            #expect(decision["provisional"] as? Bool == true && decision["status"] as? String == "open")
            #expect(decision["days_overdue"] is NSNull)
            #expect(decision["counts_working_days"] as? Bool == false)

            // The analysts' view holds exactly the same rows.
            let view = try V.report(cli, "deadlines_due").map { row in
                row.mapValues { $0 as Any }
            }
            #expect(Set(view.map(Self.key)) == Set(rows.map(Self.key)))
            #expect(view.count == rows.count)

            // The table (here as CSV, never cut) marks provisional days and says how late, in Chinese.
            let table = try cli.ok(["case", "due", "--format", "csv"]).stdout
            #expect(table.contains("\(decision["due"] as? String ?? "?")（暂定）"), "\(table)")
            #expect(table.contains("已逾期, \(service["days_overdue"] as? Int ?? -1) 个工作日"), "\(table)")
        }
    }

    @Test func caseDueFiltersByOfficerAgencyAndHorizonAndRefusesBadOptions() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            let (overdue, fresh) = try Self.twoCases(cli)
            let mine = try Self.due(cli, ["--officer", "ZF-09"])
            #expect(!mine.isEmpty && mine.allSatisfy { $0["case_id"] as? String == fresh })
            #expect(try Self.due(cli, ["--agency", "WSJJ"]).isEmpty)
            let soon = try Self.due(cli, ["--within", "30"])
            #expect(soon.contains { $0["case_id"] as? String == overdue })
            #expect(!soon.contains { $0["kind"] as? String == "decision" && $0["case_id"] as? String == fresh })

            let negative = try cli.run(["case", "due", "--within", "-1"])
            #expect(negative.status == 2 && negative.errorLines.count == 1, "\(negative.stderr)")
            let nobody = try cli.run(["case", "due", "--officer", "NOBODY"])
            #expect(nobody.status == 2 && nobody.stderr.contains("no officer has the id NOBODY"), "\(nobody.stderr)")
        }
    }
}

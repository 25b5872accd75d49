import Foundation
import Testing
import TestSupport

/// Issue 15: the demo year's views carry what the 2023 report counts beside its cases — 2 case-file audits, the
/// adviser's 2 major projects, 1 tripartite agreement and 23 cases, 2 long-standing petitions resolved, 21 problems
/// of the special campaign's self-examination, and the inspection tour's problems each closed out.
@Suite(.serialized) struct DemoYearRecordsTests {
    /// The rows of `report NAME --year 2023` as CSV, each a dictionary by column name.
    static func rows(_ cli: CLIRunner, _ name: String, year: Bool = true) throws -> [[String: String]] {
        let lines = try cli.ok(["report", name, "--format", "csv"] + (year ? ["--year", "2023"] : [])).stdout
            .split(separator: "\r\n").map(String.init)
        let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) ?? []
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    @Test func theDemoYearsViewsGiveTheReportsAuditsReviewsPetitionsAndProblems() throws {
        let cli = try DemoOutput.cli()
        let audits = try Self.rows(cli, "case_file_audits")
        #expect(audits.count == 2)
        #expect(audits.allSatisfy { $0["agency"] == "WSJT" && $0["audited_agency"] == "WSZD" })

        let reviews = try Self.rows(cli, "counsel_reviews")
        let byKind = Dictionary(grouping: reviews, by: { $0["kind"] ?? "" }).mapValues(\.count)
        #expect(byKind == ["project": 2, "agreement": 1, "case": 23])
        #expect(reviews.filter { $0["kind"] == "case" }.allSatisfy { $0["case_id"]?.hasPrefix("CASE-2023-") == true })

        let petitions = try Self.rows(cli, "petitions", year: false).filter { $0["year_resolved"] == "2023" }
        #expect(petitions.count == 2 && petitions.allSatisfy { $0["status"] == "resolved" && $0["long_standing"] == "true" })

        let summary = try #require(try Self.rows(cli, "rectification_summary").first)
        #expect(summary["self_examination"] == "21")
        #expect(summary["inspection_tour"] == "3")
        #expect(summary["case_file_audit"] == "3")

        let tour = try Self.rows(cli, "rectification_tracker").filter { $0["origin"] == "inspectionTour" }
        #expect(tour.count == 3 && tour.allSatisfy { $0["status"] == "closedOut" && !($0["closed_out_on"] ?? "").isEmpty })
        #expect(tour.contains { $0["description_zh"]?.contains("以罚代管") == true })
        let findings = try Self.rows(cli, "rectification_tracker").filter { $0["origin"] == "caseFileAudit" }
        #expect(Set(findings.compactMap { $0["audit_id"] }) == ["AUDIT-2023-0001", "AUDIT-2023-0002"])

        let statistics = try Self.rows(cli, "annual_statistics")
        let value = Dictionary(statistics.map { ($0["metric"] ?? "", $0["value"] ?? "") }, uniquingKeysWith: { first, _ in first })
        #expect(value["rectification_problems"] == "21" && value["rectification_opinions"] == "21")
        #expect(value["case_file_audits"] == "2" && value["audit_findings"] == "3")
        #expect(value["counsel_reviews_project"] == "2" && value["counsel_reviews_agreement"] == "1" && value["counsel_reviews_case"] == "23")
        #expect(value["petitions_resolved"] == "2" && value["petitions_resolved_long_standing"] == "2")
        #expect(value["inspection_problems"] == "3" && value["inspection_problems_closed_out"] == "3")

        let plan = try cli.ok(["report", "plan", "--year", "2023", "--show"]).stdout
        #expect(plan.hasPrefix("## 三、下一步工作打算") && plan.contains("（四）从“宣”上促效果"))
    }
}

import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 10 point 9 in the reports, through the built binary: a revoked decision is not the case's outcome,
/// so neither the publicity register nor the annual figures count it.
@Suite struct RevokedDecisionReportTests {
    typealias V = ViewSupport

    /// A ride-hailing case decided today with a 500-yuan fine and published; returns its id.
    static func decidedAndPublished(_ cli: CLIRunner) throws -> String {
        let id = try V.filedToday(cli, sector: "rideHailing")
        try cli.ok(["case", "record-evidence", id, "--kind", "siteRecord", "--description", "现场检查笔录",
                    "--media", "dvr/0001.mp4", "--sha256", String(repeating: "ab", count: 32),
                    "--officer", "ZF-01", "--officer", "ZF-02"])
        try cli.ok(["case", "conclude-investigation", id, "--findings", "违法事实清楚"])
        try cli.ok(["case", "request-review", id])
        try cli.ok(["review", "pass", id, "--reviewer", "FZ-01", "--on-behalf-of", "FZ-01", "--opinion", "同意"])
        try cli.ok(["case", "serve-notice", id, "--fine", "500", "--basis", "RIDE-34-3-2022"])
        try cli.ok(["case", "receive-statement", id, "--summary", "当事人无异议"])
        try cli.ok(["case", "decide-penalty", id, "--fine", "500", "--basis", "RIDE-34-3-2022",
                    "--number", "乌交执罚〔\(V.today.year)〕第001号"])
        try cli.ok(["case", "publish", id, "--reference", "乌苏市人民政府网站/执法公示/0001"])
        return id
    }

    /// The annual report's Markdown for this year.
    static func annualMarkdown(_ cli: CLIRunner) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annual-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try cli.ok(["report", "annual", "--year", String(V.today.year), "--output-dir", folder.path])
        return try String(contentsOf: folder.appendingPathComponent("annual-\(V.today.year).md"), encoding: .utf8)
    }

    static func figure(_ cli: CLIRunner, _ metric: String) throws -> String? {
        try V.report(cli, "annual_statistics", ["--year", String(V.today.year)]).first { $0["metric"] == metric }?["value"]
    }

    @Test func aRevokedDecisionLeavesThePublicityRegisterAndTheAnnualFigures() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try Self.decidedAndPublished(cli)
            // Decided and published: counted everywhere.
            #expect(try V.report(cli, "publicity_register").contains { $0["case_id"] == id })
            #expect(try Self.figure(cli, "decisions_penalty") == "1")
            #expect(try Self.figure(cli, "fines_imposed_yuan") == "500")
            let before = try Self.annualMarkdown(cli)
            #expect(before.contains("| 作出处罚决定 | Penalty decisions | 1 |"), "\(before)")

            try cli.ok(["case", "revoke-decision", id, "--by", "乌苏市人民政府（复议决定）", "--reason", "复议撤销"])
            #expect(try !V.report(cli, "publicity_register").contains { $0["case_id"] == id })
            #expect(try [nil, "0"].contains(Self.figure(cli, "decisions_penalty")))
            #expect(try [nil, "0"].contains(Self.figure(cli, "fines_imposed_yuan")))
            let after = try Self.annualMarkdown(cli)
            #expect(!after.contains("| 作出处罚决定 | Penalty decisions | 1 |"), "\(after)")
            #expect(!after.contains("| 罚款金额（元） | Fines imposed (yuan) | 500 |"), "\(after)")
            // Neither numerator nor denominator of a rate counts it (the try-out's 公示率 went from 25 % to 50 %).
            #expect(try !V.report(cli, "publication_rate").contains { $0["decisions"] != "0" }, "publication_rate")
            #expect(try [nil, "0"].contains(Self.figure(cli, "files_published")))
            for metric in ["publication_rate_pct", "decided_within_90_days_pct", "published_on_time_pct"] {
                #expect(try Self.figure(cli, metric) == nil, "\(metric) counts no revoked decision")
            }
            // The case register keeps the case, with no outcome and the revocation marked.
            let row = try #require(try V.report(cli, "case_register").first { $0["case_id"] == id })
            #expect(row["outcome"] == "" && row["fine_yuan"] == "0" && row["decision_revoked"] == "true", "\(row)")
        }
    }
}

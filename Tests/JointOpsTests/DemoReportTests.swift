import EventStore
import Foundation
import JointOps
import JointOpsDemo
import Postgres
import Testing
import TestSupport

/// The demo year, caught up by the projector, reproduces the figures of the bureau's 2023 report.
@Suite struct DemoReportTests {
    @Test func theAnnualReportOfTheDemoYearShowsThe2023ReportsFigures() throws {
        try TestDatabase.with { database in
            let app = Application(connection: try database.connect(), clock: Demo.clock(seed: 2023))
            let summary = try Demo(seed: 2023).run(on: app)
            let connection = try database.connect()
            let runner = ProjectionRunner(connection: connection)
            try runner.install()
            try runner.catchUpFully()

            let report = try AnnualReport.load(year: 2023, on: connection)
            let value = Dictionary(report.metrics.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            // What the demo prints at the end is what the report shows.
            for figure in summary.figures { #expect(value[figure.metric] == Double(figure.value), "\(figure.metric)") }
            #expect(value["joint_operations"] == 18)
            #expect(value["cases_accepted"] == 234)
            #expect(value["cases_black_car"] == 5)
            #expect(value["files_published"] == 224)
            #expect(value["rectification_problems"] == 21)
            #expect(value["rectification_opinions"] == 21)
            #expect(value["outreach_leaflets"] == 2_352)

            let markdown = report.markdown()
            #expect(markdown.contains("| 受理案件 | Cases accepted | 234 |"))
            #expect(markdown.contains("| 公示案件 | Decisions published | 224 |"))
            let html = report.html()
            #expect(html.contains("<svg"))
            #expect(!html.contains("src=\"http"), "the HTML is self-contained")
            try expectRendersInHeadlessChromium(html)
            // The bureau's report (what `report annual` writes): its .docx says what its Markdown says.
            let document = RuleOfLawReport(statistics: report)
            #expect(document.markdown().contains("## 三、下一步工作打算"))
            try expectWordDocumentSaysWhatTheMarkdownSays(document.markdown(), document.docx())
        }
    }

    /// Renders the page in a real headless Chromium (Debian's `chromium`, installed by `make test`) and
    /// checks a screenshot came out with content: a page that fails to render gives a blank, tiny PNG.
    func expectRendersInHeadlessChromium(_ html: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("annual.html"), shot = folder.appendingPathComponent("annual.png")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,2400",
            "--screenshot=\(shot.path)", page.absoluteString,
        ])
        #expect(result.status == 0, "chromium: \(result.output.suffix(300))")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 50_000, "the screenshot has content (\(size) bytes)")
    }
}

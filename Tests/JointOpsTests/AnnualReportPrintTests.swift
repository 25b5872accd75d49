import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 14, point 2: the demo year's annual report prints on A4 with every chart label inside its chart, in a real
/// headless Chromium (Debian's `chromium`) and `pdfinfo` (poppler-utils), both installed by `make deps`.
@Suite struct AnnualReportPrintTests {
    /// The demo year's report, written by the binary into a fresh folder.
    static func writtenReport() throws -> (folder: URL, html: String, markdown: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annual-print-\(UUID().uuidString)")
        try DemoOutput.cli().ok(["report", "annual", "--year", "2023", "--output-dir", folder.path])
        return (folder, try String(contentsOf: folder.appendingPathComponent("annual-2023.html"), encoding: .utf8),
                try String(contentsOf: folder.appendingPathComponent("annual-2023.md"), encoding: .utf8))
    }

    /// Measures, in the browser, every chart text's box against its SVG's viewBox; the page lists the ones outside.
    static let measuring = """
        <script>
        window.addEventListener('load', () => {
          const outside = [];
          document.querySelectorAll('svg').forEach((svg, index) => {
            const box = svg.viewBox.baseVal;
            svg.querySelectorAll('text').forEach(text => {
              const b = text.getBBox();
              if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5
                  || b.y + b.height > box.y + box.height + 0.5) {
                outside.push('chart ' + index + ': ' + text.textContent + ' at ' + b.x.toFixed(1) + ',' + b.y.toFixed(1)
                             + ' ' + b.width.toFixed(1) + 'x' + b.height.toFixed(1) + ' outside ' + box.width + 'x' + box.height);
              }
            });
          });
          const result = document.createElement('pre');
          result.id = 'measured';
          result.textContent = 'texts measured in ' + document.querySelectorAll('svg').length + ' charts; outside: ' + outside.join(' | ');
          document.body.appendChild(result);
        });
        </script>
        """

    @Test func theHTMLPrintsOnA4WithEveryChartLabelInsideItsViewBox() throws {
        let report = try Self.writtenReport()
        defer { try? FileManager.default.removeItem(at: report.folder) }
        let page = report.folder.appendingPathComponent("annual-2023.html")
        let pdf = report.folder.appendingPathComponent("annual-2023.pdf")
        let printed = try ProcessRunner.run("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
            page.absoluteString,
        ])
        #expect(printed.status == 0, "chromium: \(printed.output.suffix(300))")
        let info = try ProcessRunner.run("/usr/bin/pdfinfo", [pdf.path])
        let size = info.output.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? info.output
        // Chromium rounds the page to whole CSS pixels: A4 (595.28 x 841.89 pt) within a point.
        let points = size.split(whereSeparator: { $0 == " " }).compactMap { Double($0) }
        #expect(size.hasSuffix("(A4)") && points.count == 2 && abs(points[0] - 595.28) < 1 && abs(points[1] - 841.89) < 1, "\(size)")
        let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 8, "a page per section: \(pages) pages")

        let measured = report.folder.appendingPathComponent("measured.html")
        try report.html.replacingOccurrences(of: "</body>", with: Self.measuring + "</body>")
            .write(to: measured, atomically: true, encoding: .utf8)
        let dom = try ProcessRunner.run("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", measured.absoluteString,
        ])
        let result = dom.output.components(separatedBy: "<pre id=\"measured\">").dropFirst().first?
            .components(separatedBy: "</pre>").first ?? "no measurement: \(dom.output.suffix(300))"
        #expect(result == "texts measured in 4 charts; outside: ", "\(result)")
    }

    @Test func theChartsColourOnTimeLateAndOverdueTheSameWayAndThePageHasAPrintStylesheet() throws {
        let report = try Self.writtenReport()
        defer { try? FileManager.default.removeItem(at: report.folder) }
        let deadlines = try #require(report.html.components(separatedBy: "<svg").first { $0.contains("期限执行 Deadlines kept") })
        for (series, colour) in [("按期 On time", "#59a14f"), ("逾期完成 Late", "#f28e2b"), ("逾期未完成 Overdue", "#e15759")] {
            #expect(deadlines.contains("fill=\"\(colour)\"/><text x=") && deadlines.contains(series), "\(series)")
        }
        // Overdue bars are red, never the neutral or on-time colour.
        let overdueBars = deadlines.components(separatedBy: "fill=\"#e15759\"").count - 1
        #expect(overdueBars == 4, "the legend swatch and one bar per deadline kind: \(overdueBars)")
        #expect(report.html.contains("@page{size:A4") && report.html.contains("section{break-before:page}"))
        #expect(report.html.contains("figure svg{max-width:100%;height:auto}"))
    }

    @Test func noCodeIdentifierAppearsInTheMarkdownOrTheHTMLText() throws {
        let report = try Self.writtenReport()
        defer { try? FileManager.default.removeItem(at: report.folder) }
        // What people read: table cells, headings and chart texts (tags and attributes stripped).
        let text = report.html.replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
        let cells = report.markdown.split(whereSeparator: { $0 == "|" || $0 == "\n" }).map(String.init)
            + text.split(separator: "\n").map(String.init)
        let codes = Set(cells.flatMap(DemoOutput.codes(inCell:)))
        #expect(codes.isEmpty, "codes people would read: \(codes.sorted())")
    }
}

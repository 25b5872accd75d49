import Foundation
import Testing
import TestSupport

/// Issue 15, point 3: the demo year reproduces every figure of sections 一 and 二 of the bureau's real 2023 report
/// (`docs/source-report-2023.txt`), in the same part of the generated report and with the same unit.
@Suite struct SourceReportFiguresTests {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/source-report-2023.txt")

    /// Numbers of the source that are not figures, with why.
    static let exclusions: [(figure: String, reason: String)] = [
        ("1、", "the heading number of section 一 (1、 主要工作情况)"),
        ("2023年", "the year the report covers, not a count"),
    ]

    /// A figure of the source: the number (a range for "20余"), its unit, and the part (（一）…（四） of 一, or 二) it is in.
    struct Figure: CustomStringConvertible {
        let text: String
        let range: ClosedRange<Int>
        let unit: String
        let part: String
        var description: String { "\(part) \(text)" }
    }

    static let units = ["个工作日", "人次", "次", "个", "起", "名", "卷", "条", "份", "年", "、"]

    /// The figures of `text`, each with the part it is in: section 一's parts start at "（一）"…, section 二 at "二、".
    static func figures(in text: String) -> [Figure] {
        var figures: [Figure] = []
        var part = "一"
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let rest = String(characters[index..<min(index + 4, characters.count)])
            // Section 二's own sub-parts are the problems in whatever order: only section 一's parts are compared.
            if !part.hasPrefix("二"), let marker = ["（一）", "（二）", "（三）", "（四）"].first(where: { rest.hasPrefix($0) }) {
                part = "一" + marker
            } else if rest.hasPrefix("二、") {
                part = "二"
            }
            guard characters[index].isASCII, characters[index].isNumber else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            let number = Int(String(characters[index..<end]))!
            var approximate = false
            if end < characters.count, characters[end] == "余" { approximate = true; end += 1 }
            let tail = String(characters[end..<min(end + 4, characters.count)])
            let unit = units.first { tail.hasPrefix($0) } ?? ""
            figures.append(Figure(text: String(characters[index..<end]) + unit,
                                  range: approximate ? (number + 1)...(number + 9) : number...number, unit: unit, part: part))
            index = end
        }
        return figures
    }

    /// Sections 一 and 二 of a report: from its first section heading to 三、下一步工作打算.
    static func sectionsOneAndTwo(_ text: String) throws -> String {
        let start = try #require(text.range(of: "主要工作情况")).lowerBound
        let end = try #require(text.range(of: "三、下一步工作打算")).lowerBound
        let body = String(text[start..<end])
        return body.replacingOccurrences(of: #"\[bookmark:[^\]]*\]"#, with: "", options: .regularExpression)
    }

    @Test func everyFigureOfSectionsOneAndTwoOfThe2023ReportIsInTheSamePartOfTheGeneratedReport() throws {
        let cli = try DemoOutput.cli()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-source-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try cli.ok(["report", "annual", "--year", "2023", "--output-dir", folder.path])
        let generated = try String(contentsOf: folder.appendingPathComponent("annual-2023.md"), encoding: .utf8)
        let generatedFigures = Self.figures(in: try Self.sectionsOneAndTwo(generated))
        let sourceFigures = Self.figures(in: try Self.sectionsOneAndTwo(String(contentsOf: Self.source, encoding: .utf8)))
        #expect(sourceFigures.count >= 25, "the source's sections 一 and 二 were read: \(sourceFigures)")

        var missing: [String] = []
        for figure in sourceFigures where !Self.exclusions.contains(where: { $0.figure == figure.text }) {
            let found = generatedFigures.contains { $0.part == figure.part && $0.unit == figure.unit && figure.range.contains($0.range.lowerBound) }
            if !found { missing.append(figure.description) }
        }
        #expect(missing.isEmpty, "figures of the 2023 report not in the same part of the generated one: \(missing)")
    }
}

import Foundation
import JointOps
import Testing

/// Reads a .docx with an independent reader — LibreOffice, headless, as the bureau's staff open it in
/// WPS or Word — and gives its text, one line per paragraph or table cell.
func textOfWordDocument(_ data: Data) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-docx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let document = folder.appendingPathComponent("report.docx")
    try data.write(to: document)
    // A profile of its own: two conversions at once must not share LibreOffice's profile lock.
    let result = try ProcessRunner.run("/usr/bin/soffice", [
        "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
        "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder.path, document.path,
    ])
    let text = folder.appendingPathComponent("report.txt")
    guard let contents = try? String(contentsOf: text, encoding: .utf8) else {
        Issue.record("LibreOffice did not convert the .docx (exit \(result.status)): \(result.output.suffix(400))")
        return []
    }
    return contents.replacingOccurrences(of: "\u{FEFF}", with: "")
        .split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Every heading, paragraph and table cell of the Markdown appears in the .docx's text, in order.
func expectWordDocumentSaysWhatTheMarkdownSays(_ markdown: String, _ docx: Data) throws {
    let lines = try textOfWordDocument(docx).filter { !$0.isEmpty }
    var position = 0
    for block in WordDocument(markdown: markdown).blocks {
        let expected: [String]
        switch block {
        case let .heading(text, _), let .paragraph(text): expected = [text]
        case let .listItem(text): expected = ["· " + text]
        case let .table(header, rows, _): expected = (header + rows.flatMap { $0 }).filter { !$0.isEmpty }
        }
        for text in expected {
            guard let found = lines[position...].firstIndex(of: text) else {
                Issue.record("the .docx lacks, after line \(position), the text \(text)")
                return
            }
            position = found + 1
        }
    }
}

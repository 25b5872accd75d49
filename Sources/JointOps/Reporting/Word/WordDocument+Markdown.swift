extension WordDocument {
    /// The document a report's Markdown describes, so the .docx says exactly what the .md says: headings
    /// (`#` title, `##`, `###`), pipe tables (`---:` marks a right-aligned column), `- ` list items and
    /// numbered items, quoted lines (a warning) and paragraphs; emphasis and code marks are dropped.
    public init(markdown: String) {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var tableLines: [String] = []

        func flushParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(Self.plain(paragraph.joined(separator: " ")))) }
            paragraph = []
        }
        func flushTable() {
            if let table = Self.table(tableLines) { blocks.append(table) }
            tableLines = []
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("|") {
                flushParagraph()
                tableLines.append(line)
                continue
            }
            flushTable()
            if line.isEmpty {
                flushParagraph()
            } else if let (level, text) = Self.heading(line) {
                flushParagraph()
                blocks.append(.heading(Self.plain(text), level: level))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flushParagraph()
                blocks.append(.listItem(Self.plain(String(line.dropFirst(2)))))
            } else if line.hasPrefix("> ") {
                flushParagraph()
                blocks.append(.paragraph(Self.plain(String(line.dropFirst(2)))))
            } else if Self.isNumberedItem(line) {
                flushParagraph()
                blocks.append(.paragraph(Self.plain(line)))
            } else {
                paragraph.append(line)
            }
        }
        flushTable()
        flushParagraph()
        let title = blocks.first.flatMap { block -> String? in
            if case let .heading(text, 0) = block { return text }
            return nil
        } ?? ""
        self.init(title: title, blocks: blocks)
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...4).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes - 1, String(line.dropFirst(hashes + 1)))
    }

    /// `1. text`: an item of a numbered list, a paragraph of its own that keeps its number.
    private static func isNumberedItem(_ line: String) -> Bool {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    private static func table(_ lines: [String]) -> Block? {
        let rows = lines.map(cells)
        guard rows.count >= 2, rows[1].allSatisfy({ $0.allSatisfy { "-:".contains($0) } && !$0.isEmpty }) else {
            return rows.isEmpty ? nil : .table(header: rows[0], rows: Array(rows.dropFirst()), numeric: [])
        }
        let numeric = Set(rows[1].indices.filter { rows[1][$0].hasSuffix(":") && !rows[1][$0].hasPrefix(":") })
        return .table(header: rows[0], rows: Array(rows.dropFirst(2)), numeric: numeric)
    }

    /// The cells of `| a | b \| c |`: split on unescaped pipes, trimmed, marks dropped.
    private static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(plain(current.trimmingCharacters(in: .whitespaces)))
                current = ""
            } else {
                current.append(character)
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { cells.append(plain(rest)) }
        return cells
    }

    /// Text without Markdown's emphasis and code marks (`**b**`, `` `c` ``, a paragraph wrapped in `_…_`) and
    /// without control characters, which a Word document cannot carry.
    static func plain(_ text: String) -> String {
        var text = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
        if text.count >= 2, text.hasPrefix("_"), text.hasSuffix("_") { text = String(text.dropFirst().dropLast()) }
        return text
    }
}

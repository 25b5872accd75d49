import Foundation

/// A document for Word and WPS (.docx, Office Open XML): headings, paragraphs and tables on A4,
/// Chinese text in 宋体 and headings in 黑体, written without an Office library.
public struct WordDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// Level 0 is the title; 1 and 2 are section headings.
        case heading(String, level: Int)
        case paragraph(String)
        case listItem(String)
        /// A table with a repeated header row; columns in `numeric` are right-aligned.
        case table(header: [String], rows: [[String]], numeric: Set<Int>)
    }

    public var title: String
    public var blocks: [Block]

    public init(title: String, blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }

    /// The .docx file's bytes.
    public func data() -> Data {
        var zip = StoredZip()
        zip.add("[Content_Types].xml", Data(WordParts.contentTypes.utf8))
        zip.add("_rels/.rels", Data(WordParts.packageRelationships.utf8))
        zip.add("docProps/core.xml", Data(WordParts.coreProperties(title: title).utf8))
        zip.add("word/_rels/document.xml.rels", Data(WordParts.documentRelationships.utf8))
        zip.add("word/styles.xml", Data(WordParts.styles.utf8))
        zip.add("word/document.xml", Data(documentXML().utf8))
        return zip.data()
    }

    func documentXML() -> String {
        var xml = WordParts.xmlDeclaration
            + "<w:document xmlns:w=\"\(WordParts.mainNamespace)\"><w:body>"
        for block in blocks { xml += Self.xml(block) }
        // A4 portrait, 2.54 cm margins (twentieths of a point).
        xml += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>"
        return xml
    }

    static func xml(_ block: Block) -> String {
        switch block {
        case let .heading(text, level):
            return paragraph(text, style: level == 0 ? "Title" : "Heading\(min(level, 3))")
        case let .paragraph(text):
            return paragraph(text, style: nil)
        case let .listItem(text):
            return paragraph("· " + text, style: "ListParagraph")
        case let .table(header, rows, numeric):
            return table(header: header, rows: rows, numeric: numeric)
        }
    }

    static func paragraph(_ text: String, style: String?, bold: Bool = false, alignRight: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if alignRight { properties += "<w:jc w:val=\"right\"/>" }
        let runProperties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
            + "<w:r>\(runProperties)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    static func table(header: [String], rows: [[String]], numeric: Set<Int>) -> String {
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\""
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + "</w:tblBorders></w:tblPr><w:tblGrid>"
            + String(repeating: "<w:gridCol/>", count: header.count) + "</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            + header.map { "<w:tc>\(paragraph($0, style: nil, bold: true))</w:tc>" }.joined() + "</w:tr>"
        for row in rows {
            xml += "<w:tr>" + row.indices.map { column in
                "<w:tc>\(paragraph(row[column], style: nil, alignRight: numeric.contains(column)))</w:tc>"
            }.joined() + "</w:tr>"
        }
        return xml + "</w:tbl>" + paragraph("", style: nil)
    }

    /// XML text: the five entities escaped, and characters XML 1.0 cannot carry left out.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(" ")
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}

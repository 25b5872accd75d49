/// The fixed parts of a .docx package: content types, relationships, styles and properties.
enum WordParts {
    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = xmlDeclaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = xmlDeclaration + """
        <Relationships xmlns="\(relationshipNamespace)">\
        <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelationships = xmlDeclaration + """
        <Relationships xmlns="\(relationshipNamespace)">\
        <Relationship Id="rId1" Type="\(officeRelationships)/styles" Target="styles.xml"/>\
        </Relationships>
        """

    static func coreProperties(title: String) -> String {
        xmlDeclaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(WordDocument.escape(title))</dc:title>\
            <dc:creator>JointOps</dc:creator></cp:coreProperties>
            """
    }

    /// 宋体 body text at 12 pt, 黑体 headings: what a government report is set in; Times New Roman for Latin text.
    static let styles = xmlDeclaration + """
        <w:styles xmlns:w="\(mainNamespace)">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>\
        <w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        \(heading("Title", name: "Title", size: 44, font: "黑体", centred: true))\
        \(heading("Heading1", name: "heading 1", size: 32, font: "黑体", centred: false))\
        \(heading("Heading2", name: "heading 2", size: 28, font: "楷体", centred: false))\
        \(heading("Heading3", name: "heading 3", size: 24, font: "黑体", centred: false))\
        <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:left="420"/></w:pPr></w:style>\
        </w:styles>
        """

    private static func heading(_ id: String, name: String, size: Int, font: String, centred: Bool) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>"
            + (centred ? "<w:jc w:val=\"center\"/>" : "") + "</w:pPr>"
            + "<w:rPr><w:rFonts w:eastAsia=\"\(font)\"/><w:b/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }
}

import Foundation
import JointOps
import Testing

/// The .docx writer, read back by LibreOffice: what goes in is what WPS or Word shows.
@Suite struct WordDocumentTests {
    @Test func chineseTablesAndHostileTextComeOutOfLibreOfficeAsTheyWentIn() throws {
        let markdown = """
            # 2023 年度法治政府建设统计 · Rule-of-law statistics 2023

            乌苏市交通运输局 · 统计期间 2023-01-01 至 2023-12-31

            ## 行政执法 · Enforcement

            | 指标 | Metric | 数值 Value |
            |---|---|---:|
            | 受理案件 | Cases accepted | 234 |
            | 黑车 \\| 非法营运 | Black cars & <others> | 5 |

            - 按期作出决定率 = 90 日内作出决定的案件 ÷ 已作出决定的案件
            - 张三 "引号" 'single' \u{0007}bell

            1. （巡察，2023-05-10）存在“以罚代管”现象——已于2023-08-01销号
            2. （案卷评查，2023-06-02）案卷制作流程不规范——整改中

            _Figures from the JointOps event log (schema `reporting`)._
            """
        let document = WordDocument(markdown: markdown)
        #expect(document.title == "2023 年度法治政府建设统计 · Rule-of-law statistics 2023")
        let lines = try textOfWordDocument(document.data())
        #expect(lines.contains("黑车 | 非法营运"), "an escaped pipe stays in its cell")
        #expect(lines.contains("Black cars & <others>"), "XML's special characters are escaped, not lost")
        #expect(lines.contains("· 张三 \"引号\" 'single' bell"), "a control character is left out, the rest kept")
        #expect(lines.contains("2. （案卷评查，2023-06-02）案卷制作流程不规范——整改中"), "a numbered item is a paragraph of its own")
        #expect(lines.contains("Figures from the JointOps event log (schema reporting)."))
        try expectWordDocumentSaysWhatTheMarkdownSays(markdown, document.data())
    }

    @Test func theSameDocumentGivesTheSameBytes() {
        let document = WordDocument(markdown: "# 标题\n\n正文")
        #expect(document.data() == document.data())
        #expect(document.data().prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
    }
}

import JointOps
import Testing

/// The renderer every command prints with: tables that fit 80 columns, JSON with Chinese as is, RFC 4180 CSV.
@Suite struct CLIOutputTests {
    let table = Table(["id", "title", "count"], rows: [["OP-2023-0001", "火车站周边黑车联合整治", "12"],
                                                       ["OP-2023-0002", "say \"hi\", then\nleave", "3"]])

    @Test func chineseCharactersCountAsTwoColumns() {
        #expect(DisplayWidth.of("黑车") == 4)
        #expect(DisplayWidth.of("新G·12345") == 9)
        #expect(DisplayWidth.of("（局长）") == 8)
        #expect(DisplayWidth.truncate("火车站周边黑车联合整治", to: 9) == "火车站周…")
    }

    @Test func tablesAlignWideCharactersAndFitTheWidth() {
        let text = table.rendered(as: .table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id            title                   count")
        #expect(lines[2] == "OP-2023-0001  火车站周边黑车联合整治     12")
        let narrow = Table(["id", "title"], rows: [["OP-2023-0001", String(repeating: "联合执法", count: 30)]])
        #expect(narrow.rendered(as: .table).split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(narrow.rendered(as: .table).contains("OP-2023-0001  联合执法"))
    }

    /// A try-out found `participants` left-aligned: one empty cell (no figure) made the column read as text.
    @Test func aColumnOfFiguresWithAnEmptyCellStillAlignsRight() {
        let text = Table(["activity", "participants"], rows: [["党组会", "12"], ["集体学法", ""], ["企业学法", "140"]])
            .rendered(as: .table)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2] == "党组会              12", "\(text)")
        #expect(lines[4] == "企业学法           140", "\(text)")
    }

    @Test func jsonIsAnArrayOfObjectsWithChineseUnescaped() {
        let json = table.rendered(as: .json)
        #expect(json.contains(#"{"id": "OP-2023-0001", "title": "火车站周边黑车联合整治", "count": "12"}"#))
        #expect(json.contains(#""title": "say \"hi\", then\nleave""#))
        #expect(Table(["a"]).rendered(as: .json) == "[]\n")
    }

    @Test func csvQuotesWhatItMustAndCanStartWithABOMForExcel() {
        let csv = table.rendered(as: .csv)
        #expect(csv == "id,title,count\r\nOP-2023-0001,火车站周边黑车联合整治,12\r\nOP-2023-0002,\"say \"\"hi\"\", then\nleave\",3\r\n")
        #expect(table.rendered(as: .csv, excelBOM: true).hasPrefix("\u{FEFF}id,title"))
    }
}

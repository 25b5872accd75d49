import JointOps
import Testing

/// Issue 14, point 4 (try-out): a key's text form holds any value, a comma too, and a code column takes the label
/// the table prints as well as its code; a value that names no code is refused instead of skipping rows.
@Suite struct PagingKeyTests {
    @Test func aValueWithACommaOrBackslashSurvivesTheTextForm() throws {
        let key = try #require(ReportKey.of("outreach_campaigns"))
        for campaign in ["宪法宣传月,乡村专场", "宪法宣传月", "a\\b,c\\,d", "结尾\\"] {
            let text = key.text(of: ["2024", campaign], headers: ["year", "campaign_zh"])
            #expect(try key.values(of: text, report: "outreach_campaigns") == ["2024", campaign], "\(text)")
        }
        #expect(key.text(of: ["2024", "宪法宣传月,乡村专场"], headers: ["year", "campaign_zh"]) == "2024,宪法宣传月\\,乡村专场")
    }

    @Test func aCodeColumnTakesItsLabelOrShortNameAndReadsAsTheCode() throws {
        let key = try #require(ReportKey.of("case_pipeline"))
        let codes: [String?] = ["2023", "archived", "WSZD", "blackCar", "jointOperation", "ordinary"]
        #expect(try key.values(of: "2023,已归档,WSZD,非法营运（黑车）,联合执法,普通程序", report: "case_pipeline") == codes)
        #expect(try key.values(of: "2023,archived,WSZD,黑车,jointoperation,ordinary", report: "case_pipeline") == codes)
        #expect(try key.values(of: "2023,已归档,WSZD,,,普通程序", report: "case_pipeline")
                == ["2023", "archived", "WSZD", nil, nil, "ordinary"])
    }

    @Test func aValueNamingNoCodeIsRefusedWithTheColumnsChoices() throws {
        let key = try #require(ReportKey.of("case_pipeline"))
        #expect {
            try key.values(of: "2023,bogus,WSZD,blackCar,jointOperation,ordinary", report: "case_pipeline")
        } throws: { error in
            guard case let ReportError.badAfterCode(report, column, value, choices) = error else { return false }
            return report == "case_pipeline" && column == "stage" && value == "bogus" && choices.contains("archived (已归档)")
        }
    }

    @Test func aNarrowTableCutsOtherColumnsBeforeItsKeyAndAKeysHeaderBeforeItsValues() {
        var table = Table(["accepted_on", "case_id", "agency", "sector_zh", "stage_zh", "party_name"],
                          rows: [["2023-01-09", "CASE-2023-0001", "WSZD", "非法营运（黑车）", "调查终结", "乌苏市某某运输有限公司"]])
        table.keyColumns = ["accepted_on", "case_id", "stage_zh"]
        let narrow = table.rendered(as: .table, width: 56)
        #expect(narrow.contains("2023-01-09") && narrow.contains("CASE-2023-0001") && narrow.contains("调查终结"), "\(narrow)")
        #expect(narrow.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 56 }, "\(narrow)")
        // Without keys the first column stays whole as before, and the second gives way.
        table.keyColumns = []
        let plain = table.rendered(as: .table, width: 56)
        #expect(plain.contains("2023-01-09") && !plain.contains("CASE-2023-0001"), "\(plain)")
    }
}

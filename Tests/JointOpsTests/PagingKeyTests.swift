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
}

import Foundation
import Testing
@testable import Enforcement

/// Issue 10 point 2: the version of the text that governs the act is recorded with the rule that chose it (APL 37).
@Suite struct LegalBasisVersionTests {
    typealias Story = LawStory

    /// A 黑车 act of 2023-07-10, under the 2022 text; the 2023 text is taken to be in force from 2023-07-20.
    static let actUnder2022Text = LawStory.act(.blackCar, on: "2023-07-10", "未取得道路运输经营许可，驾驶小型轿车载客")
    static func concludedUnder2022Text(on day: String) -> LawStory.Steps {
        LawStory.concluded(actUnder2022Text, filed: "2023-07-11", concluded: day)
    }

    @Test func aDecisionCitingTheRepealed2019TextForA2024ActIsRefused() {
        let noticed = Story.concluded2024(Story.blackCar2024) + [
            ("2024-03-11", .serveNotice(intended: .fine(20_000, basis: "RTR-63"), hearingRight: false)),
        ]
        let result = Story.when(noticed, .decidePenalty(.fine(20_000, basis: "RTR-63-2019"), decisionNumber: "乌交执罚〔2024〕301号"),
                                on: "2024-03-25")
        #expect(result == .failure(.lawRefused(.versionNotGoverning(cited: "RTR-63-2019", governing: "RTR-63-2023",
                                                                    rule: .actDateText, actDate: Fixture.date("2024-03-01")))))
        #expect(result.rejection?.message.contains("look up legal basis RTR-63-2023") == true)
    }

    @Test func aNoticeCitingThe2023TextForAnActBeforeItTookEffectIsRefused() {
        // 50,000 fits both texts and the 2023 band is not lower at both ends: the act-date text governs.
        let result = Story.when(Self.concludedUnder2022Text(on: "2023-08-10"),
                                .serveNotice(intended: .fine(50_000, basis: "RTR-63-2023"), hearingRight: false),
                                on: "2023-08-14")
        #expect(result == .failure(.lawRefused(.versionNotGoverning(cited: "RTR-63-2023", governing: "RTR-63-2022",
                                                                    rule: .actDateText, actDate: Fixture.date("2023-07-10")))))
    }

    @Test func aFineBelowTheGoverningBandIsRefusedNamingTheBandAndTheVersion() {
        // Noticed before the 2023 text: 20,000 under the 2022 text, whose minimum is 30,000.
        let result = Story.when(Self.concludedUnder2022Text(on: "2023-07-14"),
                                .serveNotice(intended: .fine(20_000, basis: "RTR-63-2022"), hearingRight: false),
                                on: "2023-07-17")
        #expect(result == .failure(.lawRefused(.fineOutOfRange(amountYuan: 20_000, minYuan: 30_000, maxYuan: 100_000,
                                                               basisId: "RTR-63-2022"))))
        #expect(result.rejection?.message.contains("outside 30000–100000 yuan set by RTR-63-2022") == true)
    }

    @Test func theActDateTextIsRecordedWhenTheLaterTextIsNotLighterForTheFine() {
        let notice = Story.notice(Story.when(Self.concludedUnder2022Text(on: "2023-08-10"),
                                             .serveNotice(intended: .fine(50_000, basis: "RTR-63"), hearingRight: false),
                                             on: "2023-08-14"))
        #expect(notice?.intended.legalBasisId == "RTR-63-2022")
        #expect(notice?.intended.basisRule == .actDateText)
        #expect(notice?.intended.citedAs == "RTR-63")
    }

    @Test func theLighterLaterTextIsRecordedWhenOnlyItAllowsTheFine() {
        let noticed = Self.concludedUnder2022Text(on: "2023-08-10") + [
            ("2023-08-14", .serveNotice(intended: .fine(20_000, basis: "RTR-63"), hearingRight: false)),
            ("2023-08-15", .requestLegalReview),
            ("2023-08-16", .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意")),
        ]
        #expect(Story.events(noticed).count == noticed.count)
        let result = Story.when(noticed, .decidePenalty(.fine(20_000, basis: "RTR-63-2023"), decisionNumber: "乌交执罚〔2023〕301号"),
                                on: "2023-08-22")
        #expect(Story.decided(result) == Penalty(types: [.fine], fineYuan: 20_000, legalBasisId: "RTR-63-2023",
                                                 citedAs: "RTR-63-2023", basisRule: .lighterLaterText))
        #expect(BasisRule.lighterLaterText.labelZh == "从轻适用新规定")
    }

    @Test func anEventRecordedBeforeVersionsWereCheckedStillDecodesAndIsLabelledAsTyped() throws {
        // As stored before: an old basis id, no citation, no rule, no hearing-right basis.
        let payload = Data("""
            {"intended": {"types": ["fine"], "fineYuan": 200, "illegalGainsYuan": 0, "legalBasisId": "RTR-63-2"},
             "hearingRight": false, "servedOn": "2023-03-06", "hearingRequestDue": null}
            """.utf8)
        let event = try CaseEvent(eventType: "PreDecisionNoticeServed", schemaVersion: 1, payload: payload)
        guard case .noticeServed(let notice) = event else {
            Issue.record("decoded \(event.eventType)")
            return
        }
        #expect(notice.intended.basisRule == nil)
        #expect(notice.intended.basisLabelZh == "RTR-63-2 旧记录未核定版本")
        #expect(notice.hearingRightBasis == nil)
        #expect(try roundTrip(event) == event)
    }
}

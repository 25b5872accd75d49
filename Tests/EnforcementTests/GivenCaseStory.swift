@testable import Enforcement

/// The 黑车 case of 张三, step by step, as commands on business days. Each stage extends the previous one.
///
/// Calendar facts used (Xinjiang, 2023): 2023-08-14 is a Monday, so the 5 WD to request a hearing end on
/// 2023-08-21; a decision on 2023-08-22 is the first day after that window.
enum CaseStory {
    typealias Steps = [(String, CaseCommand)]
    static let id = Fixture.caseId

    static let leadReceived: Steps = [
        ("2023-08-01", .receiveLead(caseId: id, agency: Fixture.transport, source: .inspection,
                                    summaryZh: "巡查中发现新G·12345在乌苏市奎屯路涉嫌非法营运")),
    ]
    static let filed: Steps = leadReceived + [
        ("2023-08-01", .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan,
                                 act: Fixture.blackCarAct, approvedBy: Fixture.chenGang)),
        ("2023-08-01", .assignOfficers([Fixture.liMing, Fixture.wangFang])),
    ]
    static let investigated: Steps = filed + [
        ("2023-08-02", .recordEvidence(kind: .interviewRecord, descriptionZh: "对乘客李四的询问笔录",
                                       mediaRef: "media/2023/0123/001.mp4", sha256: Fixture.sha,
                                       officers: [Fixture.liMing, Fixture.wangFang])),
    ]
    static let concluded: Steps = investigated + [
        ("2023-08-10", .concludeInvestigation(findingsZh: "事实清楚，证据确凿", complex: false, majorPublicInterest: false)),
    ]
    static let reviewed: Steps = concluded + [
        ("2023-08-10", .requestLegalReview),
        ("2023-08-11", .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意拟处罚意见")),
    ]
    static let noticed: Steps = reviewed + [
        ("2023-08-14", .serveNotice(intended: Fixture.blackCarFine, hearingRight: true)),
    ]
    static let decided: Steps = noticed + [
        ("2023-08-22", .decidePenalty(Fixture.blackCarFine, decisionNumber: "乌交执罚〔2023〕123号")),
    ]
    static let served: Steps = decided + [
        ("2023-08-22", .serveDecision(method: .inPerson)),
    ]
    static let paid: Steps = served + [
        ("2023-08-25", .receivePayment(amountYuan: 20_000, channel: .bank, receiptRef: "BANK-20230825-01")),
    ]

    /// The events of a stage.
    static func events(_ steps: Steps) -> [CaseEvent] { history(CaseDecider.self, steps) }

    /// A hearing requested on 2023-08-16 and scheduled with 赵强 in the chair for 2023-08-28 (7 WD later).
    static let hearingScheduled: Steps = noticed + [
        ("2023-08-16", .requestHearing),
        ("2023-08-17", .scheduleHearing(date: Fixture.date("2023-08-28"), chair: Fixture.zhaoQiang,
                                        placeZh: "乌苏市交通运输局听证室")),
    ]

    /// An on-the-spot fine of 50 yuan (summary procedure) against 张三.
    static func onSpot(fine: Int = 50, party: Party = Fixture.zhangSan) -> CaseCommand {
        .decideOnSpot(caseId: "CASE-2023-0200", agency: Fixture.transport, party: party,
                      act: Act(date: Fixture.date("2023-08-01"), placeZh: "乌苏市客运站", sector: .taxi,
                               descriptionZh: "出租车未按规定使用计价器"),
                      officers: [Fixture.liMing, Fixture.wangFang],
                      penalty: .fine(fine, basis: Fixture.smallFineBasis.id), formNumber: "当场-2023-0200")
    }
}

/// `given` for cases.
func given(_ events: [CaseEvent], when command: CaseCommand, on day: String,
           context: DecisionContext? = nil) -> Result<[CaseEvent], Rejection> {
    given(CaseDecider.self, events, when: command, on: day, context: context)
}

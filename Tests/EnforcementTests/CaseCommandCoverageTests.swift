import Testing
@testable import Enforcement

/// Every case command, whatever the state, ends in events or a rejection: never in a crash.
@Suite struct CaseCommandCoverageTests {
    static let officers = [Fixture.liMing, Fixture.wangFang]
    static let plate = "新G12345"

    /// One of each command, with arguments that would pass in the right state.
    static let everyCommand: [CaseCommand] = [
        .receiveLead(caseId: Fixture.caseId, agency: Fixture.transport, source: .inspection, summaryZh: "涉嫌非法营运"),
        .fileCase(caseId: Fixture.caseId, agency: Fixture.transport, party: Fixture.zhangSan, act: Fixture.blackCarAct,
                  approvedBy: Fixture.chenGang, source: .inspection),
        .declineFiling(reasonZh: "不属于本机关管辖"),
        .assignOfficers(officers),
        .recordEvidence(kind: .interviewRecord, descriptionZh: "询问笔录", mediaRef: "media/1.mp4", sha256: Fixture.sha,
                        officers: officers),
        .preserveEvidence(itemsZh: "计价器一台", officers: officers, approvedBy: Fixture.chenGang),
        .resolvePreservedEvidence(outcomeZh: "转为证据"),
        .seizeVehicle(plate: plate, officers: officers, approvedBy: Fixture.chenGang, placeZh: "停车场"),
        .extendSeizure(plate: plate, days: 10, approvedBy: Fixture.chenGang),
        .releaseVehicle(plate: plate, reasonZh: "当事人接受处理"),
        .confiscateVehicle(plate: plate),
        .concludeInvestigation(findingsZh: "事实清楚", complex: false, majorPublicInterest: false),
        .requestLegalReview,
        .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意"),
        .returnLegalReview(reviewer: Fixture.zhouMin, reasonZh: "补充证据"),
        .serveNotice(intended: Fixture.blackCarFine, hearingRight: true),
        .receiveStatement(summaryZh: "只是顺路"),
        .waiveStatement,
        .requestHearing,
        .scheduleHearing(date: Fixture.date("2023-12-28"), chair: Fixture.zhaoQiang, placeZh: "听证室"),
        .holdHearing(recordRef: "听证笔录-1"),
        .waiveHearing(reasonZh: "撤回"),
        .decidePenalty(Fixture.blackCarFine, decisionNumber: "乌交执罚〔2023〕1号"),
        .decideNoPenalty(reason: .minorViolation, decisionNumber: "乌交不罚〔2023〕1号"),
        .referToPolice(policeAgency: Fixture.trafficPolice, reasonZh: "涉嫌犯罪"),
        .transferOut(toAgency: Fixture.market, reasonZh: "不属于本机关管辖"),
        CaseStory.onSpot(),
        .serveDecision(method: .inPerson),
        .publishDecision(reference: "https://www.wusu.gov.cn/gs/1"),
        .withholdPublication(reason: .partyIsMinor),
        .revokeDecision(byZh: "复议机关", reasonZh: "程序违法"),
        .withdrawPublication(reasonZh: "决定已撤销"),
        .receivePayment(amountYuan: 100, channel: .bank, receiptRef: "B1"),
        .serveEnforcementDemand,
        .applyForCourtEnforcement(courtZh: "乌苏市人民法院"),
        .fileOnSpotDecision,
        .close(reportZh: "结案"),
        .archive(fileRef: "档案-1"),
        .correct(field: .fine, value: "15000", reasonZh: "罚款金额笔误", officer: Fixture.liMing),
    ]

    static let archived: [CaseEvent] = CaseStory.events(CaseStory.paid + [
        ("2023-08-28", .close(reportZh: "结案")),
        ("2023-08-29", .archive(fileRef: "档案-2023-123")),
    ])

    @Test func theListHoldsEachCommandOnce() {
        #expect(Set(Self.everyCommand.map(\.action)).count == Self.everyCommand.count)
        #expect(Self.everyCommand.count == 39)
    }

    @Test(arguments: everyCommand)
    func everyCommandOnAnArchivedCaseIsRefused(command: CaseCommand) {
        #expect(CaseDecider.fold(Self.archived).status == .archived)
        #expect(given(Self.archived, when: command, on: "2023-12-01").rejection != nil)
    }

    @Test(arguments: everyCommand)
    func onlyALeadAFilingOrAnOnTheSpotDecisionStartsACase(command: CaseCommand) {
        let refusedAsUnknown: Bool
        if case .notFound(let aggregate, _)? = given([], when: command, on: "2023-08-01").rejection {
            refusedAsUnknown = aggregate == "case"
        } else {
            refusedAsUnknown = false
        }
        #expect(refusedAsUnknown == ![CaseAction.receiveLead, .file, .decideOnSpot].contains(command.action))
    }

    @Test func theCaseDeciderNamesTheActsItsLookupsNeed() {
        let concluded = CaseDecider.fold(CaseStory.events(CaseStory.concluded))
        #expect(CaseDecider.actKeys(for: Self.everyCommand[1], state: CaseState()) == [Fixture.blackCarKey])
        #expect(CaseDecider.actKeys(for: .decidePenalty(Fixture.blackCarFine, decisionNumber: "N1"), state: concluded)
            == [Fixture.blackCarKey])
        let onSpotKey = ActKey(partyId: Fixture.zhangSan.partyId, actDate: Fixture.date("2023-08-01"))
        #expect(CaseDecider.actKeys(for: CaseStory.onSpot(), state: CaseState()) == [onSpotKey])
        #expect(CaseDecider.actKeys(for: .requestLegalReview, state: concluded).isEmpty)
        #expect(OperationDecider.actKeys(for: .launch, state: OperationState()).isEmpty)
    }
}

extension CaseCommand: CustomTestStringConvertible {
    public var testDescription: String { action.rawValue }
}

import Testing
@testable import Enforcement

@Suite struct CaseFilingTests {
    let id = Fixture.caseId

    @Test func receivingALeadOpensA15WorkingDayFilingAlert() throws {
        let result = given([], when: CaseStory.leadReceived[0].1, on: "2023-08-01")
        guard case .success(let events) = result, case .leadReceived(let lead)? = events.first else {
            Issue.record("expected CaseLeadReceived, got \(result)")
            return
        }
        #expect(lead.agency == Fixture.transport)
        #expect(lead.filingDue.kind == .filing)
        #expect(lead.filingDue.due == Fixture.date("2023-08-22"))
    }

    @Test func receivingASecondLeadForTheSameCaseIsRejected() {
        let result = given(CaseStory.events(CaseStory.leadReceived), when: CaseStory.leadReceived[0].1, on: "2023-08-02")
        #expect(result == .failure(.alreadyExists(aggregate: "case", id: id)))
    }

    @Test func aCommandOnACaseThatDoesNotExistIsRejected() {
        let result = given([], when: .declineFiling(reasonZh: "不属于本机关管辖"), on: "2023-08-01")
        #expect(result.rejection?.category == .invalidInput)
        if case .notFound(let aggregate, _)? = result.rejection { #expect(aggregate == "case") } else {
            Issue.record("expected notFound, got \(result)")
        }
    }

    @Test func filingRecordsTheLimitationAndThe90DayDecisionClock() throws {
        let events = CaseStory.events(CaseStory.filed)
        guard case .filed(let filed)? = events.dropFirst().first else { Issue.record("no CaseFiled"); return }
        #expect(filed.act.plate == "新G·12345")   // normalised
        #expect(filed.limitationExpires == Fixture.date("2025-07-31"))
        #expect(filed.decisionDue.due == Fixture.date("2023-10-30"))
        let state = CaseDecider.fold(events)
        #expect(state.status == .investigating)
        #expect(state.deadlines[.filing] == nil)
        #expect(state.openDeadlines.map(\.kind) == [.decision])
    }

    @Test func filingAnActOlderThanTwoYearsIsRejected() {
        var act = Fixture.blackCarAct
        act.date = Fixture.date("2021-07-30")
        let result = given([], when: .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan, act: act,
                                               approvedBy: Fixture.chenGang, source: .inspection), on: "2023-08-01")
        #expect(result == .failure(.limitationPeriodExpired(actDate: act.date, expiredOn: Fixture.date("2023-07-30"))))
        #expect(result.rejection?.category == .ruleRefused)
    }

    @Test func anActThatHarmedSafetyCanStillBeFiledAfterTwoYears() {
        var act = Fixture.blackCarAct
        act.date = Fixture.date("2021-07-30")
        act.harmedLifeHealthOrFinance = true
        let result = given([], when: .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan, act: act,
                                               approvedBy: Fixture.chenGang, source: .inspection), on: "2023-08-01")
        #expect(result.eventTypes == ["CaseFiled"])
    }

    @Test func aLeadReceivedInTimeKeepsTheActPunishableWhenFiledLater() {
        var act = Fixture.blackCarAct
        act.date = Fixture.date("2021-08-01")   // expires 2023-08-01, the day the lead came in
        let lead = CaseStory.events(CaseStory.leadReceived)
        let result = given(lead, when: .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan,
                                                 act: act, approvedBy: Fixture.chenGang), on: "2023-08-08")
        #expect(result.eventTypes == ["CaseFiled"])
    }

    @Test func filingAnActDatedAfterTheBusinessDateIsRejected() {
        let result = given([], when: CaseStory.filed[1].1, on: "2023-07-30")
        #expect(result == .failure(.dateInFuture(Fixture.date("2023-07-31"), today: Fixture.date("2023-07-30"))))
    }

    @Test func filingAnActAnotherAgencyFiledFirstIsRejected() {
        let kuitunCase = CaseRef(caseId: "KT-2023-0031", agencyCode: Fixture.kuitun)
        let refused = given([], when: CaseStory.filed[1].1, on: "2023-08-01",
                            context: Fixture.context("2023-08-01", filed: [Fixture.blackCarKey: kuitunCase]))
        #expect(refused == .failure(.actAlreadyFiled(by: kuitunCase)))
        let ownCase = CaseRef(caseId: id, agencyCode: Fixture.transport)
        let allowed = given(CaseStory.events(CaseStory.leadReceived), when: CaseStory.filed[1].1, on: "2023-08-01",
                            context: Fixture.context("2023-08-01", filed: [Fixture.blackCarKey: ownCase]))
        #expect(allowed.eventTypes == ["CaseFiled"])
    }

    @Test func filingALeadAsAnotherAgencyIsRejected() {
        let result = given(CaseStory.events(CaseStory.leadReceived),
                           when: .fileCase(caseId: id, agency: Fixture.kuitun, party: Fixture.zhangSan,
                                           act: Fixture.blackCarAct, approvedBy: Fixture.chenGang), on: "2023-08-01")
        #expect(result == .failure(.leadHeldByOtherAgency(leadAgency: Fixture.transport, filingAgency: Fixture.kuitun)))
    }

    @Test func filingWithAnInvalidPlateIsRejected() {
        var act = Fixture.blackCarAct
        act.plate = "XG12345"
        let result = given([], when: .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan, act: act,
                                               approvedBy: Fixture.chenGang, source: .inspection), on: "2023-08-01")
        #expect(result == .failure(.invalidPlate(.unknownProvince(text: "XG12345"))))
    }

    @Test func filingWithAnUnknownAgencyIsRejected() {
        let result = given([], when: .fileCase(caseId: id, agency: "NOPE", party: Fixture.zhangSan,
                                               act: Fixture.blackCarAct, approvedBy: Fixture.chenGang, source: .inspection),
                           on: "2023-08-01")
        #expect(result == .failure(.unknownAgency("NOPE")))
    }

    @Test func decliningALeadIsAllowedButNotOnceFiled() {
        let declined = given(CaseStory.events(CaseStory.leadReceived), when: .declineFiling(reasonZh: "经核查不构成违法"),
                             on: "2023-08-02")
        #expect(declined.eventTypes == ["FilingDeclined"])
        let refused = given(CaseStory.events(CaseStory.filed), when: .declineFiling(reasonZh: "经核查不构成违法"),
                            on: "2023-08-02")
        #expect(refused == .failure(.notAllowedNow(aggregate: "case", id: id, status: "investigating",
                                                   command: .case(.declineFiling))))
        // Out of order is a refusal saying what comes first (exit 3), not a conflict (issue 10, point 9).
        #expect(refused.rejection?.category == .ruleRefused)
    }

    @Test func declininglWithoutAReasonIsRejected() {
        let result = given(CaseStory.events(CaseStory.leadReceived), when: .declineFiling(reasonZh: "  "), on: "2023-08-02")
        #expect(result == .failure(.missingField("reason")))
    }
}

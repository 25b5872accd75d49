import Foundation
import Testing
@testable import Enforcement

/// Issue 10, point 5: each step is dated on or after the step it follows, and the refusal names both dates.
/// The story's dates: act 2023-07-31, filed 08-01, notice 08-14, decided and served 08-22.
@Suite struct DateOrderTests {
    static let evidence = CaseCommand.recordEvidence(kind: .interviewRecord, descriptionZh: "对乘客李四的询问笔录",
                                                     mediaRef: "media/2023/0123/002.mp4", sha256: Fixture.sha,
                                                     officers: [Fixture.liMing, Fixture.wangFang])
    static let payment = CaseCommand.receivePayment(amountYuan: 20_000, channel: .bank, receiptRef: "BANK-01")

    static func refusal(_ step: DatedStep, _ on: String, after earlier: DatedStep, _ earlierOn: String)
        -> Result<[CaseEvent], Rejection> {
        .failure(.datedBefore(step: step, on: Fixture.date(on), earlier: earlier, earlierOn: Fixture.date(earlierOn)))
    }

    @Test func serviceDatedBeforeTheDecisionIsRefusedAndTheSameDayIsAllowed() {
        let decided = CaseStory.events(CaseStory.decided)
        #expect(given(decided, when: .serveDecision(method: .inPerson), on: "2023-08-21")
            == Self.refusal(.service, "2023-08-21", after: .decision, "2023-08-22"))
        #expect(given(decided, when: .serveDecision(method: .inPerson), on: "2023-08-22").eventTypes == ["DecisionServed"])
    }

    @Test func publicationDatedBeforeTheDecisionIsRefusedAndLaterIsAllowed() {
        let decided = CaseStory.events(CaseStory.decided)
        #expect(given(decided, when: .publishDecision(reference: "gov.cn/1"), on: "2023-08-18")
            == Self.refusal(.publication, "2023-08-18", after: .decision, "2023-08-22"))
        #expect(given(decided, when: .publishDecision(reference: "gov.cn/1"), on: "2023-08-23").eventTypes
            == ["DecisionPublished"])
    }

    @Test func paymentDatedBeforeServiceIsRefusedAndLaterIsAllowed() {
        let served = CaseStory.events(CaseStory.served)
        #expect(given(served, when: Self.payment, on: "2023-08-21")
            == Self.refusal(.payment, "2023-08-21", after: .service, "2023-08-22"))
        #expect(given(served, when: Self.payment, on: "2023-08-25").eventTypes == ["PaymentReceived"])
    }

    @Test func decisionDatedBeforeTheNoticeIsRefusedAndAfterTheWindowIsAllowed() {
        let noticed = CaseStory.events(CaseStory.noticed)
        let decide = CaseCommand.decidePenalty(Fixture.blackCarFine, decisionNumber: "乌交执罚〔2023〕123号")
        #expect(given(noticed, when: decide, on: "2023-08-11")
            == Self.refusal(.decision, "2023-08-11", after: .notice, "2023-08-14"))
        #expect(given(noticed, when: decide, on: "2023-08-22").eventTypes == ["PenaltyDecided"])
    }

    @Test func aHearingDatedBeforeItsRequestIsRefusedAndAfterItIsAllowed() {
        let requested = CaseStory.events(CaseStory.noticed + [("2023-08-16", .requestHearing)])
        let early = CaseCommand.scheduleHearing(date: Fixture.date("2023-08-15"), chair: Fixture.zhaoQiang,
                                                placeZh: "听证室")
        #expect(given(requested, when: early, on: "2023-08-01")
            == Self.refusal(.hearing, "2023-08-15", after: .hearingRequest, "2023-08-16"))
        let inOrder = CaseCommand.scheduleHearing(date: Fixture.date("2023-08-28"), chair: Fixture.zhaoQiang,
                                                  placeZh: "听证室")
        #expect(given(requested, when: inOrder, on: "2023-08-17").eventTypes == ["HearingScheduled"])
    }

    @Test func evidenceBeforeTheActIsRefusedButBeforeFilingIsAllowed() {
        let filed = CaseStory.events(CaseStory.filed)
        #expect(given(filed, when: Self.evidence, on: "2023-07-30")
            == Self.refusal(.evidence, "2023-07-30", after: .act, "2023-07-31"))
        #expect(given(filed, when: Self.evidence, on: "2023-07-31").eventTypes == ["EvidenceRecorded"])
    }

    @Test func aSeizureBeforeTheActIsRefusedButOnTheActDateIsAllowed() {
        let filed = CaseStory.events(CaseStory.filed)
        #expect(given(filed, when: SeizureTests.seize, on: "2023-07-30")
            == Self.refusal(.seizure, "2023-07-30", after: .act, "2023-07-31"))
        #expect(given(filed, when: SeizureTests.seize, on: "2023-07-31").eventTypes == ["VehicleSeized"])
    }

    @Test func theRefusalNamesBothDatesAndIsARuleRefusal() {
        let rejection = Rejection.datedBefore(step: .service, on: Fixture.date("2023-08-21"), earlier: .decision,
                                              earlierOn: Fixture.date("2023-08-22"))
        #expect(rejection.message.contains("2023-08-21"))
        #expect(rejection.message.contains("2023-08-22"))
        #expect(rejection.category.exitCode == 3)
    }
}

/// Issue 10, point 5: no business time later than now plus five minutes; `now` is the injected clock's.
@Suite struct BusinessTimeRuleTests {
    /// 2026-12-01 16:00 UTC = 2026-12-02 00:00 China Standard Time.
    static let now = Date(timeIntervalSince1970: 1_796_140_800)

    @Test func aTimeMoreThanFiveMinutesAheadIsRefused() {
        #expect(BusinessTimeRule.isInFuture(Self.now.addingTimeInterval(301), dateOnly: false, now: Self.now))
    }

    @Test func aTimeWithinFiveMinutesIsAllowed() {
        #expect(!BusinessTimeRule.isInFuture(Self.now.addingTimeInterval(300), dateOnly: false, now: Self.now))
        #expect(!BusinessTimeRule.isInFuture(Self.now.addingTimeInterval(-86_400), dateOnly: false, now: Self.now))
    }

    @Test func aDayWithoutTimeIsTheWholeDayTodayIsAllowedTomorrowRefused() {
        let todayAt9 = Self.now.addingTimeInterval(9 * 3_600)   // 09:00 CST today, hours ahead of now
        #expect(!BusinessTimeRule.isInFuture(todayAt9, dateOnly: true, now: Self.now))
        #expect(BusinessTimeRule.isInFuture(todayAt9.addingTimeInterval(86_400), dateOnly: true, now: Self.now))
    }
}

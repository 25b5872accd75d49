import Testing
@testable import Enforcement

/// After the decision: service, publication, payment (APL 61, 67, 72), enforcement (Coercion Law 54), closing.
@Suite struct CaseExecutionTests {
    let id = Fixture.caseId

    @Test func servingAFineStartsThe15DayPaymentClock() {
        let state = CaseDecider.fold(CaseStory.events(CaseStory.served))
        #expect(state.status == .served)
        #expect(state.paymentDeadline?.due == Fixture.date("2023-09-06"))
        #expect(state.deadlines[.service] == nil)
    }

    // Issue 14: a withheld decision counted as "published on time" (225 on time, 224 published).
    @Test func aPublicationLawfullyWithheldClosesItsClockNeitherOnTimeNorLate() {
        let before = CaseDecider.fold(CaseStory.events(CaseStory.served))
        let events = CaseStory.events(CaseStory.served + [("2023-08-23", .withholdPublication(reason: .involvesSecrets))])
        let withheld = CaseDecider.fold(events)
        #expect(before.deadlines[.publication] != nil)
        #expect(withheld.publicationWithheld == .involvesSecrets)
        #expect(withheld.deadlines[.publication] == nil && withheld.completedDeadlines[.publication] == nil)
        #expect(before.clocksStopped(by: events[events.count - 1]).isEmpty)
    }

    @Test func electronicServiceWithoutTheSignedConsentIsRejected() {
        let decided = CaseStory.events(CaseStory.decided)
        #expect(given(decided, when: .serveDecision(method: .electronic), on: "2023-08-22")
            == .failure(.electronicServiceWithoutConsent(id)))
        #expect(given(decided, when: .serveDecision(method: .electronic, consentRef: "送达地址确认书-123"),
                      on: "2023-08-22").eventTypes == ["DecisionServed"])
    }

    @Test func paymentBeforeServiceIsRejected() {
        let result = given(CaseStory.events(CaseStory.decided),
                           when: .receivePayment(amountYuan: 20_000, channel: .bank, receiptRef: "B1"), on: "2023-08-22")
        #expect(result == .failure(.decisionNotServed(id)))
    }

    @Test func cashInTheOrdinaryProcedureIsRejected() {
        let result = given(CaseStory.events(CaseStory.served),
                           when: .receivePayment(amountYuan: 20_000, channel: .cashOnSpot, receiptRef: "C1"), on: "2023-08-23")
        #expect(result == .failure(.cashNotAllowed(fineYuan: 20_000)))
    }

    @Test func payingMoreThanIsOwedIsRejected() {
        let result = given(CaseStory.events(CaseStory.served),
                           when: .receivePayment(amountYuan: 20_001, channel: .bank, receiptRef: "B1"), on: "2023-08-23")
        #expect(result == .failure(.paymentExceedsOutstanding(amountYuan: 20_001, outstandingYuan: 20_000)))
    }

    @Test func theLateSurchargeIs3PercentADayCappedAtTheFine() {
        let state = CaseDecider.fold(CaseStory.events(CaseStory.served))
        #expect(state.lateSurchargeYuan(on: Fixture.date("2023-09-06")) == 0)
        #expect(state.lateSurchargeYuan(on: Fixture.date("2023-09-08")) == 1_200)
        #expect(state.lateSurchargeYuan(on: Fixture.date("2024-01-01")) == 20_000)
        #expect(state.outstandingYuan(on: Fixture.date("2023-09-08")) == 21_200)
    }

    @Test func closingWithTheFineUnpaidIsRejected() {
        #expect(given(CaseStory.events(CaseStory.served), when: .close(reportZh: "结案"), on: "2023-08-25")
            == .failure(.fineUnpaid(outstandingYuan: 20_000)))
    }

    @Test func closingAfterFullPaymentIsAllowedAndStopsTheClocks() {
        let result = given(CaseStory.events(CaseStory.paid), when: .close(reportZh: "案件办理完毕，予以结案"), on: "2023-08-28")
        #expect(result.eventTypes == ["CaseClosed"])
        let closed = CaseDecider.fold(CaseStory.events(CaseStory.paid + [("2023-08-28", .close(reportZh: "结案"))]))
        #expect(closed.openDeadlines.isEmpty)
        #expect(closed.nextActions == [.archive, .publish, .withholdPublication])
    }

    @Test func aDemandNoticeBeforeThePaymentPeriodEndsIsRejected() {
        let result = given(CaseStory.events(CaseStory.served), when: .serveEnforcementDemand, on: "2023-09-06")
        #expect(result == .failure(.fineNotOverdue(due: Fixture.date("2023-09-06"))))
    }

    @Test func theCourtIsAskedNoEarlierThanTenWorkingDaysAfterTheDemand() {
        let demanded = CaseStory.served + [("2023-09-07", .serveEnforcementDemand)]
        let events = CaseStory.events(demanded)
        #expect(CaseDecider.fold(events).courtApplicationFrom == Fixture.date("2023-09-21"))
        let apply = CaseCommand.applyForCourtEnforcement(courtZh: "乌苏市人民法院")
        #expect(given(events, when: apply, on: "2023-09-20") == .failure(.courtApplicationTooEarly(from: Fixture.date("2023-09-21"))))
        #expect(given(events, when: apply, on: "2023-09-21").eventTypes == ["CourtEnforcementApplied"])
    }

    @Test func applyingToTheCourtWithoutADemandIsRejected() {
        let result = given(CaseStory.events(CaseStory.served), when: .applyForCourtEnforcement(courtZh: "乌苏市人民法院"),
                           on: "2023-10-30")
        #expect(result == .failure(.demandNotServed(id)))
    }

    @Test func anUnpaidFineSentToTheCourtLetsTheCaseClose() {
        let applied = CaseStory.served + [("2023-09-07", .serveEnforcementDemand),
                                          ("2023-09-21", .applyForCourtEnforcement(courtZh: "乌苏市人民法院"))]
        #expect(given(CaseStory.events(applied), when: .close(reportZh: "申请法院强制执行，结案"), on: "2023-09-22").eventTypes
            == ["CaseClosed"])
    }

    @Test func publishingTwiceIsRejected() {
        let published = CaseStory.served + [("2023-08-23", .publishDecision(reference: "https://www.wusu.gov.cn/gs/123"))]
        let events = CaseStory.events(published)
        #expect(CaseDecider.fold(events).deadlines[.publication] == nil)
        #expect(given(events, when: .publishDecision(reference: "x"), on: "2023-08-24") == .failure(.alreadyPublished(id)))
    }

    @Test func revokingAPublishedDecisionOpensAThreeWorkingDayWithdrawalClock() {
        let revoked = CaseStory.served + [
            ("2023-08-23", .publishDecision(reference: "https://www.wusu.gov.cn/gs/123")),
            ("2023-09-01", .revokeDecision(byZh: "乌苏市人民政府行政复议决定", reasonZh: "认定事实不清")),
        ]
        let state = CaseDecider.fold(CaseStory.events(revoked))
        #expect(state.deadlines[.publicationWithdrawal]?.due == Fixture.date("2023-09-06"))
        #expect(state.deadlines[.payment] == nil)
        let withdrawn = given(CaseStory.events(revoked), when: .withdrawPublication(reasonZh: "处罚决定已被撤销"),
                              on: "2023-09-04")
        #expect(withdrawn.eventTypes == ["PublicationWithdrawn"])
    }

    @Test func withdrawingAnUnpublishedDecisionIsRejected() {
        #expect(given(CaseStory.events(CaseStory.served), when: .withdrawPublication(reasonZh: "撤销"), on: "2023-09-04")
            == .failure(.notPublished(id)))
    }

    @Test func archivingIsOnlyForClosedCases() {
        #expect(given(CaseStory.events(CaseStory.paid), when: .archive(fileRef: "档案-2023-123"), on: "2023-08-28")
            == .failure(.notAllowedNow(aggregate: "case", id: id, status: "served", command: .case(.archive))))
        let closed = CaseStory.paid + [("2023-08-28", .close(reportZh: "结案"))]
        #expect(given(CaseStory.events(closed), when: .archive(fileRef: "档案-2023-123"), on: "2023-09-01").eventTypes
            == ["CaseArchived"])
    }

    @Test func nextActionsFollowTheProcedure() {
        #expect(CaseDecider.fold([]).nextActions == [.receiveLead, .file, .decideOnSpot])
        #expect(CaseDecider.fold(CaseStory.events(CaseStory.concluded)).nextActions
            == [.requestLegalReview, .serveNotice, .waiveStatement, .decideNoPenalty, .referToPolice, .transferOut])
        #expect(CaseDecider.fold(CaseStory.events(CaseStory.noticed)).nextActions
            == [.receiveStatement, .requestHearing, .waiveHearing, .decidePenalty, .decideNoPenalty, .referToPolice,
                .transferOut])
        #expect(CaseDecider.fold(CaseStory.events(CaseStory.served)).nextActions
            == [.receivePayment, .serveDemand, .publish, .withholdPublication, .close, .revokeDecision])
    }
}

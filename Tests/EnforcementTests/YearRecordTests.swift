import Foundation
import Testing
@testable import Enforcement

/// The records of the rule-of-law year (issue 15): case-file audits, the adviser's reviews, petitions, the report's
/// plan, and where a rectification item came from. Given / when / then, `now` injected through the context.
@Suite struct YearRecordTests {
    static let audit = CaseFileAudit(date: Fixture.date("2023-06-15"), agency: Fixture.transport, auditedAgency: Fixture.transport,
                                     filesReviewed: 60, scopeZh: "2023年上半年行政处罚案卷", findingsZh: ["流程不规范 ", "询问笔录记录不完整"])

    // MARK: Audits

    @Test func anAuditIsRecordedOnceWithItsFindingsTrimmed() throws {
        let recorded = try #require(try given(AuditDecider.self, [], when: .record(auditId: "AUDIT-2023-0001", Self.audit),
                                              on: "2023-06-15").get())
        #expect(AuditDecider.fold(recorded)?.findingsZh == ["流程不规范", "询问笔录记录不完整"])
        #expect(try roundTrip(recorded[0]) == recorded[0])
        #expect(given(AuditDecider.self, recorded, when: .record(auditId: "AUDIT-2023-0001", Self.audit), on: "2023-06-16")
            == .failure(.alreadyExists(aggregate: "audit", id: "AUDIT-2023-0001")))
    }

    @Test(arguments: [
        (0, "2023-06-15", "流程不规范", Rejection.notPositive(field: "filesReviewed", value: 0)),
        (10_001, "2023-06-15", "流程不规范", .figureTooLarge(field: "filesReviewed", value: 10_001, maximum: 10_000)),
        (60, "2023-06-16", "流程不规范", .dateInFuture(Fixture.date("2023-06-16"), today: Fixture.date("2023-06-15"))),
        (60, "2023-06-15", "  ", .missingField("finding")),
    ])
    func anAuditWithABadCountDateOrFindingIsRefused(files: Int, date: String, finding: String, rejection: Rejection) {
        var audit = Self.audit
        audit.filesReviewed = files
        audit.date = Fixture.date(date)
        audit.findingsZh = [finding]
        #expect(given(AuditDecider.self, [], when: .record(auditId: "AUDIT-2023-0001", audit), on: "2023-06-15") == .failure(rejection))
    }

    @Test func anAuditOfAnUnregisteredAgencyIsRefused() {
        var audit = Self.audit
        audit.auditedAgency = "XXJT"
        #expect(given(AuditDecider.self, [], when: .record(auditId: "AUDIT-2023-0001", audit), on: "2023-06-15")
            == .failure(.unknownAgency("XXJT")))
        #expect(AuditDecider.actingClaim(for: .record(auditId: "A", Self.audit), state: nil) == .agency(Fixture.transport))
    }

    // MARK: Rectification origins

    @Test func anItemRaisedWithoutAnOriginIsTheCampaignsSelfExamination() throws {
        let raised = try given(RectificationDecider.self, [], when: .raise(itemId: "RECT-2023-0001", descriptionZh: "公示不及时",
                                                                           foundBy: "局法制股", foundDuring: .selfInspection),
                               on: "2023-04-03").get()
        #expect(RectificationDecider.fold(raised).origin == .campaignSelfExamination)
        #expect(try roundTrip(raised[0]) == raised[0])
        #expect(String(decoding: try raised[0].encodedPayload(), as: UTF8.self).contains(#""origin":"campaignSelfExamination""#))
    }

    @Test func anOldRaisedEventWithoutAnOriginIsReadAsSelfExamination() throws {
        // As stored before origins existed: upcast on read, never rewritten.
        let stored = Data(#"{"itemId":"RECT-2023-0001","descriptionZh":"部分案卷询问笔录未载明执法证件号码","foundBy":"市司法局案卷评查组","foundDuring":"caseFileAudit","raisedOn":"2023-03-21"}"#.utf8)
        let event = try RectificationEvent(eventType: "RectificationItemRaised", schemaVersion: 1, payload: stored)
        let state = RectificationDecider.fold([event])
        #expect(state.origin == .campaignSelfExamination)
        #expect(state.auditId == nil)
        #expect(try JSONSerialization.jsonObject(with: event.encodedPayload()) as? NSDictionary
            == JSONSerialization.jsonObject(with: stored) as? NSDictionary, "written back as stored")
    }

    @Test func anAuditsFindingNamesItsAuditAndNoOtherItemDoes() throws {
        let finding = RectificationCommand.raise(itemId: "RECT-2023-0002", descriptionZh: "流程不规范", foundBy: "乌苏市交通运输局",
                                                 foundDuring: .caseFileAudit, origin: .caseFileAudit, auditId: nil)
        #expect(given(RectificationDecider.self, [], when: finding, on: "2023-06-15") == .failure(.missingField("audit id")))
        let linked = try given(RectificationDecider.self, [], when: .raise(
            itemId: "RECT-2023-0002", descriptionZh: "流程不规范", foundBy: "乌苏市交通运输局", foundDuring: .caseFileAudit,
            origin: .caseFileAudit, auditId: "AUDIT-2023-0001"), on: "2023-06-15").get()
        #expect(RectificationDecider.fold(linked).auditId == "AUDIT-2023-0001")
        let tour = try given(RectificationDecider.self, [], when: .raise(
            itemId: "RECT-2023-0003", descriptionZh: "以罚代管", foundBy: "地委巡察组", foundDuring: .supervision,
            origin: .inspectionTour, auditId: "AUDIT-2023-0001"), on: "2023-09-05").get()
        #expect(RectificationDecider.fold(tour).origin == .inspectionTour)
        #expect(RectificationDecider.fold(tour).auditId == nil)
    }

    // MARK: The adviser's reviews

    static let review = CounselReview(kind: .agreement, subjectZh: "城乡公交运营三方协议", counselZh: "新疆天衡律师事务所 马律师",
                                      date: Fixture.date("2023-05-10"), agency: Fixture.transport, caseId: "CASE-2023-0001")

    @Test func aReviewIsRecordedAndOnlyACaseReviewKeepsItsCase() throws {
        let recorded = try given(CounselDecider.self, [], when: .record(reviewId: "COUNSEL-2023-0001", Self.review), on: "2023-05-10").get()
        #expect(CounselDecider.fold(recorded)?.caseId == nil)
        var caseReview = Self.review
        caseReview.kind = .case
        let onCase = try given(CounselDecider.self, [], when: .record(reviewId: "COUNSEL-2023-0002", caseReview), on: "2023-05-10").get()
        #expect(CounselDecider.fold(onCase)?.caseId == "CASE-2023-0001")
        #expect(try roundTrip(onCase[0]) == onCase[0])
    }

    @Test func aReviewDatedTomorrowOrWithoutAnAdviserIsRefused() {
        #expect(given(CounselDecider.self, [], when: .record(reviewId: "C", Self.review), on: "2023-05-09")
            == .failure(.dateInFuture(Fixture.date("2023-05-10"), today: Fixture.date("2023-05-09"))))
        var review = Self.review
        review.counselZh = " "
        #expect(given(CounselDecider.self, [], when: .record(reviewId: "C", review), on: "2023-05-10") == .failure(.missingField("counsel")))
    }

    // MARK: Petitions

    static let received: [(String, PetitionCommand)] = [
        ("2023-01-10", .receive(petitionId: "PET-2023-0001", Petition(receivedOn: Fixture.date("2019-03-15"), agency: Fixture.transport,
                                                                      subjectZh: "出租汽车经营权有偿使用费退还诉求"))),
    ]

    @Test func aLongStandingPetitionIsResolvedOnOrAfterItsReceipt() throws {
        let events = history(PetitionDecider.self, Self.received)
        #expect(given(PetitionDecider.self, events, when: .resolve(resolvedOn: Fixture.date("2019-03-14"), outcomeZh: "息诉罢访"),
                      on: "2023-04-20")
            == .failure(.datedBefore(step: .petitionResolution, on: Fixture.date("2019-03-14"), earlier: .petitionReceipt,
                                     earlierOn: Fixture.date("2019-03-15"))))
        #expect(given(PetitionDecider.self, events, when: .resolve(resolvedOn: Fixture.date("2023-04-21"), outcomeZh: "息诉罢访"),
                      on: "2023-04-20")
            == .failure(.dateInFuture(Fixture.date("2023-04-21"), today: Fixture.date("2023-04-20"))))
        let resolved = try given(PetitionDecider.self, events, when: .resolve(resolvedOn: Fixture.date("2023-04-20"), outcomeZh: "息诉罢访"),
                                 on: "2023-04-20").get()
        let state = PetitionDecider.fold(events + resolved)
        #expect(state.status == .resolved && state.isLongStanding)
        #expect(given(PetitionDecider.self, events + resolved, when: .resolve(resolvedOn: Fixture.date("2023-04-20"), outcomeZh: "再次"),
                      on: "2023-04-21")
            == .failure(.notAllowedNow(aggregate: "petition", id: "PET-2023-0001", status: "resolved", command: .petition(.resolve))))
        #expect(PetitionDecider.actingClaim(for: .resolve(resolvedOn: Fixture.date("2023-04-20"), outcomeZh: "x"), state: state)
            == .agency(Fixture.transport))
    }

    // MARK: The report's plan

    @Test func aPlanIsKeptWholeAndTheSameTextAgainChangesNothing() throws {
        let plan = ReportPlanCommand.record(year: 2023, agency: Fixture.transport, textZh: "## 三、下一步工作打算\n（一）从“学”上下功夫")
        let recorded = try given(ReportPlanDecider.self, [], when: plan, on: "2024-01-10").get()
        #expect(try roundTrip(recorded[0]) == recorded[0])
        #expect(given(ReportPlanDecider.self, recorded, when: plan, on: "2024-01-11") == .success([]))
        let newer = try given(ReportPlanDecider.self, recorded, when: .record(year: 2023, agency: Fixture.transport, textZh: "修订稿"),
                              on: "2024-01-12").get()
        let state = ReportPlanDecider.fold(recorded + newer)
        #expect(state.latest?.textZh == "修订稿" && state.versions == 2)
    }

    @Test func anEmptyOversizedOrFuturePlanIsRefused() {
        func record(_ text: String, year: Int = 2023) -> Result<[ReportPlanEvent], Rejection> {
            given(ReportPlanDecider.self, [], when: .record(year: year, agency: Fixture.transport, textZh: text), on: "2023-12-28")
        }
        #expect(record(" \n ") == .failure(.missingField("plan")))
        let long = String(repeating: "计", count: 21_846)   // 3 bytes each: 65,538 bytes
        #expect(record(long) == .failure(.textTooLong(field: "plan", bytes: 65_538, maximum: 65_536)))
        #expect(record("计划", year: 2024) == .failure(.dateInFuture(Fixture.date("2024-01-01"), today: Fixture.date("2023-12-28"))))
    }
}

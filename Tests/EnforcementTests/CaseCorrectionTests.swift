import Testing
@testable import Enforcement

/// Corrections (更正) by a later event: any recorded field before service, clerical errors only after it, and the
/// checks the original act ran run again on the corrected value.
@Suite struct CaseCorrectionTests {
    static let filed = CaseStory.events(CaseStory.filed)
    static let decided = CaseStory.events(CaseStory.decided)
    static let served = CaseStory.events(CaseStory.served)
    static let published = CaseStory.events(CaseStory.served + [
        ("2023-08-23", .publishDecision(reference: "https://www.wusu.gov.cn/gs/0123")),
    ])

    static func correct(_ field: CorrectableField, _ value: String, officer: String = Fixture.liMing) -> CaseCommand {
        .correct(field: field, value: value, reasonZh: "录入时笔误，经核对原始笔录更正", officer: officer)
    }

    /// A correct value for every field; `fine` and `legalBasis` exist once the penalty is decided.
    static let values: [CorrectableField: String] = [
        .partyName: "张叁", .partyId: "652301199001011235", .partyKind: "organisation", .actDate: "2023-07-30",
        .actPlace: "乌苏市北京路与虹桥路交叉口", .actDescription: "驾驶新G·54321未取得道路运输经营许可搭载乘客前往奎屯市收取费用",
        .plate: "新G54321", .sector: "taxi", .fine: "15000", .legalBasis: "TEST-VEHICLE-2023",
    ]

    // MARK: Before service: every recorded field

    @Test(arguments: CorrectableField.allCases)
    func beforeServiceEveryRecordedFieldIsCorrected(field: CorrectableField) throws {
        // A sector corrected after the decision would no longer fit its basis: it is corrected while investigating.
        let history = field == .sector ? Self.filed : Self.decided
        let result = given(history, when: Self.correct(field, Self.values[field]!), on: "2023-08-22")
        #expect(result.eventTypes == ["CaseCorrected"], "\(field): \(result.rejection.map(\.message) ?? "")")
        guard case .success(let events) = result, case .corrected(let e)? = events.first else { return }
        #expect(e.field == field && !e.afterService && e.officer == Fixture.liMing && e.correctedOn == Fixture.date("2023-08-22"))
        #expect(e.from != e.to)
    }

    @Test func theCorrectedValueStandsAndTheOriginalStaysInTheHistory() {
        let result = given(Self.decided, when: Self.correct(.partyName, "张叁"), on: "2023-08-22")
        guard case .success(let events) = result else { Issue.record("refused"); return }
        let state = CaseDecider.fold(Self.decided + events)
        #expect(state.party?.nameZh == "张叁")
        #expect(state.corrections.map { "\($0.field.rawValue): \($0.from) → \($0.to)" } == ["partyName: 张三 → 张叁"])
        #expect(state.corrections.first?.reasonZh == "录入时笔误，经核对原始笔录更正")
    }

    @Test func aCorrectedFineAndBasisAreRecordedInTheDecidedPenalty() {
        let fine = given(Self.decided, when: Self.correct(.fine, "15000"), on: "2023-08-22")
        guard case .success(let events) = fine else { Issue.record("refused"); return }
        #expect(CaseDecider.fold(Self.decided + events).fineYuan == 15_000)
        let basis = given(Self.decided, when: Self.correct(.legalBasis, "TEST-VEHICLE"), on: "2023-08-22")
        guard case .success(let more) = basis, case .corrected(let e)? = more.first else { Issue.record("refused"); return }
        #expect(e.from == "RTR-63-2023" && e.to == "TEST-VEHICLE-2023")
        #expect(CaseDecider.fold(Self.decided + more).penalty?.legalBasisId == "TEST-VEHICLE-2023")
    }

    @Test func correctingAFieldToWhatItAlreadySaysChangesNothing() {
        #expect(given(Self.decided, when: Self.correct(.partyName, "张三"), on: "2023-08-22") == .success([]))
    }

    // MARK: After service: clerical errors only

    @Test(arguments: CorrectableField.allCases.filter(\.isClerical))
    func afterServiceAClericalErrorIsCorrected(field: CorrectableField) throws {
        let result = given(Self.served, when: Self.correct(field, Self.values[field]!), on: "2023-08-25")
        #expect(result.eventTypes == ["CaseCorrected"], "\(field): \(result.rejection.map(\.message) ?? "")")
        guard case .success(let events) = result, case .corrected(let e)? = events.first else { return }
        #expect(e.afterService && !e.republished)
    }

    @Test(arguments: CorrectableField.allCases.filter { !$0.isClerical })
    func afterServiceThePenaltyBasisAndIdentityChangeOnlyByRevoking(field: CorrectableField) {
        let result = given(Self.served, when: Self.correct(field, Self.values[field]!), on: "2023-08-25")
        #expect(result.rejection == .correction(.notClericalAfterService(field: field, caseId: Fixture.caseId,
                                                                          servedOn: Fixture.date("2023-08-22"))))
        #expect(result.rejection?.category == .ruleRefused)
        #expect(result.rejection?.message.contains("revoking the decision") == true)
    }

    @Test func aPublishedDecisionThatIsCorrectedIsRepublished() {
        let result = given(Self.published, when: Self.correct(.partyName, "张叁"), on: "2023-08-25")
        guard case .success(let events) = result, case .corrected(let e)? = events.first else { Issue.record("refused"); return }
        #expect(e.republished)
    }

    // MARK: The original checks, run again

    @Test func aCorrectedActDateMayNotBeInTheFuture() {
        let result = given(Self.filed, when: Self.correct(.actDate, "2023-08-30"), on: "2023-08-05")
        #expect(result.rejection == .dateInFuture(Fixture.date("2023-08-30"), today: Fixture.date("2023-08-05")))
    }

    @Test func aCorrectedActDateMayNotFollowTheOpeningOfTheCase() {
        let result = given(Self.filed, when: Self.correct(.actDate, "2023-08-03"), on: "2023-08-05")
        #expect(result.rejection == .correction(.actAfterCaseOpened(actDate: Fixture.date("2023-08-03"),
                                                                      openedOn: Fixture.date("2023-08-01"))))
    }

    @Test func aCorrectedActDateIsGovernedAgainAndMustStillBePunishable() {
        // Before 2023-07-20 the 2022 text was in force, but the lighter later text governs (APL 37).
        let result = given(Self.decided, when: Self.correct(.actDate, "2023-07-01"), on: "2023-08-22")
        guard case .success(let events) = result, case .corrected(let e)? = events.first else { Issue.record("refused"); return }
        #expect(e.penalty?.basisRule == .lighterLaterText && e.penalty?.legalBasisId == "RTR-63-2023")
        #expect(e.limitationExpires == Fixture.date("2025-07-01") && e.actKey.actDate == Fixture.date("2023-07-01"))
        // Discovered on 2023-08-01, an act of 2021-06-30 was past its two years (APL 36).
        let expired = given(Self.decided, when: Self.correct(.actDate, "2021-06-30"), on: "2023-08-22")
        #expect(expired.rejection == .limitationPeriodExpired(actDate: Fixture.date("2021-06-30"),
                                                              expiredOn: Fixture.date("2023-06-30")))
    }

    @Test func aCorrectedPartyIdMayNotCollideWithACaseThatFinedTheAct() {
        let other = CaseRef(caseId: "CASE-2023-0999", agencyCode: Fixture.kuitun)
        let key = ActKey(partyId: "652301199001011235", actDate: Fixture.date("2023-07-31"))
        #expect(CaseDecider.actKeys(for: Self.correct(.partyId, key.partyId), state: CaseDecider.fold(Self.decided)) == [key])
        let fined = given(Self.decided, when: Self.correct(.partyId, key.partyId), on: "2023-08-22",
                          context: Fixture.context("2023-08-22", fined: [key: other]))
        #expect(fined.rejection == .actAlreadyFined(by: other))
        let filed = given(Self.filed, when: Self.correct(.partyId, key.partyId), on: "2023-08-05",
                          context: Fixture.context("2023-08-05", filed: [key: other]))
        #expect(filed.rejection == .actAlreadyFiled(by: other))
    }

    @Test func aCorrectedFineStaysWithinTheNotice() {
        let result = given(Self.decided, when: Self.correct(.fine, "25000"), on: "2023-08-22")
        #expect(result.rejection == .penaltyExceedsNotice(noticeYuan: 20_000, decidedYuan: 25_000))
    }

    @Test func aCorrectedBasisMustFitTheSector() {
        let result = given(Self.decided, when: Self.correct(.legalBasis, "TAXI-47"), on: "2023-08-22")
        guard case .lawRefused? = result.rejection else { Issue.record("not refused by the law: \(result)"); return }
    }

    @Test func aFineOrBasisIsCorrectedOnlyOnceAPenaltyIsDecided() {
        let result = given(Self.filed, when: Self.correct(.fine, "15000"), on: "2023-08-05")
        #expect(result.rejection == .correction(.fieldNotRecorded(field: .fine, caseId: Fixture.caseId)))
        #expect(result.rejection?.message.contains("serving a new notice") == true)
    }

    @Test func aValueOfTheWrongKindIsBadInput() {
        let result = given(Self.decided, when: Self.correct(.fine, "二万"), on: "2023-08-22")
        #expect(result.rejection == .correction(.invalidValue(field: .fine, value: "二万", expected: "whole yuan, e.g. 5000")))
        #expect(result.rejection?.category == .invalidInput)
    }

    @Test func aCorrectionNamesItsReasonAndAKnownOfficer() {
        let blank = CaseCommand.correct(field: .partyName, value: "张叁", reasonZh: "  ", officer: Fixture.liMing)
        #expect(given(Self.decided, when: blank, on: "2023-08-22").rejection == .missingField("reason"))
        let unknown = Self.correct(.partyName, "张叁", officer: "NOBODY")
        #expect(given(Self.decided, when: unknown, on: "2023-08-22").rejection == .unknownOfficer("NOBODY"))
    }

    @Test func theCorrectionEventSurvivesTheStore() throws {
        guard case .success(let events) = given(Self.decided, when: Self.correct(.fine, "15000"), on: "2023-08-22"),
              let event = events.first else { Issue.record("refused"); return }
        #expect(try roundTrip(event) == event)
    }
}

import Testing
@testable import Enforcement

/// Issue 10 point 4: the hearing right comes from the penalty (APL 63), not from the officer's flag.
@Suite struct HearingRightTests {
    typealias Story = LawStory

    static let blackCar = LawStory.concluded2024(LawStory.blackCar2024)
    static func notice(_ penalty: Penalty, flag: Bool = false, steps: LawStory.Steps = blackCar) -> LawStory.Steps {
        steps + [("2024-03-11", .serveNotice(intended: penalty, hearingRight: flag))]
    }

    @Test func aLargeFineNoticedWithoutTheFlagStillOffersTheHearingTheLawRequires() {
        let notice = Story.notice(Story.when(Self.blackCar, .serveNotice(intended: .fine(50_000, basis: "RTR-63"), hearingRight: false),
                                             on: "2024-03-11"))
        #expect(notice?.hearingRight == true)
        #expect(notice?.hearingRightBasis == .requiredByLaw)
        #expect(notice?.hearingRightGrounds == [.largeFine])
        #expect(notice?.hearingRequestDue != nil)
    }

    @Test func thePartysHearingRequestAfterADerivedRightIsAccepted() {
        let result = Story.when(Self.notice(.fine(50_000, basis: "RTR-63")), .requestHearing, on: "2024-03-13")
        #expect(result.eventTypes == ["HearingRequested"])
    }

    /// The last day of the hearing window a notice opened (provisional in Xinjiang 2024: it carries the margin).
    static func windowEnd(_ steps: LawStory.Steps) -> LocalDate? {
        CaseDecider.fold(LawStory.events(steps)).deadlines[.hearingRequest]?.legallyDue
    }

    @Test func aDecisionInsideTheDerivedHearingWindowIsRefused() throws {
        let noticed = Self.notice(.fine(50_000, basis: "RTR-63"))
        let end = try #require(Self.windowEnd(noticed))
        let result = Story.when(noticed, .decidePenalty(.fine(50_000, basis: "RTR-63"), decisionNumber: "乌交执罚〔2024〕301号"),
                                on: "2024-03-14")
        #expect(result == .failure(.hearingRequestWindowOpen(caseId: Story.id, until: end)))
    }

    @Test func aPermitRevocationOffersAHearingWithoutTheFlag() {
        let revocation = Penalty(types: [.fine, .permitRevocation], fineYuan: 2_000, legalBasisId: "RTR-68")
        let notice = Story.notice(Story.when(Story.concluded2024(Story.line2024, party: Fixture.company),
                                             .serveNotice(intended: revocation, hearingRight: false), on: "2024-03-11"))
        #expect(notice?.hearingRightBasis == .requiredByLaw)
        #expect(notice?.hearingRightGrounds == [.permitRevocation])
    }

    @Test func theFlagAddsAHearingTheLawDoesNotRequireAsGrantedVoluntarily() {
        let line = Story.concluded2024(Story.line2024, party: Fixture.company)
        let flagged = Story.notice(Story.when(line, .serveNotice(intended: .fine(2_000, basis: "RTR-68"), hearingRight: true),
                                              on: "2024-03-11"))
        #expect(flagged?.hearingRight == true)
        #expect(flagged?.hearingRightBasis == .grantedVoluntarily)
        let plain = Story.notice(Story.when(line, .serveNotice(intended: .fine(2_000, basis: "RTR-68"), hearingRight: false),
                                            on: "2024-03-11"))
        #expect(plain?.hearingRight == false)
        #expect(plain?.hearingRightBasis == nil)
    }

    @Test func theLargeFineThresholdIs10000ForIndividualsAnd100000ForOrganisations() {
        let threshold = LargeFineThreshold.shippedDefault
        #expect(threshold.tag == .R)
        #expect(HearingRightGround.grounds(for: .fine(9_999, basis: "X"), party: .individual, threshold: threshold).isEmpty)
        #expect(HearingRightGround.grounds(for: .fine(10_000, basis: "X"), party: .individual, threshold: threshold) == [.largeFine])
        #expect(HearingRightGround.grounds(for: .fine(99_999, basis: "X"), party: .organisation, threshold: threshold).isEmpty)
        #expect(HearingRightGround.grounds(for: .fine(100_000, basis: "X"), party: .organisation, threshold: threshold)
            == [.largeFine])
    }

    @Test func anAgencysOwnThresholdGovernsItsCases() {
        let own = LargeFineThreshold(individualYuan: 5_000, organisationYuan: 50_000, source: "测试：本局听证标准", tag: .L)
        var context = Story.context("2024-03-11")
        context.legalBases = LegalBasisCatalogue(bases: LegalBasisCatalogue.shipped.all,
                                                 hearingThresholds: HearingThresholds(byAgency: [Fixture.transport: own]))
        let steps = Story.concluded2024(Story.rideHailing2024)
        let result = given(Story.events(steps), when: .serveNotice(intended: .fine(6_000, basis: "RIDE-34-2"), hearingRight: false),
                           on: "2024-03-11", context: context)
        #expect(Story.notice(result)?.hearingRightBasis == .requiredByLaw)
    }

    @Test func waivingTheStatementDoesNotCloseTheHearingWindow() throws {
        let waived = Self.notice(.fine(50_000, basis: "RTR-63")) + [("2024-03-12", .waiveStatement)]
        let end = try #require(Self.windowEnd(waived))
        #expect(Story.when(waived, .requestHearing, on: "2024-03-13").eventTypes == ["HearingRequested"])
        let early = Story.when(waived, .decidePenalty(.fine(50_000, basis: "RTR-63"), decisionNumber: "乌交执罚〔2024〕301号"),
                               on: "2024-03-14")
        #expect(early == .failure(.hearingRequestWindowOpen(caseId: Story.id, until: end)))
    }

    @Test func aWaiverWithoutANoticeCannotTakeAwayTheHearingRightOfALargeFine() {
        let waived = Self.blackCar + [("2024-03-11", .waiveStatement), ("2024-03-11", .requestLegalReview),
                                      ("2024-03-12", .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意"))]
        let result = Story.when(waived, .decidePenalty(.fine(20_000, basis: "RTR-63"), decisionNumber: "乌交执罚〔2024〕301号"),
                                on: "2024-03-13")
        #expect(result == .failure(.hearingRightNotOffered(caseId: Story.id, grounds: [.largeFine])))
    }

    @Test func aNoticeRecordedWithoutTheRightTheLawRequiresMustBeServedAgain() {
        // An old notice: 20,000 yuan noticed without a hearing right, before the right was derived.
        let old = CaseEvent.noticeServed(.init(intended: .fine(20_000, basis: "RTR-63-2023"), hearingRight: false,
                                               servedOn: Fixture.date("2024-03-11"), hearingRequestDue: nil))
        let events = Story.events(Self.blackCar + [("2024-03-11", .requestLegalReview),
                                                    ("2024-03-12", .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意"))]) + [old]
        let result = given(events, when: .decidePenalty(.fine(20_000, basis: "RTR-63"), decisionNumber: "乌交执罚〔2024〕301号"),
                           on: "2024-03-19", context: Story.context("2024-03-19"))
        #expect(result == .failure(.hearingRightNotOffered(caseId: Story.id, grounds: [.largeFine])))
        #expect(result.rejection?.message.contains("serve the notice again") == true)
    }
}

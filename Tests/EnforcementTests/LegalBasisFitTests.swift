import Testing
@testable import Enforcement

/// Issue 10 point 1: the legal basis must fit the offence — the case's sector and the penalty types chosen.
@Suite struct LegalBasisFitTests {
    typealias Story = LawStory

    @Test func aBlackCarNoticeUnderTheScheduledLineArticleIsRefusedNamingTheArticlesThatFit() {
        let result = Story.when(Story.concluded2024(Story.blackCar2024),
                                .serveNotice(intended: .fine(2_000, basis: "RTR-68-2023"), hearingRight: false),
                                on: "2024-03-11")
        #expect(result == .failure(.lawRefused(.basisNotForSector(cited: "RTR-68-2023", sector: .blackCar,
                                                                  fitting: ["RTR-63"]))))
        #expect(result.rejection?.message.contains("articles that fit: RTR-63") == true)
        #expect(result.rejection?.message.contains("look up the legal bases for blackCar") == true)
    }

    @Test func aBlackCarDecisionAt2000UnderTheScheduledLineArticleIsRefused() {
        let noticed = Story.concluded2024(Story.blackCar2024) + [
            ("2024-03-11", .serveNotice(intended: .fine(20_000, basis: "RTR-63"), hearingRight: false)),
        ]
        let result = Story.when(noticed, .decidePenalty(.fine(2_000, basis: "RTR-68-2023"), decisionNumber: "乌交执罚〔2024〕301号"),
                                on: "2024-03-25")
        #expect(result == .failure(.lawRefused(.basisNotForSector(cited: "RTR-68-2023", sector: .blackCar,
                                                                  fitting: ["RTR-63"]))))
    }

    @Test func aTaxiCaseUnderARideHailingArticleIsRefused() {
        let result = Story.when(Story.concluded2024(Story.taxi2024),
                                .serveNotice(intended: .fine(5_000, basis: "RIDE-34-2"), hearingRight: false), on: "2024-03-11")
        #expect(result == .failure(.lawRefused(.basisNotForSector(cited: "RIDE-34-2", sector: .taxi,
                                                                  fitting: ["TAXI-47", "TAXI-AREA"]))))
    }

    @Test(arguments: [PenaltyType.warning, .permitRevocation])
    func aBlackCarNoticeOfATypeTheArticleDoesNotProvideIsRefused(type: PenaltyType) {
        let result = Story.when(Story.concluded2024(Story.blackCar2024),
                                .serveNotice(intended: Penalty(types: [type], legalBasisId: "RTR-63"), hearingRight: false),
                                on: "2024-03-11")
        #expect(result == .failure(.lawRefused(.penaltyTypeNotProvided(basisId: "RTR-63-2023", type: type,
                                                                       sector: .blackCar, fitting: []))))
        #expect(result.rejection?.message.contains("no article in the catalogue fits") == true)
    }

    @Test func aRevocationUnderAnArticleWithoutItNamesTheArticleThatProvidesIt() {
        let revocation = Penalty(types: [.fine, .permitRevocation], fineYuan: 2_000, legalBasisId: "RTR-64")
        let result = Story.when(Story.concluded2024(Story.line2024, party: Fixture.company),
                                .serveNotice(intended: revocation, hearingRight: false), on: "2024-03-11")
        #expect(result == .failure(.lawRefused(.penaltyTypeNotProvided(basisId: "RTR-64-2023", type: .permitRevocation,
                                                                       sector: .scheduledLine, fitting: ["RTR-68"]))))
    }

    @Test func anOnTheSpotTaxiFineUnderARideHailingArticleIsRefused() {
        guard case let .outcome(.decideOnSpot(caseId, agency, party, act, officers, _, form)) = CaseStory.onSpot() else {
            Issue.record("the on-the-spot story changed shape")
            return
        }
        let result = given([], when: .decideOnSpot(caseId: caseId, agency: agency, party: party, act: act, officers: officers,
                                                   penalty: .fine(200, basis: "RIDE-34-3"), formNumber: form),
                           on: "2023-08-01")
        #expect(result == .failure(.lawRefused(.basisNotForSector(cited: "RIDE-34-3", sector: .taxi,
                                                                  fitting: ["TAXI-47", "TAXI-AREA", "TEST-SMALL"]))))
    }

    @Test func aBlackCarNoticeUnderTheFamilyRecordsTheGoverningVersion() {
        let notice = Story.notice(Story.when(Story.concluded2024(Story.blackCar2024),
                                             .serveNotice(intended: .fine(20_000, basis: "RTR-63"), hearingRight: false),
                                             on: "2024-03-11"))
        #expect(notice?.intended == Penalty(types: [.fine], fineYuan: 20_000, legalBasisId: "RTR-63-2023",
                                            citedAs: "RTR-63", basisRule: .actDateText))
    }

    @Test func aTaxiCaseUnderTheTaxiArticleAndALineRevocationUnderTheLineArticleAreAllowed() {
        let taxi = Story.notice(Story.when(Story.concluded2024(Story.taxi2024),
                                           .serveNotice(intended: .fine(8_000, basis: "TAXI-47"), hearingRight: false),
                                           on: "2024-03-11"))
        #expect(taxi?.intended.legalBasisId == "TAXI-47-2014")
        let revocation = Penalty(types: [.fine, .permitRevocation], fineYuan: 2_000, legalBasisId: "RTR-68")
        let line = Story.notice(Story.when(Story.concluded2024(Story.line2024, party: Fixture.company),
                                           .serveNotice(intended: revocation, hearingRight: false), on: "2024-03-11"))
        #expect(line?.intended.legalBasisId == "RTR-68-2023")
    }

    @Test func anOnTheSpotRideHailingWarningAndFineUnderItsArticleAreAllowed() {
        let act = LawStory.act(.rideHailing, on: "2024-03-01", "网约车驾驶员未取得《网络预约出租汽车驾驶员证》")
        let penalty = Penalty(types: [.warning, .fine], fineYuan: 200, legalBasisId: "RIDE-34-3")
        let result = given([], when: .decideOnSpot(caseId: "CASE-2024-0400", agency: Fixture.transport, party: Fixture.zhangSan,
                                                   act: act, officers: [Fixture.liMing, Fixture.wangFang], penalty: penalty,
                                                   formNumber: "当场-2024-0400"),
                           on: "2024-03-01", context: Story.context("2024-03-01"))
        #expect(Story.decided(result)?.legalBasisId == "RIDE-34-3-2022")
    }
}

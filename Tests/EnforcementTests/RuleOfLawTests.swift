import Foundation
import Testing
@testable import Enforcement

/// Issue 15, point 1: rule-of-law activities and service commitments are recorded as events, validated like every
/// other input; publicity campaigns keep their name and channels beside the leaflets.
@Suite struct RuleOfLawTests {
    static func trip(participants: Int? = 4, personTimes: Int? = 4) -> RuleOfLawActivity {
        RuleOfLawActivity(kind: .outsideStudy, titleZh: "道路运输执法规范化培训", date: Fixture.date("2023-06-12"),
                          agency: Fixture.transport, placeZh: "乌鲁木齐市", participants: participants, personTimes: personTimes)
    }

    static func when(_ activity: RuleOfLawActivity, on day: String = "2023-06-20") -> Result<[RuleOfLawEvent], Rejection> {
        given(RuleOfLawDecider.self, [], when: .record(activityId: "ROL-2023-0001", activity), on: day)
    }

    // MARK: Activities

    @Test func anOutsideStudyTripIsRecordedOnceWithItsPersonTimes() throws {
        let recorded = try Self.when(Self.trip(participants: 4, personTimes: 6)).get()
        #expect(try roundTrip(recorded[0]) == recorded[0])
        #expect(RuleOfLawDecider.fold(recorded)?.countedPersonTimes == 6)
        #expect(given(RuleOfLawDecider.self, recorded, when: .record(activityId: "ROL-2023-0001", Self.trip()), on: "2023-06-21")
            == .failure(.alreadyExists(aggregate: "rule-of-law activity", id: "ROL-2023-0001")))
    }

    @Test func aPartyGroupMeetingNeedsNoCountsAndCountsNoPersonTimes() throws {
        let meeting = RuleOfLawActivity(kind: .partyMeeting, titleZh: "研究部署年度法治政府建设工作", date: Fixture.date("2023-02-10"),
                                        agency: Fixture.transport)
        let recorded = try Self.when(meeting, on: "2023-02-10").get()
        #expect(recorded.map(\.eventType) == ["RuleOfLawActivityRecorded"])
        #expect(RuleOfLawDecider.fold(recorded)?.countedPersonTimes == 0)
    }

    @Test func aHandbookCountsTheLawsItCompilesAndHasNoParticipants() {
        var handbook = RuleOfLawActivity(kind: .handbook, titleZh: "《交通运输政策法律汇编》", date: Fixture.date("2023-03-15"),
                                         agency: Fixture.transport)
        #expect(Self.when(handbook) == .failure(.ruleOfLaw(.detailRequired(kind: .handbook, option: "--items"))))
        handbook.items = 29
        #expect(Self.when(handbook).eventTypes == ["RuleOfLawActivityRecorded"])
        handbook.participants = 30
        #expect(Self.when(handbook) == .failure(.ruleOfLaw(.detailNotApplicable(kind: .handbook, option: "--participants"))))
        var study = Self.trip()
        study.items = 3
        #expect(Self.when(study) == .failure(.ruleOfLaw(.detailNotApplicable(kind: .outsideStudy, option: "--items"))))
    }

    @Test(arguments: [(RuleOfLawActivityKind.studyVisit, "--place"), (.enterpriseStudy, "--place"), (.lecture, "--host"),
                      (.outsideStudy, "--person-times")])
    func aKindThatNeedsADetailIsRefusedWithoutIt(kind: RuleOfLawActivityKind, option: String) {
        var activity = RuleOfLawActivity(kind: kind, titleZh: "学习案件办理经验", date: Fixture.date("2023-05-10"),
                                         agency: Fixture.transport, placeZh: "沙湾市交通运输局", hostZh: "乌苏市司法局", participants: 5,
                                         personTimes: 5)
        switch option {
        case "--place": activity.placeZh = nil
        case "--host": activity.hostZh = nil
        default: activity.personTimes = nil
        }
        let refused = Self.when(activity)
        #expect(refused == .failure(.ruleOfLaw(.detailRequired(kind: kind, option: option))))
        #expect(refused.rejection?.category == .invalidInput)
    }

    @Test func fewerPersonTimesThanParticipantsAreRefused() {
        #expect(Self.when(Self.trip(participants: 4, personTimes: 3))
            == .failure(.ruleOfLaw(.personTimesBelowParticipants(personTimes: 3, participants: 4))))
    }

    @Test(arguments: [("participants", 0, false), ("personTimes", -1, false), ("participants", 1_001, true), ("personTimes", 10_001, true)])
    func countsBelowOneOrBeyondTheirBoundAreRefused(field: String, value: Int, tooLarge: Bool) {
        var trip = Self.trip(participants: nil, personTimes: 4)
        if field == "participants" { trip.participants = value } else { trip.personTimes = value }
        if field == "participants", value > 0 { trip.personTimes = value }
        let maximum = RuleOfLawActivity.maximum[field] ?? 0
        #expect(Self.when(trip) == .failure(tooLarge ? .figureTooLarge(field: field, value: value, maximum: maximum)
                                                     : .notPositive(field: field, value: value)))
    }

    @Test func anActivityAfterTheBusinessDateOrOutsideItsYearIsRefused() {
        #expect(Self.when(Self.trip(), on: "2023-06-11") == .failure(.dateInFuture(Fixture.date("2023-06-12"), today: Fixture.date("2023-06-11"))))
        let late = Self.when(Self.trip(), on: "2024-01-05")
        #expect(late == .failure(.ruleOfLaw(.dateOutsideYear(date: Fixture.date("2023-06-12"), year: 2024))))
        #expect(late.rejection?.message.contains("--at a day of 2023") == true)
    }

    @Test func aTitleWithoutChineseOrAnUnknownAgencyIsRefused() {
        var trip = Self.trip()
        trip.titleZh = "law study"
        #expect(Self.when(trip) == .failure(.ruleOfLaw(.notChinese(field: "title", text: "law study"))))
        trip.titleZh = String(repeating: "学", count: 201)
        #expect(Self.when(trip) == .failure(.ruleOfLaw(.textTooLong(field: "title", length: 201, maximum: 200))))
        trip = Self.trip()
        trip.agency = "NOPE"
        #expect(Self.when(trip) == .failure(.unknownAgency("NOPE")))
    }

    @Test func anActivityIsRecordedByAnOfficerOfTheAgencyThatHeldIt() {
        #expect(RuleOfLawDecider.actingClaim(for: .record(activityId: "ROL-1", Self.trip()), state: nil) == .agency(Fixture.transport))
    }

    @Test func officersNameAKindByItsCodeLabelOrTheReportsWords() {
        #expect(RuleOfLawActivityKind.named("党组会") == .partyMeeting)
        #expect(RuleOfLawActivityKind.named("集体学法") == .collectiveStudy)
        #expect(RuleOfLawActivityKind.named("外出学习") == .outsideStudy)
        #expect(RuleOfLawActivityKind.named("传学述训") == .relayTraining)
        #expect(RuleOfLawActivityKind.named("法律汇编") == .handbook)
        #expect(RuleOfLawActivityKind.named("OUTSIDESTUDY") == .outsideStudy)
        #expect(RuleOfLawActivityKind.named("学习") == nil)
        let names = RuleOfLawActivityKind.allCases.flatMap { [$0.labelZh] + $0.aliasesZh }
        #expect(Set(names).count == names.count)
    }

    @Test func everyNewEventTypeHasAChineseLabel() {
        for type in RuleOfLawEvent.eventTypes + CommitmentEvent.eventTypes { #expect(EventTypeLabels.zh[type] != nil, "\(type)") }
    }

    // MARK: Commitments

    static func licensing(committed: Int, from: String, note: String? = nil) -> ServiceCommitment {
        ServiceCommitment(code: "ROAD-TRANSPORT-LICENCE", serviceZh: "道路运输经营许可", agency: Fixture.transport,
                          statutoryWorkingDays: 20, committedWorkingDays: committed, from: Fixture.date(from), noteZh: note)
    }

    @Test func aCommitmentCutFrom20To7WorkingDaysKeepsBothVersions() throws {
        let first = try given(CommitmentDecider.self, [], when: .set(Self.licensing(committed: 20, from: "2023-01-01")), on: "2023-01-03").get()
        let second = try given(CommitmentDecider.self, first, when: .set(Self.licensing(committed: 7, from: "2023-04-03", note: "最多跑一次")),
                               on: "2023-04-03").get()
        #expect(try roundTrip(second[0]) == second[0])
        let state = CommitmentDecider.fold(first + second)
        #expect(state.versions["ROAD-TRANSPORT-LICENCE"]?.map(\.committedWorkingDays) == [20, 7])
        #expect(state.inForce("ROAD-TRANSPORT-LICENCE", on: Fixture.date("2023-04-02"))?.committedWorkingDays == 20)
        #expect(state.inForce("ROAD-TRANSPORT-LICENCE", on: Fixture.date("2023-04-03"))?.committedWorkingDays == 7)
        // The version in force, set again, changes nothing; an earlier start is refused.
        #expect(given(CommitmentDecider.self, first + second, when: .set(Self.licensing(committed: 7, from: "2023-04-03", note: "最多跑一次")),
                      on: "2023-05-01") == .success([]))
        #expect(given(CommitmentDecider.self, first + second, when: .set(Self.licensing(committed: 5, from: "2023-03-01")), on: "2023-05-01")
            == .failure(.ruleOfLaw(.commitmentNotAfterLatest(code: "ROAD-TRANSPORT-LICENCE", from: Fixture.date("2023-03-01"),
                                                             latest: Fixture.date("2023-04-03")))))
    }

    @Test func aCommitmentSlowerThanTheLawOrMalformedIsRefused() {
        let slower = given(CommitmentDecider.self, [], when: .set(Self.licensing(committed: 25, from: "2023-01-01")), on: "2023-01-03")
        #expect(slower == .failure(.ruleOfLaw(.commitmentBeyondStatute(committed: 25, statutory: 20))))
        #expect(slower.rejection?.category == .ruleRefused)
        var bad = Self.licensing(committed: 7, from: "2023-01-01")
        bad.code = "道路"
        #expect(given(CommitmentDecider.self, [], when: .set(bad), on: "2023-01-03") == .failure(.ruleOfLaw(.malformedCode("道路"))))
        bad = Self.licensing(committed: 7, from: "2023-01-01")
        bad.statutoryWorkingDays = 91
        #expect(given(CommitmentDecider.self, [], when: .set(bad), on: "2023-01-03")
            == .failure(.figureTooLarge(field: "statutory working days", value: 91, maximum: 90)))
        bad = Self.licensing(committed: 7, from: "2023-01-01")
        bad.agency = "NOPE"
        #expect(given(CommitmentDecider.self, [], when: .set(bad), on: "2023-01-03") == .failure(.unknownAgency("NOPE")))
    }

    // MARK: Publicity campaigns

    @Test func aCampaignKeepsItsNameChannelsAndAccounts() throws {
        let activity = OutreachActivity(eventZh: "“平安出行·拒乘‘黑车’”主题宣传", placeZh: "乌苏市火车站广场", date: Fixture.date("2023-02-10"),
                                        agency: Fixture.transport, leaflets: 200, campaignZh: "平安出行·拒乘‘黑车’",
                                        channels: [.taxiRoofLights, .busLEDScreens, .wechatAccount, .douyin],
                                        accountsZh: ["乌苏零距离", "乌苏融媒体"])
        let recorded = try given(OutreachDecider.self, [], when: .record(activityId: "PUB-2023-0001", activity), on: "2023-02-10").get()
        #expect(try roundTrip(recorded[0]) == recorded[0])
        var english = activity
        english.campaignZh = "Safe travel"
        #expect(given(OutreachDecider.self, [], when: .record(activityId: "PUB-2023-0001", english), on: "2023-02-10")
            == .failure(.ruleOfLaw(.notChinese(field: "campaign", text: "Safe travel"))))
        #expect(OutreachChannel.named("抖音") == .douyin && OutreachChannel.named("公交车LED屏") == .busLEDScreens)
    }

    @Test func anActivityRecordedBeforeCampaignsReadsAsNoneAndKeepsItsShape() throws {
        let old = Data(#"{"activity":{"agency":"WSZD","date":"2023-01-18","eventZh":"平安春运宣传","leaflets":364,"peopleReached":649,"placeZh":"乌苏市汽车站"},"activityId":"PUB-2023-0001"}"#.utf8)
        let event = try OutreachEvent(eventType: "OutreachActivityRecorded", schemaVersion: 1, payload: old)
        guard case .recorded(let e) = event else { Issue.record("not a recording"); return }
        #expect(e.activity.campaignZh == nil && e.activity.channels.isEmpty && e.activity.accountsZh.isEmpty)
        #expect(try event.encodedPayload() == old)
    }
}

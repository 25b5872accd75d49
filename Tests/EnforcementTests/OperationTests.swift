import Testing
@testable import Enforcement

/// The joint operation (联合执法): plan → approve → launch → sessions → conclude → summarise → archive.
@Suite struct OperationTests {
    static let id = "OP-2023-0007"
    static let plan = OperationPlan(titleZh: "乌苏市2023年夏季打击非法营运联合执法行动", campaignCode: "CAMP-2023-BLACKCAR",
                                    sectors: [.blackCar, .taxi], leadAgency: Fixture.transport,
                                    from: Fixture.date("2023-08-01"), to: Fixture.date("2023-08-31"),
                                    placesZh: ["乌苏市奎屯路", "乌苏市客运站"])
    static let planned: [(String, OperationCommand)] = [("2023-07-25", .plan(operationId: id, plan))]
    static let approved = planned + [("2023-07-26", .approve(approvedBy: Fixture.chenGang))]
    static let launched = approved + [
        ("2023-07-27", .inviteAgency(Fixture.trafficPolice)),
        ("2023-07-28", .joinOperation(agency: Fixture.trafficPolice)),
        ("2023-08-01", .launch),
    ]
    static let session = FieldSession(
        sessionId: "S1", date: Fixture.date("2023-08-02"), placeZh: "乌苏市奎屯路设卡检查",
        tallies: [Fixture.transport: Tally(officersDeployed: 17, vehiclesDeployed: 4, vehiclesInspected: 86,
                                           violationsSerious: 2, violationsMinor: 9, peopleEducated: 30, leaflets: 200,
                                           rectificationNotices: 1),
                  Fixture.trafficPolice: Tally(officersDeployed: 2, vehiclesDeployed: 1, vehiclesInspected: 40)])
    static let inProgress = launched + [("2023-08-02", .recordSession(session))]
    static let concluded = inProgress + [("2023-08-31", .conclude)]
    static let summarised = concluded + [("2023-09-05", .summarise(summaryZh: "共检查车辆126台次，查处非法营运2起"))]
    static let archived = summarised + [("2023-09-06", .archive)]
    static let cancelled = approved + [("2023-07-30", .cancel(reasonZh: "因天气原因取消"))]

    static func events(_ steps: [(String, OperationCommand)]) -> [OperationEvent] { history(OperationDecider.self, steps) }

    func given(_ steps: [(String, OperationCommand)], when command: OperationCommand,
               on day: String) -> Result<[OperationEvent], Rejection> {
        EnforcementTests.given(OperationDecider.self, Self.events(steps), when: command, on: day)
    }

    @Test func planningDraftsTheOperation() {
        let state = OperationDecider.fold(Self.events(Self.planned))
        #expect(state.status == .drafted)
        #expect(state.participating == [Fixture.transport])
        #expect(state.nextActions.first == .approve)
    }

    @Test func planningTwiceIsRejected() {
        #expect(given(Self.planned, when: .plan(operationId: Self.id, Self.plan), on: "2023-07-25")
            == .failure(.alreadyExists(aggregate: "operation", id: Self.id)))
    }

    @Test func aPlanWhoseWindowEndsBeforeItStartsIsRejected() {
        var plan = Self.plan
        plan.to = Fixture.date("2023-07-01")
        #expect(given([], when: .plan(operationId: Self.id, plan), on: "2023-07-25")
            == .failure(.invalidPeriod(from: plan.from, to: plan.to)))
    }

    @Test func aPlanWithoutSectorsOrWithAnUnknownLeadIsRejected() {
        var plan = Self.plan
        plan.sectors = []
        #expect(given([], when: .plan(operationId: Self.id, plan), on: "2023-07-25") == .failure(.missingField("sectors")))
        plan = Self.plan
        plan.leadAgency = "NOPE"
        #expect(given([], when: .plan(operationId: Self.id, plan), on: "2023-07-25") == .failure(.unknownAgency("NOPE")))
    }

    @Test func launchingAnUnapprovedPlanIsRejected() {
        #expect(given(Self.planned, when: .launch, on: "2023-08-01")
            == .failure(.notAllowedNow(aggregate: "operation", id: Self.id, status: "drafted", command: .operation(.launch))))
    }

    @Test func commandsOnAnOperationNeverPlannedAreRejected() {
        #expect(given([], when: .launch, on: "2023-08-01").rejection?.category == .invalidInput)
    }

    @Test func invitingAnAgencyThatAlreadyTakesPartIsRejected() {
        #expect(given(Self.planned, when: .inviteAgency(Fixture.transport), on: "2023-07-25")
            == .failure(.agencyAlreadyTakingPart(Fixture.transport)))
        #expect(given(Self.launched, when: .inviteAgency(Fixture.trafficPolice), on: "2023-08-01")
            == .failure(.agencyAlreadyTakingPart(Fixture.trafficPolice)))
    }

    @Test func invitingTwiceIsRejected() {
        let invited = Self.planned + [("2023-07-25", .inviteAgency(Fixture.market))]
        #expect(given(invited, when: .inviteAgency(Fixture.market), on: "2023-07-26")
            == .failure(.agencyAlreadyInvited(Fixture.market)))
    }

    @Test func joiningWithoutAnInvitationIsRejected() {
        #expect(given(Self.planned, when: .joinOperation(agency: Fixture.market), on: "2023-07-26")
            == .failure(.agencyNotInvited(Fixture.market)))
    }

    @Test func anInvitedAgencyJoinsAndTakesPart() {
        let state = OperationDecider.fold(Self.events(Self.launched))
        #expect(state.participating == [Fixture.transport, Fixture.trafficPolice])
        #expect(state.invited.isEmpty)
    }

    @Test func onlyParticipatingAgenciesRecordTallies() {
        var session = Self.session
        session.tallies[Fixture.market] = Tally(officersDeployed: 3)
        #expect(given(Self.launched, when: .recordSession(session), on: "2023-08-02")
            == .failure(.agencyNotTakingPart(operationId: Self.id, agency: Fixture.market)))
        #expect(given(Self.launched, when: .recordSession(Self.session), on: "2023-08-02").eventTypes
            == ["FieldSessionRecorded"])
    }

    @Test func aWithdrawnAgencyNoLongerRecordsButKeepsItsTallies() {
        let withdrawn = Self.inProgress + [("2023-08-03", .withdrawAgency(Fixture.trafficPolice))]
        var session = Self.session
        session.sessionId = "S2"
        session.date = Fixture.date("2023-08-04")
        #expect(given(withdrawn, when: .recordSession(session), on: "2023-08-04")
            == .failure(.agencyNotTakingPart(operationId: Self.id, agency: Fixture.trafficPolice)))
        let state = OperationDecider.fold(Self.events(withdrawn))
        #expect(state.totalsByAgency[Fixture.trafficPolice]?.vehiclesInspected == 40)
        #expect(state.totals.vehiclesInspected == 126)
        #expect(state.totals.officersDeployed == 19)
    }

    @Test func theLeadAgencyCannotWithdraw() {
        #expect(given(Self.launched, when: .withdrawAgency(Fixture.transport), on: "2023-08-02")
            == .failure(.leadAgencyCannotWithdraw(Fixture.transport)))
    }

    @Test func aNegativeTallyIsRejected() {
        var session = Self.session
        session.tallies[Fixture.trafficPolice] = Tally(officersDeployed: 2, leaflets: -1)
        #expect(given(Self.launched, when: .recordSession(session), on: "2023-08-02")
            == .failure(.negativeCount(field: "leaflets", agency: Fixture.trafficPolice)))
    }

    @Test func aSessionOutsideTheWindowOrInTheFutureIsRejected() {
        var session = Self.session
        session.date = Fixture.date("2023-09-01")
        #expect(given(Self.launched, when: .recordSession(session), on: "2023-09-02")
            == .failure(.outsideOperationWindow(date: session.date, from: Self.plan.from, to: Self.plan.to)))
        #expect(given(Self.launched, when: .recordSession(Self.session), on: "2023-08-01")
            == .failure(.dateInFuture(Self.session.date, today: Fixture.date("2023-08-01"))))
    }

    @Test func recordingTheSameSessionTwiceIsRejected() {
        #expect(given(Self.inProgress, when: .recordSession(Self.session), on: "2023-08-03")
            == .failure(.sessionAlreadyRecorded("S1")))
    }

    @Test func concludingWithoutASessionIsRejected() {
        #expect(given(Self.launched, when: .conclude, on: "2023-08-31")
            == .failure(.notAllowedNow(aggregate: "operation", id: Self.id, status: "launched", command: .operation(.conclude))))
    }

    @Test func theLifecycleRunsToArchived() {
        #expect(OperationDecider.fold(Self.events(Self.archived)).status == .archived)
        #expect(OperationDecider.fold(Self.events(Self.summarised)).summaryZh == "共检查车辆126台次，查处非法营运2起")
    }

    static let everyCommand: [OperationCommand] = [
        .plan(operationId: id, plan), .approve(approvedBy: Fixture.chenGang), .launch, .inviteAgency(Fixture.market),
        .joinOperation(agency: Fixture.market), .withdrawAgency(Fixture.trafficPolice), .recordSession(session),
        .recordReturn(PartnerReturn(sessionId: "S1", agency: Fixture.trafficPolice, officersDeployed: 2)), .conclude, .summarise(summaryZh: "总结"), .archive, .cancel(reasonZh: "取消"),
    ]

    @Test(arguments: everyCommand)
    func everyCommandOnAnArchivedOperationIsRejected(command: OperationCommand) {
        #expect(given(Self.archived, when: command, on: "2023-09-07")
            == .failure(.operationClosed(operationId: Self.id, status: "archived")))
    }

    @Test(arguments: everyCommand)
    func everyCommandOnACancelledOperationIsRejected(command: OperationCommand) {
        #expect(given(Self.cancelled, when: command, on: "2023-08-01")
            == .failure(.operationClosed(operationId: Self.id, status: "cancelled")))
    }

    @Test func cancellingAfterTheFieldPhaseIsRejected() {
        #expect(given(Self.concluded, when: .cancel(reasonZh: "取消"), on: "2023-09-01")
            == .failure(.notAllowedNow(aggregate: "operation", id: Self.id, status: "concluded", command: .operation(.cancel))))
    }

    @Test func everyOperationEventRoundTripsThroughJSON() throws {
        let events = Self.events(Self.archived) + Self.events(Self.cancelled)
            + Self.events(Self.inProgress + [("2023-08-03", .withdrawAgency(Fixture.trafficPolice))])
            + Self.events(Self.inProgress + [("2023-08-03", .recordReturn(PartnerReturn(sessionId: "S1", agency: Fixture.trafficPolice,
                                                                                         casesFiled: 1, finesYuan: 200)))])
        #expect(Set(events.map(\.eventType)) == Set(OperationEvent.eventTypes))
        for event in events { #expect(try roundTrip(event) == event, "\(event.eventType)") }
        let json = String(decoding: try events[0].encodedPayload(), as: UTF8.self)
        #expect(json.contains("乌苏市2023年夏季打击非法营运联合执法行动"))
    }
}

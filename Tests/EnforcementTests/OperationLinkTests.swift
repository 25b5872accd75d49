import Foundation
import Testing
@testable import Enforcement

/// Acts made during a joint operation link to its session: the session exists, the act is dated its day, and the
/// acting agency took part in it (it has a tally there), whatever the operation's status now.
@Suite struct OperationLinkTests {
    static let operation = OperationDecider.fold(OperationTests.events(OperationTests.inProgress))
    static let archived = OperationDecider.fold(OperationTests.events(OperationTests.archived))
    static let link = OperationLink(operationId: OperationTests.id, sessionId: "S1")
    static let sessionDay = "2023-08-02"

    static func context(_ day: String, operation: OperationState = operation) -> DecisionContext {
        var context = Fixture.context(day)
        context.operations = [OperationTests.id: operation]
        return context
    }

    static let lead = CaseCommand.receiveLead(caseId: Fixture.caseId, agency: Fixture.transport, source: .jointOperation,
                                              summaryZh: "联合执法设卡检查发现新G·12345涉嫌非法营运")

    func decide(_ command: CaseCommand, given events: [CaseEvent] = [], on day: String = sessionDay,
                operation: OperationState = operation) -> Result<[CaseEvent], Rejection> {
        given(CaseDecider.self, events, when: command, on: day, context: Self.context(day, operation: operation))
    }

    // MARK: Leads

    @Test func aLeadFromASessionCarriesItsLinkWithTheSessionsRecordedId() throws {
        let byNumber = OperationLink(operationId: OperationTests.id, sessionId: "1")
        guard case .leadReceived(let lead)? = try decide(.duringOperation(Self.lead, byNumber)).get().first else {
            Issue.record("no lead received")
            return
        }
        #expect(lead.operation == Self.link)
        #expect(CaseDecider.operationIds(for: .duringOperation(Self.lead, byNumber)) == [OperationTests.id])
    }

    @Test func aLeadLinkedToASessionOfAnArchivedOperationIsAllowed() {
        #expect(decide(.duringOperation(Self.lead, Self.link), operation: Self.archived).eventTypes == ["CaseLeadReceived"])
    }

    @Test func aJointOperationLeadWithoutALinkIsRefused() {
        #expect(decide(Self.lead) == .failure(.jointOperation(.linkRequired)))
        #expect(Rejection.jointOperation(.linkRequired).category.exitCode == 3)
    }

    @Test func aLinkedLeadOfAnotherSourceIsRefused() {
        let complaint = CaseCommand.receiveLead(caseId: Fixture.caseId, agency: Fixture.transport, source: .complaint,
                                                summaryZh: "群众举报")
        #expect(decide(.duringOperation(complaint, Self.link)) == .failure(.jointOperation(.linkNeedsJointOperationSource(.complaint))))
        #expect(decide(complaint).eventTypes == ["CaseLeadReceived"])
    }

    @Test func aLinkToAnUnknownOperationIsRefused() {
        let other = OperationLink(operationId: "OP-2023-0099", sessionId: "S1")
        #expect(decide(.duringOperation(Self.lead, other)) == .failure(.jointOperation(.operationNotFound("OP-2023-0099"))))
    }

    @Test func aLinkToASessionNotRecordedIsRefused() {
        let missing = OperationLink(operationId: OperationTests.id, sessionId: "S9")
        #expect(decide(.duringOperation(Self.lead, missing))
            == .failure(.jointOperation(.sessionNotFound(operationId: OperationTests.id, session: "S9", recorded: ["S1"]))))
    }

    @Test func anActDatedAnotherDayThanTheSessionIsRefused() {
        #expect(decide(.duringOperation(Self.lead, Self.link), on: "2023-08-03")
            == .failure(.jointOperation(.actNotOnSessionDate(date: Fixture.date("2023-08-03"), operationId: OperationTests.id,
                                                             sessionId: "S1", sessionDate: Fixture.date("2023-08-02")))))
    }

    @Test func anAgencyWithoutATallyInTheSessionIsRefused() {
        let kuitun = CaseCommand.receiveLead(caseId: Fixture.caseId, agency: Fixture.kuitun, source: .jointOperation,
                                             summaryZh: "联合执法发现")
        #expect(decide(.duringOperation(kuitun, Self.link))
            == .failure(.jointOperation(.agencyNotInSession(agency: Fixture.kuitun, operationId: OperationTests.id, sessionId: "S1"))))
    }

    @Test func onlyLeadsOnTheSpotDecisionsAndSeizuresLink() {
        let filed = CaseStory.events(CaseStory.filed)
        #expect(decide(.duringOperation(.assignOfficers([Fixture.liMing, Fixture.wangFang]), Self.link), given: filed)
            == .failure(.jointOperation(.linkNotAllowed(.assignOfficers))))
    }

    // MARK: On-the-spot decisions and seizures

    @Test func anOnTheSpotDecisionInTheSessionIsLinked() throws {
        guard case .decidedOnSpot(let decided)? = try decide(.duringOperation(CaseStory.onSpot(), Self.link)).get().first else {
            Issue.record("not decided")
            return
        }
        #expect(decided.operation == Self.link)
    }

    @Test func anOnTheSpotDecisionOfAnAgencyNotInTheSessionIsRefused() {
        var tallies = Self.operation.sessions[0].tallies
        tallies[Fixture.transport] = nil
        let session = FieldSession(sessionId: "S1", date: Fixture.date(Self.sessionDay), placeZh: "乌苏市奎屯路", tallies: tallies)
        let withoutBureau = OperationDecider.fold(OperationTests.events(OperationTests.launched + [(Self.sessionDay, .recordSession(session))]))
        #expect(decide(.duringOperation(CaseStory.onSpot(), Self.link), operation: withoutBureau)
            == .failure(.jointOperation(.agencyNotInSession(agency: Fixture.transport, operationId: OperationTests.id, sessionId: "S1"))))
    }

    @Test func aSeizureInTheSessionIsLinkedAndOneOnAnotherDayIsRefused() throws {
        let filed = CaseStory.events(CaseStory.filed)
        let seize = CaseCommand.seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.wangFang], approvedBy: Fixture.chenGang,
                                             placeZh: "执法大队停车场")
        guard case .vehicleSeized(let seized)? = try decide(.duringOperation(seize, Self.link), given: filed).get().first else {
            Issue.record("not seized")
            return
        }
        #expect(seized.operation == Self.link)
        #expect(decide(.duringOperation(seize, Self.link), given: filed, on: "2023-08-04").rejection
            == .jointOperation(.actNotOnSessionDate(date: Fixture.date("2023-08-04"), operationId: OperationTests.id,
                                                    sessionId: "S1", sessionDate: Fixture.date(Self.sessionDay))))
    }

    // MARK: Referrals

    @Test func aReferralSentInTheSessionIsLinkedAndOneByAnAbsentAgencyIsRefused() throws {
        let send = { (from: String, to: String) in
            ReferralCommand.send(referralId: "REF-2023-0001", kind: .agencyToAgency, from: from, to: to,
                                 subjectZh: "出租车驾驶员议价拉客", operation: Self.link)
        }
        let sent = try given(ReferralDecider.self, [], when: send(Fixture.transport, Fixture.market), on: Self.sessionDay,
                             context: Self.context(Self.sessionDay)).get()
        guard case .sent(let e)? = sent.first else { Issue.record("not sent"); return }
        #expect(e.operation == Self.link)
        #expect(ReferralDecider.operationIds(for: send(Fixture.transport, Fixture.market)) == [OperationTests.id])
        #expect(given(ReferralDecider.self, [], when: send(Fixture.market, Fixture.transport), on: Self.sessionDay,
                      context: Self.context(Self.sessionDay)).rejection
            == .jointOperation(.agencyNotInSession(agency: Fixture.market, operationId: OperationTests.id, sessionId: "S1")))
    }

    @Test func anUnlinkedEventIsStoredWithoutALinkAndALinkedOneKeepsIt() throws {
        let inspection = CaseCommand.receiveLead(caseId: Fixture.caseId, agency: Fixture.transport, source: .inspection,
                                                 summaryZh: "巡查发现")
        let unlinked = try #require(leadOf(decide(inspection)))
        let json = String(decoding: try CaseEvent.leadReceived(unlinked).encodedPayload(), as: UTF8.self)
        #expect(!json.contains("operation"))
        #expect(leadOf(.success([try roundTrip(CaseEvent.leadReceived(unlinked))]))?.operation == nil)
        let linked = try #require(leadOf(decide(.duringOperation(Self.lead, Self.link))))
        #expect(leadOf(.success([try roundTrip(CaseEvent.leadReceived(linked))]))?.operation == Self.link)
    }

    private func leadOf(_ result: Result<[CaseEvent], Rejection>) -> CaseEvent.LeadReceived? {
        if case .success(let events) = result, case .leadReceived(let lead)? = events.first { return lead }
        return nil
    }
}

import Testing
@testable import Enforcement

/// Try-out 5, defects 4 and 5: who a command says acts. A named duty holder records his own act; every other act
/// is recorded by an officer of the agency it is done for (`ActingClaim`), and duty names are officer ids.
@Suite struct ActingClaimTests {
    static func claim(_ steps: CaseStory.Steps, _ command: CaseCommand) -> ActingClaim {
        CaseDecider.actingClaim(for: command, state: CaseDecider.fold(CaseStory.events(steps)))
    }

    @Test func everyCaseStepNamingADutyHolderClaimsThatOfficer() {
        let filing = CaseStory.filed[1].1
        #expect(Self.claim(CaseStory.leadReceived, filing) == .officer(Fixture.chenGang, option: "--approver"))
        #expect(Self.claim(CaseStory.filed, .preserveEvidence(itemsZh: "车辆行驶证", officers: [Fixture.liMing, Fixture.wangFang],
                                                               approvedBy: Fixture.chenGang))
            == .officer(Fixture.chenGang, option: "--approver"))
        #expect(Self.claim(CaseStory.filed, .seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.wangFang],
                                                           approvedBy: Fixture.chenGang, placeZh: "停车场"))
            == .officer(Fixture.chenGang, option: "--approver"))
        #expect(Self.claim(CaseStory.filed, .extendSeizure(plate: "新G12345", days: 30, approvedBy: Fixture.chenGang))
            == .officer(Fixture.chenGang, option: "--approver"))
        #expect(Self.claim(CaseStory.concluded, .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意"))
            == .officer(Fixture.zhouMin, option: "--reviewer"))
        #expect(Self.claim(CaseStory.concluded, .returnLegalReview(reviewer: Fixture.zhouMin, reasonZh: "补正"))
            == .officer(Fixture.zhouMin, option: "--reviewer"))
        #expect(Self.claim(CaseStory.noticed, CaseStory.hearingScheduled.last!.1) == .officer(Fixture.zhaoQiang, option: "--chair"))
        #expect(Self.claim(CaseStory.hearingScheduled, .holdHearing(recordRef: "听证笔录1"))
            == .officer(Fixture.zhaoQiang, option: "the scheduled chair"))
        #expect(Self.claim(CaseStory.filed, .correct(field: .actPlace, value: "乌苏市北京路", reasonZh: "笔误", officer: Fixture.wangFang))
            == .officer(Fixture.wangFang, option: "--officer"))
    }

    @Test func everyOtherCaseStepIsTheAgencysThatHoldsOrOpensTheCase() {
        #expect(Self.claim([], CaseStory.leadReceived[0].1) == .agency(Fixture.transport))
        #expect(Self.claim([], CaseStory.onSpot()) == .agency(Fixture.transport))
        #expect(Self.claim(CaseStory.reviewed, CaseStory.noticed.last!.1) == .agency(Fixture.transport))
        #expect(Self.claim(CaseStory.served, CaseStory.paid.last!.1) == .agency(Fixture.transport))
    }

    @Test func operationsReferralsAndRectificationsClaimTheirDutyHoldersAndAgencies() {
        let planned = OperationDecider.fold(OperationTests.events(OperationTests.planned))
        #expect(OperationDecider.actingClaim(for: .approve(approvedBy: Fixture.chenGang), state: planned)
            == .officer(Fixture.chenGang, option: "--by"))
        #expect(OperationDecider.actingClaim(for: .joinOperation(agency: Fixture.trafficPolice), state: planned)
            == .agency(Fixture.transport))
        #expect(ReferralDecider.actingClaim(for: ReferralTests.windowReferral, state: ReferralState()) == .agency(Fixture.transport))
        let sent = ReferralDecider.fold(history(ReferralDecider.self, [("2023-05-10", ReferralTests.windowReferral)]))
        #expect(ReferralDecider.actingClaim(for: .accept(acceptedBy: Fixture.liMing), state: sent)
            == .officer(Fixture.liMing, option: "--accepted-by"))
        #expect(ReferralDecider.actingClaim(for: .reject(reasonZh: "退回"), state: sent) == .agency(Fixture.transport))
        let item = RectificationState()
        #expect(RectificationDecider.actingClaim(for: .issueOpinion(opinionZh: "整改", issuedBy: Fixture.zhouMin), state: item)
            == .officer(Fixture.zhouMin, option: "--issued-by"))
        #expect(RectificationDecider.actingClaim(for: .verify(verifiedBy: Fixture.zhouMin), state: item)
            == .officer(Fixture.zhouMin, option: "--verified-by"))
        #expect(RectificationDecider.actingClaim(for: .closeOut(closedBy: Fixture.chenGang), state: item)
            == .officer(Fixture.chenGang, option: "--closed-by"))
    }

    @Test func anOutreachActivityIsTheOrganisingAgencys() {
        #expect(OutreachDecider.actingClaim(for: .record(activityId: "OUT-2023-0001", RegistryTests.activity), state: nil)
            == .agency(Fixture.transport))
    }

    @Test func aClaimIsRefusedToAnyoneButItsOfficerOrAnOfficerOfItsAgency() {
        let approver = ActingClaim.officer(Fixture.chenGang, option: "--approver")
        #expect(approver.refusal(recordedAs: Fixture.chenGang, agency: Fixture.transport) == nil)
        #expect(approver.refusal(recordedAs: Fixture.liMing, agency: Fixture.transport)?.message
            == "you are O-01, not O-06 (--approver): O-06 records this with their own login, or an administrator types "
            + "in the signed form with --on-behalf-of O-06")
        let lead = ActingClaim.agency(Fixture.trafficPolice)
        #expect(lead.refusal(recordedAs: Fixture.ayigul, agency: Fixture.trafficPolice) == nil)
        #expect(lead.refusal(recordedAs: Fixture.liMing, agency: Fixture.transport)?.message
            == "O-01 is an officer of WSJT, not of WSJJ, and may not act for it: an officer of WSJJ records this, or an "
            + "administrator types in their signed form with --on-behalf-of that officer")
        #expect(ActingClaim.anyone.refusal(recordedAs: Fixture.liMing, agency: Fixture.transport) == nil)
    }

    @Test func dutyNamesAreRegisteredOfficerIdsHoldingTheDuty() {
        let planned = OperationTests.events(OperationTests.planned)
        #expect(given(OperationDecider.self, planned, when: .approve(approvedBy: "乌苏市交通运输局局长 赵刚（SP-01）"), on: "2023-07-26")
            == .failure(.unknownOfficer("乌苏市交通运输局局长 赵刚（SP-01）")))
        #expect(given(OperationDecider.self, planned, when: .approve(approvedBy: Fixture.liMing), on: "2023-07-26")
            == .failure(.authorityRefused(.notDesignated(officer: Fixture.liMing, role: .approver, agency: Fixture.transport,
                                                         on: Fixture.date("2023-07-26")))))
        let raised = RectificationTests.events(RectificationTests.raised)
        #expect(given(RectificationDecider.self, raised, when: .issueOpinion(opinionZh: "整改", issuedBy: "法制科 张华"), on: "2023-06-02")
            == .failure(.unknownOfficer("法制科 张华")))
        let sent = history(ReferralDecider.self, [("2023-05-10", ReferralTests.windowReferral)])
        #expect(given(ReferralDecider.self, sent, when: .accept(acceptedBy: Fixture.ayigul), on: "2023-05-11")
            == .failure(.officerNotOfAgency(officer: Fixture.ayigul, agency: Fixture.transport)))
        #expect(given(ReferralDecider.self, sent, when: .accept(acceptedBy: "交警大队 王队长"), on: "2023-05-11")
            == .failure(.unknownOfficer("交警大队 王队长")))
    }
}

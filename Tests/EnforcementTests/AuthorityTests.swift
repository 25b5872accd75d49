import Testing
@testable import Enforcement

/// Authority by duty (DESIGN.md §9): certificates on the act date, the case team, approvers, legal reviewers who
/// did not investigate (APL 58) and hearing chairs appointed by the holding agency (APL 64), all by date.
@Suite struct AuthorityTests {
    typealias A = AuthorityFixture
    let id = Fixture.caseId
    static let evidence = CaseCommand.recordEvidence(kind: .siteRecord, descriptionZh: "现场笔录", mediaRef: "m/2.mp4",
                                                     sha256: Fixture.sha, officers: [Fixture.liMing, Fixture.wangFang])

    // MARK: Certificates by date

    static let wangFangWithdrawn: A.Steps = [("2023-08-03", .withdrawCertificate(id: Fixture.wangFang, reasonZh: "调离执法岗位"))]

    @Test func aCertificateWithdrawnOnADayLeavesActsOfTheDayBeforeStanding() {
        let result = A.given(CaseStory.filed, registry: Self.wangFangWithdrawn, when: Self.evidence, on: "2023-08-02")
        #expect(result.eventTypes == ["EvidenceRecorded"])
    }

    @Test func anActOnTheDayTheCertificateIsWithdrawnIsRefused() {
        let result = A.given(CaseStory.filed, registry: Self.wangFangWithdrawn, when: Self.evidence, on: "2023-08-03")
        #expect(result == .failure(.authorityRefused(.notCertified(officer: Fixture.wangFang, on: Fixture.date("2023-08-03")))))
    }

    static let sunLiCertifiedLater: A.Steps = [
        ("2023-01-03", .registerOfficer(id: "O-07", nameZh: "孙丽", agency: Fixture.transport, certificateNumber: nil)),
        ("2023-08-05", .certifyOfficer(id: "O-07", certificateNumber: "65420100007")),
    ]

    @Test func aCertificateIssuedLaterDoesNotCoverAnEarlierAct() {
        let result = A.given(CaseStory.filed, registry: Self.sunLiCertifiedLater,
                             when: .assignOfficers([Fixture.liMing, "O-07"]), on: "2023-08-04")
        #expect(result == .failure(.authorityRefused(.notCertified(officer: "O-07", on: Fixture.date("2023-08-04")))))
    }

    @Test func aCertificateCoversActsFromTheDayItIsIssued() {
        let result = A.given(CaseStory.filed, registry: Self.sunLiCertifiedLater,
                             when: .assignOfficers([Fixture.liMing, "O-07"]), on: "2023-08-05")
        #expect(result.eventTypes == ["OfficersAssigned"])
    }

    // MARK: The case team

    @Test func anOfficerNotAssignedToTheCaseMayNotRecordEvidence() {
        let result = A.given(CaseStory.filed, when: .recordEvidence(kind: .interviewRecord, descriptionZh: "询问笔录",
                                                                  mediaRef: "m/3.mp4", sha256: Fixture.sha,
                                                                  officers: [Fixture.liMing, Fixture.zhaoQiang]),
                             on: "2023-08-02")
        #expect(result == .failure(.authorityRefused(.notAssigned(officer: Fixture.zhaoQiang, caseId: id))))
    }

    @Test func theAssignedTeamRecordsEvidence() {
        #expect(A.given(CaseStory.filed, when: Self.evidence, on: "2023-08-02").eventTypes == ["EvidenceRecorded"])
    }

    @Test func anOfficerNotAssignedToTheCaseMayNotSeizeAVehicle() {
        let result = A.given(CaseStory.filed, when: .seizeVehicle(plate: "新G12345", officers: [Fixture.zhaoQiang, Fixture.liMing],
                                                                approvedBy: Fixture.chenGang, placeZh: "停车场"),
                             on: "2023-08-02")
        #expect(result == .failure(.authorityRefused(.notAssigned(officer: Fixture.zhaoQiang, caseId: id))))
    }

    @Test func aVehicleSeizedOnTheLeadBeforeFilingIsSeizedByTheCertifiedOfficersPresent() throws {
        let seize = CaseCommand.seizeVehicle(plate: "新G12345", officers: [Fixture.zhaoQiang, Fixture.liMing],
                                             approvedBy: Fixture.chenGang, placeZh: "检查站")
        let seized = try A.given(CaseStory.leadReceived, when: seize, on: "2023-08-01").get()
        #expect(seized.map(\.eventType) == ["VehicleSeized"])
        // They are investigators from then on: neither may review the case later.
        let state = CaseDecider.fold(CaseStory.events(CaseStory.leadReceived) + seized)
        #expect(state.investigators.isSuperset(of: [Fixture.zhaoQiang, Fixture.liMing]))
        // An uncertified officer is still refused before filing.
        let uncertified = CaseCommand.seizeVehicle(plate: "新G12345", officers: [Fixture.maLi, Fixture.liMing],
                                                   approvedBy: Fixture.chenGang, placeZh: "检查站")
        #expect(A.given(CaseStory.leadReceived, when: uncertified, on: "2023-08-01").eventTypes == nil)
    }

    // MARK: Approvals (filing, preservation, seizure, extension)

    static func file(approvedBy: String) -> CaseCommand {
        .fileCase(caseId: Fixture.caseId, agency: Fixture.transport, party: Fixture.zhangSan, act: Fixture.blackCarAct,
                  approvedBy: approvedBy)
    }

    @Test func aFilingApprovedByAnOfficerWithoutTheApproverDutyIsRefused() {
        let result = A.given(CaseStory.leadReceived, when: Self.file(approvedBy: Fixture.liMing), on: "2023-08-01")
        #expect(result == .failure(.authorityRefused(.notDesignated(officer: Fixture.liMing, role: .approver,
                                                                     agency: Fixture.transport, on: Fixture.date("2023-08-01")))))
    }

    @Test func aFilingApprovedByTheDesignatedApproverIsRecorded() {
        #expect(A.given(CaseStory.leadReceived, when: Self.file(approvedBy: Fixture.chenGang), on: "2023-08-01").eventTypes
            == ["CaseFiled"])
    }

    @Test func anApproverNamedByTitleInsteadOfIdIsRefused() {
        let result = A.given(CaseStory.leadReceived, when: Self.file(approvedBy: "局长 陈刚"), on: "2023-08-01")
        #expect(result == .failure(.unknownOfficer("局长 陈刚")))
    }

    static let heJunFromAugust5: A.Steps = [
        ("2023-08-01", .registerOfficer(id: "O-08", nameZh: "何军", agency: Fixture.transport, certificateNumber: nil)),
        ("2023-08-01", .designateOfficer(id: "O-08", role: .approver, agency: nil, from: Fixture.date("2023-08-05"), to: nil)),
    ]

    @Test func anApprovalBeforeTheApproversDutyBeginsIsRefusedAndOnItsFirstDayAllowed() {
        let before = A.given(CaseStory.leadReceived, registry: Self.heJunFromAugust5, when: Self.file(approvedBy: "O-08"),
                             on: "2023-08-04")
        #expect(before.rejection == .authorityRefused(.notDesignated(officer: "O-08", role: .approver, agency: Fixture.transport,
                                                                     on: Fixture.date("2023-08-04"))))
        let first = A.given(CaseStory.leadReceived, registry: Self.heJunFromAugust5, when: Self.file(approvedBy: "O-08"),
                            on: "2023-08-05")
        #expect(first.eventTypes == ["CaseFiled"])
    }

    @Test func aSeizureAndItsExtensionNeedTheApprover() {
        let seize = CaseCommand.seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.wangFang],
                                             approvedBy: Fixture.wangFang, placeZh: "停车场")
        #expect(A.given(CaseStory.filed, when: seize, on: "2023-08-01").rejection
            == .authorityRefused(.notDesignated(officer: Fixture.wangFang, role: .approver, agency: Fixture.transport,
                                                on: Fixture.date("2023-08-01"))))
        let seized = CaseStory.filed + [("2023-08-01", SeizureTests.seize)]
        let extend = CaseCommand.extendSeizure(plate: "新G12345", days: 30, approvedBy: Fixture.liMing)
        #expect(A.given(seized, when: extend, on: "2023-08-30").rejection
            == .authorityRefused(.notDesignated(officer: Fixture.liMing, role: .approver, agency: Fixture.transport,
                                                on: Fixture.date("2023-08-30"))))
        #expect(A.given(seized, when: SeizureTests.extend, on: "2023-08-30").eventTypes == ["SeizureExtended"])
    }

    @Test func preservingEvidenceNeedsTheApprover() {
        let preserve = { (approver: String) in
            CaseCommand.preserveEvidence(itemsZh: "计价器一台", officers: [Fixture.liMing, Fixture.wangFang], approvedBy: approver)
        }
        #expect(A.given(CaseStory.filed, when: preserve(Fixture.liMing), on: "2023-08-02").rejection
            == .authorityRefused(.notDesignated(officer: Fixture.liMing, role: .approver, agency: Fixture.transport,
                                                on: Fixture.date("2023-08-02"))))
        #expect(A.given(CaseStory.filed, when: preserve(Fixture.chenGang), on: "2023-08-02").eventTypes == ["EvidencePreserved"])
    }
}

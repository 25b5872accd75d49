import Testing
@testable import Enforcement

/// Designations (法制审核人员, 审批负责人, 听证主持人) and certificate periods in the registry.
@Suite struct DesignationTests {
    typealias A = AuthorityFixture

    func given(_ more: A.Steps = [], when command: RegistryCommand, on day: String = "2023-03-01") -> Result<[RegistryEvent], Rejection> {
        EnforcementTests.given(RegistryDecider.self, history(RegistryDecider.self, A.registered + more), when: command, on: day)
    }

    static func designate(_ id: String, _ role: OfficerRole, agency: String? = nil, from: String, to: String? = nil) -> RegistryCommand {
        .designateOfficer(id: id, role: role, agency: agency, from: Fixture.date(from), to: to.map(Fixture.date))
    }

    @Test func aDesignationIsForTheOfficersOwnAgencyUnlessAnotherIsNamed() {
        let state = A.registry([("2023-03-01", Self.designate(Fixture.wangFang, .approver, from: "2023-03-01", to: "2023-12-31"))])
        #expect(state.designations(of: Fixture.wangFang) == [Designation(officerId: Fixture.wangFang, role: .approver,
            agency: Fixture.transport, from: Fixture.date("2023-03-01"), to: Fixture.date("2023-12-31"))])
        let reference = state.referenceData
        #expect(reference.isDesignated(Fixture.wangFang, as: .approver, for: Fixture.transport, on: Fixture.date("2023-12-31")))
        #expect(!reference.isDesignated(Fixture.wangFang, as: .approver, for: Fixture.transport, on: Fixture.date("2024-01-01")))
        #expect(reference.isDesignated(Fixture.zhouMin, as: .legalReviewer, for: A.brigade, on: Fixture.date("2023-03-01")))
    }

    @Test func anOverlappingDesignationOfTheSameDutyIsRefused() {
        #expect(given(when: Self.designate(Fixture.zhouMin, .legalReviewer, from: "2023-06-01"))
            == .failure(.authorityRefused(.alreadyDesignated(officer: Fixture.zhouMin, role: .legalReviewer,
                                                              agency: Fixture.transport, from: Fixture.date("2023-01-03")))))
    }

    @Test func aDesignationAfterTheEndOfTheLastIsRecorded() {
        let ended: A.Steps = [("2023-03-01", .endDesignation(id: Fixture.zhouMin, role: .legalReviewer, agency: nil,
                                                             lastDay: Fixture.date("2023-03-31")))]
        #expect(given(ended, when: Self.designate(Fixture.zhouMin, .legalReviewer, from: "2023-04-01")).eventTypes
            == ["OfficerDesignated"])
    }

    @Test func aHearingChairIsDesignatedOnlyForTheOfficersOwnAgency() {
        #expect(given(when: Self.designate(Fixture.ayigul, .hearingChair, agency: Fixture.transport, from: "2023-03-01"))
            == .failure(.authorityRefused(.chairOutsideAgency(officer: Fixture.ayigul, agency: Fixture.transport))))
    }

    @Test func aDesignationEndingBeforeItStartsIsRefused() {
        #expect(given(when: Self.designate(Fixture.wangFang, .approver, from: "2023-03-01", to: "2023-02-01"))
            == .failure(.invalidPeriod(from: Fixture.date("2023-03-01"), to: Fixture.date("2023-02-01"))))
    }

    @Test func designatingAnUnknownOfficerIsRefused() {
        #expect(given(when: Self.designate("NOBODY", .approver, from: "2023-03-01")) == .failure(.unknownOfficer("NOBODY")))
    }

    @Test func endingADutyTheOfficerDoesNotHoldIsRefused() {
        #expect(given(when: .endDesignation(id: Fixture.liMing, role: .approver, agency: nil, lastDay: Fixture.date("2023-03-01")))
            == .failure(.authorityRefused(.noDesignationToEnd(officer: Fixture.liMing, role: .approver,
                                                               agency: Fixture.transport, lastDay: Fixture.date("2023-03-01")))))
    }

    @Test func certificatePeriodsRunFromIssueToWithdrawal() {
        let state = A.registry([
            ("2023-06-30", .withdrawCertificate(id: Fixture.wangFang, reasonZh: "执法证件有效期届满")),
            ("2023-07-10", .certifyOfficer(id: Fixture.wangFang, certificateNumber: "65420100102")),
        ])
        let reference = state.referenceData
        #expect(reference.isCertified(Fixture.wangFang, on: Fixture.date("2023-06-29")))
        #expect(!reference.isCertified(Fixture.wangFang, on: Fixture.date("2023-06-30")))
        #expect(!reference.isCertified(Fixture.wangFang, on: Fixture.date("2023-07-09")))
        #expect(reference.isCertified(Fixture.wangFang, on: Fixture.date("2023-07-10")))
        #expect(!reference.isCertified(Fixture.chenGang, on: Fixture.date("2023-07-10")))
        #expect(state.certificates[Fixture.wangFang]?.count == 2)
    }

    @Test func designationEventsRoundTrip() throws {
        let events = history(RegistryDecider.self, A.registered + [
            ("2023-03-01", .endDesignation(id: Fixture.zhouMin, role: .legalReviewer, agency: nil, lastDay: Fixture.date("2023-03-31"))),
        ])
        for event in events.suffix(5) { #expect(try roundTrip(event) == event) }
    }

    @Test func rolesReadInChinese() {
        #expect(OfficerRole.allCases.map(\.labelZh) == ["法制审核人员", "审批负责人", "听证主持人"])
    }
}

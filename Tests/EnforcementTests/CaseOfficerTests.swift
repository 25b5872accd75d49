import Testing
@testable import Enforcement

/// APL 42, 55: at least two certified officers of the agency holding the case for every investigative act.
@Suite struct CaseOfficerTests {
    let filed = CaseStory.events(CaseStory.filed)

    @Test func assigningTwoCertifiedOfficersOfTheAgencyIsAllowed() {
        let result = given(filed, when: .assignOfficers([Fixture.wangFang, Fixture.zhaoQiang]), on: "2023-08-02")
        #expect(result.eventTypes == ["OfficersAssigned"])
    }

    @Test(arguments: [
        ([Fixture.liMing], Rejection.tooFewOfficers(count: 1)),
        ([Fixture.liMing, Fixture.liMing], .tooFewOfficers(count: 1)),
        ([Fixture.liMing, Fixture.maLi], .authorityRefused(.notCertified(officer: Fixture.maLi, on: Fixture.date("2023-08-02")))),
        ([Fixture.liMing, Fixture.ayigul], .officerNotOfAgency(officer: Fixture.ayigul, agency: Fixture.transport)),
        ([Fixture.liMing, "O-99"], .unknownOfficer("O-99")),
    ])
    func assigningAnInvalidTeamIsRejected(officers: [String], rejection: Rejection) {
        #expect(given(filed, when: .assignOfficers(officers), on: "2023-08-02") == .failure(rejection))
    }

    @Test func evidenceCollectedByTwoCertifiedOfficersIsRecorded() {
        let result = given(filed, when: CaseStory.investigated.last!.1, on: "2023-08-02")
        #expect(result.eventTypes == ["EvidenceRecorded"])
    }

    @Test func evidenceCollectedByOneOfficerIsRejected() {
        let result = given(filed, when: .recordEvidence(kind: .siteRecord, descriptionZh: "现场笔录", mediaRef: "m/2.mp4",
                                                        sha256: Fixture.sha, officers: [Fixture.liMing]), on: "2023-08-02")
        #expect(result == .failure(.tooFewOfficers(count: 1)))
    }

    @Test func evidenceWithAMalformedHashIsRejected() {
        let result = given(filed, when: .recordEvidence(kind: .siteRecord, descriptionZh: "现场笔录", mediaRef: "m/2.mp4",
                                                        sha256: "abc", officers: [Fixture.liMing, Fixture.wangFang]),
                           on: "2023-08-02")
        #expect(result == .failure(.invalidHash("abc")))
    }

    @Test func concludingWithoutEvidenceIsRejected() {
        let result = given(filed, when: CaseStory.concluded.last!.1, on: "2023-08-10")
        #expect(result == .failure(.noEvidenceRecorded(Fixture.caseId)))
    }

    @Test func concludingWithEvidenceIsAllowed() {
        let result = given(CaseStory.events(CaseStory.investigated), when: CaseStory.concluded.last!.1, on: "2023-08-10")
        #expect(result.eventTypes == ["InvestigationConcluded"])
    }

    @Test func preservingEvidenceOpensASevenWorkingDayClock() {
        let result = given(filed, when: .preserveEvidence(itemsZh: "计价器一台", officers: [Fixture.liMing, Fixture.wangFang],
                                                          approvedBy: Fixture.chenGang), on: "2023-08-02")
        guard case .success(let events) = result, case .evidencePreserved(let e)? = events.first else {
            Issue.record("expected EvidencePreserved, got \(result)")
            return
        }
        #expect(e.decisionDue.due == Fixture.date("2023-08-11"))
    }

    @Test func preservingAgainWhileADecisionIsPendingIsRejectedUntilResolved() {
        let preserve = CaseCommand.preserveEvidence(itemsZh: "计价器一台", officers: [Fixture.liMing, Fixture.wangFang],
                                                    approvedBy: Fixture.chenGang)
        let pending = CaseStory.events(CaseStory.filed + [("2023-08-02", preserve)])
        #expect(given(pending, when: preserve, on: "2023-08-03") == .failure(.preservationPending(Fixture.caseId)))
        let resolved = CaseStory.events(CaseStory.filed + [("2023-08-02", preserve),
                                                           ("2023-08-04", .resolvePreservedEvidence(outcomeZh: "解除保存"))])
        #expect(CaseDecider.fold(resolved).deadlines[.evidencePreservation] == nil)
        #expect(given(resolved, when: preserve, on: "2023-08-05").eventTypes == ["EvidencePreserved"])
    }

    @Test func resolvingWithNothingPreservedIsRejected() {
        let result = given(filed, when: .resolvePreservedEvidence(outcomeZh: "解除保存"), on: "2023-08-02")
        #expect(result == .failure(.noPreservedEvidence(Fixture.caseId)))
    }
}

import Testing
@testable import Enforcement

/// The registry of agencies, officers and campaigns, and outreach activities.
@Suite struct RegistryTests {
    static let registered: [(String, RegistryCommand)] = [
        ("2023-01-03", .registerAgency(.init(code: "WSJT", nameZh: "乌苏市交通运输局", kind: .transport))),
        ("2023-01-03", .registerOfficer(id: "O-01", nameZh: "李明", agency: "WSJT", certificateNumber: "65420100001")),
        ("2023-01-03", .registerOfficer(id: "O-09", nameZh: "周敏", agency: "WSJT", certificateNumber: nil)),
    ]

    func given(_ steps: [(String, RegistryCommand)], when command: RegistryCommand,
               on day: String = "2023-01-04") -> Result<[RegistryEvent], Rejection> {
        EnforcementTests.given(RegistryDecider.self, history(RegistryDecider.self, steps), when: command, on: day)
    }

    @Test func theRegistryProvidesTheReferenceData() {
        let reference = RegistryDecider.fold(history(RegistryDecider.self, Self.registered)).referenceData
        #expect(reference.agencies["WSJT"]?.nameZh == "乌苏市交通运输局")
        #expect(reference.officers["O-01"]?.certified == true)
        #expect(reference.officers["O-09"]?.certified == false)
    }

    @Test func aDuplicateOfficerIsRejected() {
        #expect(given(Self.registered, when: .registerOfficer(id: "O-01", nameZh: "李明", agency: "WSJT",
                                                              certificateNumber: "65420100099"))
            == .failure(.alreadyExists(aggregate: "officer", id: "O-01")))
    }

    @Test func aCertificateNumberHeldByAnotherOfficerIsRejected() {
        #expect(given(Self.registered, when: .registerOfficer(id: "O-02", nameZh: "王芳", agency: "WSJT",
                                                              certificateNumber: "65420100001"))
            == .failure(.alreadyExists(aggregate: "certificate", id: "65420100001")))
    }

    @Test func anOfficerOfAnUnregisteredAgencyIsRejected() {
        #expect(given(Self.registered, when: .registerOfficer(id: "O-03", nameZh: "赵强", agency: "WSJJ",
                                                              certificateNumber: nil))
            == .failure(.unknownAgency("WSJJ")))
    }

    @Test func aDuplicateAgencyIsRejected() {
        #expect(given(Self.registered, when: .registerAgency(.init(code: "WSJT", nameZh: "重复", kind: .transport)))
            == .failure(.alreadyExists(aggregate: "agency", id: "WSJT")))
    }

    @Test func aWithdrawnCertificateStopsTheOfficerActing() {
        let withdrawn = Self.registered + [("2023-03-01", .withdrawCertificate(id: "O-01", reasonZh: "证件到期"))]
        let state = RegistryDecider.fold(history(RegistryDecider.self, withdrawn))
        #expect(state.officers["O-01"]?.certified == false)
        #expect(given(withdrawn, when: .withdrawCertificate(id: "O-01", reasonZh: "再次")) == .failure(.officerNotCertified("O-01")))
        #expect(given(withdrawn, when: .certifyOfficer(id: "O-01", certificateNumber: "65420100101")).eventTypes
            == ["OfficerCertified"])
    }

    @Test func aCampaignIsCreatedOnceWithAValidWindow() {
        let campaign = Campaign(code: "CAMP-2023-TAXI", titleZh: "出租汽车行业专项整治", sector: .taxi,
                                from: Fixture.date("2023-04-01"), to: Fixture.date("2023-06-30"))
        let created = Self.registered + [("2023-03-20", .createCampaign(campaign))]
        #expect(given(created, when: .createCampaign(campaign)) == .failure(.alreadyExists(aggregate: "campaign",
                                                                                            id: "CAMP-2023-TAXI")))
        var backwards = campaign
        backwards.code = "CAMP-X"
        backwards.to = Fixture.date("2023-03-01")
        #expect(given(created, when: .createCampaign(backwards))
            == .failure(.invalidPeriod(from: backwards.from, to: backwards.to)))
    }

    @Test func aLoginActsForOneOfficerAndBindingItAgainChangesNothing() {
        let bound = Self.registered + [("2023-01-03", RegistryCommand.bindLogin(officer: "O-01", login: "liming"))]
        #expect(given(bound, when: .bindLogin(officer: "O-01", login: "liming")) == .success([]))
        #expect(given(bound, when: .bindLogin(officer: "O-09", login: "liming"))
            == .failure(.loginBoundToAnother(login: "liming", officer: "O-01")))
        #expect(given(Self.registered, when: .bindLogin(officer: "O-77", login: "x")) == .failure(.unknownOfficer("O-77")))
        let state = RegistryDecider.fold(history(RegistryDecider.self, bound))
        #expect(state.logins == ["liming": "O-01"])
    }

    /// Try-out 5, defect 13: a login that changed hands moves once its binding is ended, and the refusal says so.
    @Test func aLoginMovesToAnotherOfficerOnlyOnceUnbound() {
        let bound = Self.registered + [("2023-01-03", RegistryCommand.bindLogin(officer: "O-01", login: "liming"))]
        let refused = given(bound, when: .bindLogin(officer: "O-09", login: "liming"))
        #expect(refused.rejection?.message == "login liming is already bound to officer O-01: if it now belongs to someone "
            + "else, end that binding with `unbind the logins of officer O-01`, then bind it again")
        #expect(given(bound, when: .unbindLogins(officer: "O-01")).eventTypes == ["OfficerLoginUnbound"])
        #expect(given(Self.registered, when: .unbindLogins(officer: "O-01")) == .failure(.noLoginBound(officer: "O-01")))
        #expect(given(Self.registered, when: .unbindLogins(officer: "O-77")) == .failure(.unknownOfficer("O-77")))
        let moved = bound + [("2023-02-01", .unbindLogins(officer: "O-01")),
                             ("2023-02-01", .bindLogin(officer: "O-09", login: "liming"))]
        #expect(RegistryDecider.fold(history(RegistryDecider.self, moved)).logins == ["liming": "O-09"])
    }

    @Test func theBureauTheAnnualReportIsMadeForIsARegisteredAgencyNamedOnce() {
        #expect(given(Self.registered, when: .nameBureau(agency: "WSJT")).eventTypes == ["BureauNamed"])
        #expect(given(Self.registered, when: .nameBureau(agency: "WSXX")) == .failure(.unknownAgency("WSXX")))
        let named = Self.registered + [("2023-01-04", RegistryCommand.nameBureau(agency: "WSJT"))]
        #expect(given(named, when: .nameBureau(agency: "WSJT")).eventTypes == [], "naming it again changes nothing")
        #expect(RegistryDecider.fold(history(RegistryDecider.self, named)).bureau == "WSJT")
    }

    @Test func everyRegistryEventRoundTripsThroughJSON() throws {
        let events = history(RegistryDecider.self, Self.registered + [
            ("2023-01-05", .certifyOfficer(id: "O-09", certificateNumber: "65420100009")),
            ("2023-03-01", .withdrawCertificate(id: "O-01", reasonZh: "证件到期")),
            ("2023-03-20", .createCampaign(Campaign(code: "CAMP-2023-TAXI", titleZh: "出租汽车行业专项整治", sector: .taxi,
                                                    from: Fixture.date("2023-04-01"), to: Fixture.date("2023-06-30")))),
            ("2023-03-20", .designateOfficer(id: "O-09", role: .legalReviewer, agency: nil, from: Fixture.date("2023-04-01"),
                                             to: nil)),
            ("2023-12-20", .endDesignation(id: "O-09", role: .legalReviewer, agency: nil, lastDay: Fixture.date("2023-12-31"))),
            ("2023-12-21", .bindLogin(officer: "O-01", login: "liming")),
            ("2023-12-22", .unbindLogins(officer: "O-01")),
            ("2023-12-23", .nameBureau(agency: "WSJT")),
        ])
        #expect(Set(events.map(\.eventType)) == Set(RegistryEvent.eventTypes))
        for event in events { #expect(try roundTrip(event) == event, "\(event.eventType)") }
    }

    // MARK: Outreach

    static let activity = OutreachActivity(eventZh: "“路政宣传月”普法宣传", placeZh: "乌苏市百泉镇", date: Fixture.date("2023-05-20"),
                                           agency: Fixture.transport, leaflets: 300, peopleReached: 120)

    @Test func anOutreachActivityIsRecordedOnce() throws {
        let recorded = try OutreachDecider.decide(.record(activityId: "PX-2023-05", Self.activity), state: nil,
                                                  context: Fixture.context("2023-05-20"))
        #expect(try roundTrip(recorded[0]) == recorded[0])
        #expect(EnforcementTests.given(OutreachDecider.self, recorded, when: .record(activityId: "PX-2023-05", Self.activity),
                                       on: "2023-05-21") == .failure(.alreadyExists(aggregate: "outreach", id: "PX-2023-05")))
    }

    @Test func negativeLeafletsAreRejected() {
        var activity = Self.activity
        activity.leaflets = -3
        #expect(EnforcementTests.given(OutreachDecider.self, [], when: .record(activityId: "PX-1", activity), on: "2023-05-20")
            == .failure(.negativeCount(field: "leaflets", agency: Fixture.transport)))
    }
}

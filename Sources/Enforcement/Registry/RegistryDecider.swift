/// Decides changes to the registry of agencies, officers and campaigns.
///
/// Ids, codes and certificate numbers are unique; an officer belongs to a registered agency. The registry is
/// one stream, so these checks see every entry.
public enum RegistryDecider: Decider {
    public typealias Command = RegistryCommand
    public typealias Event = RegistryEvent
    public typealias State = RegistryState

    public static var initialState: RegistryState { RegistryState() }

    public static func decide(_ command: RegistryCommand, state: RegistryState,
                              context: DecisionContext) throws(Rejection) -> [RegistryEvent] {
        let today = context.today
        switch command {
        case .registerAgency(let agency):
            try Rejection.requireText(agency.code, "agency code")
            try Rejection.requireText(agency.nameZh, "agency name")
            guard state.agencies[agency.code] == nil else { throw .alreadyExists(aggregate: "agency", id: agency.code) }
            return [.agencyRegistered(.init(agency: agency, registeredOn: today))]

        case let .registerOfficer(id, nameZh, agency, certificateNumber):
            try Rejection.requireText(id, "officer id")
            try Rejection.requireText(nameZh, "officer name")
            guard state.officers[id] == nil else { throw .alreadyExists(aggregate: "officer", id: id) }
            guard state.agencies[agency] != nil else { throw .unknownAgency(agency) }
            if let number = certificateNumber { try checkCertificate(number, state) }
            let officer = ReferenceData.Officer(id: id, nameZh: nameZh, agencyCode: agency,
                                                certificateNumber: certificateNumber, certified: certificateNumber != nil)
            return [.officerRegistered(.init(officer: officer, registeredOn: today))]

        case let .certifyOfficer(id, certificateNumber):
            guard state.officers[id] != nil else { throw .unknownOfficer(id) }
            try checkCertificate(certificateNumber, state)
            return [.officerCertified(.init(officerId: id, certificateNumber: certificateNumber, certifiedOn: today))]

        case let .withdrawCertificate(id, reasonZh):
            guard let officer = state.officers[id] else { throw .unknownOfficer(id) }
            guard officer.certified else { throw .officerNotCertified(id) }
            try Rejection.requireText(reasonZh, "reason")
            return [.certificateWithdrawn(.init(officerId: id, reasonZh: reasonZh, withdrawnOn: today))]

        case .createCampaign(let campaign):
            try Rejection.requireText(campaign.code, "campaign code")
            try Rejection.requireText(campaign.titleZh, "campaign title")
            guard state.campaigns[campaign.code] == nil else {
                throw .alreadyExists(aggregate: "campaign", id: campaign.code)
            }
            guard campaign.from <= campaign.to else { throw .invalidPeriod(from: campaign.from, to: campaign.to) }
            return [.campaignCreated(.init(campaign: campaign, createdOn: today))]

        case let .designateOfficer(id, role, agency, from, to):
            return try designate(id, role, agency, from: from, to: to, state, today: today)

        case let .endDesignation(id, role, agency, lastDay):
            return try endDesignation(id, role, agency, lastDay: lastDay, state, today: today)

        case let .bindLogin(officer, login):
            guard state.officers[officer] != nil else { throw .unknownOfficer(officer) }
            try Rejection.requireText(login, "login")
            if let holder = state.logins[login] {
                // Binding again changes nothing; a login is one person, so it moves only once unbound.
                guard holder == officer else { throw .loginBoundToAnother(login: login, officer: holder) }
                return []
            }
            return [.loginBound(.init(officerId: officer, login: login, boundOn: today))]

        case .unbindLogins(let officer):
            guard state.officers[officer] != nil else { throw .unknownOfficer(officer) }
            let logins = state.logins.filter { $0.value == officer }.keys.sorted()
            guard !logins.isEmpty else { throw .noLoginBound(officer: officer) }
            return logins.map { .loginUnbound(.init(officerId: officer, login: $0, unboundOn: today)) }

        case .nameBureau(let agency):
            guard state.agencies[agency] != nil else { throw .unknownAgency(agency) }
            // Naming it again changes nothing.
            return state.bureau == agency ? [] : [.bureauNamed(.init(agency: agency, namedOn: today))]
        }
    }

    public static func evolve(_ state: RegistryState, _ event: RegistryEvent) -> RegistryState {
        var s = state
        switch event {
        case .agencyRegistered(let e): s.agencies[e.agency.code] = e.agency
        case .officerRegistered(let e):
            s.officers[e.officer.id] = e.officer
            // Held before it was recorded: valid for every earlier act until withdrawn.
            s.certificates[e.officer.id] = e.officer.certificateNumber.map { [CertificatePeriod(number: $0)] } ?? []
        case .officerCertified(let e):
            s.officers[e.officerId]?.certificateNumber = e.certificateNumber
            s.officers[e.officerId]?.certified = true
            s.certificates[e.officerId, default: []].append(CertificatePeriod(number: e.certificateNumber, from: e.certifiedOn))
        case .certificateWithdrawn(let e):
            // The number stays on record: documents signed under it must still be traceable.
            s.officers[e.officerId]?.certified = false
            s.withdrawOpenCertificates(of: e.officerId, on: e.withdrawnOn)
        case .campaignCreated(let e): s.campaigns[e.campaign.code] = e.campaign
        case .officerDesignated(let e): s.designations.append(e.designation)
        case .designationEnded(let e):
            s.endDesignation(of: e.officerId, e.role, for: e.agency, lastDay: e.lastDay)
        case .loginBound(let e): s.logins[e.login] = e.officerId
        case .loginUnbound(let e): s.logins[e.login] = nil
        case .bureauNamed(let e): s.bureau = e.agency
        }
        return s
    }

    /// One certificate, one officer.
    private static func checkCertificate(_ number: String, _ state: RegistryState) throws(Rejection) {
        try Rejection.requireText(number, "certificate number")
        if state.officer(withCertificate: number) != nil { throw .alreadyExists(aggregate: "certificate", id: number) }
    }
}

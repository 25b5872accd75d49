/// What the user can do next, in domain words. Rejections and case states carry it as data; the command
/// line spells each step as a command (`jointops case request-review CASE-2023-0007`), so the domain never
/// names one.
public enum NextStep: Sendable, Hashable {
    case registerAgency
    case registerOfficer
    /// See the registered officers, their certificates and duties.
    case listOfficers
    case showOfficer(String)
    /// Record an officer's newly issued enforcement certificate.
    case certifyOfficer(String)
    /// Give an officer a duty for an agency from a day on.
    case designateOfficer(String, role: OfficerRole, agency: String, from: LocalDate)
    /// End an officer's duty.
    case endDesignation(String, role: OfficerRole, agency: String)
    /// End the bindings of the logins that act as an officer.
    case unbindOfficer(String)
    /// Import an official holiday notice into the working-day calendar.
    case importCalendar
    /// Look up the legal-basis catalogue.
    case listLegalBases
    /// Look up the legal bases that apply to a sector.
    case listLegalBasesForSector(Sector)
    /// Look at one legal basis (a version id or a family) with all its versions.
    case showLegalBasis(String)
    case planOperation
    case inviteAgency
    /// Record that an invited agency joined an operation.
    case joinOperation
    case sendReferral
    case raiseRectification
    /// Open a case: receive a lead, file it, or decide on the spot.
    case openCase
    /// Look at a record: its state and what can come next.
    case show(Record, id: String)
    /// Take a step of the procedure on a case.
    case onCase(CaseAction, caseId: String)

    /// The kinds of record a step can point at.
    public enum Record: String, Sendable, Hashable, CaseIterable {
        case operation, `case`, rectification, referral
    }
}

extension NextStep: CustomStringConvertible {
    /// The step in plain words, for logs and tests; the command line renders its own spelling.
    public var description: String {
        switch self {
        case .registerAgency: "register the agency"
        case .registerOfficer: "register the officer"
        case .listOfficers: "list the officers"
        case .showOfficer(let id): "show officer \(id)"
        case .certifyOfficer(let id): "record the certificate of officer \(id)"
        case let .designateOfficer(id, role, agency, from): "designate officer \(id) \(role.rawValue) of \(agency) from \(from)"
        case let .endDesignation(id, role, agency): "end the \(role.rawValue) duty of officer \(id) for \(agency)"
        case .unbindOfficer(let id): "unbind the logins of officer \(id)"
        case .importCalendar: "import the holiday notice"
        case .listLegalBases: "look up the legal-basis catalogue"
        case .listLegalBasesForSector(let sector): "look up the legal bases for \(sector.rawValue)"
        case .showLegalBasis(let id): "look up legal basis \(id)"
        case .planOperation: "plan the operation"
        case .inviteAgency: "invite the agency"
        case .joinOperation: "record that the agency joined"
        case .sendReferral: "send the referral"
        case .raiseRectification: "raise the rectification item"
        case .openCase: "receive a lead, file a case or decide on the spot"
        case let .show(record, id): "show \(record.rawValue) \(id)"
        case let .onCase(action, caseId): "\(action) on case \(caseId)"
        }
    }
}

import Enforcement

/// What the user can do next: a step of the domain, or one of running JointOps itself.
///
/// Errors carry steps as data; whoever shows the message spells them (the command line as its commands,
/// see `UserFacingError.init(translating:rendering:)`).
public enum UserStep: Sendable, Hashable {
    /// A step of the enforcement domain.
    case next(NextStep)
    /// List the records of a kind, to find an id.
    case list(StreamKind)
    case startLocalDatabase
    /// Start a throw-away local database in a folder of its own (for the demo).
    case startThrowawayDatabase(dataDir: String)
    /// Run the projector that follows the log.
    case runProjector
    case migrateDatabase
    /// An action named in a message ("so `serve-notice` is not possible now"): a verb, not a whole command.
    case action(DomainAction)

    /// Every step, with `sample` ids and `StreamKind.all`: for tests that render them all.
    public static func all(sampleId: (NextStep.Record) -> String) -> [UserStep] {
        let domain: [NextStep] = [.registerAgency, .registerOfficer, .importCalendar, .listLegalBases, .planOperation,
                                  .inviteAgency, .joinOperation, .sendReferral, .raiseRectification, .openCase,
                                  .listOfficers, .showOfficer("ZF-01"), .certifyOfficer("ZF-01"),
                                  .designateOfficer("FZ-01", role: .legalReviewer, agency: "WSZD",
                                                    from: LocalDate(year: 2023, month: 1, day: 3)!),
                                  .endDesignation("FZ-01", role: .legalReviewer, agency: "WSZD"),
                                  .unbindOfficer("ZF-01")]
            + NextStep.Record.allCases.map { .show($0, id: sampleId($0)) }
            + CaseAction.allCases.map { .onCase($0, caseId: sampleId(.case)) }
            + Sector.allCases.map(NextStep.listLegalBasesForSector) + [.showLegalBasis("RTR-63")]
        return domain.map(UserStep.next) + StreamKind.all.map(UserStep.list) + [.startLocalDatabase, .startThrowawayDatabase(dataDir: "/tmp/jointops-demo"), .runProjector, .migrateDatabase]
    }
}

extension UserStep: CustomStringConvertible {
    /// The step in plain words, for logs and tests.
    public var description: String {
        switch self {
        case .next(let step): step.description
        case .list(let kind): "list the \(kind.noun) ids"
        case .startLocalDatabase: "start the local database"
        case .startThrowawayDatabase(let dataDir): "start a throw-away local database in \(dataDir)"
        case .runProjector: "run the projector"
        case .migrateDatabase: "migrate the database"
        case .action(let action): action.description
        }
    }
}

import Enforcement
import Foundation
import Postgres

extension Application {
    /// The login of this connection's session (`session_user`, not `current_user`: every writer session
    /// narrows itself to `jointops_writer`, and the login is who logged in). Asked once per application.
    func sessionLogin() throws -> SessionLogin {
        if let known = sessionLoginCache { return known }
        let row = try connection.execute(SessionLogin.lookup, [LocalCluster.writerLogin]).first
        let login = SessionLogin(name: try row?.get(0, as: String.self) ?? "",
                                 isAdministrator: try row?.get(1, as: Bool.self) ?? false)
        sessionLoginCache = login
        return login
    }

    /// Who `request` is recorded as: the officer the session's login is bound to, or — for an administrator —
    /// the officer named by `--on-behalf-of` (a registered one). `administrative` commands (the registry, the
    /// calendar) are an administrator's alone, and may be recorded by an unbound administrator as themselves.
    ///
    /// - Throws: `ApplicationError.unboundLogin` for a login bound to no officer (`.unboundAdministrator` for an
    ///   administrator's),
    ///   `.onBehalfNeedsAdministrator` when someone else's name is given by a login that is no administrator,
    ///   `.unknownOnBehalfOfficer`, `.registryNeedsAdministrator` for `administrative` ones by a non-administrator.
    public func actor(for request: CommandRequest, administrative: Bool = false) throws -> RecordedActor {
        let login = try sessionLogin()
        let registry = try registry()
        let bound = registry.logins[login.name]
        // The registry and the calendar are kept by administrators alone, whoever the login is bound to.
        if administrative, !login.isAdministrator { throw ApplicationError.registryNeedsAdministrator(login: login.name) }
        if let named = request.onBehalfOf?.trimmingCharacters(in: .whitespaces), !named.isEmpty, named != bound {
            guard login.isAdministrator else {
                throw ApplicationError.onBehalfNeedsAdministrator(login: login.name, officer: named)
            }
            // Registry upkeep is the administrator's own act (it may register the very officer named); every other
            // act is an officer's, so the form must name one who exists.
            guard administrative || registry.officers[named] != nil else {
                throw ApplicationError.unknownOnBehalfOfficer(named)
            }
            return RecordedActor(officer: named, login: login.name, onBehalf: true, recordedBy: bound)
        }
        if let bound { return RecordedActor(officer: bound, login: login.name, onBehalf: false, recordedBy: nil) }
        guard login.isAdministrator else { throw ApplicationError.unboundLogin(login.name) }
        // An unbound administrator (root may not be bound) names the officer whose act it records.
        guard administrative else { throw ApplicationError.unboundAdministrator(login.name) }
        return RecordedActor(officer: nil, login: login.name, onBehalf: false, recordedBy: nil)
    }
}

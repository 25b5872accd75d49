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
    /// the officer named by `--on-behalf-of`. `administrative` commands (the registry, the calendar) may be
    /// recorded by an unbound administrator as themselves.
    ///
    /// - Throws: `ApplicationError.unboundLogin` for a login bound to no officer,
    ///   `.onBehalfNeedsAdministrator` when someone else's name is given by a login that is no administrator.
    public func actor(for request: CommandRequest, administrative: Bool = false) throws -> RecordedActor {
        let login = try sessionLogin()
        let registry = try registry()
        let bound = registry.logins[login.name]
        if let named = request.onBehalfOf?.trimmingCharacters(in: .whitespaces), !named.isEmpty, named != bound {
            guard login.isAdministrator else {
                throw ApplicationError.onBehalfNeedsAdministrator(login: login.name, officer: named)
            }
            return RecordedActor(officer: named, login: login.name, onBehalf: true, recordedBy: bound)
        }
        if let bound { return RecordedActor(officer: bound, login: login.name, onBehalf: false, recordedBy: nil) }
        guard administrative, login.isAdministrator else { throw ApplicationError.unboundLogin(login.name) }
        return RecordedActor(officer: nil, login: login.name, onBehalf: false, recordedBy: nil)
    }
}

import Enforcement
import Foundation
import Postgres

/// Why a login cannot be bound to an officer.
public enum OfficerLoginError: Error, Equatable, CustomStringConvertible, UserFacingConvertible {
    case notAnAdministrator(String)
    case malformedLogin(String)
    case privilegedLogin(String)
    case loginOnLocalCluster
    case noSuchOSUser(String)

    public var description: String {
        switch self {
        case .notAnAdministrator(let login):
            return "login \(login) may not bind officers: the cluster's owner (or a server login with CREATEROLE) runs "
                + "`jointops officer bind`"
        case .malformedLogin(let name):
            return "`\(name)` is not a login name: use lower-case letters, digits, `_`, `.` or `-`, starting with a letter"
        case .privilegedLogin(let name):
            return "\(name) is a superuser or owns JointOps' schemas, and no command may run as one: bind a plain login"
        case .loginOnLocalCluster:
            return "the local cluster binds OS users (peer authentication): give --os-user NAME instead of --login"
        case .noSuchOSUser(let name):
            return "there is no OS user \(name) on this machine: create it first (useradd \(name)), then bind it"
        }
    }

    public func userFacing(rendering render: (UserStep) -> String) -> UserFacingError {
        switch self {
        case .malformedLogin, .loginOnLocalCluster, .noSuchOSUser: return .usage(description)
        case .notAnAdministrator, .privilegedLogin: return UserFacingError(description, status: .ruleRefused)
        }
    }
}

extension Database {
    /// Session limits of every officer's login, set on the login itself (a group role's are not inherited).
    static let officerSettings = [("idle_in_transaction_session_timeout", "1min")]

    /// The application for a write. On the local cluster an OS user bound with `officer bind --os-user` logs
    /// in as their own role (peer-mapped), so `session_user` says who they are; the cluster's owner, and anyone
    /// `administering` (recording on someone's behalf), uses the owner's writer login.
    public func writeApplication(administering: Bool, clock: Clock = .system) throws -> Application {
        let writer = try connect(as: .writer)
        guard case .local(let cluster) = location, !administering,
              let own = try? SessionRole.writer.connect(cluster.conninfo(user: LocalCluster.currentOSUser), deadline: deadline)
        else { return Application(connection: writer, clock: clock) }
        return Application(connection: own, clock: clock)
    }

    /// Makes `osUser`'s (or `login`'s) database login ready to act for an officer: created as a member of
    /// `jointops_writer` when missing, granted it otherwise, and on the local cluster peer-mapped to the OS
    /// user. Returns the login's name; the binding itself is the registry event the caller appends.
    ///
    /// - Throws: `OfficerLoginError`, `PostgresError`, `LocalClusterError`.
    public func prepareOfficerLogin(osUser: String?, login: String?) throws -> String {
        if case .local = location {
            guard let osUser else { throw OfficerLoginError.loginOnLocalCluster }
            // A mapping for a user not made yet would record whoever is later given that name as the officer.
            guard LocalCluster.osUserExists(osUser) else { throw OfficerLoginError.noSuchOSUser(osUser) }
        }
        let name = login ?? osUser ?? ""
        guard name.wholeMatch(of: #/[a-z_][a-z0-9_.\-]{0,62}/#) != nil else { throw OfficerLoginError.malformedLogin(name) }
        if case .local(let cluster) = location, let osUser, cluster.isOwner(osUser: osUser) { throw OwnerBindingError(osUser: osUser) }
        let connection = try connect(as: .administrator)
        let administrator = try connection.execute(
            "SELECT session_user::text, r.rolsuper OR r.rolcreaterole FROM pg_catalog.pg_roles r WHERE r.rolname = session_user")
        guard let row = administrator.first, try row.get(1, as: Bool.self) else {
            throw OfficerLoginError.notAnAdministrator(try administrator.first?.get(0, as: String.self) ?? "?")
        }
        let role = try connection.quoteIdentifier(name)
        try connection.transaction {
            let existing = try connection.execute("""
                SELECT r.rolsuper OR pg_catalog.pg_has_role(r.oid, 'jointops_owner', 'MEMBER')
                FROM pg_catalog.pg_roles r WHERE r.rolname = $1
                """, [name])
            if let row = existing.first {
                guard !(try row.get(0, as: Bool.self)) else { throw OfficerLoginError.privilegedLogin(name) }
                try connection.run("GRANT jointops_writer TO \(role)")
            } else {
                try connection.run("CREATE ROLE \(role) LOGIN IN ROLE jointops_writer")
                try connection.run("COMMENT ON ROLE \(role) IS \(try connection.quoteLiteral("执法人员 Officer login (jointops officer bind)"))")
            }
            // As for analysts: a forgotten open transaction (psql) would hold back every projection.
            for (setting, value) in Self.officerSettings {
                try connection.run("ALTER ROLE \(role) SET \(setting) = \(try connection.quoteLiteral(value))")
            }
        }
        if case .local(let cluster) = location, let osUser { try cluster.mapLogin(osUser: osUser, role: name) }
        return name
    }
}

import Foundation
import Postgres

/// A login made for an analyst, and how to connect with it.
public struct AnalystLogin: Sendable, Equatable {
    public let name: String
    /// The connection string for psql (and any libpq program, `jointops report` among them).
    public let conninfo: String
    /// True on the local cluster: no TCP port, so ODBC/BI tools need a server or a replica.
    public let socketOnly: Bool
    /// The OS user mapped to the login on the local cluster (peer authentication); nil for a password.
    public let osUser: String?
}

/// Why an analyst login cannot be made.
public enum AnalystError: Error, Equatable, CustomStringConvertible, UserFacingConvertible {
    case roleTaken(String)
    case passwordOnLocalCluster
    case noSuchOSUser(String)

    public var description: String {
        switch self {
        case .roleTaken(let name):
            return "\(name) is already a database role that is not an analyst: choose another name"
        case .noSuchOSUser(let name):
            return "there is no OS user \(name) on this machine: create it first (useradd \(name)), then add the analyst"
        case .passwordOnLocalCluster:
            return "the local cluster takes peer logins only (it has no TCP port): leave out --password-stdin, "
                + "or add the analyst on a server"
        }
    }

    public func userFacing(rendering render: (UserStep) -> String) -> UserFacingError {
        switch self {
        case .roleTaken: return UserFacingError(description, status: .ruleRefused)
        case .passwordOnLocalCluster, .noSuchOSUser: return .usage(description)
        }
    }
}

extension Database {
    /// Session limits of every analyst login, set on the login itself (a group role's settings are not
    /// inherited). An analyst may SET them back; the projections do not depend on them
    /// (`eventstore.readable_horizon()`).
    static let analystSettings = [
        ("statement_timeout", "5min"), ("idle_in_transaction_session_timeout", "1min"),
        ("default_transaction_read_only", "on"),
    ]

    /// Makes (or refreshes) a login in `jointops_analyst` called `name`: peer-mapped to `osUser` on the
    /// local cluster, or with `password` on a server. `name` must be a plain lower-case identifier.
    ///
    /// - Throws: `AnalystError`, `PostgresError`, `LocalClusterError`.
    public func addAnalyst(_ name: String, osUser: String?, password: String?) throws -> AnalystLogin {
        if case .local = location {
            guard password == nil else { throw AnalystError.passwordOnLocalCluster }
            if let osUser, !LocalCluster.osUserExists(osUser) { throw AnalystError.noSuchOSUser(osUser) }
        }
        let connection = try connect(as: .administrator)
        let role = try connection.quoteIdentifier(name)
        var isNew = false
        try connection.transaction {
            let existing = try connection.execute("""
                SELECT pg_catalog.pg_has_role(r.oid, 'jointops_analyst', 'MEMBER') AND NOT r.rolsuper
                FROM pg_catalog.pg_roles r WHERE r.rolname = $1
                """, [name])
            if let row = existing.first {
                guard try row.get(0, as: Bool.self) else { throw AnalystError.roleTaken(name) }
            } else {
                try connection.run("CREATE ROLE \(role) LOGIN IN ROLE jointops_analyst")
                isNew = true
            }
            // Utility statements take no parameters: the password goes as a quoted literal.
            if let password { try connection.run("ALTER ROLE \(role) PASSWORD \(try connection.quoteLiteral(password))") }
            for (setting, value) in Self.analystSettings {
                try connection.run("ALTER ROLE \(role) SET \(setting) = \(try connection.quoteLiteral(value))")
            }
            try connection.run("COMMENT ON ROLE \(role) IS \(try connection.quoteLiteral("分析人员 Analyst login (jointops analyst add)"))")
        }
        switch location {
        case .local(let cluster):
            // Only a new login gets the caller as its default OS user: running `analyst add` again to refresh
            // a login must not quietly let the caller in as that analyst.
            let user = osUser ?? (isNew ? LocalCluster.currentOSUser : nil)
            if let user { try cluster.mapLogin(osUser: user, role: name) }
            return AnalystLogin(name: name, conninfo: cluster.conninfo(user: name), socketOnly: true, osUser: user)
        case .external:
            let conninfo = connection.host.hasPrefix("/") || connection.host.isEmpty
                ? "host=\(connection.host.isEmpty ? "/var/run/postgresql" : connection.host) port=\(connection.port) dbname=\(connection.database) user=\(name)"
                : "postgresql://\(name)@\(connection.host):\(connection.port)/\(connection.database)"
            return AnalystLogin(name: name, conninfo: conninfo, socketOnly: false, osUser: password == nil ? osUser ?? name : nil)
        }
    }
}

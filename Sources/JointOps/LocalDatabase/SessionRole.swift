import Postgres

/// What a session of the command line does, and so which database role it works as (DESIGN.md §9).
///
/// No application session is a superuser or an owner, so the append-only triggers and grants hold
/// against the application itself. On the local cluster each role has its own login (peer-mapped to
/// the cluster's owner); on a server the login comes from `DATABASE_URL`, and a login that is a member
/// of the role's group (a superuser is a member of every role) works as that group for the session.
public enum SessionRole: Sendable, Equatable {
    /// Commands: appends through the append statement and reads the event store (`jointops_writer`).
    case writer
    /// Catch-up, rebuilds and reports: reads events, writes projections (`jointops_projector`).
    case projector
    /// `db migrate`, `local …`, `analyst add`: the login as given (the superuser on the local cluster).
    case administrator

    /// The group role the session works as; nil for the administrator.
    public var group: String? {
        switch self {
        case .writer: return "jointops_writer"
        case .projector: return "jointops_projector"
        case .administrator: return nil
        }
    }

    /// The local cluster's login for this role.
    var localLogin: String {
        switch self {
        case .writer: return LocalCluster.writerLogin
        case .projector: return LocalCluster.projectorLogin
        case .administrator: return LocalCluster.superuser
        }
    }

    /// Narrows a server session to `group` when its login is a member (one statement per connection,
    /// none per append); an analyst's login is no member and keeps its own rights.
    static let narrowSQL = """
        SELECT pg_catalog.set_config('role', $1::text, false)
        WHERE CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1::text)
                   THEN pg_catalog.pg_has_role(session_user, $1::text, 'MEMBER') ELSE false END
        """

    /// Opens a connection to `conninfo` working as this role, connecting within `ConnectTimeout.current`.
    func connect(_ conninfo: String, deadline: Duration?) throws -> Connection {
        let connection = try Connection(conninfo, deadline: deadline, connectTimeout: ConnectTimeout.current)
        if let group { try connection.execute(Self.narrowSQL, [group]) }
        return connection
    }
}

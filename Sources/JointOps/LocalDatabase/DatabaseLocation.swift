import EventStore
import Foundation
import Postgres

/// Where JointOps' database is: given by the user, or the embedded local cluster.
public enum DatabaseLocation: Sendable {
    /// `DATABASE_URL`, or libpq's own `PG*` variables and service files (passed as "").
    case external(conninfo: String)
    case local(LocalCluster)

    static let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"]

    /// Reads the environment: `DATABASE_URL` first, then any `PG*` connection variable, else local.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseLocation {
        if let url = environment["DATABASE_URL"], !url.isEmpty { return .external(conninfo: url) }
        if libpqVariables.contains(where: { !(environment[$0] ?? "").isEmpty }) { return .external(conninfo: "") }
        return .local(LocalCluster(root: LocalCluster.defaultRoot(environment: environment)))
    }

    /// Opens a connection working as `role`, each statement ending by `deadline` (nil: no limit), connecting
    /// within `ConnectTimeout.current`; the local cluster is started (unless `startingLocalServer` is false:
    /// a check reports a stopped server instead) and migrated first when needed, since it is ours.
    ///
    /// - Throws: `PostgresError` (`.connectionFailed`, `.timedOut`) or `LocalClusterError`.
    public func connect(as role: SessionRole, deadline: Duration? = StatementTimeout.current,
                        startingLocalServer: Bool = true) throws -> Connection {
        switch self {
        case .external(let conninfo):
            if let problem = ConnectionString.problem(in: conninfo) {  // the value is not repeated: it may hold a password
                throw UserFacingError.usage("DATABASE_URL is not a connection string: \(problem); write e.g. "
                                            + "postgresql://li_officer@db.example:5432/jointops or host=db.example dbname=jointops user=li_officer")
            }
            return try role.connect(conninfo, deadline: deadline)
        case .local(let cluster):
            if cluster.isReachedByAnotherUser { return try cluster.connectAsAnotherUser(as: role, deadline: deadline) }
            if startingLocalServer { try cluster.startIfStopped() }
            return try cluster.connect(as: role, deadline: deadline)
        }
    }

    public var description: String {
        switch self {
        case .external(let conninfo): return conninfo.isEmpty ? "libpq environment (PG*)" : Self.redacted(conninfo)
        case .local(let cluster): return "local cluster at \(cluster.root.path)"
        }
    }

    /// Hides a password in a URL or conninfo before it is printed.
    static func redacted(_ conninfo: String) -> String {
        if let url = URLComponents(string: conninfo), url.password != nil {
            var copy = url
            copy.password = "***"
            return copy.string ?? conninfo
        }
        return conninfo.replacingOccurrences(of: #"password=\S+"#, with: "password=***", options: .regularExpression)
    }
}

import Foundation
import Postgres

/// Where reports are read when they come from a hot standby instead of the database written to.
public enum StandbyLocation: Sendable {
    /// The local cluster's own replica (`jointops local replica start`).
    case localReplica(LocalCluster)
    /// Any standby (or read-only copy), by connection string: `JOINTOPS_REPORTING_URL`.
    case conninfo(String)

    /// `JOINTOPS_REPORTING_URL` when set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StandbyLocation? {
        environment[StandbyError.variable].flatMap { $0.isEmpty ? nil : .conninfo($0) }
    }

    /// A session on the standby as the projector's login (an analyst's login keeps its own rights).
    func connect() throws -> Connection {
        switch self {
        case .conninfo(let conninfo):
            if let problem = ConnectionString.problem(in: conninfo) { throw StandbyError.notAConnectionString(problem) }
            do { return try SessionRole.projector.connect(conninfo, deadline: StatementTimeout.current) } catch let error as PostgresError
                where error.kind == .connectionFailed || (error.kind == .timedOut && error.sql == nil) {
                throw StandbyError.unreachable(target: error.target ?? "the server it names", deadline: error.deadline,
                                               debug: error.debugDescription)
            }
        case .localReplica(let cluster):
            let replica = LocalReplica(of: cluster)
            guard replica.standby.isInitialised else { throw LocalReplicaError.notCreated(root: cluster.root.path) }
            do { return try SessionRole.projector.connect(replica.conninfo(), deadline: StatementTimeout.current) } catch let error as PostgresError
                where error.kind == .connectionFailed { throw LocalReplicaError.notRunning(root: cluster.root.path) }
        }
    }
}

/// A report read on a standby, with how far behind it is.
public struct StandbyReport<Content> {
    public let content: Content
    /// The standby's replay lag as it sees it; nil when the connection reached no standby.
    public let lag: ReplayLag?
    /// How far the `reporting` views were behind the standby's copy of the log.
    public let behind: ProjectionsBehind
}

/// A read on a standby that the standby could not serve.
public enum StandbyError: Error, Equatable, CustomStringConvertible, UserFacingConvertible {
    /// The standby cancelled the query to replay the primary's changes (SQLSTATE 40001, or 40P01 when the
    /// query waited on a lock the replay held): nothing is wrong with the report; running it again works.
    case recoveryConflict(String)
    case asOfOnStandby
    /// The views are made by the primary's first catch-up, and the standby has not replayed it yet.
    case noViewsYet
    /// `JOINTOPS_REPORTING_URL` is no connection string libpq can read: why, in our words.
    case notAConnectionString(String)
    /// No session could be opened on the server `JOINTOPS_REPORTING_URL` names (`target`): it refused,
    /// is down or unreachable, or, with `deadline`, did not complete the connection in time. `debug` is libpq's
    /// own text, shown only with JOINTOPS_DEBUG=1.
    case unreachable(target: String, deadline: Duration?, debug: String)

    static let variable = "JOINTOPS_REPORTING_URL"

    public var description: String {
        switch self {
        case .recoveryConflict(let message):
            return "the standby cancelled this report to replay the primary's changes (\(message)): retry it"
        case .noViewsYet:
            return "the standby has no reporting views yet: run a report on the primary once (it makes them), then retry"
        case .notAConnectionString(let problem):
            // The value is not repeated: it may hold a password.
            return "\(Self.variable) is not a connection string: \(problem); write e.g. "
                + "host=standby.example port=5432 dbname=jointops user=li_analyst, or postgresql://li_analyst@standby.example:5432/jointops"
        case .unreachable(let target, let deadline, _):
            let what = deadline.map { "did not accept a connection within \(PostgresError.seconds($0))" }
                ?? "did not accept the connection (it is down, unreachable from here, or refused the login)"
            return "\(Self.variable) names \(target), which \(what): check that the standby there runs and that the "
                + "host, port, login and password are right, or unset \(Self.variable) to read the primary"
        case .asOfOnStandby:
            return "--as-of folds the log into temporary tables, which a standby cannot make: "
                + "leave out --as-of, or read the primary (without --replica and JOINTOPS_REPORTING_URL)"
        }
    }

    public func userFacing(rendering render: (UserStep) -> String) -> UserFacingError {
        switch self {
        case .recoveryConflict: return UserFacingError(description, status: .conflict)
        case .asOfOnStandby: return .usage(description)
        case .noViewsYet, .unreachable: return UserFacingError(description, status: .databaseUnavailable)
        case .notAConnectionString: return .usage(description)
        }
    }
}

extension StandbyError: CarriesDebugDetail {
    public var debugDetail: String? {
        if case .unreachable(_, _, let debug) = self { debug } else { nil }
    }
}

extension LocalReplicaError: UserFacingConvertible {
    public func userFacing(rendering render: (UserStep) -> String) -> UserFacingError {
        UserFacingError(description, status: .databaseUnavailable)
    }
}

extension Database {
    /// A `reporting` view read on a standby as it stands: a standby cannot be written, so nothing is
    /// caught up; the result says how far behind the standby and the views are.
    public func report(_ request: ReportRequest, on standby: StandbyLocation) throws -> StandbyReport<ReportPage> {
        try reading(request, on: standby) { connection in
            try ReportQuery.page(request.name, filter: request.filter, on: connection, viewSchema: "reporting")
        }
    }

    /// The annual report of `year` read on a standby (it shows the seal the primary last wrote, if any covers it).
    public func annualReport(year: Int, _ request: ReportRequest, on standby: StandbyLocation) throws -> StandbyReport<AnnualReport> {
        try reading(request, on: standby) { connection in try AnnualReport.load(year: year, on: connection) }
    }

    private func reading<Content>(_ request: ReportRequest, on standby: StandbyLocation,
                                  _ body: (Connection) throws -> Content) throws -> StandbyReport<Content> {
        guard request.asOf == nil else { throw StandbyError.asOfOnStandby }
        let connection = try standby.connect()
        do {
            // Lag first: the figures are at least as fresh as the lag says.
            let lag = try ReplayLag.onStandby(connection)
            let behind = try Self.projectionsBehind(connection)
            return StandbyReport(content: try body(connection), lag: lag, behind: behind)
        } catch let error as PostgresError
            where error.sqlState == .serializationFailure || error.sqlState == .deadlockDetected {
            throw StandbyError.recoveryConflict(error.message.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch let error as PostgresError where error.sqlState == .undefinedTable {
            throw StandbyError.noViewsYet
        }
    }
}

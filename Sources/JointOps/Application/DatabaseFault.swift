import Foundation
import Postgres

/// A database that cannot serve the request for a reason outside JointOps: it cannot be reached, does not
/// answer in time, the connection broke, it refuses writes, its disk is full. Each says what happened and
/// what to do next in one line of our own words (libpq's never reach the terminal), with exit status 5;
/// the advice fits the command (`CommandIntent`): a read changed nothing, a write is retried with its
/// command id.
enum DatabaseFault {
    case unreachable(PostgresError)
    case timedOut(PostgresError)
    case connectionLost(PostgresError)
    case readOnly(PostgresError)
    case diskFull(PostgresError)

    init?(_ error: PostgresError) {
        let code = error.sqlState?.code ?? ""
        if error.kind == .connectionFailed || error.kind == .interrupted {
            self = .unreachable(error)
        } else if error.kind == .timedOut {
            self = .timedOut(error)
        } else if error.kind == .client || code.hasPrefix("08") || code.hasPrefix("57P") {
            // Class 08 is a broken connection; 57P01–57P03 a server shutting down, crashed, or not yet accepting.
            self = .connectionLost(error)
        } else if error.sqlState == .readOnlySQLTransaction {
            self = .readOnly(error)
        } else if error.sqlState == .diskFull {
            self = .diskFull(error)
        } else {
            return nil
        }
    }

    func userFacing(rendering render: (UserStep) -> String) -> UserFacingError {
        UserFacingError(message(rendering: render), status: .databaseUnavailable)
    }

    private func message(rendering render: (UserStep) -> String, intent: CommandIntent = .current) -> String {
        switch self {
        case .unreachable(let error):
            return Self.unreachable(error, rendering: render)
        case .timedOut(let error) where error.duringConnect:
            return "timed out: \(error.message): check that the server is running and not overloaded, then retry the "
                + "command (nothing was changed); \(ConnectTimeout.variable) sets the limit in seconds"
        case .timedOut(let error):
            let limit = "; \(StatementTimeout.variable) sets the limit in seconds"
            switch intent {
            case .reads:
                return "timed out: \(error.message): this command only reads, so nothing was changed: check that the "
                    + "server is not overloaded, then retry it\(limit)"
            case .records(let commandId?):
                return "timed out: \(error.message): the write may have been cut short or just recorded: retry the command "
                    + "with the same --command-id \(commandId.uuidString.lowercased()), which records it exactly once\(limit)"
            case .records(nil):
                return "timed out: \(error.message): the write may have been cut short or just recorded: check the record "
                    + "before retrying it (with --command-id a retry is always safe)\(limit)"
            case .changes:
                return "timed out: \(error.message): an unfinished change is rolled back by the server: check that it is "
                    + "not overloaded, then retry the command\(limit)"
            }
        case .connectionLost(let error):
            let what = "lost the connection to PostgreSQL\(Self.at(error)) during the command (the server was stopped, "
                + "restarted or ended the session)"
            switch intent {
            case .reads: return "\(what): nothing was changed: check that it is running, then retry the command"
            case .records(let commandId?):
                return "\(what): check that it is running, then retry the command with the same --command-id "
                    + "\(commandId.uuidString.lowercased()), which records it exactly once"
            case .records(nil): return "\(what): check that it is running, then retry the command; an unfinished write is not recorded"
            case .changes:
                return "\(what): check that it is running, then retry the command; an unfinished change is rolled back"
            }
        case .readOnly(let error) where intent == .reads:
            // A read catches the projections up first, which writes: on a standby it reads as it stands instead.
            return "the database\(Self.at(error)) is read-only (\(error.message)): it is a standby or "
                + "default_transaction_read_only is on, and this command catches the reporting views up first; nothing "
                + "was changed: for a report read as the standby stands set JOINTOPS_REPORTING_URL to it (the local "
                + "standby: report --replica), otherwise point DATABASE_URL at the primary and retry the command"
        case .readOnly(let error):
            return "the database\(Self.at(error)) is read-only (\(error.message)): it is a standby or "
                + "default_transaction_read_only is on; nothing was recorded: point DATABASE_URL at the primary, "
                + "or have its administrator make it writable, then retry the command"
        case .diskFull(let error):
            return "the disk holding the database\(Self.at(error)) is full (\(error.message)): free space, then retry "
                + "the command; nothing was recorded"
        }
    }

    /// A connection that could not be made: nothing was sent, so nothing changed whatever the command. The advice
    /// names what to start: the local database, or the server DATABASE_URL (or PGHOST) names, which we cannot.
    private static func unreachable(_ error: PostgresError, rendering render: (UserStep) -> String,
                                    location: DatabaseLocation = .fromEnvironment()) -> String {
        let start: String
        switch location {
        case .local: start = "start it with \(render(.startLocalDatabase))"
        case .external(let conninfo):
            let named = conninfo.isEmpty ? "PGHOST names" : "DATABASE_URL names"
            start = "check that the server \(named) is running and reachable from here"
        }
        switch error.connectFailure {
        case .noServer?:
            return "\(error): \(start), then retry the command (nothing was changed)"
        case nil:
            return "\(error); \(start), then retry the command (nothing was changed)"
        case .notAcceptingConnections?:
            return "\(error): retry the command in a moment (nothing was changed)"
        case .refused?:
            return "\(error): check the login and database in DATABASE_URL (or PGUSER / PGDATABASE)"
        }
    }

    private static func at(_ error: PostgresError) -> String { error.target.map { " at \($0)" } ?? "" }
}

/// What the command being run does to the database, so that a fault's advice fits it: bound by the
/// command line around each command.
public enum CommandIntent: Sendable, Equatable {
    /// Only reads: a fault changed nothing.
    case reads
    /// Records an act through the command handler, under the user's command id if one was given.
    case records(commandId: UUID?)
    /// Changes the database otherwise (migrations, logins, projections), each change one transaction.
    case changes

    @TaskLocal public static var current: CommandIntent = .changes
}

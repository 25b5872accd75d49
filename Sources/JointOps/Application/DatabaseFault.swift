import Postgres

/// A database that cannot serve the request for a reason outside JointOps: it does not answer in time, the
/// connection broke, it refuses writes, its disk is full. Each says what happened and what to do next, in
/// one line with exit status 5; none of them left anything recorded (a statement cut short is rolled back).
enum DatabaseFault {
    case timedOut(PostgresError)
    case connectionLost(PostgresError)
    case readOnly(PostgresError)
    case diskFull(PostgresError)

    init?(_ error: PostgresError) {
        let code = error.sqlState?.code ?? ""
        if error.kind == .timedOut {
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

    var userFacing: UserFacingError {
        UserFacingError(message, status: .databaseUnavailable)
    }

    private var message: String {
        switch self {
        case .timedOut(let error):
            return "timed out: \(error.message): check that the server is running and not overloaded, then retry the "
                + "command (an unfinished write is not recorded); \(StatementTimeout.variable) sets the limit in seconds"
        case .connectionLost(let error):
            return "lost the connection to PostgreSQL\(Self.at(error)) during the command (the server was stopped, "
                + "restarted or ended the session): check that it is running, then retry the command; "
                + "an unfinished write is not recorded"
        case .readOnly(let error):
            return "the database\(Self.at(error)) is read-only (\(error.message)): it is a standby or "
                + "default_transaction_read_only is on; nothing was recorded: point DATABASE_URL at the primary, "
                + "or have its administrator make it writable, then retry the command"
        case .diskFull(let error):
            return "the disk holding the database\(Self.at(error)) is full (\(error.message)): free space, then retry "
                + "the command; nothing was recorded"
        }
    }

    private static func at(_ error: PostgresError) -> String { error.target.map { " at \($0)" } ?? "" }
}

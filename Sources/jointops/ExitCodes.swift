import ArgumentParser
import Enforcement
import EventStore
import Foundation
import JointOps
import JointOpsDemo
import Postgres

/// DESIGN.md §5: usage 2, rule refused 3, conflict 4, database unavailable 5.
enum ExitCodes {
    static let usage: Int32 = 2
    static let ruleRefused: Int32 = 3
    static let conflict: Int32 = 4
    static let databaseUnavailable: Int32 = 5
}

/// Prints one line for an error and exits with its code; never a stack trace.
func fail(_ error: Error) -> Never {
    let (message, code) = describe(error)
    FileHandle.standardError.write(Data("jointops: \(message)\n".utf8))
    exit(code)
}

func describe(_ error: Error) -> (String, Int32) {
    switch error {
    case let error as PostgresError where error.kind == .connectionFailed:
        return ("\(error); start the local database with `jointops local start`, or check DATABASE_URL / PGHOST",
                ExitCodes.databaseUnavailable)
    case let error as PostgresError where error.sqlState?.code.hasPrefix("08") == true || error.kind == .client:
        return ("lost the connection to PostgreSQL: \(error.message); check that the server is running and retry",
                ExitCodes.databaseUnavailable)
    case let error as PostgresError where error.sqlState == .undefinedTable:
        return ("the database has no JointOps tables yet: run `jointops db migrate` first", ExitCodes.databaseUnavailable)
    case let error as PostgresError:
        return ("database error: \(error)", 1)
    case let error as LocalClusterError:
        return (error.description, ExitCodes.databaseUnavailable)
    case let error as MigrationError:
        return (error.description, ExitCodes.conflict)
    case let error as EventStoreError:
        if case .wrongExpectedVersion = error { return (error.description, ExitCodes.conflict) }
        return (error.description, ExitCodes.usage)
    case let error as CLIError:
        return (error.message, error.code)
    case let rejection as Rejection:
        // The domain's own sentence; invalid input 2, rule refused 3, conflict 4.
        return (rejection.message, rejection.category.exitCode)
    case let error as DemoError:
        return (error.description, ExitCodes.conflict)
    case let error as ApplicationError:
        return (error.message, error.exitCode)
    default:
        return ("\(error)", 1)
    }
}

/// A one-line error of the command line itself.
struct CLIError: Error {
    let message: String
    let code: Int32
    static func usage(_ message: String) -> CLIError { CLIError(message: message, code: ExitCodes.usage) }
}

/// Runs a command body, turning any error into one line and an exit code.
func guarded(_ body: () throws -> Void) {
    do { try body() } catch let error as CleanExit { JointOpsCommand.exit(withError: error) }
    catch let error as ValidationError { JointOpsCommand.exit(withError: error) }
    catch { fail(error) }
}

/// Said when committed events stay held back behind a long transaction (DESIGN.md §3): not an error,
/// but the output is short of them.
func heldBackNote(waited seconds: Double, _ consequence: String) {
    FileHandle.standardError.write(Data(("jointops: note: some committed events wait behind a transaction running for "
        + "over \(seconds.formatted()) s, so \(consequence); `jointops project status` counts them as held back. "
        + "Run this again once that transaction ends.\n").utf8))
}

import Enforcement
import EventStore
import Foundation
import Postgres

/// An error as a person sees it: one line saying what is wrong and what to do, and the exit status.
///
/// Every layer's error is translated here, in one place, so the command line only prints and exits.
/// Steps naming a command are spelled by the caller's `render` (the command line's own spelling).
public struct UserFacingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public let status: ExitStatus

    public init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    /// A mistyped command: exit status 2.
    public static func usage(_ message: String) -> UserFacingError { UserFacingError(message, status: .usage) }

    public var description: String { message }

    /// Translates any error thrown by JointOps or its layers.
    public init(translating error: Error, rendering render: (UserStep) -> String) {
        let domain = { (step: NextStep) in render(.next(step)) }
        switch error {
        case let error as UserFacingError:
            self = error
        case let error as UserFacingConvertible:
            self = error.userFacing(rendering: render)
        case let error as PostgresError:
            self = Self.translating(error, rendering: render)
        case let error as LocalClusterError:
            self.init(error.description, status: .databaseUnavailable)
        case let error as MigrationError:
            self.init(error.description, status: .conflict)
        case let error as EventStoreError:
            if case .wrongExpectedVersion = error { self.init(error.description, status: .conflict) } else {
                self.init(error.description, status: .usage)
            }
        case let rejection as Rejection:
            // The domain's own sentence; invalid input 2, rule refused 3, conflict 4.
            self.init(rejection.message(rendering: domain, naming: { render(.action($0)) }),
                      status: rejection.category.exitStatus)
        case let error as LawError:
            if case .unknownBasis = error { self.init(error.message(rendering: domain), status: .usage) } else {
                self.init(error.message(rendering: domain), status: .ruleRefused)
            }
        case let error as CalendarError:
            self.init(error.message(rendering: domain), status: .ruleRefused)
        case let error as ApplicationError:
            self.init(error.message(rendering: render), status: error.exitStatus)
        case let error as ProjectionError:
            switch error {
            case .unknownProjection: self.init(error.description, status: .usage)
            case .alreadyRunning:
                self.init("another \(render(.runProjector)) is already following the log on this database; stop it first",
                          status: .conflict)
            case .alreadyRebuilding: self.init(error.description, status: .conflict)
            // The log holds an event this binary cannot read: for it, the database cannot serve the request.
            case .undecodableEvent: self.init(error.description, status: .databaseUnavailable)
            }
        case let error as ReportError:
            self.init(error.description, status: .usage)
        case let error as CocoaError:
            // Files the user named (a calendar, an output folder) that cannot be read or written: the path and the
            // system's reason, not Foundation's "The operation could not be completed".
            let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String ?? error.url?.path
            self.init("cannot use \(path ?? "the file named")\(Self.fileReason(error)); check the path and its permissions",
                      status: .usage)
        default:
            // Nothing classified it. Everything a command does after parsing goes through the database, so the
            // honest reading is that the store could not serve the request; the text says what happened.
            self.init("\(error)".split(whereSeparator: \.isNewline).joined(separator: " "), status: .databaseUnavailable)
        }
    }

    /// ": Permission denied" (the system's reason for a failed file operation), or "" when there is none.
    public static func fileReason(_ error: Error) -> String {
        var current = error as NSError
        while let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError { current = underlying }
        if current.domain == NSPOSIXErrorDomain, let text = strerror(Int32(current.code)) { return ": " + String(cString: text) }
        if let posix = error as? POSIXError, let text = strerror(posix.code.rawValue) { return ": " + String(cString: text) }
        switch (error as? CocoaError)?.code {
        case .fileWriteNoPermission?, .fileReadNoPermission?: return ": Permission denied"
        case .fileNoSuchFile?, .fileReadNoSuchFile?: return ": No such file or directory"
        case .fileWriteOutOfSpace?: return ": No space left on device"
        case .fileWriteVolumeReadOnly?: return ": Read-only file system"
        default: return ""
        }
    }

    private static func translating(_ error: PostgresError, rendering render: (UserStep) -> String) -> UserFacingError {
        if let fault = DatabaseFault(error) { return fault.userFacing(rendering: render) }
        if error.kind == .decoding {
            // The server answered, but this binary misread the answer (a NULL it did not expect, a type it does
            // not know): a programming error in JointOps, not an unavailable database. Exit 1 is not ours to use;
            // 4 "conflict" fits best: what the database holds clashes with what this binary expects of it.
            return UserFacingError("internal error: jointops could not read the database's answer (\(error.message)); "
                                   + "this is a bug in jointops, not in your data: report it with this line",
                                   status: .conflict)
        }
        if error.sqlState == .insufficientPrivilege { return permissionDenied(error, rendering: render) }
        if error.sqlState == .undefinedTable {
            return UserFacingError("the database has no JointOps tables yet: run \(render(.migrateDatabase)) first",
                                   status: .databaseUnavailable)
        }
        // Class 23 (a constraint) and 40 (serialisation failure, deadlock): the request clashed with another.
        if let code = error.sqlState?.code, code.hasPrefix("23") || code.hasPrefix("40") {
            return UserFacingError("database error: \(error)", status: .conflict)
        }
        // Anything else the server refused is not the user's typing: the database cannot serve the request.
        return UserFacingError("database error: \(error)", status: .databaseUnavailable)
    }
}

extension UserFacingError {
    /// SQLSTATE 42501: the login may not do what the command needs (an analyst writing or reading the log, an
    /// officer rebuilding or making logins). A rule, not an outage: one line saying who may, exit 3.
    static func permissionDenied(_ error: PostgresError, rendering render: (UserStep) -> String) -> UserFacingError {
        let reason = error.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "permission denied"
        return UserFacingError("your database login may not do this (\(reason)): officers' logins record acts and read "
                               + "the log and reports; analysts read reports (jointops report …, verify --against); "
                               + "only the cluster's administrator may catch up, rebuild or seal the projections "
                               + "(\(render(.runProjector))) or add logins",
                               status: .ruleRefused)
    }
}

/// An error of a layer above JointOps (the demo) that presents itself to the user.
public protocol UserFacingConvertible: Error {
    func userFacing(rendering render: (UserStep) -> String) -> UserFacingError
}

/// An error that wraps a database error in our own words, keeping libpq's text for JOINTOPS_DEBUG=1.
public protocol CarriesDebugDetail {
    var debugDetail: String? { get }
}

import Enforcement
import Foundation

/// Why the application refused a request before or around the decider (the decider's own refusals are
/// `Rejection`s). Each message is one sentence: what is wrong, then what to do; a step naming a command is
/// carried as a `UserStep` and spelled by whoever shows the message.
public enum ApplicationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The session's database login is bound to no officer (`jointops officer bind`).
    case unboundLogin(String)
    /// An administrator's login bound to no officer (root's, on the local cluster) recorded an officer's act
    /// without naming the officer: it records on an officer's behalf, it is never bound to one.
    case unboundAdministrator(String)
    /// A login that is no administrator named another officer with `--on-behalf-of`.
    case onBehalfNeedsAdministrator(login: String, officer: String)
    /// The command names the officer who acts, or the agency it is done for, and is recorded as someone else.
    case actingRefused(ActingRefusal)
    /// A login that is no administrator changed the registry or the calendar.
    case registryNeedsAdministrator(login: String)
    /// `--on-behalf-of` names no registered officer.
    case unknownOnBehalfOfficer(String)
    /// The id does not have the shape of this kind's ids.
    case malformedId(String, kind: StreamKind)
    /// No stream with this id exists.
    case notFound(String, kind: StreamKind)
    /// `--at` lies in the future.
    case businessTimeInFuture(BusinessTime, now: Date)
    /// Another writer changed the stream twice while this command was being decided.
    case conflictPersisted(stream: String)
    /// A stored event could not be read back (a newer jointops wrote it, or it is corrupt).
    case unreadableEvent(stream: String, version: Int64, type: String, reason: String)
    /// A calendar file could not be imported.
    case calendarFile(path: String, reason: String)
    /// A calendar file changes a day that a shipped official notice sets, without `--replace`.
    case officialCalendarDay(path: String, date: LocalDate, jurisdiction: Jurisdiction, official: CalendarDayKind,
                             imported: CalendarDayKind, source: String?)

    public var description: String { message }

    /// The sentence in plain words, the next step described rather than spelled as a command.
    public var message: String { message { "`\($0)`" } }

    /// One sentence for the user, each next step spelled by `render`.
    public func message(rendering render: (UserStep) -> String) -> String {
        switch self {
        case .unboundLogin(let login):
            return "database login \(login) is bound to no officer, so it may not record: ask the cluster's owner "
                + "to run `jointops officer bind OFFICER-ID --os-user $(whoami)` (on a server: --login \(login))"
        case .unboundAdministrator(let login):
            return "database login \(login) is an administrator's and is bound to no officer, so it records an act only on "
                + "the acting officer's behalf: add --on-behalf-of OFFICER-ID (or set JOINTOPS_ON_BEHALF_OF), the id "
                + "from \(render(.next(.listOfficers)))"
        case let .onBehalfNeedsAdministrator(login, officer):
            return "only an administrator may record on \(officer)'s behalf, and login \(login) is not one: "
                + "leave out --on-behalf-of to record as the officer your login is bound to"
        case .actingRefused(let refusal):
            return refusal.message
        case .registryNeedsAdministrator(let login):
            return "only an administrator keeps the registry and the calendar, and login \(login) is not one: ask the "
                + "cluster's owner (on a server, a login with CREATEROLE) to record it"
        case .unknownOnBehalfOfficer(let officer):
            return "no officer \(officer) is registered, so nobody can act on their behalf: check the id with "
                + render(.next(.listOfficers))
        case let .malformedId(text, kind):
            return "`\(text)` is not a \(kind.noun) id: \(kind.noun) ids look like \(kind.example); "
                + "list them with \(render(.list(kind)))"
        case let .notFound(id, kind):
            return "no \(kind.noun) \(id) exists: check the id with \(render(.list(kind)))"
        case let .businessTimeInFuture(at, now):
            return "--at \(at) is later than now (\(ShanghaiTime.iso(now))): record acts once they have happened"
        case let .conflictPersisted(stream):
            return "\(stream) kept changing while this command was decided: run the command again"
        case let .unreadableEvent(stream, version, type, reason):
            return "event \(version) (\(type)) of \(stream) cannot be read (\(reason)): upgrade jointops"
        case let .calendarFile(path, reason):
            return "cannot import \(path): \(reason)"
        case let .officialCalendarDay(path, date, jurisdiction, official, imported, source):
            let notice = source.map { "the shipped notice \($0)" } ?? "the shipped \(jurisdiction.rawValue) \(date.year) notice"
            return "cannot import \(path): it makes \(date) (\(jurisdiction.rawValue)) \(imported.rawValue), but \(notice) "
                + "sets it as \(official.rawValue); add --replace if the file corrects the official notice"
        }
    }

    /// Usage, conflict, or (for an event this binary cannot read) database unavailable (DESIGN.md §5).
    public var exitStatus: ExitStatus {
        switch self {
        case .conflictPersisted: .conflict
        // The log holds what this jointops cannot read: for this binary the database cannot serve the request.
        case .unreadableEvent: .databaseUnavailable
        case .malformedId, .notFound, .calendarFile: .usage
        case .officialCalendarDay, .businessTimeInFuture, .unboundLogin, .unboundAdministrator, .onBehalfNeedsAdministrator,
             .actingRefused, .registryNeedsAdministrator, .unknownOnBehalfOfficer: .ruleRefused
        }
    }
}

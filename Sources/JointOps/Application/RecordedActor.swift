import Enforcement
import EventStore
import Foundation

/// Who a command is recorded as (DESIGN.md §9): the officer, the database login that recorded it, and
/// whether an administrator recorded a paper form on the officer's behalf.
///
/// The event store keeps one actor text per event (its append statement is fixed), so both names go in it,
/// officer first: `ZF-01 login=alice`, `ZF-01 login=postgres on-behalf`, `ZF-01 login=carol on-behalf by=JT-ADMIN`,
/// and for an administrator's own upkeep of the registry `administrator login=postgres`.
public struct RecordedActor: Sendable, Equatable {
    /// The officer who acted; nil for an administrator's own registry upkeep.
    public let officer: String?
    /// The database login (`session_user`) that recorded the command.
    public let login: String
    /// True when an administrator recorded the act on the officer's behalf (`--on-behalf-of`).
    public let onBehalf: Bool
    /// The officer the administrator's login is bound to, if any.
    public let recordedBy: String?

    /// The text stored in the event's actor column.
    public var stored: String {
        var text = (officer ?? "administrator") + " login=" + login
        if onBehalf { text += " on-behalf" }
        if let recordedBy { text += " by=" + recordedBy }
        return text
    }
}

/// The database login this application's connection runs as, looked up once per connection.
struct SessionLogin: Sendable, Equatable {
    let name: String
    /// A superuser, a login with CREATEROLE, or the local cluster's owner (its writer login is peer-mapped
    /// to the owner alone): who may bind logins, keep the registry and record forms on others' behalf.
    let isAdministrator: Bool

    static let lookup = """
        SELECT session_user::text, r.rolsuper OR r.rolcreaterole OR session_user = $1::text
        FROM pg_catalog.pg_roles r WHERE r.rolname = session_user
        """
}

extension LoginBindings {
    /// `officer bind`'s events in the registry: what `jointops verify` replays to check each event's officer.
    public static let registry = LoginBindings(stream: StreamKind.registryStream, eventType: RegistryEvent.LoginBound.eventType,
                                               loginKey: "login", officerKey: "officerId")
}

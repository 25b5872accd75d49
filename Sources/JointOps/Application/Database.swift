import EventStore
import Foundation
import Postgres

/// The database JointOps works on, as the command line reaches it: its schema, its event log, its
/// projections. Each call opens its own connection working as the role its job needs (`SessionRole`:
/// commands as the writer, projections as the projector, migrations as the administrator); the local
/// cluster is started and migrated on the way. Connecting and every statement end by `deadline`.
public struct Database: Sendable {
    public let location: DatabaseLocation
    /// How long connecting, and each statement, may take on this database's connections; nil for no limit
    /// (following the log, rebuilds, migrations, the demo, imports).
    public let deadline: Duration?
    /// Whether a stopped local cluster is started on the way (false for checks, which report what they find).
    public let startsLocalServer: Bool

    /// `DATABASE_URL`, the `PG*` variables, or the local cluster (see `DatabaseLocation.fromEnvironment`);
    /// the deadline of the command being run (`StatementTimeout.current`: 30 s, `JOINTOPS_STATEMENT_TIMEOUT`),
    /// or `Database(deadline: nil)` for none.
    public init(location: DatabaseLocation = .fromEnvironment(), deadline: Duration? = StatementTimeout.current,
                startsLocalServer: Bool = true) {
        self.location = location
        self.deadline = deadline
        self.startsLocalServer = startsLocalServer
    }

    /// A session working as `role`, with this database's deadline.
    func connect(as role: SessionRole) throws -> Connection {
        try location.connect(as: role, deadline: deadline, startingLocalServer: startsLocalServer)
    }

    /// Where the database is, the password hidden.
    public var description: String { location.description }

    /// The write side on a new connection.
    public func application(clock: Clock = .system) throws -> Application {
        Application(connection: try connect(as: .writer), clock: clock)
    }

    // MARK: Schema

    /// Applies the shipped migrations not applied yet; returns their names, in order.
    ///
    /// - Throws: `MigrationError` when an applied migration was edited, `PostgresError`.
    public func migrate() throws -> [String] {
        try Migrator(connection: try connect(as: .administrator), migrations: SchemaFiles.migrations()).migrate()
    }

    /// Every shipped migration, applied or pending, after checking the applied ones were not edited.
    public func migrations() throws -> [MigrationStatus] {
        let migrator = Migrator(connection: try connect(as: .administrator), migrations: try SchemaFiles.migrations())
        _ = try migrator.verify()
        return try migrator.status()
    }

    // MARK: Event log

    /// One stream's events in version order, or the log's first `limit` events in commit-safe order.
    public func events(stream: String?, limit: Int) throws -> [RecordedEvent] {
        let store = EventStore(connection: try connect(as: .writer))
        let events = try stream.map { try store.read(stream: $0) } ?? store.readAll(after: .start, limit: limit)
        return Array(events.prefix(limit))
    }

    // MARK: Projections

    /// A projection runner on its own connection.
    public func projector(batchSize: Int = 1000) throws -> ProjectionRunner {
        ProjectionRunner(connection: try connect(as: .projector), batchSize: batchSize)
    }
}

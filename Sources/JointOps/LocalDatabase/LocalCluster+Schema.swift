import EventStore
import Postgres

extension LocalCluster {
    /// A session of `conninfo` (a login of this cluster or its standby) within the limits every command has:
    /// `ConnectTimeout.current` to connect, `deadline` per statement.
    static func session(_ conninfo: String, deadline: Duration? = StatementTimeout.current) throws -> Connection {
        try Connection(conninfo, deadline: deadline, connectTimeout: ConnectTimeout.current)
    }

    /// Creates the cluster the first time, starts it, and applies the shipped migrations.
    ///
    /// - Returns: false when it was already running.
    @discardableResult
    public func startAndMigrate() throws -> Bool {
        let started = try start()
        try prepareSchema(on: Self.session(conninfo()))
        return started
    }

    /// A session of the running cluster as `role`, through that role's own login.
    ///
    /// The login's session checks the schema is current; only when it is not (or the login does not
    /// exist yet: a cluster of an older version) does the superuser migrate and make the logins.
    func connect(as role: SessionRole, deadline: Duration?) throws -> Connection {
        if role == .administrator {
            let connection = try Self.session(conninfo(), deadline: deadline)
            try prepareSchema(on: connection)
            return connection
        }
        do {
            let connection = try Self.session(conninfo(user: role.localLogin), deadline: deadline)
            if try isCurrent(Migrator(connection: connection, migrations: SchemaFiles.migrations())) { return connection }
        } catch let error as PostgresError where Self.serverUnavailable(error) {
            throw error
        } catch {
            // No such login yet, or a schema it cannot read: the superuser prepares both below.
        }
        try prepareSchema(on: Self.session(conninfo(), deadline: deadline))
        return try Self.session(conninfo(user: role.localLogin), deadline: deadline)
    }

    /// A server that does not answer the login, is not up, or an attempt given up: the superuser would fare
    /// no better (only a login the server refused, e.g. one not made yet, is worth the superuser's attempt).
    private static func serverUnavailable(_ error: PostgresError) -> Bool {
        switch error.kind {
        case .timedOut, .interrupted: return true
        case .connectionFailed: if case .refused? = error.connectFailure { return false } else { return true }
        default: return false
        }
    }

    /// Migrates as the superuser and makes the application's logins when missing. Each login starts its
    /// sessions as its group role (`SET role` on the login, no extra statement per connection), so what
    /// the projector creates belongs to `jointops_projector` and any projector login may rebuild it.
    private func prepareSchema(on connection: Connection) throws {
        _ = try Migrator(connection: connection, migrations: SchemaFiles.migrations()).migrate()
        // Roles are cluster-wide: another database's session may be making them right now.
        try connection.run("""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '\(Self.writerLogin)') THEN
                    CREATE ROLE \(Self.writerLogin) LOGIN IN ROLE jointops_writer;
                    ALTER ROLE \(Self.writerLogin) SET role = 'jointops_writer';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '\(Self.projectorLogin)') THEN
                    CREATE ROLE \(Self.projectorLogin) LOGIN IN ROLE jointops_projector;
                    ALTER ROLE \(Self.projectorLogin) SET role = 'jointops_projector';
                END IF;
                -- `project status` names the transaction holding the horizon back: its age and state are
                -- shown only to a role with pg_read_all_stats (the projector's sessions run as the group role).
                IF NOT pg_catalog.pg_has_role('jointops_projector', 'pg_read_all_stats', 'MEMBER') THEN
                    GRANT pg_read_all_stats TO jointops_projector;
                END IF;
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN NULL;
            END
            $$
            """)
    }

    /// Every shipped migration applied (an edited or unknown one throws, as it does when migrating).
    private func isCurrent(_ migrator: Migrator) throws -> Bool {
        let applied = try migrator.verify()
        return migrator.migrations.allSatisfy { applied[$0.name] != nil }
    }
}

import EventStore
import Postgres

extension LocalCluster {
    /// Creates the cluster the first time, starts it, and applies the shipped migrations.
    ///
    /// - Returns: false when it was already running.
    @discardableResult
    public func startAndMigrate() throws -> Bool {
        let started = try start()
        let connection = try Connection(conninfo())
        _ = try Migrator(connection: connection, migrations: SchemaFiles.migrations()).migrate()
        return started
    }
}

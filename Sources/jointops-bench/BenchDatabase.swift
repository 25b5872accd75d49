import EventStore
import Foundation
import JointOps
import Postgres

/// A throw-away PostgreSQL cluster with one scratch database: migrated, plus the raw-ceiling table.
///
/// The cluster runs with PostgreSQL's durable defaults (fsync and synchronous_commit on): a benchmark
/// without them measures memory, not a store.
struct BenchDatabase {
    let cluster: LocalCluster
    let conninfo: String

    static let name = "jointops_bench"

    /// Starts a new cluster under `root` and creates, migrates and prepares the scratch database.
    static func create(root: URL) throws -> BenchDatabase {
        let cluster = LocalCluster(root: root)
        try cluster.start()
        let admin = try Connection(cluster.conninfo(database: "postgres"))
        try admin.run("DROP DATABASE IF EXISTS " + (try admin.quoteIdentifier(name)))
        try admin.run("CREATE DATABASE " + (try admin.quoteIdentifier(name)))
        let database = BenchDatabase(cluster: cluster, conninfo: cluster.conninfo(database: name))
        let connection = try Connection(database.conninfo)
        try Migrator(connection: connection, migrations: SchemaFiles.migrations()).migrate()
        try connection.run(createRawTable)
        return database
    }

    // The raw ceiling writes into a copy of eventstore.events: same columns, identity, CHECKs and
    // indexes (LIKE … INCLUDING ALL); the append-only triggers fire only on UPDATE/DELETE/TRUNCATE.
    static let createRawTable = """
        CREATE SCHEMA bench;
        CREATE TABLE bench.raw_events (LIKE eventstore.events INCLUDING ALL);
        """

    /// The server version and the settings that decide what the figures mean.
    func settings() throws -> [(String, String)] {
        let connection = try Connection(conninfo)
        var out: [(String, String)] = [("version", try connection.execute("SELECT version()")[0].get(0))]
        for name in ["fsync", "synchronous_commit", "full_page_writes", "wal_level", "shared_buffers",
                     "max_wal_size", "checkpoint_timeout", "commit_delay"] {
            out.append((name, try connection.execute("SELECT current_setting($1)", [name])[0].get(0)))
        }
        return out
    }

    func destroy() { try? cluster.destroy() }
}

import EventStore
import Foundation
import JointOps
import Postgres

/// A throw-away PostgreSQL cluster with a scratch database (migrated, plus the raw-ceiling table) and a
/// twin of it whose append computes no hashes.
///
/// The cluster runs with PostgreSQL's durable defaults (fsync and synchronous_commit on): a benchmark
/// without them measures memory, not a store.
struct BenchDatabase {
    let cluster: LocalCluster
    let conninfo: String
    /// The twin: the same schema and append statements, with the hash functions made constants.
    let unhashedConninfo: String

    static let name = "jointops_bench"
    static let unhashedName = "jointops_bench_unhashed"

    /// Starts a new cluster under `root` and creates, migrates and prepares the scratch database.
    static func create(root: URL) throws -> BenchDatabase {
        let cluster = LocalCluster(root: root)
        try cluster.start()
        let admin = try Connection(cluster.conninfo(database: "postgres"))
        for database in [name, unhashedName] {
            try admin.run("DROP DATABASE IF EXISTS " + (try admin.quoteIdentifier(database)))
            try admin.run("CREATE DATABASE " + (try admin.quoteIdentifier(database)))
            try Migrator(connection: try Connection(cluster.conninfo(database: database)),
                         migrations: SchemaFiles.migrations()).migrate()
        }
        let database = BenchDatabase(cluster: cluster, conninfo: cluster.conninfo(database: name),
                                     unhashedConninfo: cluster.conninfo(database: unhashedName))
        try Connection(database.conninfo).run(createRawTable)
        try Connection(database.unhashedConninfo).run(withoutHashes)
        return database
    }

    // "Without hashes" is the very append statement, so the difference is the hashing alone: the content
    // serialisation and sha256 (migration 0009) become constants the planner folds away. The column
    // stays (32 constant bytes), as does the stream row's update that carries it.
    static let withoutHashes = """
        CREATE OR REPLACE FUNCTION eventstore.event_content(
            p_stream_id text, p_stream_version bigint, p_event_type text, p_schema_version integer, p_data jsonb,
            p_event_id uuid, p_command_id uuid, p_actor text, p_agency text, p_correlation_id uuid,
            p_causation_id uuid, p_occurred_at timestamptz, p_recorded_at timestamptz
        ) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT ''::bytea $$;
        CREATE OR REPLACE FUNCTION eventstore.chain_hash(p_previous bytea, p_content bytea) RETURNS bytea
        LANGUAGE sql IMMUTABLE AS $$ SELECT '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea $$;
        """

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

import Foundation
import Postgres

/// One numbered SQL file of `Schema/`.
public struct Migration: Sendable, Equatable {
    /// The number at the start of the file name (`0001_create_event_store.sql` → 1).
    public let number: Int
    public let name: String
    public let sql: String

    public init(name: String, sql: String) throws {
        guard let number = Int(name.prefix { $0.isNumber }), name.hasSuffix(".sql") else {
            throw MigrationError.badFileName(name)
        }
        self.number = number
        self.name = name
        self.sql = sql
    }

    /// SHA-256 would need a package; FNV-1a 64 over the bytes is enough to notice an edited file.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(format: "%016llx", hash)
    }

    /// Reads every `NNNN_*.sql` file of a folder, in number order.
    public static func load(from directory: URL) throws -> [Migration] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        let migrations = try names.map { try Migration(name: $0, sql: String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
        var seen = Set<Int>()
        for migration in migrations where !seen.insert(migration.number).inserted {
            throw MigrationError.duplicateNumber(migration.number)
        }
        return migrations
    }
}

public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case badFileName(String)
    case duplicateNumber(Int)
    case edited(String)
    case unknownApplied(String)

    public var description: String {
        switch self {
        case .badFileName(let name):
            return "migration file \(name) must be named NNNN_verb_noun.sql"
        case .duplicateNumber(let number):
            return "two migration files share the number \(number); renumber one"
        case .edited(let name):
            return "migration \(name) was changed after it was applied; restore it and add a new numbered migration instead"
        case .unknownApplied(let name):
            return "the database has migration \(name), which this jointops does not know; upgrade jointops before using this database"
        }
    }
}

/// The state of one migration in a database.
public struct MigrationStatus: Sendable, Equatable {
    public let name: String
    public let appliedAt: Date?
    public var isApplied: Bool { appliedAt != nil }
}

/// Applies numbered migrations in order, each in its own transaction, recorded with a checksum.
///
/// Two migrators at once are safe: they serialise on an advisory lock, and the second finds nothing to do.
public struct Migrator {
    public let connection: Connection
    public let migrations: [Migration]

    /// An arbitrary constant naming JointOps' migration lock.
    static let lockKey: Int64 = 0x4A4F_4D49_4752

    public init(connection: Connection, migrations: [Migration]) {
        self.connection = connection
        self.migrations = migrations.sorted { $0.number < $1.number }
    }

    /// Applies the pending migrations; returns the names applied (empty when up to date).
    @discardableResult
    public func migrate() throws -> [String] {
        try connection.execute("SELECT pg_advisory_lock($1)", [Self.lockKey])
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock($1)", [Self.lockKey]) }
        try ensureTable()
        let applied = try verify()
        var done: [String] = []
        for migration in migrations where applied[migration.name] == nil {
            try apply(migration)
            done.append(migration.name)
        }
        return done
    }

    /// Roles are cluster-wide: when another database's migration creates a role at the same moment,
    /// this transaction may clash with it (23505, XX000 "tuple concurrently updated") or not see it yet
    /// (42704). A new transaction sees it, so such a failure is retried.
    static let roleRaceStates: Set<SQLState> = ["23505", "XX000", "42704"]

    private func apply(_ migration: Migration) throws {
        for attempt in 1...3 {
            do {
                try connection.transaction {
                    try connection.run(migration.sql)
                    try connection.execute(
                        "INSERT INTO public.schema_migrations (name, checksum) VALUES ($1, $2)",
                        [migration.name, migration.checksum])
                }
                return
            } catch let error as PostgresError where attempt < 3 && error.sqlState.map(Self.roleRaceStates.contains) == true {
                continue
            }
        }
    }

    /// Every known migration with when it was applied.
    public func status() throws -> [MigrationStatus] {
        try ensureTable()
        let applied = try appliedMigrations()
        return migrations.map { MigrationStatus(name: $0.name, appliedAt: applied[$0.name]?.appliedAt) }
    }

    /// Refuses an edited applied migration or one this binary does not know.
    @discardableResult
    public func verify() throws -> [String: (checksum: String, appliedAt: Date)] {
        let applied = try appliedMigrations()
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.name, $0) })
        for (name, record) in applied.sorted(by: { $0.key < $1.key }) {
            guard let migration = known[name] else { throw MigrationError.unknownApplied(name) }
            if migration.checksum != record.checksum { throw MigrationError.edited(name) }
        }
        return applied
    }

    private func ensureTable() throws {
        try connection.run("""
            CREATE TABLE IF NOT EXISTS public.schema_migrations (
                name       text        NOT NULL CONSTRAINT schema_migrations_pkey PRIMARY KEY,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
    }

    private func appliedMigrations() throws -> [String: (checksum: String, appliedAt: Date)] {
        let result = try connection.execute("SELECT name, checksum, applied_at FROM public.schema_migrations")
        var applied: [String: (checksum: String, appliedAt: Date)] = [:]
        for row in result.rows { applied[try row.get(0)] = (try row.get(1), try row.get(2)) }
        return applied
    }
}

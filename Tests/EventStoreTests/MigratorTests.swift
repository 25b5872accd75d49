import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

@Suite struct MigratorTests {
    @Test func migratingTwiceIsANoOpTheSecondTime() throws {
        try TestDatabase.with(migrated: false) { database in
            let migrator = Migrator(connection: try database.connect(), migrations: try SchemaFiles.migrations())
            #expect(try migrator.migrate().first == "0001_create_event_store.sql")
            #expect(try migrator.migrate() == [])
            #expect(try migrator.status().allSatisfy(\.isApplied))
        }
    }

    @Test func twoMigratorsAtOnceApplyEachMigrationOnce() throws {
        try TestDatabase.with(migrated: false) { database in
            let applied = Locked<[String]>([])
            let errors = Locked<[String]>([])
            runThreads(4) { _ in
                do {
                    let names = try Migrator(connection: try database.connect(), migrations: try SchemaFiles.migrations()).migrate()
                    applied.withLock { $0 += names }
                } catch { errors.withLock { $0.append("\(error)") } }
            }
            let all = try SchemaFiles.migrations().map(\.name)
            #expect(errors.current == [])
            #expect(applied.current.sorted() == all)
        }
    }

    @Test func anEditedAppliedMigrationIsRefusedByName() throws {
        try TestDatabase.with { database in
            var edited = try SchemaFiles.migrations()
            edited[0] = try Migration(name: edited[0].name, sql: edited[0].sql + "\n-- edited\n")
            #expect(throws: MigrationError.edited("0001_create_event_store.sql")) {
                try Migrator(connection: try database.connect(), migrations: edited).migrate()
            }
        }
    }

    @Test func aDatabaseWithANewerMigrationThanThisBinaryIsRefused() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let future = try Migration(name: "9999_from_the_future.sql", sql: "SELECT 1")
            try Migrator(connection: connection, migrations: try SchemaFiles.migrations() + [future]).migrate()
            #expect(throws: MigrationError.unknownApplied("9999_from_the_future.sql")) {
                try Migrator(connection: connection, migrations: try SchemaFiles.migrations()).migrate()
            }
        }
    }

    /// The binary carries `Schema/migrations/` compiled in: every file, byte for byte (so its checksum
    /// matches databases migrated from the files), and nothing else. A file added to the folder but not
    /// to `EmbeddedMigrations` fails here.
    @Test func theEmbeddedMigrationsAreExactlyTheFilesOfSchemaMigrations() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schema/migrations")
        let files = try Migration.load(from: folder)
        let embedded = try SchemaFiles.embedded()
        #expect(embedded.map(\.name) == files.map(\.name))
        #expect(embedded == files)
        #expect(embedded.map(\.checksum) == files.map(\.checksum))
    }

    /// `JOINTOPS_SCHEMA_DIR` still points the migrator at a folder (to try an unreleased migration). It
    /// is set to the real folder, so a test running beside this one reads the same migrations.
    @Test func theSchemaDirectoryVariableStillOverridesTheEmbeddedMigrations() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schema/migrations")
        setenv("JOINTOPS_SCHEMA_DIR", folder.path, 1)
        defer { unsetenv("JOINTOPS_SCHEMA_DIR") }
        #expect(SchemaFiles.directory?.path == folder.path)
        #expect(try SchemaFiles.migrations() == SchemaFiles.embedded())
    }
}

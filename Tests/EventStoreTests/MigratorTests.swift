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
}

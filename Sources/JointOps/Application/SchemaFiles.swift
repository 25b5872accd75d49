import EventStore
import Foundation
import Schema

/// The migrations JointOps applies: `Schema/migrations/`, compiled into the binary.
public enum SchemaFiles {
    /// `JOINTOPS_SCHEMA_DIR` when set (to try an unreleased migration); nil means the embedded copy.
    public static var directory: URL? {
        guard let override = ProcessInfo.processInfo.environment["JOINTOPS_SCHEMA_DIR"], !override.isEmpty else { return nil }
        return URL(fileURLWithPath: override)
    }

    /// The folder of `JOINTOPS_SCHEMA_DIR` when set, else the migrations embedded in the binary.
    public static func migrations() throws -> [Migration] {
        if let directory { return try Migration.load(from: directory) }
        return try embedded()
    }

    /// The migrations compiled into the binary, whatever `JOINTOPS_SCHEMA_DIR` says.
    public static func embedded() throws -> [Migration] {
        try EmbeddedMigrations.files.map { try Migration(name: $0.name, sql: $0.sql) }
    }
}

import EventStore
import Foundation
import Schema

/// The migrations JointOps applies, from `Schema/`.
public enum SchemaFiles {
    /// `JOINTOPS_SCHEMA_DIR` when set (to try an unreleased migration), else the bundled copy.
    public static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["JOINTOPS_SCHEMA_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return SchemaBundle.directory
    }

    public static func migrations() throws -> [Migration] { try Migration.load(from: directory) }
}

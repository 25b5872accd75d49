import EventStore
import Foundation
import JointOps
import Postgres

/// A fresh, migrated database for one test, on a test cluster; dropped afterwards.
///
/// Tests never skip for a missing database: if no server can be had, they fail with the reason.
public struct TestDatabase: Sendable {
    public let name: String
    public let conninfo: String
    /// The cluster's connection string without a database name.
    public let server: String

    /// The shared cluster's connection string without a database name.
    /// A database made by the caller on a server of its own (a `ThrowawayCluster`); `drop()` drops it.
    public init(name: String, conninfo: String, server: String) {
        self.name = name
        self.conninfo = conninfo
        self.server = server
    }

    public static var server: String {
        get throws { try TestCluster.shared.server() }
    }

    /// Creates (and migrates) a new database on `cluster`.
    public static func create(on cluster: TestCluster = .shared, migrated: Bool = true) throws -> TestDatabase {
        let server = try cluster.server()
        let name = "jt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let admin = try Connection("\(server) dbname=postgres")
        try admin.run("CREATE DATABASE \(try admin.quoteIdentifier(name))")
        let database = TestDatabase(name: name, conninfo: "\(server) dbname=\(name)", server: server)
        if migrated {
            try Migrator(connection: try database.connect(), migrations: SchemaFiles.migrations()).migrate()
        }
        return database
    }

    public func connect() throws -> Connection { try Connection(conninfo) }

    public func drop() {
        guard let admin = try? Connection("\(server) dbname=postgres"),
              let quoted = try? admin.quoteIdentifier(name) else { return }
        _ = try? admin.run("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")
    }

    /// Runs `body` with a fresh database on `cluster` and drops it afterwards, whatever happens.
    public static func with<T>(on cluster: TestCluster = .shared, migrated: Bool = true,
                               _ body: (TestDatabase) throws -> T) throws -> T {
        let database = try create(on: cluster, migrated: migrated)
        defer { database.drop() }
        return try body(database)
    }
}

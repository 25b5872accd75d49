import EventStore
import Foundation
import JointOps
import Postgres

/// A fresh, migrated database for one test, on the test server; dropped afterwards.
///
/// The server is `JOINTOPS_TEST_SERVER` (a conninfo without dbname, exported by `make test`), else
/// a throw-away local cluster under /tmp that this helper starts itself. Tests never skip for a
/// missing database: if neither works, they fail with the reason.
public struct TestDatabase: Sendable {
    public let name: String
    public let conninfo: String

    /// The server's connection string without a database name.
    public static let server: String = {
        let environment = ProcessInfo.processInfo.environment
        if let server = environment["JOINTOPS_TEST_SERVER"], !server.isEmpty { return server }
        var cluster = LocalCluster(root: URL(fileURLWithPath: "/tmp/jointops-test-\(getuid())"))
        cluster.settings = ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"]
        do { try cluster.start() } catch {
            fatalError("no test database: set JOINTOPS_TEST_SERVER or run `make test` (\(error))")
        }
        return "host=\(cluster.socketDirectory.path) user=\(LocalCluster.superuser)"
    }()

    /// Creates and migrates a new database.
    public static func create(migrated: Bool = true) throws -> TestDatabase {
        let name = "jt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let admin = try Connection("\(server) dbname=postgres")
        try admin.run("CREATE DATABASE \(try admin.quoteIdentifier(name))")
        let database = TestDatabase(name: name, conninfo: "\(server) dbname=\(name)")
        if migrated {
            try Migrator(connection: try database.connect(), migrations: SchemaFiles.migrations()).migrate()
        }
        return database
    }

    public func connect() throws -> Connection { try Connection(conninfo) }

    public func drop() {
        guard let admin = try? Connection("\(TestDatabase.server) dbname=postgres"),
              let quoted = try? admin.quoteIdentifier(name) else { return }
        _ = try? admin.run("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")
    }

    /// Runs `body` with a fresh database and drops it afterwards, whatever happens.
    public static func with<T>(migrated: Bool = true, _ body: (TestDatabase) throws -> T) throws -> T {
        let database = try create(migrated: migrated)
        defer { database.drop() }
        return try body(database)
    }
}

/// A value shared between test threads behind a lock.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    public var current: Value { withLock { $0 } }
}

/// Runs `count` OS threads at once (each can hold its own blocking connection) and waits for all.
public func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}

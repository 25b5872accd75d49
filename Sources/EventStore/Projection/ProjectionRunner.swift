import Foundation
import Postgres

/// Keeps the projections up to date: installs their tables, catches up in batches, follows the log
/// live, and rebuilds one beside the old version.
///
/// Every batch of every projection is one transaction: take the projection's advisory lock, read its
/// active version and checkpoint, read the next events, write the rows, save the checkpoint. So a
/// crash loses or repeats nothing, and two runners (a `project run` and a `report` catching up) never
/// interleave their writes.
///
/// The active version of each projection is kept in `projections.versions`.
public final class ProjectionRunner {
    public let connection: Connection
    public let projections: [any Projection]
    /// The readers' views over the projections' tables, recreated when a version switches.
    public let views: any ProjectionViews
    public var batchSize: Int
    let store: EventStore
    let checkpoints: Checkpoints

    public init(connection: Connection, projections: [any Projection], views: any ProjectionViews, batchSize: Int = 1000) {
        self.connection = connection
        self.projections = projections
        self.views = views
        self.batchSize = batchSize
        self.store = EventStore(connection: connection)
        self.checkpoints = Checkpoints(connection: connection)
    }

    /// `projection:NAME:vN`.
    public static func checkpointName(_ name: String, version: Int) -> String { "projection:\(name):v\(version)" }

    public func projection(named name: String) throws -> any Projection {
        guard let projection = projections.first(where: { $0.name == name }) else {
            throw ProjectionError.unknownProjection(name, known: projections.map(\.name))
        }
        return projection
    }

    // MARK: - Install

    /// Creates the tables of projections not installed yet and the views (after the views' own
    /// preparation); rebuilds a projection whose stored shape is older than the code's.
    public func install() throws {
        var outdated: [String] = []
        try connection.transaction {
            try lock("install")
            try views.prepareInstall(on: connection)
            var versions = try activeVersions()
            var changed = false
            for projection in projections {
                if let installed = versions[projection.name] {
                    if installed.shape != projection.shapeVersion { outdated.append(projection.name) }
                    continue
                }
                let target = ProjectionTarget(versions: [projection.name: 1])
                try createTables(projection, target)
                try checkpoints.delete(Self.checkpointName(projection.name, version: 1))
                try connection.execute(
                    "INSERT INTO projections.versions (name, active_version, shape_version) VALUES ($1, 1, $2)",
                    [projection.name, projection.shapeVersion])
                versions[projection.name] = (1, projection.shapeVersion)
                changed = true
            }
            let viewsMissing = try views.missing(on: connection)
            // With outdated projections the views are made by their rebuild's switch: the old tables
            // may lack what the new views read.
            if (changed || viewsMissing) && outdated.isEmpty {
                try views.create(on: connection, target: ProjectionTarget(versions: versions.mapValues(\.version)),
                                 viewSchema: views.schema)
            }
        }
        if !outdated.isEmpty { try rebuild(outdated) }
    }

    func createTables(_ projection: any Projection, _ target: ProjectionTarget) throws {
        for table in projection.tables {
            try connection.run("DROP TABLE IF EXISTS \(target.table(table, of: projection.name)) CASCADE")
        }
        for statement in projection.createTables(target) { try connection.run(statement) }
    }

    func activeVersions() throws -> [String: (version: Int, shape: Int)] {
        var versions: [String: (version: Int, shape: Int)] = [:]
        for row in try connection.execute("SELECT name, active_version, shape_version FROM projections.versions").rows {
            versions[try row.get(0)] = (try row.get(1), try row.get(2))
        }
        return versions
    }

    /// A transaction-scoped advisory lock per projection name.
    func lock(_ name: String) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtext('jointops.projection.' || $1))", [name])
    }

    /// One version of one projection being filled: its tables and its checkpoint.
    struct Lane {
        let projection: any Projection
        let version: Int
        var target: ProjectionTarget { ProjectionTarget(versions: [projection.name: version]) }
        var checkpoint: String { ProjectionRunner.checkpointName(projection.name, version: version) }
    }

    // MARK: - Status

    /// Each projection's active version, checkpoint and lag.
    public func status() throws -> [ProjectionStatus] {
        let versions = try activeVersions()
        return try projections.map { projection in
            let version = versions[projection.name]?.version
            let position = try version.map { try checkpoints.load(Self.checkpointName(projection.name, version: $0)) } ?? .start
            return ProjectionStatus(name: projection.name, version: version, shapeVersion: projection.shapeVersion,
                                    position: position, lag: try store.lag(after: position))
        }
    }

    func positions() throws -> [String: GlobalPosition] {
        var result: [String: GlobalPosition] = [:]
        for (name, entry) in try activeVersions() {
            result[name] = try checkpoints.load(Self.checkpointName(name, version: entry.version))
        }
        return result
    }
}

import Foundation
import Postgres

/// A read model built from the event log: a name, a shape version, the event types it handles and
/// its own tables in schema `projections`, versioned by name (`projections.cases_v2`).
///
/// Projections only say how to create their tables and how to apply a batch of events; the
/// `ProjectionRunner` decides when, writes the checkpoint in the same transaction, and switches the
/// readers' views on a rebuild.
public protocol Projection: Sendable {
    /// Stable name, used in `jointops project rebuild NAME` and in checkpoint names.
    var name: String { get }
    /// The shape of the tables and of the fold. Bump it when either changes: the projector then
    /// rebuilds the projection beside the old one instead of mixing shapes.
    var shapeVersion: Int { get }
    /// The stored event names it reads; other events only move its checkpoint.
    var eventTypes: Set<String> { get }
    /// Base names of every table it owns (`cases` → `projections.cases_v1`): what a rebuild creates
    /// and a switch drops.
    var tables: [String] { get }
    /// The statements creating one version of its tables (and their indexes).
    func createTables(_ target: ProjectionTarget) -> [String]
    /// Writes the effect of `batch` with a few statements (not one per event), on `connection`,
    /// inside the runner's transaction.
    func apply(_ batch: ProjectionBatch, to target: ProjectionTarget, on connection: Connection) throws
    /// The statements `apply` would run, computed ahead on another connection that only reads the
    /// event log; nil when the projection reads its own tables to decide (it is then applied in turn).
    func prepare(_ batch: ProjectionBatch, to target: ProjectionTarget, reading connection: Connection) throws
        -> [ProjectionStatement]?
}

/// One statement a projection writes with.
public typealias ProjectionStatement = (sql: String, parameters: [(any PostgresBindable)?])

extension Projection {
    public func prepare(_ batch: ProjectionBatch, to target: ProjectionTarget, reading connection: Connection) throws
        -> [ProjectionStatement]? { nil }
}

/// What an application builds over its projections' tables for readers: views recreated over the
/// active versions when they change, and whatever an install needs first.
public protocol ProjectionViews: Sendable {
    /// The schema readers query (`reporting`).
    var schema: String { get }
    /// The views' names in `schema`: a switch locks them all before it changes anything.
    var names: [String] { get }
    /// Drops and recreates every view over `target` in `viewSchema`: called inside a transaction,
    /// so readers switch from the old tables to the new ones at its commit.
    func create(on connection: Connection, target: ProjectionTarget, viewSchema: String) throws
    /// Runs at every install, before any projection's tables are created (shared lookup tables).
    func prepareInstall(on connection: Connection) throws
}

extension ProjectionViews {
    /// Whether any of `names` is missing from `schema`.
    public func missing(on connection: Connection) throws -> Bool {
        let count: Int = try connection.execute(
            "SELECT count(*)::int FROM pg_views WHERE schemaname = $1 AND viewname = ANY($2::text[])",
            [schema, names])[0].get(0)
        return count < names.count
    }
}

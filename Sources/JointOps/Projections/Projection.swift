import EventStore
import Foundation
import Postgres

/// A read model built from the event log: a name, a shape version, the event types it handles and
/// its own tables in schema `projections`, versioned by name (`projections.cases_v2`).
///
/// Projections only say how to create their tables and how to apply a batch of events; the
/// `ProjectionRunner` decides when, writes the checkpoint in the same transaction, and switches the
/// `reporting` views on a rebuild.
public protocol Projection: Sendable {
    /// Stable name, used in `jointops project rebuild NAME` and in checkpoint names.
    var name: String { get }
    /// The shape of the tables and of the fold. Bump it when either changes: the projector then
    /// rebuilds the projection beside the old one instead of mixing shapes.
    var shapeVersion: Int { get }
    /// The stored event names it reads; other events only move its checkpoint.
    var eventTypes: Set<String> { get }
    /// Base names of its tables (`cases` → `projections.cases_v1`).
    var tables: [String] { get }
    /// `CREATE TABLE` statements for one version of its tables.
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

    /// Its tables and its rollups: what a rebuild creates and a switch drops.
    var allTables: [String] { tables + Rollups.of(name).map(\.name) }
}

/// Where one version of the projections' tables lives: `projections` for the real ones, `pg_temp`
/// for a throw-away `--as-of` build.
public struct ProjectionTarget: Sendable, Equatable {
    public var schema: String
    /// The version of each projection, by name (a projection missing here is at version 1).
    public var versions: [String: Int]
    /// Only events recorded up to this instant are folded (for `--as-of`); nil = all.
    public var recordedUpTo: Date?

    public init(schema: String = "projections", versions: [String: Int] = [:], recordedUpTo: Date? = nil) {
        self.schema = schema
        self.versions = versions
        self.recordedUpTo = recordedUpTo
    }

    /// The qualified name of one table of `projection`: `projections.cases_v2`.
    ///
    /// Names come from code constants, never from input, so they may be spliced into SQL.
    public func table(_ base: String, of projection: String) -> String {
        "\(schema).\(base)_v\(versions[projection] ?? 1)"
    }

    /// A constraint or index name for a table (unique per schema, so it carries the version).
    public func constraint(_ base: String, of projection: String, _ suffix: String) -> String {
        "\(base)_v\(versions[projection] ?? 1)_\(suffix)"
    }
}

/// One batch of events for one projection, in commit-safe order.
public struct ProjectionBatch: Sendable {
    /// Only the events of the projection's types.
    public var events: [ProjectedEvent]
    /// The last position the batch covers (of any type): folds read history up to here.
    public var end: GlobalPosition
    public var recordedUpTo: Date?
}

/// An event as a projection reads it.
public struct ProjectedEvent: Sendable {
    public var streamId: String
    public var streamVersion: Int64
    public var type: String
    public var schemaVersion: Int
    public var data: Data
    public var occurredAt: Date
    public var recordedAt: Date
    public var agency: String?

    public init(_ event: RecordedEvent) {
        self.init(streamId: event.streamId, streamVersion: event.streamVersion, type: event.type,
                  schemaVersion: event.schemaVersion, data: event.data, occurredAt: event.occurredAt,
                  recordedAt: event.recordedAt, agency: event.agency)
    }

    public init(streamId: String, streamVersion: Int64, type: String, schemaVersion: Int, data: Data,
                occurredAt: Date, recordedAt: Date, agency: String?) {
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.agency = agency
    }
}

/// Why a projection could not go on.
public enum ProjectionError: Error, CustomStringConvertible, Equatable {
    case unknownProjection(String, known: [String])
    case undecodableEvent(stream: String, version: Int64, type: String, reason: String)
    case alreadyRebuilding(String)
    case alreadyRunning

    public var description: String {
        switch self {
        case let .unknownProjection(name, known):
            return "there is no projection named \(name); choose one of: \(known.joined(separator: ", "))"
        case let .undecodableEvent(stream, version, type, reason):
            return "event \(type) at \(stream)@\(version) cannot be read (\(reason)); upgrade jointops or add an upcaster"
        case let .alreadyRebuilding(name):
            return "projection \(name) is already being rebuilt by another process; wait for it to finish"
        case .alreadyRunning:
            return "another `jointops project run` is already following the log on this database; stop it first"
        }
    }
}

import Foundation

/// Where one version of the projections' tables lives: `projections` for the real ones, `pg_temp`
/// for a throw-away `--as-of` build.
public struct ProjectionTarget: Sendable, Equatable {
    public var schema: String
    /// The version of each projection, by name (a projection missing here is at version 1).
    public var versions: [String: Int]
    /// Only events recorded up to this instant are folded (for `--as-of`); nil = all.
    public var recordedUpTo: Date?
    /// Streams a temporary build left out from a poison event on, over all projections (0011).
    public var setAside = 0

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
    /// Streams a temporary build left out from a poison event on, over all projections (0011).
    public var setAside = 0

    public init(events: [ProjectedEvent], end: GlobalPosition, recordedUpTo: Date?) {
        self.events = events
        self.end = end
        self.recordedUpTo = recordedUpTo
    }
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

/// Where one projection stands.
public struct ProjectionStatus: Sendable {
    public var name: String
    /// The active version; nil when not installed yet.
    public var version: Int?
    public var shapeVersion: Int
    public var position: GlobalPosition
    public var lag: Lag
}

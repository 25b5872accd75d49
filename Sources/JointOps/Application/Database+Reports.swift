import EventStore
import Foundation
import Postgres

/// What a report asks for: the view (or `annual`), its filters and, optionally, the instant to fold up to.
public struct ReportRequest: Sendable {
    public var name: String
    public var filter: ReportFilter
    /// Only events recorded up to this instant, folded into temporary tables for this run.
    public var asOf: Date?
    /// How long to wait for committed events held back behind a transaction still running.
    public var wait: Duration

    public init(name: String, filter: ReportFilter, asOf: Date? = nil, wait: Duration = .seconds(5)) {
        self.name = name
        self.filter = filter
        self.asOf = asOf
        self.wait = wait
    }
}

/// A report produced, and whether committed events were still held back when it was read.
public struct ReportResult<Content> {
    public let content: Content
    /// True when some committed events waited behind a long transaction and the report leaves them out.
    public let leftOutHeldBack: Bool
    /// Set when the session may not catch the projections up (an analyst's login): how far behind the
    /// log the views were as they were read.
    public var readAsItStands: ProjectionsBehind? = nil
    /// Streams whose events the figures leave out: quarantined by a projection after a poison event
    /// (or set aside by an `--as-of` build), counted once per projection and stream.
    public var quarantinedStreams = 0
    /// What held the readable horizon back as the report was read (nil for an analyst's login).
    public var horizon: HeldBackHorizon? = nil
}

/// How far behind the log the `reporting` views are (`reporting.projection_lag()`).
public struct ProjectionsBehind: Sendable, Equatable {
    /// Events recorded but not yet in the views, over all projections (the largest).
    public let events: Int64
    /// When the oldest of them was recorded; nil when the views are up to date.
    public let oldestRecordedAt: Date?
}

extension Database {
    /// A `reporting` view as a table, the projections caught up first (or folded as of `request.asOf`).
    public func report(_ request: ReportRequest) throws -> ReportResult<Table> {
        try reading(request) { connection, schema in
            try ReportQuery.table(request.name, filter: request.filter, on: connection, viewSchema: schema)
        }
    }

    /// One page of a `reporting` view (`--limit`, `--after`) and the key of the next, read as ``report(_:)`` reads.
    public func reportPage(_ request: ReportRequest) throws -> ReportResult<ReportPage> {
        try reading(request) { connection, schema in
            try ReportQuery.page(request.name, filter: request.filter, on: connection, viewSchema: schema)
        }
    }

    /// The annual report of `year`, the projections caught up first (or folded as of `request.asOf`).
    public func annualReport(year: Int, _ request: ReportRequest) throws -> ReportResult<AnnualReport> {
        try reading(request) { connection, schema in try AnnualReport.load(year: year, on: connection, viewSchema: schema) }
    }

    private func reading<Content>(_ request: ReportRequest,
                                  _ body: (Postgres.Connection, String) throws -> Content) throws -> ReportResult<Content> {
        let connection = try connect(as: .projector)
        guard try Self.mayCatchUp(connection) else {
            // An analyst reads the views as they stand and is told how far behind they are.
            guard request.asOf == nil else {
                throw UserFacingError.usage("--as-of folds the log into temporary tables, which an analyst's login may not make: "
                                            + "leave out --as-of to read the views as they stand")
            }
            let behind = try Self.projectionsBehind(connection)
            return ReportResult(content: try body(connection, "reporting"), leftOutHeldBack: false, readAsItStands: behind)
        }
        let runner = ProjectionRunner(connection: connection)
        // Every event committed before the report was asked for belongs in it, the user's own among them.
        let complete = try runner.waitForCommitted(atMost: request.wait)
        let horizon = try EventStore(connection: connection).heldBackHorizon()
        var schema = "reporting"
        var quarantined = 0
        if let asOf = request.asOf {
            quarantined = try runner.buildTemporary(asOf: asOf).setAside
            schema = "pg_temp"
        } else {
            // With no projector running the figures would be stale: catch up first (safe beside one, too).
            try runner.install()
            try runner.catchUp()
            try runner.sealCaughtUp()
            quarantined = try runner.quarantined().count
        }
        return ReportResult(content: try body(connection, schema), leftOutHeldBack: !complete,
                            quarantinedStreams: quarantined, horizon: horizon)
    }

    /// Whether this session works as the projector, i.e. may catch the projections up.
    static func mayCatchUp(_ connection: Postgres.Connection) throws -> Bool {
        try connection.execute("SELECT pg_catalog.pg_has_role('jointops_projector', 'USAGE')")[0].get(0)
    }

    static func projectionsBehind(_ connection: Postgres.Connection) throws -> ProjectionsBehind {
        let row = try connection.execute(
            "SELECT COALESCE(max(events_behind), 0)::bigint, min(oldest_behind_at) FROM reporting.projection_lag()")[0]
        // min() over no lagging events is NULL: the views are up to date.
        return ProjectionsBehind(events: try row.get(0), oldestRecordedAt: try row.decode(1, as: Date.self))
    }
}

extension ProjectionRunner {
    /// Seals the log up to what the projections may have read (every catch-up ends so), so a seal normally
    /// covers the figures a report prints, whoever prints it; nil when nothing new was below the horizon.
    @discardableResult
    public func sealCaughtUp() throws -> LogSeal? { try LogSeal.sealLog(on: connection) }
}

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
}

extension Database {
    /// A `reporting` view as a table, the projections caught up first (or folded as of `request.asOf`).
    public func report(_ request: ReportRequest) throws -> ReportResult<Table> {
        try reading(request) { connection, schema in
            try ReportQuery.table(request.name, filter: request.filter, on: connection, viewSchema: schema)
        }
    }

    /// The annual report of `year`, the projections caught up first (or folded as of `request.asOf`).
    public func annualReport(year: Int, _ request: ReportRequest) throws -> ReportResult<AnnualReport> {
        try reading(request) { connection, schema in try AnnualReport.load(year: year, on: connection, viewSchema: schema) }
    }

    private func reading<Content>(_ request: ReportRequest,
                                  _ body: (Postgres.Connection, String) throws -> Content) throws -> ReportResult<Content> {
        let connection = try location.connect()
        let runner = ProjectionRunner(connection: connection)
        // Every event committed before the report was asked for belongs in it, the user's own among them.
        let complete = try runner.waitForCommitted(atMost: request.wait)
        var schema = "reporting"
        if let asOf = request.asOf {
            _ = try runner.buildTemporary(asOf: asOf)
            schema = "pg_temp"
        } else {
            // With no projector running the figures would be stale: catch up first (safe beside one, too).
            try runner.install()
            try runner.catchUp()
        }
        return ReportResult(content: try body(connection, schema), leftOutHeldBack: !complete)
    }
}

import EventStore
import Foundation
import Postgres

/// A projection declared by its tables (`ProjectionTable`: the columns once, from the row types);
/// its rollups (`Rollups`) and the registers' filter indexes are added to what it creates.
public protocol TableProjection: Projection {
    /// The tables its rows are written to.
    var rowTables: [ProjectionTable] { get }
}

extension TableProjection {
    public var tables: [String] { rowTables.map(\.name) + Rollups.tables(of: name) }

    public func createTables(_ target: ProjectionTarget) -> [String] {
        rowTables.map { $0.create(target, of: name) }
            + Rollups.creates(of: name, target)
            + (ReportingViews.filterIndexes[name] ?? []).map { table, index, key in
                "CREATE INDEX \(target.constraint(table, of: name, "\(index)_idx")) ON \(target.table(table, of: name)) \(key)"
            }
    }
}

/// A projection whose rows are a function of one stream's history (a case, an operation, …).
///
/// For each batch it folds the whole history of every stream the batch touched
/// (`ProjectionBatch.streamHistories`) and replaces those streams' rows in every table (two
/// statements per table), adjusting its rollups around the replace. Replaying is idempotent, so the
/// rows never depend on where batches happened to start.
public protocol StreamProjection: TableProjection {
    /// The rows of every table for one stream, by table base name.
    func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]]
}

extension StreamProjection {
    public func apply(_ batch: ProjectionBatch, to target: ProjectionTarget, on connection: Connection) throws {
        try connection.pipeline(try prepare(batch, to: target, reading: connection) ?? [])
    }

    /// Its rows are a function of the event log alone, so they can be folded and encoded ahead.
    public func prepare(_ batch: ProjectionBatch, to target: ProjectionTarget, reading connection: Connection) throws
        -> [ProjectionStatement]? {
        try statements(replacing: try batch.streamHistories(of: eventTypes, reading: connection), in: target)
    }

    /// The statements that replace the rows of the `touched` streams with rows folded from their histories.
    func statements(replacing touched: StreamHistories, in target: ProjectionTarget) throws -> [ProjectionStatement] {
        guard !touched.streams.isEmpty else { return [] }
        var byTable: [String: [any Encodable]] = [:]
        for stream in touched.streams {
            for (table, rows) in try rows(stream: stream, history: touched.histories[stream] ?? []) {
                byTable[table, default: []] += rows
            }
        }
        // Only streams seen before have rows to delete and contributions to take back.
        let projected = touched.seenBefore
        var statements: [ProjectionStatement] = []
        // The rollups (the annual totals among them) lose the old rows' contributions and gain the new
        // rows', in the same transaction as the rows themselves.
        func adjustments(_ sign: Int, _ streams: [String]) -> [ProjectionStatement] {
            streams.isEmpty ? [] : Rollups.of(name).map { (Rollups.adjust($0, target, sign: sign), [streams]) }
        }
        statements += adjustments(-1, projected)
        for table in rowTables.map(\.name) {
            statements += try ProjectionSQL.replace(target.table(table, of: name), streams: projected,
                                                    rows: (byTable[table] ?? []).map(AnyEncodable.init))
        }
        statements += adjustments(1, touched.streams)
        return statements
    }
}

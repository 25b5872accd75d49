import Foundation
import Postgres

/// One page of a report, and the key to resume after it.
public struct ReportPage: Sendable {
    public let table: Table
    /// The last row's key in its text form when more rows follow (`--after` of the next page); nil on the last page.
    public let nextAfter: String?
}

extension ReportQuery {
    /// The rows of `name` as `filter` pages them: `filter.limit` rows after `filter.after`, and the key of the
    /// next page if there is one (one row more is read to know).
    public static func page(_ name: String, filter: ReportFilter, on connection: Connection,
                            viewSchema: String = "reporting") throws -> ReportPage {
        guard let limit = filter.limit else {
            return ReportPage(table: try table(name, filter: filter, on: connection, viewSchema: viewSchema), nextAfter: nil)
        }
        var lookingAhead = filter
        lookingAhead.limit = limit < 1 ? limit : min(limit, Int.max - 1) + 1
        let read = try table(name, filter: lookingAhead, on: connection, viewSchema: viewSchema)
        guard read.rows.count > limit, let key = ReportKey.of(name) else { return ReportPage(table: read, nextAfter: nil) }
        var page = read
        page.rows = Array(read.rows.prefix(limit))
        return ReportPage(table: page, nextAfter: key.text(of: page.rows[limit - 1], headers: page.headers))
    }
}

import Foundation
import Postgres

/// Readable ids (`CASE-2023-0123`) are stream ids; the next one is found from the streams that exist.
enum ReadableIds {
    // The range on the "C" collation lets the index `streams_stream_id_c_idx` (migration 0002) answer the
    // prefix query with a bound parameter, which a LIKE pattern in a generic plan cannot.
    static let maxSQL = """
        SELECT COALESCE(max(substring(stream_id FROM $3::int)::bigint), 0)
        FROM eventstore.streams
        WHERE stream_id COLLATE "C" >= $1 AND stream_id COLLATE "C" < $2
          AND substring(stream_id FROM $3::int) ~ '^[0-9]+$'
        """

    static let listSQL = """
        SELECT stream_id FROM eventstore.streams
        WHERE stream_id COLLATE "C" >= $1 AND stream_id COLLATE "C" < $2
        """

    /// The next unused id of `kind` in `year`.
    static func next(_ kind: StreamKind, year: Int, connection: Connection) throws -> String {
        let prefix = "\(kind.prefix)-\(year)-"
        let row = try connection.execute(maxSQL, [prefix, upperBound(prefix), prefix.count + 1])[0]
        let highest: Int64 = try row.get(0)
        return kind.id(year: year, number: Int(highest) + 1)
    }

    /// Every id of `kind`, sorted by year and number.
    static func existing(_ kind: StreamKind, connection: Connection) throws -> [String] {
        let prefix = "\(kind.prefix)-"
        let ids: [String] = try connection.execute(listSQL, [prefix, upperBound(prefix)]).rows.map { try $0.get(0) }
        return ids.compactMap { id -> (String, Int, Int)? in
            let parts = id.split(separator: "-")
            guard parts.count == 3, let year = Int(parts[1]), let number = Int(parts[2]) else { return nil }
            return (id, year, number)
        }.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map(\.0)
    }

    /// The smallest string above every string starting with `prefix` (ASCII prefixes: bump the last byte).
    static func upperBound(_ prefix: String) -> String {
        var bytes = Array(prefix.utf8)
        bytes[bytes.count - 1] += 1
        return String(decoding: bytes, as: UTF8.self)
    }
}

import EventStore
import Foundation

/// Readable ids (`CASE-2023-0123`) are stream ids; the next one is found from the streams that exist.
enum ReadableIds {
    /// The next unused id of `kind` in `year`.
    static func next(_ kind: StreamKind, year: Int, store: EventStore) throws -> String {
        let highest = try store.highestNumber(afterPrefix: "\(kind.prefix)-\(year)-")
        return kind.id(year: year, number: Int(highest) + 1)
    }

    /// Every id of `kind`, sorted by year and number.
    static func existing(_ kind: StreamKind, store: EventStore) throws -> [String] {
        let ids = try store.streamIds(withPrefix: "\(kind.prefix)-")
        return ids.compactMap { id -> (String, Int, Int)? in
            let parts = id.split(separator: "-")
            guard parts.count == 3, let year = Int(parts[1]), let number = Int(parts[2]) else { return nil }
            return (id, year, number)
        }.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map(\.0)
    }
}

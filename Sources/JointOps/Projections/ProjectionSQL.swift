import EventStore
import Foundation
import Postgres

/// The few statement shapes every projection writes with: a whole batch per table, as JSON.
enum ProjectionSQL {
    /// JSON with snake_case keys, so a row struct's properties name the table's columns.
    static func json<Row: Encodable>(_ rows: [Row]) throws -> JSONText {
        JSONText(try RowJSONWriter.encode(rows))
    }

    /// Deletes the rows of `streams` (those that may have some) from `table`, then inserts `rows` in one statement
    /// (`jsonb_populate_recordset` over the table's own row type).
    static func replace<Row: Encodable>(_ table: String, streams: [String], rows: [Row]) throws -> [ProjectionStatement] {
        var statements: [ProjectionStatement] = []
        if !streams.isEmpty {
            statements.append(("DELETE FROM \(table) WHERE stream_id = ANY($1::text[])", [streams]))
        }
        if !rows.isEmpty {
            statements.append(("INSERT INTO \(table) SELECT * FROM jsonb_populate_recordset(NULL::\(table), $1::jsonb)",
                               [try json(rows)]))
        }
        return statements
    }

    /// Inserts or replaces `rows` by `key` in one statement, updating every other column of `declared`.
    static func upsert<Row: Encodable>(_ table: String, _ declared: ProjectionTable, key: String, rows: [Row])
        throws -> ProjectionStatement {
        let updates = declared.columns.map(\.name).filter { $0 != key }.map { "\($0) = EXCLUDED.\($0)" }
            .joined(separator: ", ")
        return ("""
            INSERT INTO \(table) SELECT * FROM jsonb_populate_recordset(NULL::\(table), $1::jsonb)
            ON CONFLICT (\(key)) DO UPDATE SET \(updates)
            """, [try json(rows)])
    }
}

/// Type erasure so rows of different structs can travel in one array.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}

/// Decodes a stored event into a domain event, naming the event when it cannot.
func decodeEvent<E: Sendable>(_ event: ProjectedEvent, _ build: (String, Int, Data) throws -> E) throws -> E {
    do { return try build(event.type, event.schemaVersion, event.data) } catch {
        throw ProjectionError.undecodableEvent(stream: event.streamId, version: event.streamVersion, type: event.type,
                                               reason: "\(error)")
    }
}

import EventStore
import Foundation
import JointOps
import Postgres
import TestSupport

/// A fingerprint of every reporting view (md5 of its rows, sorted), to compare two builds.
func snapshot(_ connection: Connection, schema: String = "reporting") throws -> [String: String] {
    var result: [String: String] = [:]
    for name in ReportingViews.names {
        result[name] = try connection.execute(
            "SELECT md5(COALESCE(string_agg(v::text, E'\\n' ORDER BY v::text), '')) || ':' || count(*) FROM \(schema).\(name) v")[0].get(0)
    }
    return result
}

/// The views' fingerprints after a from-scratch build into temporary tables on a fresh connection.
func cleanRebuildSnapshot(_ database: TestDatabase) throws -> [String: String] {
    let connection = try database.connect()
    _ = try ProjectionRunner(connection: connection).buildTemporary(asOf: Date().addingTimeInterval(3600))
    return try snapshot(connection, schema: "pg_temp")
}

func eventCount(_ connection: Connection) throws -> Int {
    try connection.execute("SELECT count(*)::int FROM eventstore.events")[0].get(0)
}

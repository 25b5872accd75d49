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
    let runner = ProjectionRunner(connection: connection)
    guard try runner.waitForCommitted(atMost: heldBackPatience) else { throw HeldBack() }
    _ = try runner.buildTemporary(asOf: Date().addingTimeInterval(3600))
    return try snapshot(connection, schema: "pg_temp")
}

func eventCount(_ connection: Connection) throws -> Int {
    try connection.execute("SELECT count(*)::int FROM eventstore.events")[0].get(0)
}

/// Transaction ids are cluster-wide, so on the shared test server a neighbour test's open transaction
/// (CommitOrderTests holds some for seconds) holds this database's committed events back too.
let heldBackPatience = Duration.seconds(120)

struct HeldBack: Error, CustomStringConvertible {
    var description: String { "committed events were still held back after \(heldBackPatience)" }
}

extension ProjectionRunner {
    /// Catches up with every event committed so far, however long a neighbour's transaction holds them.
    func catchUpFully() throws {
        guard try catchUpWithCommitted(waitingAtMost: heldBackPatience) else { throw HeldBack() }
    }
}

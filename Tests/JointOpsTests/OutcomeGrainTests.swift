import EventStore
import Foundation
@testable import JointOps
import Postgres
import Testing
import TestSupport

/// Issue 14, point 4: `operation_outcomes_by_month` and `_by_campaign` read their groups from tables kept at their
/// own grain (`RollupGrain`), whose operation counts change only when an operation's first cell in a group comes
/// to life or its last one dies; `operation_outcomes` reads its rows from a rollup (`Rollups.operationMonths`).
/// Built in tiny batches, every stream's contribution is taken back and added again many times, so cells die and
/// come back: the figures must still be the ones summed afresh from the facts and tallies.
@Suite struct OutcomeGrainTests {
    /// Reporting views are not needed: the test reads the views' SELECTs over the temporary tables.
    struct NoViews: ProjectionViews {
        var schema: String { "reporting" }
        var names: [String] { [] }
        func create(on connection: Connection, target: ProjectionTarget, viewSchema: String) throws {}
        func prepareInstall(on connection: Connection) throws {}
    }

    /// The projection tables the `reporting` views read now.
    static func activeTarget(_ connection: Connection) throws -> ProjectionTarget {
        var versions: [String: Int] = [:]
        for row in try connection.execute("SELECT name, active_version FROM projections.versions").rows {
            versions[try row.get(0)] = try row.get(1)
        }
        return ProjectionTarget(versions: versions)
    }

    static func rows(_ query: String, on connection: Connection) throws -> [String] {
        try connection.execute("SELECT q::text FROM (\(query)) q").rows.map { try $0.get(0, as: String.self) }.sorted()
    }

    @Test func theOutcomeGrainsAndMonthsBuiltInBatchesOfThreeEventsGiveWhatTheFactsSummedAfreshGive() throws {
        let connection = try ReportPagingTests.demoConnection()
        let runner = ProjectionRunner(connection: connection, projections: [RegistryProjection(), OperationsProjection()],
                                      views: NoViews(), batchSize: 3)
        let target = try runner.buildTemporary(asOf: Date())
        let grains = Rollups.outcomes.grains.map { target.table($0.name, of: "operations") }
        #expect(grains.allSatisfy { $0.hasPrefix("pg_temp.") }, "\(grains)")
        // Groups whose every cell died stay with zero operations; the views leave them out.
        let live: Int = try connection.execute("SELECT count(*)::int FROM \(grains[0]) WHERE operations > 0")[0].get(0)
        #expect(live > 0)
        var direct = OperationOutcomeViews.direct(target)
        direct[OperationViews.outcomes.name] = OperationViews.outcomesDirect(target)
        for view in [OperationOutcomeViews.byMonth, OperationOutcomeViews.byCampaign, OperationOutcomeViews.byAgency,
                     OperationViews.outcomes] {
            let built = try Self.rows(view.select(target), on: connection)
            let summedAfresh = try Self.rows(direct[view.name]!, on: connection)
            // The binary's own catch-up (batches of a thousand) gives the same rows.
            let caughtUp = try Self.rows("SELECT * FROM reporting.\(view.name)", on: connection)
            #expect(!built.isEmpty && built == summedAfresh && built == caughtUp, "\(view.name)")
        }
    }

    @Test func aGrainCountsAnOperationOnceHoweverManySessionsAndSourcesItHas() throws {
        let connection = try ReportPagingTests.demoConnection()
        // Per month, agency and source, the operations counted by the grain are the distinct operations of the
        // facts: the demo's bureau links several cases to one session and one operation to several sessions.
        let counted = try Self.rows(
            "SELECT month, agency, source, reported_by, operations, sessions FROM reporting.operation_outcomes_by_month",
            on: connection)
        let facts = OperationOutcomeViews.labelledFacts(try Self.activeTarget(connection))
        let distinct = try Self.rows("""
            SELECT date_trunc('month', f.session_date::timestamp)::date, f.agency, f.source, f.reported_by,
                   count(DISTINCT f.operation_id)::int, count(DISTINCT (f.operation_id, f.session_id))::int
            FROM \(facts) f GROUP BY 1, 2, 3, 4
            """, on: connection)
        #expect(counted == distinct)
        let shared: Int = try connection.execute("""
            SELECT count(*)::int FROM (SELECT f.operation_id, f.session_id FROM \(facts) f WHERE f.source = 'caseRegister'
                                       GROUP BY 1, 2 HAVING count(*) > 1) s
            """)[0].get(0)
        #expect(shared > 0, "some session of the demo has more than one linked act")
    }
}

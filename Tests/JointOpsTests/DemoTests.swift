import Enforcement
import Foundation
import JointOps
import JointOpsDemo
import Postgres
import Testing
import TestSupport

/// The demo year through the command handlers, checked against the annual report's figures.
@Suite struct DemoTests {
    static func count(_ connection: Connection, _ sql: String, _ parameters: [String] = []) throws -> Int64 {
        try connection.execute(sql, parameters)[0].get(0)
    }

    @Test func theDemoYearHasTheReportsExactFigures() throws {
        try TestDatabase.with { database in
            let app = Application(connection: try database.connect(), clock: Demo.clock(seed: 7))
            let summary = try Demo(seed: 7).run(on: app)
            #expect(summary.operations == 18 && summary.cases == 234 && summary.published == 224)
            let c = try database.connect()
            #expect(try Self.count(c, "SELECT count(DISTINCT stream_id) FROM eventstore.events WHERE event_type = 'OperationPlanned'") == 18)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.streams WHERE stream_id LIKE 'OP-2023-%'") == 18)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.streams WHERE stream_id LIKE 'CASE-2023-%'") == 234)
            #expect(try Self.count(c, """
                SELECT count(DISTINCT stream_id) FROM eventstore.events
                WHERE event_type IN ('CaseFiled', 'DecidedOnSpot') AND data->'act'->>'sector' = 'blackCar'
                """) == 5)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE event_type = 'DecisionPublished'") == 224)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE event_type = 'PublicationWithdrawn'") == 0)
            // The report's 21 problems are the special campaign's self-examination; audits and the inspection tour add theirs.
            let selfExamination = "SELECT stream_id FROM eventstore.events WHERE event_type = 'RectificationItemRaised' "
                + "AND data->>'origin' = 'campaignSelfExamination'"
            #expect(try Self.count(c, "SELECT count(*) FROM (\(selfExamination)) s") == 21)
            #expect(try Self.count(c, "SELECT count(DISTINCT stream_id) FROM eventstore.events WHERE event_type = 'RectificationOpinionIssued' "
                + "AND stream_id IN (\(selfExamination))") == 21)
            #expect(try Self.count(c, """
                SELECT sum((data->'activity'->>'leaflets')::int) FROM eventstore.events WHERE event_type = 'OutreachActivityRecorded'
                """) == 2_352)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE event_type = 'ReferralSent' AND data->>'kind' = 'licensingWindowToBrigade'") >= 1)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE event_type = 'ReferralSent' AND data->>'kind' = 'suspectedCrimeToPolice'") == 1)

            // The same figures from folded state, as `case list` and `op list` see them.
            let cases = try app.loadAll(CaseDecider.self, kind: .case).map(\.state)
            #expect(cases.count == 234)
            #expect(cases.filter(\.published).count == 224)
            #expect(cases.filter { $0.act?.sector == .blackCar }.count == 5)
            #expect(cases.contains { $0.status == .investigating })   // some still open
            #expect(cases.filter { $0.status == .archived }.count > 200)
            let operations = try app.loadAll(OperationDecider.self, kind: .operation).map(\.state)
            #expect(operations.count == 18)
            #expect(operations.allSatisfy { !$0.sessions.isEmpty && $0.totalsByAgency.count >= 2 })
            // The bureau's results link to the sessions and partners return theirs: no case figure is typed into a tally.
            #expect(operations.allSatisfy { $0.totalsByAgency.values.allSatisfy(\.legacyCaseFigures.isEmpty) })
            #expect(operations.contains { !$0.returns.isEmpty })
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE event_type = 'DecidedOnSpot' AND data ? 'operation'") > 10)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE event_type = 'VehicleSeized' AND data ? 'operation'") == 1)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE event_type = 'CaseLeadReceived' AND data->>'source' = 'jointOperation' AND data ? 'operation'") == 1)
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE event_type = 'ReferralSent' AND data ? 'operation'") == 1)
            let rectifications = try app.loadAll(RectificationDecider.self, kind: .rectification).map(\.state)
                .filter { $0.origin == .campaignSelfExamination }
            #expect(rectifications.count == 21 && rectifications.allSatisfy { $0.status != .raised })
            // Every deadline the demo computed stays inside 2023 (no Xinjiang 2024 calendar is shipped).
            #expect(try Self.count(c, "SELECT count(*) FROM eventstore.events WHERE data::text LIKE '%\"2024-%'") == 0)
            // A second run on the same database is refused before writing anything.
            let events = try app.eventCount()
            #expect(throws: DemoError.databaseNotEmpty(events: events)) { try Demo(seed: 7).run(on: app) }
        }
    }

    @Test func theSameSeedPlaysTheSameYear() throws {
        func fingerprint(seed: UInt64) throws -> [String] {
            try TestDatabase.with { database in
                let app = Application(connection: try database.connect(), clock: Demo.clock(seed: seed))
                try Demo(seed: seed).run(on: app)
                return try app.connection.execute("""
                    SELECT stream_id || '@' || stream_version || ' ' || event_id || ' ' || data::text
                    FROM eventstore.events ORDER BY position
                    """).rows.map { try $0.get(0) }
            }
        }
        let first = try fingerprint(seed: 11)
        #expect(first.count > 2_000)
        #expect(try fingerprint(seed: 11) == first)
    }
}

import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

@Suite("Analyst role")
struct AnalystTests {
    /// A database with some history, projected, and a connection acting as the analyst.
    func withAnalyst(_ body: (Connection, Connection) throws -> Void) throws {
        try TestDatabase.with { db in
            var workload = ProjectionWorkload(seed: 11)
            try ProjectionWorkload.append(workload.streams(cases: 60), to: db.conninfo, writers: 1)
            let owner = try db.connect()
            let runner = ProjectionRunner(connection: owner)
            try runner.install()
            try runner.catchUpFully()
            let analyst = try db.connect()
            try analyst.run("SET ROLE jointops_analyst")
            try body(owner, analyst)
        }
    }

    func sqlState(_ body: () throws -> Void) -> SQLState? {
        do { try body(); return nil } catch let error as PostgresError { return error.sqlState } catch { return nil }
    }

    @Test func theAnalystCannotReadTheEventStoreOrTheProjectionTables() throws {
        try withAnalyst { _, analyst in
            #expect(sqlState { try analyst.execute("SELECT count(*) FROM eventstore.events") } == .insufficientPrivilege)
            #expect(sqlState { try analyst.execute("SELECT count(*) FROM eventstore.checkpoints") } == .insufficientPrivilege)
            #expect(sqlState { try analyst.execute("SELECT count(*) FROM projections.cases_v1") } == .insufficientPrivilege)
            #expect(sqlState { try analyst.execute("SELECT count(*) FROM public.schema_migrations") } == .insufficientPrivilege)
        }
    }

    @Test func theAnalystCannotWriteAnywhere() throws {
        try withAnalyst { _, analyst in
            // Views whose text is masked (reporting.masked_text) are not updatable at all: PostgreSQL says so (55000)
            // before it checks privileges.
            let refused: Set<SQLState?> = [.insufficientPrivilege, SQLState("55000")]
            #expect(refused.contains(sqlState { try analyst.execute("DELETE FROM reporting.case_register") }))
            #expect(refused.contains(sqlState { try analyst.execute("UPDATE reporting.agencies SET name_zh = 'x'") }))
            #expect(sqlState { try analyst.run("CREATE VIEW reporting.mine AS SELECT 1") } == .insufficientPrivilege)
            #expect(sqlState { try analyst.run("CREATE TABLE public.mine (a int)") } == .insufficientPrivilege)
            #expect(sqlState {
                try analyst.execute("SELECT eventstore.append('X', NULL, gen_random_uuid(), 'a', NULL, gen_random_uuid(), NULL, '[]'::jsonb, false)")
            } == .insufficientPrivilege)
        }
    }

    @Test func theAnalystReadsEveryReportingViewAndSeesNoUnmaskedPersonalData() throws {
        try withAnalyst { owner, analyst in
            // The unmasked values, read as the owner from the log.
            let raw = try owner.execute("""
                SELECT DISTINCT x FROM eventstore.events e,
                LATERAL (VALUES (CASE WHEN e.data->'party'->>'kind' = 'individual' THEN e.data->'party'->>'partyId' END),
                                (CASE WHEN e.data->'party'->>'kind' = 'individual' THEN e.data->'party'->>'nameZh' END),
                                (e.data->'act'->>'plate'), (e.data->>'plate')) v(x)
                WHERE x IS NOT NULL
                """).rows.map { try $0.get(0, as: String.self) }
            #expect(raw.count > 50)
            var everything = ""
            for name in ReportingViews.names {
                let rows = try analyst.execute("SELECT v::text FROM reporting.\(name) v")
                for row in rows.rows { everything += try row.get(0, as: String.self) + "\n" }
            }
            #expect(everything.contains("新G·"))  // plates are there, masked
            let leaked = raw.filter { everything.contains($0) }
            #expect(leaked.isEmpty, "unmasked in reporting: \(leaked.prefix(5))")
            // Minors' decisions are never in the publicity register.
            let minors: Int = try owner.execute("""
                SELECT count(*)::int FROM reporting.publicity_register p
                JOIN projections.cases_v1 c ON c.stream_id = p.case_id WHERE c.is_minor OR c.involves_secrets
                """)[0].get(0)
            #expect(minors == 0)
        }
    }

    @Test func everyReportingViewAndColumnHasABilingualComment() throws {
        try withAnalyst { owner, _ in
            let missing = try owner.execute("""
                SELECT c.relname || COALESCE('.' || a.attname, '')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = 'reporting' AND c.relkind = 'v'
                  AND (obj_description(c.oid, 'pg_class') IS NULL
                       OR (a.attnum IS NOT NULL AND col_description(c.oid, a.attnum) IS NULL)
                       OR obj_description(c.oid, 'pg_class') !~ '[一-龥]'
                       OR (a.attnum IS NOT NULL AND col_description(c.oid, a.attnum) !~ '[一-龥].* [A-Za-z]'))
                """).rows.map { try $0.get(0, as: String.self) }
            #expect(missing.isEmpty, "without a bilingual comment: \(missing)")
            let views: Int = try owner.execute("SELECT count(*)::int FROM pg_views WHERE schemaname = 'reporting'")[0].get(0)
            #expect(views == ReportingViews.names.count)
        }
    }
}

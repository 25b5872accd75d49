import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct ConnectionTests {
    @Test func decodesEveryColumnTypeJointOpsUses() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            let row = try connection.execute("""
                SELECT '乌苏市奎屯路'::text, 42::int, 9000000000::bigint, true, 12345.67::numeric,
                       '6f1c1f8e-4b7a-4a8e-9d4e-2b1f5d0c9a11'::uuid, '2023-04-19 10:00:00.25+08'::timestamptz,
                       '2023-04-19'::date, '{"party":"张三"}'::jsonb, '\\x00ff10'::bytea,
                       ARRAY['交通运输局', 'a "quoted", value', NULL]::text[], NULL::text
                """)[0]
            #expect(try row.get(0, as: String.self) == "乌苏市奎屯路")
            #expect(try row.get(1, as: Int.self) == 42)
            #expect(try row.get(2, as: Int64.self) == 9_000_000_000)
            #expect(try row.get(3, as: Bool.self))
            #expect(try row.get(4, as: Decimal.self) == Decimal(string: "12345.67"))
            #expect(try row.get(5, as: UUID.self) == UUID(uuidString: "6f1c1f8e-4b7a-4a8e-9d4e-2b1f5d0c9a11"))
            #expect(try row.get(6, as: Date.self) == Date(timeIntervalSince1970: 1_681_869_600.25))
            #expect(try row.get(7, as: PostgresDate.self) == PostgresDate(year: 2023, month: 4, day: 19))
            #expect(try row.get(8, as: String.self) == #"{"party": "张三"}"#)
            #expect(try row.get(9, as: Data.self) == Data([0x00, 0xff, 0x10]))
            #expect(try row.get(10, as: [String].self) == ["交通运输局", #"a "quoted", value"#, ""])
            #expect(try row.decode(11, as: String.self) == nil)
        }
    }

    @Test func bindsParametersOfEveryTypeWithoutSplicingThem() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            let hostile = "'); DROP TABLE x; --"
            let when = Date(timeIntervalSince1970: 1_700_000_000.123456)
            let row = try connection.execute(
                "SELECT $1::text, $2::bigint, $3::bool, $4::numeric, $5::uuid, $6::timestamptz, $7::bytea, $8::text[], $9::text",
                [hostile, Int64(-7), false, Decimal(string: "0.10")!, UUID(uuidString: "6f1c1f8e-4b7a-4a8e-9d4e-2b1f5d0c9a11")!,
                 when, Data([1, 2, 3]), ["新G·12345", "b,c"], nil])[0]
            #expect(try row.get(0, as: String.self) == hostile)
            #expect(try row.get(1, as: Int64.self) == -7)
            #expect(try row.get(2, as: Bool.self) == false)
            #expect(try row.get(3, as: Decimal.self) == Decimal(string: "0.10"))
            #expect(try row.get(4, as: UUID.self).uuidString == "6F1C1F8E-4B7A-4A8E-9D4E-2B1F5D0C9A11")
            #expect(abs(try row.get(5, as: Date.self).timeIntervalSince(when)) < 0.000_001)
            #expect(try row.get(6, as: Data.self) == Data([1, 2, 3]))
            #expect(try row.get(7, as: [String].self) == ["新G·12345", "b,c"])
            #expect(row.isNull(8))
        }
    }

    @Test func errorsCarrySQLStateAndConstraintButNeverTheBoundValues() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            try connection.run("CREATE TABLE people (id_number text CONSTRAINT people_id_key UNIQUE)")
            try connection.execute("INSERT INTO people VALUES ($1)", ["650203199001011234"])
            do {
                try connection.execute("INSERT INTO people VALUES ($1)", ["650203199001011234"])
                Issue.record("a duplicate was accepted")
            } catch let error as PostgresError {
                #expect(error.sqlState == .uniqueViolation)
                #expect(error.constraint == "people_id_key")
                #expect(error.sql == "INSERT INTO people VALUES ($1)")
                #expect(!error.message.contains("650203199001011234"))
            }
        }
    }

    @Test func aTransactionRollsBackWhenItsBodyThrows() throws {
        struct Abort: Error {}
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            try connection.run("CREATE TABLE t (v int)")
            #expect(throws: Abort.self) {
                try connection.transaction {
                    try connection.execute("INSERT INTO t VALUES ($1)", [1])
                    throw Abort()
                }
            }
            try connection.transaction { try connection.execute("INSERT INTO t VALUES ($1)", [2]) }
            #expect(try connection.execute("SELECT array_agg(v)::text FROM t")[0].get(0, as: String.self) == "{2}")
        }
    }

    @Test func aPipelineRunsManyStatementsAtOnceAndAllOrNothing() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            try connection.run("CREATE TABLE t (v int CONSTRAINT t_v_check CHECK (v > 0))")
            let results = try connection.pipeline((1...50).map { ("INSERT INTO t VALUES ($1) RETURNING v", [$0]) })
            #expect(results.count == 50)
            #expect(try results[49][0].get(0, as: Int.self) == 50)
            #expect(throws: PostgresError.self) {
                try connection.pipeline([("INSERT INTO t VALUES ($1)", [100]), ("INSERT INTO t VALUES ($1)", [-1])])
            }
            #expect(try connection.execute("SELECT count(*) FROM t")[0].get(0, as: Int.self) == 50)
            // The connection is usable afterwards.
            #expect(try connection.execute("SELECT 1")[0].get(0, as: Int.self) == 1)
        }
    }

    @Test func aPipelineWhoseConnectionBreaksThrowsInsteadOfWaitingForEver() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            #expect(throws: PostgresError.self) {
                try connection.pipeline([("SELECT $1::int", [1]), ("SELECT pg_terminate_backend(pg_backend_pid())", []),
                                         ("SELECT $1::int", [3])])
            }
        }
    }

    @Test func aListenerWakesOnNotifyWellBeforeItsTimeout() throws {
        try TestDatabase.with(migrated: false) { database in
            let listener = try database.connect()
            try listener.listen("jointops_test")
            let sender = try database.connect()
            let started = ContinuousClock.now
            try sender.notify("jointops_test", payload: "你好")
            let notification = try listener.waitForNotification(timeout: .seconds(10))
            #expect(notification?.payload == "你好")
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(try listener.waitForNotification(timeout: .milliseconds(50)) == nil)
        }
    }

    @Test func anUnreachableServerNamesTheSocketItTried() {
        do {
            _ = try Connection("host=/nonexistent-jointops dbname=x")
            Issue.record("connected to nothing")
        } catch {
            #expect(error.kind == .connectionFailed)
            #expect(error.description.contains("/nonexistent-jointops/.s.PGSQL.5432"))
        }
    }
}

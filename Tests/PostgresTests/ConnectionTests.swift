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

    @Test func concreteAccessorsDecodeIntegersIdsTextAndNULLLikeTheGenericOnes() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            let row = try connection.execute("""
                SELECT (-9223372036854775808)::bigint, 9223372036854775807::bigint, (-1)::bigint, 0::int,
                       (-2147483648)::int, '18446744073709551615'::xid8::text, pg_current_xact_id()::text,
                       '6f1c1f8e-4b7a-4a8e-9d4e-2b1f5d0c9a11'::uuid, 'ABCDEF01-2345-6789-ABCD-EF0123456789'::text,
                       'abcdef01-2345-6789-ABcd-eF0123456789'::text, NULL::uuid, '乌苏市奎屯路 新G·12345'::text,
                       ''::text, NULL::text, '{"party": "张三", "n": 1}'::jsonb::text, NULL::jsonb
                """)[0]
            #expect(try row.int64(0) == Int64.min)
            #expect(try row.get(0, as: Int64.self) == Int64.min)
            #expect(try row.int64(1) == Int64.max)
            #expect(try row.get(1, as: Int.self) == Int.max)
            #expect(try row.int64(2) == -1)
            #expect(try row.int(3) == 0)
            #expect(try row.int(4) == Int(Int32.min))
            #expect(try row.get(4, as: Int32.self) == Int32.min)
            #expect(try row.uint64(5) == UInt64.max)
            #expect(try row.get(5, as: UInt64.self) == UInt64.max)
            #expect(try row.uint64(6) == UInt64(try row.string(6)))
            let id = try #require(UUID(uuidString: "6f1c1f8e-4b7a-4a8e-9d4e-2b1f5d0c9a11"))
            #expect(try row.uuid(7) == id)
            #expect(try row.optionalUUID(7) == id)
            #expect(try row.uuid(8) == UUID(uuidString: "ABCDEF01-2345-6789-ABCD-EF0123456789"))
            #expect(try row.uuid(9) == row.uuid(8))
            #expect(try row.get(9, as: UUID.self) == row.uuid(8))
            #expect(try row.optionalUUID(10) == nil)
            #expect(try row.decode(10, as: UUID.self) == nil)
            #expect(try row.string(11) == "乌苏市奎屯路 新G·12345")
            #expect(try row.optionalString(11) == "乌苏市奎屯路 新G·12345")
            #expect(try row.string(12) == "")
            #expect(try row.optionalString(12) == "")
            #expect(!row.isNull(12))
            #expect(try row.optionalString(13) == nil)
            #expect(row.textBytes(14) == Data(#"{"n": 1, "party": "张三"}"#.utf8))
            #expect(row.textBytes(12) == Data())
            #expect(row.textBytes(15) == nil)
        }
    }

    @Test func concreteAccessorsRefuseNULLBadTextAndOutOfRangeValues() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            let row = try connection.execute("""
                SELECT NULL::bigint AS missing, '9223372036854775808'::text AS too_big, '-9223372036854775809'::text,
                       '12a'::text, '-'::text, '18446744073709551616'::text, '-1'::text,
                       '6f1c1f8e-4b7a-4a8e-9d4e-2b1f5d0c9a1g'::text, '6f1c1f8e4b7a4a8e9d4e2b1f5d0c9a11'::text,
                       'yesterday'::text, '3000000000'::text
                """)[0]
            func decodingError(_ body: () throws -> Any) -> String? {
                do { _ = try body(); return nil } catch let error as PostgresError {
                    return error.kind == .decoding ? error.message : "kind \(error.kind)"
                } catch { return "\(error)" }
            }
            #expect(decodingError { try row.int64(0) } == "column missing is NULL, expected Int64")
            #expect(decodingError { try row.get(0, as: Int64.self) } == "column missing is NULL, expected Int64")
            #expect(decodingError { try row.string(0) } == "column missing is NULL, expected String")
            #expect(decodingError { try row.uuid(0) } == "column missing is NULL, expected UUID")
            #expect(decodingError { try row.date(0) } == "column missing is NULL, expected Date")
            #expect(decodingError { try row.int64(1) } == "column too_big is not a valid Int64")
            #expect(decodingError { try row.get(1, as: Int.self) } == "column too_big is not a valid Int")
            #expect(decodingError { try row.int64(2) } != nil)
            #expect(decodingError { try row.int64(3) } != nil)
            #expect(decodingError { try row.int(4) } != nil)
            #expect(decodingError { try row.uint64(5) } != nil)
            #expect(decodingError { try row.uint64(6) } != nil)
            #expect(decodingError { try row.uuid(7) } != nil)
            #expect(decodingError { try row.optionalUUID(8) } != nil)
            #expect(decodingError { try row.date(9) } != nil)
            #expect(decodingError { try row.get(10, as: Int32.self) } != nil)
            #expect(try row.int64(10) == 3_000_000_000)
            #expect(decodingError { try row.int64(11) } == "no column 11 in the result")
            #expect(decodingError { try row.get("nope", as: Int64.self) } == "no column named nope in the result")
        }
    }

    /// The SWAR UUID parser against Foundation's: every byte value at every digit position, both cases.
    @Test func uuidTextParsesLikeFoundationForEveryByteAtEveryDigit() {
        func parse(_ bytes: [UInt8]) -> UUID? { bytes.withUnsafeBufferPointer { UUID(postgresText: $0) } }
        var mismatches: [String] = []
        for id in [UUID(), UUID(), UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                   UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")!] {
            for text in [id.uuidString, id.uuidString.lowercased()] {
                let bytes = Array(text.utf8)
                if parse(bytes) != id { mismatches.append(text) }
                for position in 0..<36 where ![8, 13, 18, 23].contains(position) {
                    for value in 0...255 {
                        var changed = bytes
                        changed[position] = UInt8(value)
                        let isHex = (48...57).contains(value) || (65...70).contains(value) || (97...102).contains(value)
                        let expected = isHex ? UUID(uuidString: String(decoding: changed, as: UTF8.self)) : nil
                        if parse(changed) != expected { mismatches.append("\(text) [\(position)] = \(value)") }
                    }
                }
                for dash in [8, 13, 18, 23] {
                    var changed = bytes
                    changed[dash] = UInt8(ascii: "0")
                    if parse(changed) != nil { mismatches.append("\(text) without dash \(dash)") }
                }
                if parse(Array(bytes.dropLast())) != nil || parse(bytes + [48]) != nil { mismatches.append("\(text) length") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Every timestamp decodes to the exact microsecond PostgreSQL's own `extract(epoch …)` gives,
    /// whatever the session's time zone prints (odd offsets, local mean time, BC, year 10000).
    @Test func timestampsDecodeToTheServersEpochInAnyTimeZone() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            let cases: [(zone: String, literal: String)] = [
                ("UTC", "2023-04-19 10:00:00.123457+08"),
                ("UTC", "2023-04-19 10:00:00.000001+00"),
                ("UTC", "2023-04-19 10:00:00.999999+00"),
                ("UTC", "2023-04-19 10:00:00.1+00"),
                ("UTC", "1969-12-31 23:59:59.999999+00"),
                ("UTC", "1970-01-01 00:00:00+00"),
                ("UTC", "2000-02-29 12:34:56.5+00"),
                ("Asia/Kolkata", "2023-04-19 10:00:00.654321+00"),
                ("America/St_Johns", "2023-01-19 10:00:00.000321+00"),
                ("Asia/Urumqi", "2023-12-31 23:59:59.999999+00"),
                ("Europe/Amsterdam", "1900-06-01 00:00:00.25+00"),
                ("UTC", "0044-03-15 12:00:00+00 BC"),
                ("UTC", "10000-01-01 00:00:00+00"),
            ]
            for (zone, literal) in cases {
                try connection.run("SET TimeZone = '\(zone)'")
                let row = try connection.execute(
                    "SELECT $1::timestamptz, $1::timestamptz::text, (extract(epoch FROM $1::timestamptz) * 1000000)::bigint",
                    [literal])[0]
                let printed = try row.string(1)
                let micros = try row.int64(2)
                let date = try row.date(0)
                #expect(try row.get(0, as: Date.self) == date, "\(printed)")
                if abs(micros) < 1 << 52 {
                    #expect(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) == micros, "\(printed)")
                    // Bit for bit the Double the parser has always produced: whole seconds plus the
                    // sum of digit × (0.1 divided by 10 per place).
                    let wholeSeconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
                    var fraction = 0.0, scale = 0.1
                    if let dot = printed.firstIndex(of: ".") {
                        for c in printed[printed.index(after: dot)...].prefix(while: \.isNumber) {
                            fraction += Double(c.wholeNumberValue!) * scale
                            scale /= 10
                        }
                    }
                    #expect(date == Date(timeIntervalSince1970: Double(wholeSeconds) + fraction), "\(printed)")
                } else {
                    // Beyond 2^52 µs a Double has no microseconds left: these literals are whole seconds.
                    #expect(date.timeIntervalSince1970 == Double(micros / 1_000_000), "\(printed)")
                }
            }
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

    @Test func pipelinedTransactionsCommitOrFailEachOnItsOwn() throws {
        try TestDatabase.with(migrated: false) { database in
            let connection = try database.connect()
            try connection.run("CREATE TABLE t (v int CONSTRAINT t_v_check CHECK (v > 0))")
            let setting = "SELECT current_setting('work_mem')"
            let workMem = try connection.execute(setting)[0].get(0, as: String.self)
            let outcomes = try connection.pipeline(transactions: [
                [("INSERT INTO t VALUES ($1)", [1]), ("INSERT INTO t VALUES ($1)", [-1])],
                [("INSERT INTO t VALUES ($1) RETURNING v", [2])],
                [("SELECT set_config('work_mem', '1234kB', true)", [])],
            ])
            #expect(outcomes.count == 3)
            guard case let .failure(error) = outcomes[0] else { Issue.record("the first should fail"); return }
            #expect(error.constraint == "t_v_check")
            #expect(try outcomes[1].get()[0][0].get(0, as: Int.self) == 2)
            // The first rolled back whole, the second committed, and SET LOCAL-style settings end with theirs.
            #expect(try connection.execute("SELECT array_agg(v)::text FROM t")[0].get(0, as: String.self) == "{2}")
            #expect(try connection.execute(setting)[0].get(0, as: String.self) == workMem)
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

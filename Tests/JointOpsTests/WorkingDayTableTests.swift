import Enforcement
import EventStore
import Foundation
@testable import JointOps
import Postgres
import Testing
import TestSupport

/// `projections.working_days`, the views' copy of the calendar, is the calendar in force: shipped notices,
/// the provisional rule for years without one, and every import, refilled when an import is projected.
@Suite struct WorkingDayTableTests {
    static func isWorkingDay(_ connection: Connection, _ day: String) throws -> Bool {
        try connection.execute("SELECT is_working_day FROM projections.working_days WHERE day = $1::date", [day])[0].get(0)
    }

    @Test func theTableFollowsShippedNoticesTheProvisionalRuleAndImports() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            let runner = ProjectionRunner(connection: connection)
            try runner.install()
            // Spring Festival 2026 is in the shipped national notice; 2022 has none, so National Day's
            // statutory days are off and the rest of the week is a working day until a notice says otherwise.
            #expect(try !Self.isWorkingDay(connection, "2026-02-16"))
            #expect(try !Self.isWorkingDay(connection, "2022-10-03"))
            #expect(try Self.isWorkingDay(connection, "2022-10-05"))

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("national-2022-\(UUID()).csv")
            try """
                jurisdiction,date,kind,source
                national,2022-10-04,holiday,国务院办公厅 关于2022年部分节假日安排的通知
                national,2022-10-05,holiday,国务院办公厅 关于2022年部分节假日安排的通知
                national,2022-10-06,holiday,国务院办公厅 关于2022年部分节假日安排的通知
                national,2022-10-07,holiday,国务院办公厅 关于2022年部分节假日安排的通知
                national,2022-10-08,makeupWorkday,国务院办公厅 关于2022年部分节假日安排的通知
                xinjiang,2026-11-20,regionalHoliday,自治区通知（测试）

                """.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let app = Application(connection: try database.connect())
            try app.importCalendar(path: file.path, request: CommandRequest(actor: "ZF-01"))
            try runner.catchUpFully()
            #expect(try !Self.isWorkingDay(connection, "2022-10-05"))
            #expect(try Self.isWorkingDay(connection, "2022-10-08"))
            #expect(try !Self.isWorkingDay(connection, "2026-11-20"))
            #expect(try Self.isWorkingDay(connection, "2026-11-19"))
        }
    }
}

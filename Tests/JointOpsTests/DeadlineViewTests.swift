import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 10 points 6 and 7 in the read models, through the built binary: the views judge deadlines late,
/// overdue and provisional exactly as `case show` does, with the calendar in force (imports included).
@Suite struct DeadlineViewTests {
    typealias V = ViewSupport

    /// Each clock's status as `case show` gives it, code and label, by kind: "late: 逾期完成, 31 个工作日".
    static func shownStatuses(_ fields: [String: String]) -> [String: String] {
        var statuses: [String: String] = [:]
        for (field, code) in fields where field.hasPrefix("deadline ") && !field.hasSuffix("_zh") {
            statuses[String(field.dropFirst(9))] = "\(code): \(fields[field + "_zh"] ?? "")"
        }
        return statuses
    }

    /// The same text built from a `case_deadlines` row of the views.
    static func viewStatus(_ row: [String: String]) -> String {
        let unit = row["counts_working_days"] == "true" ? "个工作日" : "日"
        let days = [row["days_late"], row["days_overdue"]].compactMap { $0 }.first { !$0.isEmpty }
        return "\(row["timeliness"]!): \(row["timeliness_zh"]!)" + (days.map { ", \($0) \(unit)" } ?? "")
    }

    @Test func lateOverdueAndOnTimeInTheViewsAgreeWithCaseShow() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try DateRulesCLITests.decidedCase(cli)
            try cli.ok(["case", "serve-decision", id, "--method", "inPerson", "--at", V.day(0)])
            let shown = Self.shownStatuses(try V.show(cli, id))
            let rows = try V.report(cli, "case_deadlines").filter { $0["case_id"] == id && $0["timeliness"] != "" }
            var fromViews: [String: String] = [:]
            for row in rows { fromViews[row["kind"]!] = Self.viewStatus(row) }
            #expect(fromViews == shown)
            // Service was done weeks late, publication is still open past its last day, the decision was on time.
            #expect(shown["service"]?.hasPrefix("late: 逾期完成, ") == true, "\(shown)")
            #expect(shown["publication"]?.hasPrefix("overdue: 已逾期, ") == true, "\(shown)")
            #expect(shown["decision"] == "onTime: 按期完成")

            // The summary carries the same marks and days.
            let publication = try #require(rows.first { $0["kind"] == "publication" })
            let summary = try V.report(cli, "deadline_summary")
            let service = try #require(rows.first { $0["kind"] == "service" })
            let served = try #require(summary.first { $0["kind"] == "service" && $0["year"] == service["year"] })
            #expect(served["met_late"] == "1" && served["late_days"] == service["days_late"])
            let open = try #require(summary.first { $0["kind"] == "publication" && $0["year"] == publication["year"] })
            #expect(open["overdue"] == "1" && open["overdue_days"] == publication["days_overdue"])
            // The case register counts the late act and flags the overdue clock.
            let register = try #require(try V.report(cli, "case_register").first { $0["case_id"] == id })
            #expect(register["late_acts"] == "1" && register["overdue"] == "true")
        }
    }

    @Test func aProvisionalDeadlineInTheViewsFollowsTheImportedNoticeLikeCaseShow() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try V.filedToday(cli)
            // Filed today: the 90-day decision clock ends in 2027, a year without a calendar.
            let before = try #require(try V.report(cli, "case_deadlines").first { $0["case_id"] == id && $0["kind"] == "decision" })
            #expect(before["provisional"] == "true")
            let strict = try #require(LocalDate(iso: before["due"]!))
            #expect(strict.year == V.today.year + 1)
            #expect(try V.show(cli, id)["provisional decision"] == "暂定 (provisional)")

            // The 2027 notices arrive, and the strict last day is a regional holiday there.
            try V.importCalendar(cli, ["national,\(strict.year)-01-01,holiday,国务院办公厅通知（测试）",
                                       "xinjiang,\(strict),regionalHoliday,自治区通知（测试）"], complete: true)
            let fields = try V.show(cli, id)
            #expect(fields["provisional decision"] == nil)
            let after = try #require(try V.report(cli, "case_deadlines").first { $0["case_id"] == id && $0["kind"] == "decision" })
            #expect(after["provisional"] == "false")
            let rolled = WorkingDayCalendar.shipped.merging(
                [CalendarEntry(jurisdiction: .xinjiang, date: strict, kind: .regionalHoliday, source: "t")]).rolling(
                    onOrAfter: strict, in: .xinjiang).date
            #expect(after["legally_due"] == rolled.description && rolled > strict)
            // One due date everywhere: the legal, rolled one; the strict day is the labelled internal alert.
            #expect(fields["due decision"]?.hasPrefix("\(after["legally_due"]!) (internal alert \(strict)) ") == true, "\(fields)")
            let register = try #require(try V.report(cli, "case_register").first { $0["case_id"] == id })
            let due = try CaseDueTests.due(cli).filter { $0["case_id"] as? String == id }
            let soonest = try #require(due.first?["due"] as? String)
            #expect(register["next_due"] == soonest, "case due and case_register.next_due agree")
            let list = try cli.ok(["case", "list", "--format", "csv"]).stdout.split(separator: "\r\n").first { $0.hasPrefix(id) }
            #expect(list?.contains(",\(soonest),") == true || list?.contains(",\(soonest)（暂定）,") == true,
                    "case list shows the same next due: \(list ?? "")")
        }
    }

    @Test func importingADayOffChangesTheWorkingDayAgesInTheViews() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try DateRulesCLITests.filedCase(cli)
            try cli.ok(["case", "record-evidence", id, "--kind", "siteRecord", "--description", "现场检查笔录",
                        "--media", "dvr/0001.mp4", "--sha256", String(repeating: "ab", count: 32),
                        "--officer", "ZF-01", "--officer", "ZF-02", "--at", V.day(-47)])
            try cli.ok(["case", "conclude-investigation", id, "--findings", "违法事实清楚", "--at", V.day(-20)])
            try cli.ok(["case", "request-review", id, "--at", V.day(-20)])
            let age = { () throws -> Int in
                Int(try #require(try V.report(cli, "legal_review_queue").first { $0["case_id"] == id })["age_working_days"]!)!
            }
            let before = try age()
            #expect(before > 5)
            try V.importCalendar(cli, ["xinjiang,\(V.ordinaryWeekday(after: -10)),regionalHoliday,自治区通知（测试）"])
            #expect(try age() == before - 1)
        }
    }
}

import Enforcement
import EventStore
import Foundation

/// Views of the statutory deadlines (法定期限): every clock, the summary per kind, and what is due.
///
/// Late and overdue have one definition, ``DeadlineStatus``: a clock met after its legal last day is `late`
/// (逾期完成), one still open past it is `overdue` (已逾期), both counted in the clock's unit (working days
/// for a working-day clock, else calendar days). Whether a met clock was late is fixed when it is met (the
/// projection judges it); whether an open one is overdue, and by how much, depends on today and is judged
/// here, with the working days of `projections.working_days` (the calendar in force).
enum DeadlineViews {
    static let today = ReportingViews.today

    /// The code of ``DeadlineStatus`` for a clock row `d` (NULL for one cancelled or superseded).
    static func statusCode(_ d: String) -> String {
        """
        CASE WHEN \(d).status = 'open' THEN CASE WHEN \(d).legally_due < \(today) THEN 'overdue' ELSE 'open' END
             WHEN \(d).status = 'met' THEN \(d).timeliness END
        """
    }

    /// The Chinese label of a status code, from ``DeadlineStatus/labelZh``.
    static func statusLabel(_ code: String) -> String {
        let day = LocalDate(year: 2026, month: 1, day: 1)!
        let labels = [DeadlineStatus.open, .onTime(doneOn: day), .late(doneOn: day, days: 1), .overdue(days: 1)]
            .map { "WHEN \($0.code.sqlLiteral) THEN \($0.labelZh.sqlLiteral)" }.joined(separator: " ")
        return "CASE \(code) \(labels) END"
    }

    /// Days an open clock of row `d` is past its last day `due` as of today, in its unit (NULL when not
    /// overdue). Needs ``numberedJoins(due:)``: `nd` numbers `due`, `upto` today.
    static func daysOverdue(kind: String, due: String, open: String, today: String = today) -> String {
        """
        CASE WHEN \(open) AND \(due) < \(today) THEN
            CASE WHEN \(WorkingDays.countsWorkingDays(kind)) THEN \(WorkingDays.sinceDay(due, numbers: "nd"))
                 ELSE \(today) - \(due) END
        END
        """
    }

    /// The joins `daysOverdue` reads: `nd` for `due`, `upto` for today.
    static func numberedJoins(due: String) -> String {
        WorkingDays.joinNumbers(of: due, as: "nd") + "\n" + WorkingDays.joinToday
    }

    /// The clock's number within its case: with the case id, the key a page of deadlines resumes after.
    static let clockNumber = ("clock_no", "期限序号", "Number of the clock within its case, in the order the clocks started")

    static let deadlines = ReportingView(
        "case_deadlines", "案件期限", "Case deadlines (法定期限): open, met on time or late, overdue",
        columns: [("case_id", "案件编号", "Case id"), ("agency", "办案单位", "Agency"),
                  ("kind", "期限类别", "Kind of clock (filing, decision, service, publication, seizure, …)"),
                  ("label_zh", "期限名称", "Clock name in Chinese"), ("basis", "依据", "Legal basis"),
                  ("opened_on", "起算日期", "Day the clock started"), ("due", "内部预警日期", "Internal alert: the strict last day; the due date is legally_due"),
                  ("legally_due", "法定届满日期", "Last day in law (rolled to a working day)"),
                  ("year", "年度", "Year of the last day"),
                  ("status", "状态", "open, met, cancelled (no longer needed) or superseded"),
                  ("resolved_on", "办结日期", "Day it was met or cancelled"),
                  ("met_on_time", "按期办结", "Met on or before the last day"),
                  ("overdue", "已逾期", "Open and past its last day as of today"),
                  ("timeliness", "时效状态代码", "open, onTime, late (met after the last day) or overdue (open past it); empty when cancelled"),
                  ("timeliness_zh", "时效状态", "进行中, 按期完成, 逾期完成 or 已逾期"),
                  ("days_late", "逾期完成天数", "Days a met clock was late, in its unit (working or calendar days)"),
                  ("days_overdue", "已逾期天数", "Days an open clock is past its last day today, in its unit"),
                  ("counts_working_days", "按工作日计算", "The clock counts working days (else calendar days)"),
                  ("provisional", "暂定", "The last day rests on a year without a complete calendar (暂定)"),
                  clockNumber]) { t in
        """
        SELECT d.stream_id, c.agency, d.kind, d.label_zh, d.basis, d.opened_on, d.due, d.legally_due,
               EXTRACT(YEAR FROM d.legally_due)::int, d.status, d.resolved_on, d.met_on_time,
               d.status = 'open' AND d.legally_due < \(today), \(statusCode("d")), \(statusLabel(statusCode("d"))),
               d.days_late, \(daysOverdue(kind: "d.kind", due: "d.legally_due", open: "d.status = 'open'")),
               \(WorkingDays.countsWorkingDays("d.kind")), d.provisional, d.seq
        FROM \(t.table("case_deadlines", of: "cases")) d
        JOIN \(t.table("cases", of: "cases")) c ON c.stream_id = d.stream_id
        \(numberedJoins(due: "d.legally_due"))
        """
    }

    static let summary = ReportingView(
        "deadline_summary", "期限执行情况汇总", "Deadlines per kind, agency and year: open, overdue, met on time, met late",
        columns: [("year", "年度", "Year of the last day"), ("agency", "办案单位", "Agency"), ("kind", "期限类别", "Kind of clock"),
                  ("label_zh", "期限名称", "Clock name"), ("open", "未办结", "Still open"),
                  ("overdue", "已逾期", "Open and overdue today"),
                  ("overdue_days", "已逾期天数合计", "Days past the last day of the overdue ones today, summed, in the clock's unit"),
                  ("met_on_time", "按期完成", "Met on time"), ("met_late", "逾期完成", "Met late"),
                  ("late_days", "逾期完成天数合计", "Days late of those met late, summed, in the clock's unit"),
                  ("cancelled", "无需办理", "Cancelled (no longer needed)"),
                  ("provisional", "暂定", "Open with a provisional last day")]) { t in
        func count(_ condition: String) -> String { "COALESCE(sum(r.row_count) FILTER (WHERE \(condition)), 0)::int" }
        // Today once per read (an uncorrelated subquery), not once per rollup row and use: the rows are thousands
        // (one per open last day), and the time zone conversion was a third of the read.
        let today = "(SELECT \(DeadlineViews.today))"
        let overdue = "r.status = 'open' AND r.open_due < \(today)"
        let days = daysOverdue(kind: "r.kind", due: "r.open_due", open: "r.status = 'open'", today: today)
        return """
            SELECT r.year, r.agency, r.kind, min(r.label_zh) FILTER (WHERE r.row_count > 0), \(count("r.status = 'open'")),
                   \(count(overdue)), COALESCE(sum(r.row_count * \(days)) FILTER (WHERE \(overdue)), 0)::int,
                   \(count("r.status = 'met' AND r.met_on_time")), \(count("r.status = 'met' AND NOT r.met_on_time")),
                   COALESCE(sum(r.days_late) FILTER (WHERE r.status = 'met'), 0)::int,
                   \(count("r.status = 'cancelled'")), \(count("r.status = 'open' AND r.provisional"))
            FROM \(Rollups.table(Rollups.deadlines, t)) r
            \(numberedJoins(due: "r.open_due"))
            GROUP BY r.year, r.agency, r.kind
            HAVING sum(r.row_count) > 0
            """
    }

    /// `deadline_summary` summed afresh from the deadlines: what its rollup must equal.
    static func summaryDirect(_ t: ProjectionTarget) -> String {
        """
        SELECT year, agency, kind, min(label_zh), count(*) FILTER (WHERE status = 'open')::int,
               count(*) FILTER (WHERE overdue)::int, COALESCE(sum(days_overdue), 0)::int,
               count(*) FILTER (WHERE status = 'met' AND met_on_time)::int,
               count(*) FILTER (WHERE status = 'met' AND NOT met_on_time)::int,
               COALESCE(sum(days_late) FILTER (WHERE status = 'met'), 0)::int,
               count(*) FILTER (WHERE status = 'cancelled')::int,
               count(*) FILTER (WHERE status = 'open' AND provisional)::int
        FROM reporting_source.case_deadlines
        GROUP BY year, agency, kind
        """.replacingOccurrences(of: "reporting_source.", with: "\(t.schema == "pg_temp" ? "pg_temp" : "reporting").")
    }

    static let due = ReportingView(
        "deadlines_due", "待办期限", "What is due: every open statutory deadline, soonest first, overdue ones with how late they are (`jointops case due`)",
        columns: [("due", "法定届满日期", "Last day in law"), ("case_id", "案件编号", "Case id"),
                  ("agency", "办案单位", "Agency holding the case"),
                  ("officers", "承办人员", "Officers assigned to the case"),
                  ("kind", "期限类别", "Step the clock waits for (filing, decision, service, publication, seizure, …)"),
                  ("label_zh", "期限名称", "Clock name in Chinese"), ("basis", "依据", "Legal basis"),
                  ("strict_due", "内部预警日期", "Internal alert: the strict last day (before rolling a calendar-day clock to a working day)"),
                  ("counts_working_days", "按工作日计算", "The clock counts working days (else calendar days)"),
                  ("provisional", "暂定", "The last day rests on a year without a complete calendar (暂定)"),
                  ("status", "时效状态代码", "open or overdue"), ("status_zh", "时效状态", "进行中 or 已逾期"),
                  ("days_overdue", "已逾期天数", "Days past the last day today, in the clock's unit; empty when not overdue"),
                  ("year", "年度", "Year of the last day"), clockNumber]) { t in
        """
        SELECT d.legally_due, d.stream_id, c.agency, c.officers, d.kind, d.label_zh, d.basis, d.due,
               \(WorkingDays.countsWorkingDays("d.kind")), d.provisional, \(statusCode("d")),
               \(statusLabel(statusCode("d"))), \(daysOverdue(kind: "d.kind", due: "d.legally_due", open: "true")),
               EXTRACT(YEAR FROM d.legally_due)::int, d.seq
        FROM \(t.table("case_deadlines", of: "cases")) d
        JOIN \(t.table("cases", of: "cases")) c ON c.stream_id = d.stream_id
        \(numberedJoins(due: "d.legally_due"))
        WHERE d.status = 'open'
        """
    }
}

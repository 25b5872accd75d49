import Enforcement
import Foundation
import Testing
import TestSupport

/// Reading the binary's JSON output in the views' tests.
enum ViewSupport {
    static let today = LocalDate(Date())
    static func day(_ offset: Int) -> String { today.adding(days: offset).description }

    /// The rows of `jointops report NAME --format json` (every value as text, "" for NULL).
    static func report(_ cli: CLIRunner, _ name: String, _ extra: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: String]] {
        let result = try cli.ok(["report", name, "--format", "json"] + extra, sourceLocation: sourceLocation)
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return rows.map { $0.mapValues { $0 is NSNull ? "" : "\($0)" } }
    }

    /// The field → value pairs of `jointops case show ID --format csv`: a coded field (`status`, `deadline service`)
    /// holds its code, and `FIELD_zh` its label.
    static func show(_ cli: CLIRunner, _ id: String) throws -> [String: String] {
        let result = try cli.ok(["case", "show", id, "--format", "csv"])
        var fields: [String: String] = [:]
        for row in csvRows(result.stdout).dropFirst() where row.count == 2 { fields[row[0]] = row[1] }
        return fields
    }

    /// The records of RFC 4180 CSV (CRLF line ends, quoted fields with doubled quotes).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, previousQuote = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; previousQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if previousQuote { field.append("\"") }
                quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
            previousQuote = false
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// A case (black car unless `sector` says otherwise) whose lead came in and was filed today (act yesterday); returns its id.
    static func filedToday(_ cli: CLIRunner, party: String = "654202199001015678", sector: String = "blackCar",
                           officers: [String] = ["ZF-01", "ZF-02"])
        throws -> String {
        let lead = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "inspection",
                               "--summary", "巡查发现黑车"])
        let id = String(lead.stdout.prefix(while: { $0 != ":" }))
        try cli.ok(["case", "file", id, "--agency", "WSZD", "--approver", "ZD-01", "--on-behalf-of", "ZD-01", "--party-name", "马某",
                    "--party-id", party, "--act-date", day(-1), "--act-place", "乌苏市火车站广场",
                    "--sector", sector, "--description", "未取得经营许可载客"])
        try cli.ok(["case", "assign-officers", id] + officers.flatMap { ["--officer", $0] })
        return id
    }

    /// Writes a calendar CSV with `lines` (jurisdiction,date,kind,source) and imports it.
    @discardableResult
    static func importCalendar(_ cli: CLIRunner, _ lines: [String], complete: Bool = false) throws -> CLIRunner.Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID()).csv")
        try (["jurisdiction,date,kind,source"] + lines).joined(separator: "\n").appending("\n")
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try cli.ok(["calendar", "import", file.path] + (complete ? ["--complete"] : []))
    }

    /// The first weekday after `offset` days from today that is not a shipped day off: a day an import can
    /// make a regional holiday.
    static func ordinaryWeekday(after offset: Int) -> LocalDate {
        var day = today.adding(days: offset)
        while day.isWeekend || !WorkingDayCalendar.shipped.entries(on: day, in: .xinjiang).isEmpty {
            day = day.adding(days: 1)
        }
        return day
    }
}

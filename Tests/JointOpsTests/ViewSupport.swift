import Enforcement
import Foundation
import Testing
import TestSupport

/// Reading the binary's JSON output in the views' tests.
enum ViewSupport {
    static let today = LocalDate(Date())
    static func day(_ offset: Int) -> String { today.adding(days: offset).description }

    /// The rows of `jointops report NAME --format json`, every value as the view's text has it ("" for NULL,
    /// `true`, `{a,b}` for an array); the JSON itself is typed (``JSONCell``).
    static func report(_ cli: CLIRunner, _ name: String, _ extra: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: String]] {
        let result = try cli.ok(["report", name, "--format", "json"] + extra, sourceLocation: sourceLocation)
        let rows = try JSONDecoder().decode([[String: JSONCell]].self, from: Data(result.stdout.utf8))
        return rows.map { $0.mapValues(\.text) }
    }

    /// One typed JSON value of a report row: a boolean is never read as a number, nor a number as a boolean.
    enum JSONCell: Decodable, Equatable {
        case null, boolean(Bool), integer(Int), number(Double), string(String), array([JSONCell])

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() { self = .null }
            else if let flag = try? value.decode(Bool.self) { self = .boolean(flag) }
            else if let whole = try? value.decode(Int.self) { self = .integer(whole) }
            else if let number = try? value.decode(Double.self) { self = .number(number) }
            else if let text = try? value.decode(String.self) { self = .string(text) }
            else { self = .array(try value.decode([JSONCell].self)) }
        }

        var text: String {
            switch self {
            case .null: ""
            case .boolean(let flag): flag ? "true" : "false"
            case .integer(let whole): String(whole)
            case .number(let number): String(number)
            case .string(let text): text
            case .array(let items): "{" + items.map(\.text).joined(separator: ",") + "}"
            }
        }
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

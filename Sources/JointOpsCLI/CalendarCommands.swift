import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Working-day calendars: import official holiday notices, show a year, list what is loaded.",
        discussion: Help.discussion(examples: "jointops calendar show 2026", "jointops calendar list"),
        subcommands: [Import.self, Show.self, List.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import days of a holiday notice typed up as CSV; only the listed days change.",
            discussion: Help.discussion("""
                The file is UTF-8 CSV with the header `jurisdiction,date,kind,source` and an optional fifth \
                column `notice_year`; lines starting with # are comments, fields may be double-quoted.
                  jurisdiction  national, or xinjiang (national days plus the region's)
                  date          YYYY-MM-DD
                  kind          holiday          national day off (放假)
                                makeupWorkday    weekend day worked (调休上班日)
                                regionalHoliday  regional day off (肉孜节, 古尔邦节)
                                ordinaryDay      takes back a day listed wrongly
                  source        the notice, e.g. 国务院办公厅 2025-11-04 通知
                  notice_year   the notice's year, if not the date's
                Example shape (dates illustrative; see examples/calendar-xinjiang-2026.csv):
                  jurisdiction,date,kind,source
                  xinjiang,2026-03-20,regionalHoliday,"自治区人民政府办公厅通知（示例）"
                Days not listed keep what they were. A day a shipped official notice sets changes only with \
                --replace. Until a (jurisdiction, year) is imported with --complete (the whole notice), \
                deadlines into it stay provisional.
                """, examples: "jointops calendar import examples/calendar-xinjiang-2026.csv --complete",
                "jointops calendar import 更正通知.csv --replace"))
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "The file is the whole notice for each (jurisdiction, year) it lists: those years become complete.")
        var complete = false
        @Flag(help: "Allow changing days that a shipped official notice sets (a correcting notice).")
        var replace = false
        @OptionGroup var options: WriteOptions
        func run() throws {
            let request = try options.request()
            let result = try connectedApplication().importCalendar(path: file, complete: complete, replace: replace,
                                                                   request: request)
            emit(Table(["jurisdiction", "date", "change", "before", "after"], rows: result.changes.map { change in
                [change.jurisdiction.rawValue, change.date.description, change.outcome.rawValue,
                 change.before.rawValue, change.after.rawValue]
            }), options.format)
            if !result.imported.complete.isEmpty {
                let years = result.imported.complete.map { "\($0.jurisdiction.rawValue) \($0.year)" }.joined(separator: ", ")
                FileHandle.standardError.write(Data("jointops: note: \(years) now complete\n".utf8))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a year's days off and make-up working days, their source, and whether the year is complete.",
            discussion: Help.discussion(examples: "jointops calendar show 2026",
                                        "jointops calendar show 2026 --jurisdiction national --format csv"))
        @Argument(help: "The year, e.g. 2026.") var year: Int
        @Option(help: "national, or xinjiang (national days plus the region's).") var jurisdiction: Jurisdiction = .xinjiang
        @OptionGroup var output: FormatOption
        func run() throws {
            let calendar = try connectedApplication().calendar()
            let table = CalendarTables.year(year, in: jurisdiction, calendar: calendar)
            if output.format == .table {
                print(CalendarTables.status(year, in: jurisdiction, calendar: calendar))
            }
            try emit(table, output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the complete notices (shipped and imported).",
            discussion: Help.discussion(examples: "jointops calendar list"))
        @OptionGroup var output: FormatOption
        func run() throws {
            try emit(CalendarTables.completeNotices(try connectedApplication().calendar()), output)
        }
    }
}

extension Jurisdiction: Choice {}

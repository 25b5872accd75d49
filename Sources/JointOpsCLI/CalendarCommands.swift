import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Working-day calendars: import official holiday notices, list what is loaded.",
        subcommands: [Import.self, List.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a holiday notice typed up as CSV (jurisdiction,date,kind,source[,notice_year]).")
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            let request = try options.request()
            let imported = try connectedApplication().importCalendar(path: file, request: request)
            let notices = imported.notices.map { "\($0.jurisdiction.rawValue) \($0.year)" }
            emit(Table(["file", "days", "notices"],
                       rows: [[imported.fileName, String(imported.entries.count), notices.joined(separator: ", ")]]),
                 options.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the notices loaded (shipped and imported).")
        @OptionGroup var output: FormatOption
        func run() throws {
            let calendar = try connectedApplication().calendar()
            let years = calendar.loadedYears.sorted { ($0.year, $0.jurisdiction.rawValue) < ($1.year, $1.jurisdiction.rawValue) }
            emit(Table(["jurisdiction", "year", "days listed"], rows: years.map { loaded in
                [loaded.jurisdiction.rawValue, String(loaded.year),
                 String(calendar.entries.filter { $0.jurisdiction == loaded.jurisdiction && $0.noticeYear == loaded.year }.count)]
            }), output.format)
        }
    }
}

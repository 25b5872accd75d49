import ArgumentParser
import Enforcement
import Foundation
import JointOps

// The pre-decision notice (告知), the party's statement and the hearing (听证). Legal review is in ReviewCommands.swift.
extension CaseCommandGroup {
    struct ServeNotice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve-notice",
            abstract: "Serve the pre-decision notice (告知) of the intended penalty.")
        @Argument var id: String
        @OptionGroup var penalty: PenaltyOptions
        @Flag(name: .customLong("hearing-right"), help: "Offer a hearing the law does not require (recorded as granted voluntarily); the law's own right (APL 63) is always offered.")
        var hearingRight = false
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .serveNotice(intended: try penalty.penalty(), hearingRight: hearingRight) } }
    }

    struct ReceiveStatement: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-statement",
            abstract: "Record the party's statement and defence (陈述申辩).")
        @Argument var id: String
        @Option(help: "Summary (Chinese).") var summary: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .receiveStatement(summaryZh: summary) } }
    }

    struct WaiveStatement: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "waive-statement",
            abstract: "Record that the party waived its statement and defence.")
        @Argument var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .waiveStatement } }
    }

    struct RequestHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "request-hearing", abstract: "Record the party's hearing request.")
        @Argument var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .requestHearing } }
    }

    struct ScheduleHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "schedule-hearing", abstract: "Fix the hearing (≥ 7 working days ahead).")
        @Argument var id: String
        @Option(help: "Hearing day, YYYY-MM-DD.") var date: String
        @Option(help: "Chair's officer id (not an investigator).") var chair: String
        @Option(help: "Where (Chinese).") var place: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) { .scheduleHearing(date: try parseDate(date, option: "--date"), chair: chair, placeZh: place) }
        }
    }

    struct HoldHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hold-hearing", abstract: "Record that the hearing took place.")
        @Argument var id: String
        @Option(help: "Reference of the hearing record.") var record: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .holdHearing(recordRef: record) } }
    }

    struct WaiveHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "waive-hearing",
            abstract: "Record the party's written waiver of the hearing: of the open right, or of a requested hearing.")
        @Argument var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .waiveHearing(reasonZh: reason) } }
    }
}

import ArgumentParser
import Enforcement
import Foundation
import JointOps

// The pre-decision notice (告知), the party's statement and the hearing (听证). Legal review is in ReviewCommands.swift.
extension CaseCommandGroup {
    struct ServeNotice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve-notice",
            abstract: "Serve the pre-decision notice (告知) of the intended penalty.",
            discussion: Help.discussion(examples:
                "jointops case serve-notice CASE-2026-0012 --fine 30000 --basis RTR-63",
                "jointops case serve-notice CASE-2026-0012 --type warning --basis TAXI-47 --hearing-right"))
        @Argument(help: .caseId) var id: String
        @OptionGroup var penalty: PenaltyOptions
        @Flag(name: .customLong("hearing-right"), help: "Offer a hearing the law does not require (recorded as granted voluntarily); the law's own right (APL 63) is always offered.")
        var hearingRight = false
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .serveNotice(intended: try penalty.penalty(), hearingRight: hearingRight) } }
    }

    struct ReceiveStatement: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-statement",
            abstract: "Record the party's statement and defence (陈述申辩).",
            discussion: Help.discussion(examples:
                "jointops case receive-statement CASE-2026-0012 --summary 当事人称系初次违法，请求从轻处罚"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Summary (Chinese).") var summary: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .receiveStatement(summaryZh: summary) } }
    }

    struct WaiveStatement: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "waive-statement",
            abstract: "Record that the party waived its statement and defence.",
            discussion: Help.discussion(examples:
                "jointops case waive-statement CASE-2026-0012"))
        @Argument(help: .caseId) var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .waiveStatement } }
    }

    struct RequestHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "request-hearing", abstract: "Record the party's hearing request.",
            discussion: Help.discussion(examples:
                "jointops case request-hearing CASE-2026-0012"))
        @Argument(help: .caseId) var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .requestHearing } }
    }

    struct ScheduleHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "schedule-hearing", abstract: "Fix the hearing (≥ 7 working days ahead).",
            discussion: Help.discussion(examples:
                "jointops case schedule-hearing CASE-2026-0012 --date 2026-04-20 --chair ZF-12 --place 乌苏市交通运输局三楼听证室"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Hearing day, YYYY-MM-DD.") var date: String
        @Option(help: "Chair's officer id (not an investigator).") var chair: String
        @Option(help: "Where (Chinese).") var place: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) { .scheduleHearing(date: try parseDate(date, option: "--date"), chair: chair, placeZh: place) }
        }
    }

    struct HoldHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hold-hearing", abstract: "Record that the hearing took place.",
            discussion: Help.discussion(examples:
                "jointops case hold-hearing CASE-2026-0012 --record 听证笔录〔2026〕3号"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Reference of the hearing record.") var record: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .holdHearing(recordRef: record) } }
    }

    struct WaiveHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "waive-hearing",
            abstract: "Record the party's written waiver of the hearing: of the open right, or of a requested hearing.",
            discussion: Help.discussion(examples:
                "jointops case waive-hearing CASE-2026-0012 --reason 当事人书面放弃听证"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .waiveHearing(reasonZh: reason) } }
    }
}

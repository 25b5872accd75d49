import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct CommitmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitment",
        abstract: "Service commitments (服务承诺): working days committed against the law's limit, from a day (administrators only).",
        discussion: Help.discussion(examples: "jointops commitment list"),
        subcommands: [SetCommitment.self, List.self]
    )

    struct SetCommitment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a commitment from a day on; an earlier version stays in force until then.",
            discussion: Help.discussion(examples: "jointops commitment set ROAD-TRANSPORT-LICENCE --service 道路运输经营许可 --agency WSJT --statutory-days 20 --committed-days 7 --from 2023-03-01 --note 最多跑一次"))
        @Argument(help: "Code, e.g. ROAD-TRANSPORT-LICENCE (letters, digits, hyphens).") var code: String
        @Option(help: "The service (Chinese), e.g. 道路运输经营许可.") var service: String
        @Option(help: "Code of the committing agency.") var agency: String
        @Option(name: .customLong("statutory-days"), parsing: .unconditional,
                help: "Working days the law allows (法定时限), 1 to \(ServiceCommitment.maximumWorkingDays).")
        var statutoryDays: String
        @Option(name: .customLong("committed-days"), parsing: .unconditional,
                help: "Working days committed to (承诺时限), 0 (on the spot) to the statutory days.")
        var committedDays: String
        @Option(help: "First day in force, YYYY-MM-DD (default: the --at day).") var from: String?
        @Option(help: "How it is kept (Chinese), e.g. 最多跑一次.") var note: String?
        @OptionGroup var options: WriteOptions

        func run() throws {
            let request = try options.request()
            let commitment = ServiceCommitment(
                code: code.trimmingCharacters(in: .whitespaces).uppercased(), serviceZh: service, agency: agency,
                statutoryWorkingDays: try parseInt(statutoryDays, option: "--statutory-days"),
                committedWorkingDays: try parseInt(committedDays, option: "--committed-days"),
                from: try from.map { try parseDate($0, option: "--from") } ?? request.at?.date ?? LocalDate(Date()),
                noteZh: note)
            try options.write(CommitmentDecider.self) { handler, request in
                try handler.handle(.set(commitment), on: StreamKind.commitmentStream, mustExist: false, request: request)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every version of every commitment, with its period in force.",
            discussion: Help.discussion(examples: "jointops commitment list --year 2023"))
        @Option(parsing: .unconditional, help: "Only the versions in force on some day of this year.") var year: Int?
        @OptionGroup var output: FormatOption

        func validate() throws { try checkYear(year) }

        func run() throws {
            let state = try connectedApplication().handler(CommitmentDecider.self).load(StreamKind.commitmentStream).state
            var rows: [[String]] = []
            for (code, versions) in state.versions.sorted(by: { $0.key < $1.key }) {
                for (index, c) in versions.enumerated() {
                    let to = versions.indices.contains(index + 1) ? versions[index + 1].from.adding(days: -1) : nil
                    if let year, c.from.year > year || (to.map { $0.year < year } ?? false) { continue }
                    rows.append([code, c.serviceZh, c.agency, String(c.statutoryWorkingDays), String(c.committedWorkingDays),
                                 index > 0 ? String(versions[index - 1].committedWorkingDays) : "",
                                 c.from.description, to?.description ?? "", c.noteZh ?? ""])
                }
            }
            try emit(Table(["code", "service", "agency", "statutory_days", "committed_days", "previous_committed_days",
                            "from", "to", "note"], rows: rows,
                           kinds: [.text, .text, .text, .integer, .integer, .integer, .text, .text, .text]), output)
        }
    }
}

extension CommitmentDecider: WriteSummary {
    static func status(of state: CommitmentState) -> (code: String, labelZh: String) { ("set", "已设定") }
    static func next(after state: CommitmentState) -> [String] { [] }
}

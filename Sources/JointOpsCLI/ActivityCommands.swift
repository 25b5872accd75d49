import ArgumentParser
import Enforcement
import Foundation
import JointOps

extension RuleOfLawActivityKind: Choice {}

struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Rule-of-law activities (法治建设活动): party-group meetings, study, lectures, visits, trips, handbooks.",
        discussion: Help.discussion(examples: "jointops activity record --kind 党组会 --title 研究部署年度法治政府建设工作 --agency WSJT --date 2023-02-10", "jointops activity list --year 2023"),
        subcommands: [Record.self, List.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an activity; prints the new ROL-YYYY-NNNN id.",
            discussion: """
                A study visit, an outside study trip and an enterprise study need --place, a lecture --host, an outside \
                study trip --person-times, a handbook --items. Example:
                  jointops activity record --kind 外出学习 --title 道路运输执法规范化培训 --place 乌鲁木齐市 \
                --agency WSJT --participants 4 --person-times 4 --date 2023-06-12
                """)
        @Option(help: "What kind of activity (code, label or short name, e.g. 党组会, 集体学法).") var kind: RuleOfLawActivityKind
        @Option(help: "Topic, agenda or handbook title (Chinese).") var title: String
        @Option(help: "Day held, YYYY-MM-DD (default: the --at day; given alone, it is also the business date).") var date: String?
        @Option(help: "Code of the agency that held it.") var agency: String
        @Option(help: "Where (Chinese): the county or department visited, the trip's destination, the enterprise.") var place: String?
        @Option(help: "Who gave it (Chinese): the lecturer or the lecturing body.") var host: String?
        @Option(parsing: .unconditional, help: "People who took part (参加人数), 1 to 1000.") var participants: String?
        @Option(name: .customLong("person-times"), parsing: .unconditional,
                help: "Person-times (参加人次), 1 to 10000, no fewer than participants (default: one per participant).")
        var personTimes: String?
        @Option(parsing: .unconditional, help: "Laws and regulations compiled (handbook only), 1 to 1000.") var items: String?
        @OptionGroup var options: WriteOptions

        func run() throws {
            let day = try date.map { try parseDate($0, option: "--date") }
            var options = self.options
            // The day it was held is when it happened: given alone, it dates the record too (a day still to come is left
            // to the rule that refuses it, which names --date's day).
            if options.at == nil, let day, day <= LocalDate(Date()) { options.at = day.description }
            let request = try options.request()
            let activity = RuleOfLawActivity(
                kind: kind, titleZh: title, date: day ?? request.at?.date ?? LocalDate(Date()), agency: agency,
                placeZh: place, hostZh: host,
                participants: try participants.map { try parseInt($0, option: "--participants") },
                personTimes: try personTimes.map { try parseInt($0, option: "--person-times") },
                items: try items.map { try parseInt($0, option: "--items") })
            try options.create(RuleOfLawDecider.self, .ruleOfLaw) { .record(activityId: $0, activity) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List activities, with the count and person-times of each kind.",
            discussion: Help.discussion(examples: "jointops activity list --year 2023 --kind 外出学习"))
        @Option(parsing: .unconditional, help: "Only this year's.") var year: Int?
        @Option(help: "Only this kind (code, label or short name).") var kind: RuleOfLawActivityKind?
        @OptionGroup var output: FormatOption

        func validate() throws { try checkYear(year) }

        func run() throws {
            let activities = try connectedApplication().loadAll(RuleOfLawDecider.self, kind: .ruleOfLaw)
                .compactMap { id, a in a.map { (id: id, activity: $0) } }
                .filter { year == nil || $0.activity.date.year == year }
                .filter { kind == nil || $0.activity.kind == kind }
            var rows = activities.map { id, a in
                [id, a.date.description, a.kind.rawValue, a.kind.labelZh, a.agency, a.titleZh, a.placeZh ?? "", a.hostZh ?? "",
                 a.participants.map(String.init) ?? "", (a.personTimes ?? a.participants).map(String.init) ?? "",
                 a.items.map(String.init) ?? ""]
            }
            if output.format == .table {
                // People read the totals the report quotes: 外出学习 4 次, 15 人次.
                for kind in RuleOfLawActivityKind.allCases {
                    let ofKind = activities.filter { $0.activity.kind == kind }.map(\.activity)
                    guard !ofKind.isEmpty else { continue }
                    rows.append(["total", "\(ofKind.count) 次", kind.rawValue, kind.labelZh, "", "", "", "", "",
                                 ofKind.allSatisfy { $0.personTimes == nil && $0.participants == nil }
                                     ? "" : String(ofKind.reduce(0) { $0 + $1.countedPersonTimes }),
                                 ofKind.contains { $0.items != nil } ? String(ofKind.reduce(0) { $0 + ($1.items ?? 0) }) : ""])
                }
            }
            try emit(Table(["id", "date", "kind", "kind_zh", "agency", "title", "place", "host", "participants",
                            "person_times", "items"], rows: rows,
                           kinds: [.text, .text, .code, .text, .text, .text, .text, .text, .integer, .integer, .integer]), output)
        }
    }
}

extension RuleOfLawDecider: WriteSummary {
    static func status(of state: RuleOfLawDecider.State) -> (code: String, labelZh: String) { ("recorded", "已登记") }
    static func next(after state: RuleOfLawDecider.State) -> [String] { [] }
}

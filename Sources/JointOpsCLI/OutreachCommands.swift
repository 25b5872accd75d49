import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct OutreachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outreach",
        abstract: "Publicity activities (普法宣传): leaflets, campaigns and the channels they used.",
        discussion: Help.discussion(examples: "jointops outreach list"),
        subcommands: [Record.self, List.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an activity; prints the new PUB-YYYY-NNNN id.",
            discussion: Help.discussion(examples:
                "jointops outreach record --event 拒乘黑车普法宣传 --place 乌苏市人民广场 --agency WSZD --leaflets 500 --people 320 --date 2026-05-20"))
        @Option(help: "The event (Chinese).") var event: String
        @Option(help: "Where (Chinese).") var place: String
        @Option(help: "Day, YYYY-MM-DD (default: the --at date).") var date: String?
        @Option(help: "Organising agency code.") var agency: String
        @Option(parsing: .unconditional, help: "Leaflets handed out.") var leaflets: String = "0"
        @Option(parsing: .unconditional, help: "People reached.") var people: String = "0"
        @Option(help: "The publicity campaign it belongs to (Chinese), e.g. 宪法宣传月, 全国交通宣传日.") var campaign: String?
        @Option(help: "A channel used (repeat for each), e.g. wechatAccount or 微信公众号, douyin, taxiRoofLights, busLEDScreens.")
        var channel: [OutreachChannel] = []
        @Option(help: "An online account it was posted on (Chinese; repeat for each), e.g. 乌苏零距离.") var account: [String] = []
        @OptionGroup var options: WriteOptions
        func run() throws {
            let request = try options.request()
            let activity = OutreachActivity(
                eventZh: event, placeZh: place,
                date: try date.map { try parseDate($0, option: "--date") } ?? request.at?.date ?? LocalDate(Date()),
                agency: agency, leaflets: try parseInt(leaflets, option: "--leaflets", field: "leaflets"),
                peopleReached: try parseInt(people, option: "--people", field: "peopleReached"), campaignZh: campaign,
                channels: channel.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, accountsZh: account)
            try options.create(OutreachDecider.self, .outreach) { .record(activityId: $0, activity) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List activities with the leaflet total.",
            discussion: Help.discussion(examples:
                "jointops outreach list",
                "jointops outreach list --format csv"))
        @OptionGroup var output: FormatOption
        func run() throws {
            let activities = try connectedApplication().loadAll(OutreachDecider.self, kind: .outreach)
                .compactMap { id, a in a.map { (id, $0) } }
            var rows = activities.map { id, a in
                [id, a.date.description, a.agency, String(a.leaflets), String(a.peopleReached), a.eventZh, a.campaignZh ?? "",
                 a.channels.map(\.rawValue).joined(separator: " "), a.channels.map(\.labelZh).joined(separator: "、"),
                 a.accountsZh.joined(separator: "、")]
            }
            if output.format == .table {
                rows.append(["total", "", "", String(activities.reduce(0) { $0 + $1.1.leaflets }),
                             String(activities.reduce(0) { $0 + $1.1.peopleReached }), "", "", "", "", ""])
            }
            try emit(Table(["id", "date", "agency", "leaflets", "people", "event", "campaign", "channels", "channels_zh",
                            "accounts"], rows: rows,
                           kinds: [.text, .text, .text, .integer, .integer, .text, .text, .codes(separator: " "),
                                   .list(separator: "、"), .list(separator: "、")]), output)
        }
    }
}

extension OutreachChannel: Choice {}

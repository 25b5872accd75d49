import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Create and list sector campaigns (专项整治).",
        discussion: Help.discussion(examples: "jointops campaign list"),
        subcommands: [Create.self, List.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a time-boxed sector campaign.",
            discussion: Help.discussion(examples:
                "jointops campaign create CAMP-2026-BLACKCAR --title 乌苏市黑车专项整治 --sector 黑车 --from 2026-04-01 --to 2026-06-30"))
        @Argument(help: "Code, e.g. CAMP-2023-BLACKCAR.") var code: String
        @Option(help: "Chinese title.") var title: String
        @Option(help: "The sector the campaign targets.") var sector: Sector
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String
        @OptionGroup var options: WriteOptions

        func run() throws {
            let campaign = Campaign(code: code, titleZh: title, sector: sector,
                                    from: try parseDate(from, option: "--from"), to: try parseDate(to, option: "--to"))
            try options.writeRegistry(.createCampaign(campaign))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List campaigns.",
            discussion: Help.discussion(examples: "jointops campaign list", "jointops campaign list --format json"))
        @OptionGroup var output: FormatOption

        func run() throws {
            let campaigns = try connectedApplication().registry().campaigns.values.sorted { $0.code < $1.code }
            try emit(Table(["code", "title", "sector", "sector_zh", "from", "to"], rows: campaigns.map {
                [$0.code, $0.titleZh, $0.sector.rawValue, $0.sector.labelZh, $0.from.description, $0.to.description]
            }, kinds: [.text, .text, .code, .text, .text, .text]), output)
        }
    }
}

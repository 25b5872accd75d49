import ArgumentParser
import Enforcement
import Foundation
import JointOps

extension AgencyCommand {
    /// `agency bureau CODE`: the agency the annual report is made for, recorded so every report rebuilds with it.
    struct Bureau: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the registered agency the annual report is made for (报告单位).",
            discussion: Help.discussion(
                "The report prints its name at the top (`report annual --bureau NAME` overrides it for one run).",
                examples: "jointops agency bureau WSJT"))
        @Argument(help: "Code of a registered agency, e.g. WSJT.") var code: String
        @OptionGroup var options: WriteOptions

        func run() throws { try options.writeRegistry(.nameBureau(agency: code)) }
    }
}

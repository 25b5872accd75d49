import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Register and list agencies (交通运输局, 交警大队, 市场监管局, …).",
        discussion: Help.discussion(examples: "jointops agency list", "jointops agency bureau WSJT"),
        subcommands: [Register.self, List.self, Bureau.self]
    )

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an agency under a short code.",
            discussion: Help.discussion(examples:
                "jointops agency register WSZD --name 乌苏市交通运输综合行政执法大队 --kind transport",
                "jointops agency register WSJJ --name 乌苏市公安局交通警察大队 --kind 交警"))
        @Argument(help: "Short code, e.g. WSZD.") var code: String
        @Option(help: "Chinese name, e.g. 乌苏市交通运输综合行政执法大队.") var name: String
        @Option(help: "What kind of body the agency is.") var kind: AgencyKind
        @OptionGroup var options: WriteOptions

        func run() throws { try options.writeRegistry(.registerAgency(.init(code: code, nameZh: name, kind: kind))) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered agencies.",
            discussion: Help.discussion(examples: "jointops agency list", "jointops agency list --format csv"))
        @OptionGroup var output: FormatOption

        func run() throws {
            let agencies = try connectedApplication().registry().agencies.values.sorted { $0.code < $1.code }
            try emit(Table(["code", "name", "kind", "kind_zh"], rows: agencies.map { [$0.code, $0.nameZh, $0.kind.rawValue, $0.kind.labelZh] },
                           kinds: [.text, .text, .code, .text]), output)
        }
    }
}

import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// Runs a registry command and prints the entry it touched.
func registryWrite(_ command: RegistryCommand, _ options: WriteOptions) {
    guarded {
        let request = try options.request()
        let format = try options.outputFormat()
        withApplication { app in
            let outcome = try app.handler(RegistryDecider.self)
                .handle(command, on: StreamKind.registryStream, mustExist: false, request: request)
            report(outcome, status: "registered", next: [], format: format)
        }
    }
}

struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Register and list agencies (交通运输局, 交警大队, 市场监管局, …).",
        subcommands: [Register.self, List.self]
    )

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an agency under a short code.")
        @Argument(help: "Short code, e.g. WSZD.") var code: String
        @Option(help: "Chinese name, e.g. 乌苏市交通运输综合行政执法大队.") var name: String
        @Option(help: "transport, police, marketRegulation, urbanManagement, emergencyManagement, cultureTourism, township, justice or other.")
        var kind: String
        @OptionGroup var options: WriteOptions

        func run() {
            guarded {
                let kind = try parseChoice(kind, option: "--kind", as: AgencyKind.self)
                registryWrite(.registerAgency(.init(code: code, nameZh: name, kind: kind)), options)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered agencies.")
        @OptionGroup var output: FormatOption

        func run() {
            guarded {
                let format = try output.outputFormat()
                withApplication { app in
                    let agencies = try app.registry().agencies.values.sorted { $0.code < $1.code }
                    emit(Table(["code", "name", "kind"], rows: agencies.map { [$0.code, $0.nameZh, $0.kind.rawValue] }), format)
                }
            }
        }
    }
}

import ArgumentParser
import Enforcement
import Foundation
import JointOps

// Coercive measures on a vehicle (扣押, Coercion Law 25): seize, extend, release, confiscate.
extension CaseCommandGroup {
    struct SeizeVehicle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "seize-vehicle",
            abstract: "Seize a vehicle (扣押); 30 days, extendable once.",
            discussion: Help.discussion(examples:
                "jointops case seize-vehicle CASE-2026-0012 --plate 新G·12345 --officer ZF-01 --officer ZF-02 --approver ZD-01 --place 乌苏市车辆停放场"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Plate, e.g. 新G·12345.") var plate: String
        @Option(help: "Officer id (repeatable).") var officer: [String] = []
        @Option(name: [.customLong("approver"), .customLong("approved-by")],
                help: "Officer id of the approver: designated approver (审批负责人) of the agency on the day.")
        var approvedBy: String
        @Option(help: "Where the vehicle is kept (Chinese).") var place: String
        @OptionGroup var operation: OperationLinkOptions
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) {
                .during(try operation.link(),
                        .seizeVehicle(plate: plate, officers: officer, approvedBy: approvedBy, placeZh: place))
            }
        }
    }

    struct ExtendSeizure: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "extend-seizure", abstract: "Extend a seizure once.",
            discussion: Help.discussion(examples:
                "jointops case extend-seizure CASE-2026-0012 --plate 新G·12345 --days 30 --approver ZD-01"))
        @Argument(help: .caseId) var id: String
        @Option(help: .seizedPlate) var plate: String
        @Option(parsing: .unconditional, help: "Days, 1 to 30.") var days: String
        @Option(name: [.customLong("approver"), .customLong("approved-by")],
                help: "Officer id of the approver: designated approver (审批负责人) of the agency on the day.")
        var approvedBy: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) { .extendSeizure(plate: plate, days: try parseAmount(days, option: "--days", field: "days"), approvedBy: approvedBy) }
        }
    }

    struct ReleaseVehicle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "release-vehicle", abstract: "Give a seized vehicle back.",
            discussion: Help.discussion(examples:
                "jointops case release-vehicle CASE-2026-0012 --plate 新G·12345 --reason 罚款已缴清"))
        @Argument(help: .caseId) var id: String
        @Option(help: .seizedPlate) var plate: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .releaseVehicle(plate: plate, reasonZh: reason) } }
    }

    struct ConfiscateVehicle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "confiscate-vehicle",
            abstract: "Confiscate a seized vehicle (needs a decided confiscation).",
            discussion: Help.discussion(examples:
                "jointops case confiscate-vehicle CASE-2026-0012 --plate 新G·12345"))
        @Argument(help: .caseId) var id: String
        @Option(help: .seizedPlate) var plate: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .confiscateVehicle(plate: plate) } }
    }
}

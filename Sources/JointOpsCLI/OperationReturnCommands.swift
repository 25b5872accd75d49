import ArgumentParser
import Enforcement
import Foundation
import JointOps

extension OperationCommandGroup {
    struct RecordReturn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-return",
            abstract: "Record a partner agency's own results for one session (配合单位报送成果).",
            discussion: Help.discussion("""
                The traffic police, market regulation and other partners run their cases in their own systems: \
                each reports its figures for a session it took part in (it has a tally there), once, recorded \
                against it. The bureau's own results are not returned: they come from its cases linked to the session.

                Every figure is a whole number ≥ 0 (fines in whole yuan, 元), at most (数值上限): \
                \(FigureBounds.text(PartnerReturn.fieldNames)).
                """, examples: "jointops op record-return OP-2026-0003 --session S1 --agency WSJJ --officers 6 --vehicles-deployed 2 --vehicles-inspected 40 --cases-filed 3 --fines-yuan 600 --people-educated 25"))
        @Argument(help: "Operation id, e.g. OP-2026-0003.") var id: String
        @Option(help: "Session id as recorded (S1), or its number (1). 集中整治编号") var session: String
        @Option(help: "Code of the reporting agency. 报送单位") var agency: String
        @Option(parsing: .unconditional, help: "Officers deployed, person-times. 出动执法人员（人次）") var officers: String = "0"
        @Option(name: .customLong("vehicles-deployed"), parsing: .unconditional, help: "Vehicles deployed, vehicle-times. 出动执法车辆（台次）")
        var vehiclesDeployed: String = "0"
        @Option(name: .customLong("vehicles-inspected"), parsing: .unconditional, help: "Vehicles inspected. 检查车辆") var vehiclesInspected: String = "0"
        @Option(name: .customLong("cases-filed"), parsing: .unconditional, help: "Cases the agency filed. 立案数") var casesFiled: String = "0"
        @Option(name: .customLong("vehicles-seized"), parsing: .unconditional, help: "Vehicles the agency seized. 扣押车辆") var vehiclesSeized: String = "0"
        @Option(name: .customLong("fines-yuan"), parsing: .unconditional, help: "Fines the agency imposed, whole yuan. 罚款（元）") var finesYuan: String = "0"
        @Option(name: .customLong("people-educated"), parsing: .unconditional, help: "People educated or warned. 教育劝导（人次）")
        var peopleEducated: String = "0"
        @OptionGroup var options: WriteOptions

        func run() throws {
            let figures = PartnerReturn(
                sessionId: session, agency: agency, officersDeployed: try parseInt(officers, option: "--officers", field: "officersDeployed"),
                vehiclesDeployed: try parseInt(vehiclesDeployed, option: "--vehicles-deployed", field: "vehiclesDeployed"),
                vehiclesInspected: try parseInt(vehiclesInspected, option: "--vehicles-inspected", field: "vehiclesInspected"),
                casesFiled: try parseInt(casesFiled, option: "--cases-filed", field: "casesFiled"),
                vehiclesSeized: try parseInt(vehiclesSeized, option: "--vehicles-seized", field: "vehiclesSeized"),
                finesYuan: try parseInt(finesYuan, option: "--fines-yuan (whole yuan)", field: "finesYuan"),
                peopleEducated: try parseInt(peopleEducated, option: "--people-educated", field: "peopleEducated"))
            try options.writeOperation(id) { .recordReturn(figures) }
        }
    }
}

/// `--op OP-… --session S1`: the joint operation's session an act was done in. Both or neither.
struct OperationLinkOptions: ParsableArguments {
    @Option(name: .customLong("op"), help: "Operation the act was done in, e.g. OP-2026-0003 (with --session). 联合执法行动编号")
    var operation: String?
    @Option(help: "Session of --op the act was done in: its id (S1) or number (1); the act's --at date must be its day. 集中整治编号")
    var session: String?

    func validate() throws {
        if (operation == nil) != (session == nil) {
            throw ValidationError("--op and --session go together: give both (the operation and its session) or neither")
        }
    }

    /// The link, or nil when the act was not done in an operation.
    func link() throws -> OperationLink? {
        guard let operation, let session else { return nil }
        return OperationLink(operationId: try StreamKind.operation.parse(operation), sessionId: session)
    }
}

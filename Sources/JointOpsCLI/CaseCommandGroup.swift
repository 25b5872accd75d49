import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// The party (当事人) and the act (违法行为) of a filing or an on-the-spot decision.
struct PartyActOptions: ParsableArguments {
    @Option(name: .customLong("party-name"), help: "Party name, e.g. 马某 or 乌苏市某某运输有限公司.") var partyName: String
    @Option(name: .customLong("party-kind"), help: "Who the party is.") var partyKind: PartyKind = .individual
    @Option(name: .customLong("party-id"), help: "ID-card number, credit code, or the plate if the driver is unknown.")
    var partyId: String
    @Flag(name: .customLong("minor"), help: "The party is a minor (never published).") var minor = false
    @Option(name: .customLong("act-date"), help: "Day of the act, YYYY-MM-DD.") var actDate: String
    @Option(name: .customLong("act-place"), help: "Where (Chinese).") var actPlace: String
    @Option(help: "The sector of the act.") var sector: Sector
    @Option(help: "What happened (Chinese).") var description: String
    @Option(help: "Vehicle plate, e.g. 新G·12345.") var plate: String?
    @Flag(help: "Life, health or financial safety was harmed (5-year limitation).") var harmed = false

    func party() throws -> Party {
        Party(nameZh: partyName, kind: partyKind, partyId: partyId, isMinor: minor)
    }

    func act() throws -> Act {
        Act(date: try parseDate(actDate, option: "--act-date"), placeZh: actPlace,
            sector: sector, descriptionZh: description, plate: plate,
            harmedLifeHealthOrFinance: harmed)
    }
}

/// A penalty: `--type` (repeatable, default fine), `--fine` yuan, `--gains` yuan, `--basis` legal-basis id.
struct PenaltyOptions: ParsableArguments {
    @Option(help: "Penalty type (repeatable; default fine with --fine, else warning).")
    var type: [PenaltyType] = []
    @Option(parsing: .unconditional, help: "Fine in whole yuan, 0 to \(FigureBounds.max("fineYuan")).") var fine: String?
    @Option(parsing: .unconditional, help: "Illegal gains (违法所得) in whole yuan, 0 to \(FigureBounds.max("illegalGainsYuan")).")
    var gains: String?
    @Option(help: "Legal basis: a family, e.g. RTR-63 (the governing version is recorded), or a version id; see `jointops law list`.") var basis: String

    func penalty() throws -> Penalty {
        var types = type
        if types.isEmpty { types = fine == nil ? [.warning] : [.fine] }
        return Penalty(types: types, fineYuan: try fine.map { try parseAmount($0, option: "--fine", field: "fineYuan") } ?? 0,
                       illegalGainsYuan: try gains.map { try parseAmount($0, option: "--gains", field: "illegalGainsYuan") } ?? 0,
                       legalBasisId: basis)
    }
}

struct CaseCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Open and move administrative cases (案件), from the lead to the archive.",
        discussion: Help.discussion("""
            A case moves from the lead (案源) through filing (立案), investigation, notice, decision, service and \
            publicity to closing and the archive; `jointops case show ID` lists the steps it can take next.
            """, examples: "jointops case show CASE-2026-0012", "jointops case list --sector 黑车 --status investigating",
            "jointops case due --officer ZF-01"),
        subcommands: [ReceiveLead.self, File.self, DeclineFiling.self, AssignOfficers.self, RecordEvidence.self,
                      PreserveEvidence.self, ResolvePreservedEvidence.self, SeizeVehicle.self, ExtendSeizure.self,
                      ReleaseVehicle.self, ConfiscateVehicle.self, ConcludeInvestigation.self,
                      ReviewCommand.Request.self, ReviewCommand.Pass.self, ReviewCommand.Return.self,
                      ServeNotice.self, ReceiveStatement.self, WaiveStatement.self, RequestHearing.self,
                      ScheduleHearing.self, HoldHearing.self, WaiveHearing.self, DecidePenalty.self,
                      DecideNoPenalty.self, ReferToPolice.self, TransferOut.self, DecideOnSpot.self,
                      ServeDecision.self, Publish.self, WithholdPublication.self, RevokeDecision.self,
                      WithdrawPublication.self, ReceivePayment.self, ServeDemand.self, ApplyToCourt.self,
                      FileOnSpotDecision.self, Close.self, Archive.self, Correct.self, Show.self, List.self, Due.self, Pipeline.self,
                      Import.self]
    )
}

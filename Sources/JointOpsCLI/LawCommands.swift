import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// `jointops law`: the legal-basis catalogue the fines are checked against (read-only).
struct LawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "law",
        abstract: "Look up the legal bases (处罚依据) that fines are checked against.",
        subcommands: [List.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the shipped legal-basis catalogue: id, article, sector, fine ranges, in force.")
        @OptionGroup var output: FormatOption

        func run() throws {
            let rows = LegalBasisCatalogue.shipped.all.map { basis in
                [basis.id, basis.citationZh, basis.sector.rawValue,
                 basis.individualFine?.description ?? "", basis.organisationFine?.description ?? "",
                 basis.effectiveFrom.description, basis.effectiveTo?.description ?? ""]
            }
            emit(Table(["id", "title", "sector", "fine_individual", "fine_organisation", "from", "to"], rows: rows),
                 output.format)
        }
    }
}

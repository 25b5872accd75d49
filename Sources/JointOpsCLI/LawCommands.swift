import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// `jointops law`: the legal-basis catalogue that notices and decisions are checked against (read-only).
struct LawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "law",
        abstract: "Look up the legal bases (处罚依据) that notices and decisions are checked against.",
        discussion: Help.discussion(examples: "jointops law list --sector 黑车", "jointops law show RTR-63"),
        subcommands: [List.self, Show.self, Thresholds.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the legal-basis catalogue: family, version, sectors, penalties, fine bands, in force.",
            discussion: Help.discussion("""
                Cite a family (e.g. RTR-63) with --basis: the version in force on the act date is recorded, or a \
                later lighter one (APL 37). Entries marked 未核实 are not fully verified: `jointops law show ID` says why.
                """, examples: "jointops law list", "jointops law list --sector 黑车 --on 2026-03-01"))
        @Option(help: "Only articles that apply to this case sector.") var sector: Sector?
        @Option(help: "Only versions in force on this day, YYYY-MM-DD.") var on: String?
        @OptionGroup var output: FormatOption

        func run() throws {
            let day = try on.map { try parseDate($0, option: "--on") }
            let bases = LegalBasisCatalogue.shipped.all.filter { basis in
                (sector.map { basis.sectors.contains($0) } ?? true) && (day.map { basis.isInForce(on: $0) } ?? true)
            }
            // The family is the id without its year; `law show` gives the citation and the rest.
            try emit(Table(["id", "in_force", "verified", "individual", "organisation", "sectors", "sectors_zh",
                            "penalty_types", "penalty_types_zh"], rows: bases.map { basis in
                [basis.id, basis.inForceText, LawText.verified(basis), LawText.band(basis.individualFine),
                 LawText.band(basis.organisationFine), basis.sectors.map(\.rawValue).joined(separator: ","),
                 basis.sectors.map(\.labelZh).joined(separator: "、"),
                 basis.penaltyTypes.map(\.rawValue).joined(separator: ","), basis.penaltyTypes.map(\.labelZh).joined(separator: "、")]
            }, kinds: [.text, .text, .text, .text, .text, .codes(separator: ","), .list(separator: "、"),
                       .codes(separator: ","), .list(separator: "、")]), output)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a legal basis (a version id or a family) with every version of it, its sources and checks.",
            discussion: Help.discussion(examples:
                "jointops law show RTR-63",
                "jointops law show RTR-63-2023 --format json"))
        @Argument(help: "A family such as RTR-63, or a version id such as RTR-63-2023.") var id: String
        @OptionGroup var output: FormatOption

        func run() throws {
            let catalogue = LegalBasisCatalogue.shipped
            let family: String
            do { family = try catalogue.family(cited: id) } catch {
                throw UserFacingError.usage(error.message { StepSpelling.text(.next($0)) })
            }
            var rows: [[String]] = []
            for basis in catalogue.versions(of: family) {
                let fields: [(String, String)] = [
                    ("citation", "\(basis.citationZh) / \(basis.citation)"),
                    ("offence", basis.offenceZh),
                    ("in_force", basis.inForceText),
                    ("sectors", LawText.sectors(basis)),
                    ("penalty_types", LawText.types(basis)),
                    ("fine_individual", basis.individualFine?.description ?? "no fine"),
                    ("fine_organisation", basis.organisationFine?.description ?? "no fine"),
                    ("gains_rule", basis.gainsMultiple?.description ?? "none"),
                    ("source", "\(basis.source) [\(basis.tag.rawValue)]"),
                    ("verified", basis.unverifiedBecause.map { "未核实: \($0)" } ?? "verified"),
                ]
                rows += fields.map { [basis.id, $0.0, $0.1] }
            }
            guard output.format == .table else { return try emit(Table(["version", "field", "value"], rows: rows), output) }
            // As blocks, never cut: the reason an entry is unverified is the point of looking it up.
            var lastVersion = ""
            for row in rows {
                if row[0] != lastVersion { print(lastVersion.isEmpty ? row[0] : "\n\(row[0])") }
                lastVersion = row[0]
                print("  \(row[1].padding(toLength: 19, withPad: " ", startingAt: 0))\(row[2])")
            }
        }
    }

    struct Thresholds: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the 较大数额 fines that give a hearing right (APL 63), with their source.",
            discussion: Help.discussion(examples:
                "jointops law thresholds"))
        @OptionGroup var output: FormatOption

        func run() throws {
            let thresholds = LegalBasisCatalogue.shipped.hearingThresholds
            let rows = [("default", thresholds.fallback)] + thresholds.byAgency.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            try emit(Table(["agency", "individual_yuan", "organisation_yuan", "source", "tag"], rows: rows.map { agency, t in
                [agency, String(t.individualYuan), String(t.organisationYuan), t.source, t.tag.rawValue]
            }), output)
        }
    }
}

/// How the law commands spell a basis's lists.
enum LawText {
    static func sectors(_ basis: LegalBasis) -> String {
        basis.sectors.map { "\($0.rawValue) \($0.labelZh)" }.joined(separator: ", ")
    }

    static func types(_ basis: LegalBasis) -> String {
        basis.penaltyTypes.map { "\($0.rawValue) \($0.labelZh)" }.joined(separator: ", ")
    }

    static func verified(_ basis: LegalBasis) -> String { basis.isUnverified ? "未核实" : "verified" }

    /// "30000–100000", or empty when the article fines no such party.
    static func band(_ range: LegalBasis.FineRange?) -> String { range.map { "\($0.minYuan)–\($0.maxYuan)" } ?? "" }
}

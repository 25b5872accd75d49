import ArgumentParser
import Enforcement
import Foundation
import JointOps

extension OfficerRole: Choice {}

// Duties by designation (指定): who may review, approve or chair, and when.
extension OfficerCommand {
    struct Designate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an officer a duty for an agency over a period.",
            discussion: Help.discussion("""
                Legal reviews, approvals (filing, evidence preservation, seizure and its extension) and hearings \
                name an officer holding the duty on the step's date. --from and --to are both included; without \
                --to the duty runs until ended with `jointops officer undesignate`. A hearing chair is designated \
                for the officer's own agency; a legal reviewer or approver may be designated for another (the \
                bureau's reviewers for its brigade).
                """, examples: "jointops officer designate ZD-01 --role approver --from 2026-01-01",
                "jointops officer designate FZ-01 --role legalReviewer --agency WSZD --from 2026-01-01 --to 2026-12-31"))
        @Argument(help: "Officer id.") var id: String
        @Option(help: "The duty.") var role: OfficerRole
        @Option(help: "Code of the agency the duty is for (default: the officer's own).") var agency: String?
        @Option(help: "First day of the duty, YYYY-MM-DD.") var from: String
        @Option(help: "Last day of the duty, YYYY-MM-DD (default: open).") var to: String?
        @OptionGroup var options: WriteOptions

        func run() throws {
            let first = try parseDate(from, option: "--from")
            let last = try to.map { try parseDate($0, option: "--to") }
            try options.writeRegistry(.designateOfficer(id: id, role: role, agency: agency, from: first, to: last))
        }
    }

    struct Undesignate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End an officer's duty.",
            discussion: Help.discussion("--to is the duty's last day: steps dated after it are refused, earlier ones stand.",
                examples: "jointops officer undesignate ZD-01 --role approver --to 2026-06-30"))
        @Argument(help: "Officer id.") var id: String
        @Option(help: "The duty.") var role: OfficerRole
        @Option(help: "Code of the agency the duty is for (default: the officer's own).") var agency: String?
        @Option(help: "Last day of the duty, YYYY-MM-DD.") var to: String
        @OptionGroup var options: WriteOptions

        func run() throws {
            let last = try parseDate(to, option: "--to")
            try options.writeRegistry(.endDesignation(id: id, role: role, agency: agency, lastDay: last))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an officer: agency, certificate periods, duties.",
            discussion: Help.discussion(examples: "jointops officer show ZF-01"))
        @Argument(help: "Officer id.") var id: String
        @OptionGroup var output: FormatOption

        func run() throws {
            let registry = try connectedApplication().registry()
            guard let officer = registry.officers[id] else { throw Rejection.unknownOfficer(id) }
            var entries: [KeyValueEntry] = [.plain("id", officer.id), .plain("name", officer.nameZh),
                                            .plain("agency", officer.agencyCode), .flag("certified now", officer.certified)]
            for period in registry.certificates[id] ?? [] {
                entries.append(.plain("certificate \(period.number)", OfficerText.validity(period)))
            }
            for duty in registry.designations(of: id) { entries.append(.plain("duty", OfficerText.duty(duty))) }
            try emit(.keyValue(entries), output)
        }
    }
}

/// How officers' certificates and duties read in tables.
enum OfficerText {
    /// "法制审核人员 legalReviewer of WSZD 2023-01-03 to 2023-12-31" (open: "from 2023-01-03").
    static func duty(_ d: Designation) -> String {
        "\(d.role.labelZh) of \(d.agency) " + (d.to.map { "\(d.from) to \($0)" } ?? "from \(d.from)")
    }

    /// "valid from 2023-05-01, withdrawn 2023-06-30" (a certificate held at registration: "valid").
    static func validity(_ p: CertificatePeriod) -> String {
        (p.from.map { "valid from \($0)" } ?? "valid") + (p.withdrawnOn.map { ", withdrawn \($0)" } ?? "")
    }
}

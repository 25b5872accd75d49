import ArgumentParser
import Enforcement
import Foundation
import JointOps

// The investigation (调查取证): officers, evidence, preservation, its conclusion.
extension CaseCommandGroup {
    struct AssignOfficers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign-officers",
            abstract: "Assign the case officers (at least two certified).")
        @Argument var id: String
        @Option(help: "Officer id (repeatable).") var officer: [String] = []
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .assignOfficers(officer) } }
    }

    struct RecordEvidence: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record-evidence", abstract: "Record a piece of evidence.")
        @Argument var id: String
        @Option(help: "The kind of evidence (APL 46).") var kind: EvidenceKind
        @Option(help: "What it is (Chinese).") var description: String
        @Option(help: "Where the media file is kept.") var media: String
        @Option(help: "SHA-256 of the media file (64 hex digits).") var sha256: String
        @Option(help: "Officer id (repeatable, at least two).") var officer: [String] = []
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) {
                .recordEvidence(kind: kind, descriptionZh: description,
                                mediaRef: media, sha256: sha256, officers: officer)
            }
        }
    }

    struct PreserveEvidence: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "preserve-evidence",
            abstract: "Register evidence for preservation (先行登记保存); 7 working days to decide.")
        @Argument var id: String
        @Option(help: "What is preserved (Chinese).") var items: String
        @Option(help: "Officer id (repeatable).") var officer: [String] = []
        @Option(name: [.customLong("approver"), .customLong("approved-by")],
                help: "Officer id of the approver: designated approver (审批负责人) of the agency on the day.")
        var approvedBy: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .preserveEvidence(itemsZh: items, officers: officer, approvedBy: approvedBy) } }
    }

    struct ResolvePreservedEvidence: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve-preserved-evidence",
            abstract: "Record what was done with preserved evidence.")
        @Argument var id: String
        @Option(help: "Outcome (Chinese).") var outcome: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .resolvePreservedEvidence(outcomeZh: outcome) } }
    }

    struct ConcludeInvestigation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "conclude-investigation",
            abstract: "End the investigation (调查终结).")
        @Argument var id: String
        @Option(help: "Findings (Chinese).") var findings: String
        @Flag(help: "A complex case (needs legal review).") var complex = false
        @Flag(name: .customLong("major-public-interest"), help: "Major public interest (needs legal review).")
        var majorPublicInterest = false
        @OptionGroup var options: WriteOptions
        func run() throws {
            try options.writeCase(id) {
                .concludeInvestigation(findingsZh: findings, complex: complex, majorPublicInterest: majorPublicInterest)
            }
        }
    }
}

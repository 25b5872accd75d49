import ArgumentParser
import Enforcement
import Foundation
import JointOps

// The investigation (调查取证): officers, evidence, preservation, its conclusion.
extension CaseCommandGroup {
    struct AssignOfficers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign-officers",
            abstract: "Assign the case officers (at least two certified).",
            discussion: Help.discussion(examples:
                "jointops case assign-officers CASE-2026-0012 --officer ZF-01 --officer ZF-02"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Officer id (repeatable).") var officer: [String] = []
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .assignOfficers(officer) } }
    }

    struct RecordEvidence: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record-evidence", abstract: "Record a piece of evidence.",
            discussion: Help.discussion(examples:
                "jointops case record-evidence CASE-2026-0012 --kind siteRecord --description 现场检查笔录 --media 证据/0012-笔录.pdf --sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 --officer ZF-01 --officer ZF-02"))
        @Argument(help: .caseId) var id: String
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
            abstract: "Register evidence for preservation (先行登记保存); 7 working days to decide.",
            discussion: Help.discussion(examples:
                "jointops case preserve-evidence CASE-2026-0012 --items 车载计价器一台 --officer ZF-01 --officer ZF-02 --approver ZD-01"))
        @Argument(help: .caseId) var id: String
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
            abstract: "Record what was done with preserved evidence.",
            discussion: Help.discussion(examples:
                "jointops case resolve-preserved-evidence CASE-2026-0012 --outcome 经检验后退还当事人"))
        @Argument(help: .caseId) var id: String
        @Option(help: "Outcome (Chinese).") var outcome: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeCase(id) { .resolvePreservedEvidence(outcomeZh: outcome) } }
    }

    struct ConcludeInvestigation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "conclude-investigation",
            abstract: "End the investigation (调查终结).",
            discussion: Help.discussion(examples:
                "jointops case conclude-investigation CASE-2026-0012 --findings 张三无证从事网约车经营，事实清楚",
                "jointops case conclude-investigation CASE-2026-0012 --findings 案情复杂 --complex"))
        @Argument(help: .caseId) var id: String
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

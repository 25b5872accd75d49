import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct CounselCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counsel",
        abstract: "The legal adviser's reviews (法律顾问审核), apart from the legal reviewers' case reviews (法制审核).",
        discussion: Help.discussion(examples: "jointops counsel list --year 2023"),
        subcommands: [Record.self, List.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a review by the adviser; prints the new COUNSEL-YYYY-NNNN id.",
            discussion: Help.discussion(examples: "jointops counsel record --kind 三方协议 --subject 城乡公交运营三方协议 --counsel 马律师 --agency WSJT --date 2023-05-10"))
        @Option(help: "What was reviewed.") var kind: CounselReviewKind
        @Option(help: "What was reviewed, in words (Chinese).") var subject: String
        @Option(help: "The adviser (Chinese): the retained lawyer or law firm.") var counsel: String
        @Option(help: "Day of the review, YYYY-MM-DD (default: the --at date).") var date: String?
        @Option(help: "Code of the agency the adviser reviewed it for (you record as one of its officers).") var agency: String
        @Option(name: .customLong("case"), help: "The case reviewed, CASE-YYYY-NNNN (with --kind case).") var caseId: String?
        @Option(help: "The adviser's opinion (Chinese).") var opinion: String?
        @OptionGroup var options: WriteOptions

        func validate() throws {
            if caseId != nil, kind != .case {
                throw ValidationError("--case names the case of a case review: give it with --kind case only")
            }
        }

        func run() throws {
            let request = try options.request()
            let review = CounselReview(
                kind: kind, subjectZh: subject, counselZh: counsel,
                date: try date.map { try parseDate($0, option: "--date") } ?? request.at?.date ?? LocalDate(Date()),
                agency: agency, caseId: try caseId.map { try StreamKind.case.parse($0) }, opinionZh: opinion)
            try options.create(CounselDecider.self, .counsel) { .record(reviewId: $0, review) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the adviser's reviews, with the count of each kind.",
            discussion: Help.discussion(examples: "jointops counsel list --year 2023 --kind case"))
        @Option(parsing: .unconditional, help: "Only reviews of this year.") var year: String?
        @Option(help: "Only reviews of this kind.") var kind: CounselReviewKind?
        @OptionGroup var output: FormatOption
        func run() throws {
            let year = try year.map { try parseYear($0) }
            let reviews = try connectedApplication().loadAll(CounselDecider.self, kind: .counsel)
                .compactMap { id, r in r.map { (id, $0) } }
                .filter { (year == nil || $0.1.date.year == year) && (kind == nil || $0.1.kind == kind) }
            var rows = reviews.map { id, r in
                [id, r.date.description, r.kind.rawValue, r.kind.labelZh, r.agency, r.caseId ?? "", r.counselZh, r.subjectZh]
            }
            if output.format == .table {
                let counts = CounselReviewKind.allCases.map { k in "\(k.labelZh) \(reviews.filter { $0.1.kind == k }.count)" }
                rows.append(["total \(reviews.count)", "", "", counts.joined(separator: "，"), "", "", "", ""])
            }
            try emit(Table(["id", "date", "kind", "kind_zh", "agency", "case", "counsel", "subject"], rows: rows,
                           kinds: [.text, .text, .code, .text, .text, .text, .text, .text]), output)
        }
    }
}

extension CounselReviewKind: Choice {}

extension CounselDecider: WriteSummary {
    static func status(of state: CounselReview?) -> (code: String, labelZh: String) { ("recorded", "已登记") }
    static func next(after state: CounselReview?) -> [String] { [] }
}

extension AuditDecider: WriteSummary {
    static func status(of state: CaseFileAudit?) -> (code: String, labelZh: String) { ("recorded", "已登记") }
    static func next(after state: CaseFileAudit?) -> [String] { [] }
}

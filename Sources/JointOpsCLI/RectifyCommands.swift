import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct RectifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify",
        abstract: "Supervision problems (整改问题): raise, issue the opinion, fix, verify, close out (销号).",
        discussion: Help.discussion(examples: "jointops rectify list", "jointops rectify show RECT-2026-0004"),
        subcommands: [Raise.self, IssueOpinion.self, AssignOwner.self, ReportRectified.self, Verify.self,
                      RejectRectification.self, CloseOut.self, Show.self, List.self],
        aliases: ["rectification"]
    )

    struct Raise: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a problem found; prints the new RECT-YYYY-NNNN id.",
            discussion: Help.discussion(examples:
                "jointops rectify raise --description 案卷缺少送达回证 --found-by 乌苏市交通运输局法制科 --found-during caseFileAudit"))
        @Option(help: "The problem (Chinese).") var description: String
        @Option(name: .customLong("found-by"), help: "Who found it.") var foundBy: String
        @Option(name: .customLong("found-during"), help: "How the problem came to light.")
        var foundDuring: FoundDuring
        @Option(help: "Which programme found it (a case-file audit's findings are raised by `audit record`).")
        var origin: RectificationOrigin = .campaignSelfExamination
        @OptionGroup var options: WriteOptions

        func validate() throws {
            if origin == .caseFileAudit {
                throw ValidationError("a case-file audit's findings are raised with the audit: record it with `jointops audit record --finding …`")
            }
        }

        func run() throws {
            try options.create(RectificationDecider.self, .rectification) {
                .raise(itemId: $0, descriptionZh: description, foundBy: foundBy, foundDuring: foundDuring, origin: origin)
            }
        }
    }

    struct IssueOpinion: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "issue-opinion", abstract: "Issue the rectification opinion (整改意见).",
            discussion: Help.discussion(examples:
                "jointops rectify issue-opinion RECT-2026-0004 --opinion 限期十日内补齐送达回证 --issued-by JT-01"))
        @Argument(help: .rectificationId) var id: String
        @Option(help: "The opinion (Chinese).") var opinion: String
        @Option(name: .customLong("issued-by"), help: "Officer id of who issued the opinion.") var issuedBy: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeRectification(id) { .issueOpinion(opinionZh: opinion, issuedBy: issuedBy) } }
    }

    struct AssignOwner: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign-owner", abstract: "Name who fixes it and by when.",
            discussion: Help.discussion(examples:
                "jointops rectify assign-owner RECT-2026-0004 --owner 执法一中队 --due 2026-06-15"))
        @Argument(help: .rectificationId) var id: String
        @Option(help: "Who fixes it.") var owner: String
        @Option(help: "Due date, YYYY-MM-DD.") var due: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeRectification(id) { .assignOwner(owner: owner, due: try parseDate(due, option: "--due")) } }
    }

    struct ReportRectified: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report-rectified", abstract: "Report the problem fixed.",
            discussion: Help.discussion(examples:
                "jointops rectify report-rectified RECT-2026-0004 --description 已补齐送达回证并归档"))
        @Argument(help: .rectificationId) var id: String
        @Option(help: "What was done (Chinese).") var description: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeRectification(id) { .reportRectified(descriptionZh: description) } }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the fix and accept it.",
            discussion: Help.discussion(examples:
                "jointops rectify verify RECT-2026-0004 --verified-by FZ-02"))
        @Argument(help: .rectificationId) var id: String
        @Option(name: .customLong("verified-by"), help: "Officer id of who checked the fix.") var verifiedBy: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeRectification(id) { .verify(verifiedBy: verifiedBy) } }
    }

    struct RejectRectification: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject-rectification", abstract: "Send the fix back.",
            discussion: Help.discussion(examples:
                "jointops rectify reject-rectification RECT-2026-0004 --verified-by FZ-02 --reason 回证签名不全"))
        @Argument(help: .rectificationId) var id: String
        @Option(name: .customLong("verified-by"), help: "Officer id of who checked the fix.") var verifiedBy: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeRectification(id) { .rejectRectification(verifiedBy: verifiedBy, reasonZh: reason) } }
    }

    struct CloseOut: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close-out", abstract: "Sign the item off (销号).",
            discussion: Help.discussion(examples:
                "jointops rectify close-out RECT-2026-0004 --closed-by FZ-01"))
        @Argument(help: .rectificationId) var id: String
        @Option(name: .customLong("closed-by"), help: "Officer id of who signed the item off.") var closedBy: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeRectification(id) { .closeOut(closedBy: closedBy) } }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a rectification item.",
            discussion: Help.discussion(examples:
                "jointops rectify show RECT-2026-0004"))
        @Argument(help: .rectificationId) var id: String
        @OptionGroup var output: FormatOption
        func run() throws {
            let id = try StreamKind.rectification.parse(id)
            let s = try connectedApplication().load(RectificationDecider.self, id: id, kind: .rectification)
            let found: KeyValueEntry = s.foundDuring.map { .coded("found during", $0) } ?? .plain("found during", "")
            try emit(.keyValue([.plain("id", id), .coded("status", s.status), .plain("problem", s.descriptionZh ?? ""),
                            found, .coded("origin", s.origin), .plain("audit", s.auditId ?? ""),
                            .plain("raised", s.raisedOn?.description ?? ""),
                            .plain("owner", s.owner ?? ""), .plain("due", s.due?.description ?? ""),
                            .plain("rejections", String(s.rejections)), .plain("closed out", s.closedOutOn?.description ?? ""),
                            .plain("next", s.nextActions.map(StepSpelling.verb).joined(separator: ", "))]), output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rectification items.",
            discussion: Help.discussion(examples:
                "jointops rectify list",
                "jointops rectify list --format json"))
        @OptionGroup var output: FormatOption
        func run() throws {
            let items = try connectedApplication().loadAll(RectificationDecider.self, kind: .rectification)
            try emit(Table(["id", "status", "status_zh", "due", "owner", "problem", "origin", "origin_zh"], rows: items.map { id, s in
                [id, s.status.rawValue, s.status.labelZh, s.due?.description ?? "", s.owner ?? "", s.descriptionZh ?? "",
                 s.origin.rawValue, s.origin.labelZh]
            }, kinds: [.text, .code, .text, .text, .text, .text, .code, .text]), output)
        }
    }
}

import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct AuditCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Case-file audits (案卷评查): each finding opens a rectification item of origin 案卷评查.",
        discussion: Help.discussion(examples: "jointops audit list --year 2023"),
        subcommands: [Record.self, List.self, Show.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an audit and its findings; prints the new AUDIT-YYYY-NNNN id and a RECT item per finding.",
            discussion: Help.discussion(examples: "jointops audit record --agency WSJT --audited WSZD --files 60 --scope 2023年上半年行政处罚案卷 --finding 执法案卷制作流程不规范 --date 2023-06-15"))
        @Option(help: "Day of the audit, YYYY-MM-DD (default: the --at date).") var date: String?
        @Option(help: "Code of the reviewing agency (you record as one of its officers).") var agency: String
        @Option(help: "Code of the agency whose case files were reviewed (default: --agency).") var audited: String?
        @Option(parsing: .unconditional, help: "Case files reviewed (> 0).") var files: String
        @Option(help: "What was reviewed (Chinese), e.g. 2023年上半年行政处罚案卷.") var scope: String
        @Option(help: "A problem found (Chinese), e.g. 流程不规范; repeat for each.") var finding: [String] = []
        @OptionGroup var options: WriteOptions
        func run() throws {
            let request = try options.request()
            let audit = CaseFileAudit(
                date: try date.map { try parseDate($0, option: "--date") } ?? request.at?.date ?? LocalDate(Date()),
                agency: agency, auditedAgency: audited ?? agency,
                filesReviewed: try parseInt(files, option: "--files", field: "filesReviewed"), scopeZh: scope,
                findingsZh: finding)
            let application = try Database().writeApplication(administering: request.onBehalfOf != nil)
            let (outcome, items) = try application.recordAudit(audit, request: request)
            var rows = [Self.row(outcome.stream, outcome.events.map(\.eventType), ("recorded", "已登记"), outcome.version,
                                 outcome.wasAlreadyAppended, next: [])]
            rows += items.map { item in
                Self.row(item.stream, item.events.map(\.eventType), RectificationDecider.status(of: item.state), item.version,
                         item.wasAlreadyAppended, next: RectificationDecider.next(after: item.state))
            }
            switch options.format {
            case .table:
                for row in rows {
                    let repeated = row[6] == "true" ? " (already recorded; nothing written)" : ""
                    print("\(row[0]): \(row[2]) → \(row[4]), version \(row[5])\(repeated)")
                }
                let open = items.filter { $0.state.status == .raised }.map(\.stream)
                if !open.isEmpty {
                    print("next: \(RectifyCommand._commandName) \(RectifyCommand.IssueOpinion._commandName) \(open.joined(separator: ", "))")
                }
            case .json, .csv:
                emit(Table(["id", "events", "events_zh", "status", "status_zh", "version", "already_recorded", "next"], rows: rows,
                           kinds: [.text, .codes(separator: " "), .list(separator: "、"), .code, .text, .integer, .boolean,
                                   .list(separator: "; ")]), options.format)
            }
        }

        static func row(_ id: String, _ types: [String], _ status: (code: String, labelZh: String), _ version: Int64,
                        _ repeated: Bool, next: [String]) -> [String] {
            [id, types.joined(separator: " "), types.map(EventTypeLabels.labelZh).joined(separator: "、"), status.code,
             status.labelZh, String(version), String(repeated), next.joined(separator: "; ")]
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List audits with the files reviewed and findings.",
            discussion: Help.discussion(examples: "jointops audit list --year 2023"))
        @Option(parsing: .unconditional, help: "Only audits of this year.") var year: String?
        @OptionGroup var output: FormatOption
        func run() throws {
            let year = try year.map { try parseYear($0) }
            let audits = try connectedApplication().loadAll(AuditDecider.self, kind: .audit)
                .compactMap { id, a in a.map { (id, $0) } }.filter { year == nil || $0.1.date.year == year }
            try emit(Table(["id", "date", "agency", "audited_agency", "files_reviewed", "findings", "scope", "findings_zh"],
                           rows: audits.map { id, a in
                               [id, a.date.description, a.agency, a.auditedAgency, String(a.filesReviewed),
                                String(a.findingsZh.count), a.scopeZh, a.findingsZh.joined(separator: "；")]
                           }, kinds: [.text, .text, .text, .text, .integer, .integer, .text, .list(separator: "；")]), output)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an audit with the rectification item of each finding.",
            discussion: Help.discussion(examples: "jointops audit show AUDIT-2023-0001"))
        @Argument(help: "The audit, AUDIT-YYYY-NNNN.") var id: String
        @OptionGroup var output: FormatOption
        func run() throws {
            let id = try StreamKind.audit.parse(id)
            let application = try connectedApplication()
            guard let a = try application.load(AuditDecider.self, id: id, kind: .audit) else {
                throw ApplicationError.notFound(id, kind: .audit)
            }
            let items = try application.loadAll(RectificationDecider.self, kind: .rectification).filter { $0.state.auditId == id }
            let findings = items.map { "\($0.id) \($0.state.descriptionZh ?? "")（\($0.state.status.labelZh)）" }
            try emit(.keyValue([.plain("id", id), .plain("date", a.date.description), .plain("agency", a.agency),
                                .plain("audited agency", a.auditedAgency), .plain("files reviewed", String(a.filesReviewed)),
                                .plain("scope", a.scopeZh), .plain("findings", String(a.findingsZh.count)),
                                .plain("rectification items", findings.joined(separator: "；"))]), output)
        }
    }
}

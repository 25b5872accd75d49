import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct OperationCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "op",
        abstract: "Plan and run joint enforcement operations (联合执法行动).",
        discussion: Help.discussion("""
            An operation is planned, approved, launched, run in field sessions (集中整治), concluded, summarised and \
            archived; partner agencies are invited, join and return their own results.
            """, examples: "jointops op list", "jointops op show OP-2026-0003"),
        subcommands: [Plan.self, Approve.self, Launch.self, Invite.self, Join.self, Withdraw.self, RecordSession.self,
                      RecordReturn.self, Conclude.self, Summarise.self, Archive.self, Cancel.self, Show.self, List.self],
        aliases: ["operation"]
    )

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draft the plan (实施方案); prints the new OP-YYYY-NNNN id.",
            discussion: Help.discussion(examples:
                "jointops op plan --title 乌苏市火车站黑车联合整治 --lead WSZD --sector 黑车 --from 2026-04-15 --to 2026-04-30 --campaign CAMP-2026-BLACKCAR --place 乌苏市火车站"))
        @Option(help: "Chinese title.") var title: String
        @Option(help: "Code of the lead agency (牵头单位).") var lead: String
        @Option(help: "Target sector (repeatable).") var sector: [Sector] = []
        @Option(help: "First day of the action window, YYYY-MM-DD.") var from: String
        @Option(help: "Last day of the action window, YYYY-MM-DD.") var to: String
        @Option(help: "Campaign code (专项整治).") var campaign: String?
        @Option(help: "Place (repeatable).") var place: [String] = []
        @OptionGroup var options: WriteOptions

        func run() throws {
            let plan = OperationPlan(titleZh: title, campaignCode: campaign, sectors: sector, leadAgency: lead,
                                     from: try parseDate(from, option: "--from"), to: try parseDate(to, option: "--to"),
                                     placesZh: place)
            try options.create(OperationDecider.self, .operation) { .plan(operationId: $0, plan) }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the plan's approval.",
            discussion: Help.discussion(examples:
                "jointops op approve OP-2026-0003 --by ZD-01"))
        @Argument(help: "Operation id, e.g. OP-2023-0007.") var id: String
        @Option(help: "Officer id of the approver: designated approver (审批负责人) of the lead agency on the day.") var by: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .approve(approvedBy: by) } }
    }

    struct Launch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mobilise (动员部署): field sessions can be recorded from now on.",
            discussion: Help.discussion(examples:
                "jointops op launch OP-2026-0003 --at 2026-04-15"))
        @Argument(help: .operationId) var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .launch } }
    }

    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Invite a supporting agency (配合单位).",
            discussion: Help.discussion(examples:
                "jointops op invite OP-2026-0003 WSJJ"))
        @Argument(help: .operationId) var id: String
        @Argument(help: "Agency code.") var agency: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .inviteAgency(agency) } }
    }

    struct Join: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that an invited agency joined.",
            discussion: Help.discussion(examples:
                "jointops op join OP-2026-0003 WSJJ"))
        @Argument(help: .operationId) var id: String
        @Argument(help: "Agency code.") var agency: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .joinOperation(agency: agency) } }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a supporting agency withdrew.",
            discussion: Help.discussion(examples:
                "jointops op withdraw OP-2026-0003 WSSJ"))
        @Argument(help: .operationId) var id: String
        @Argument(help: "Agency code.") var agency: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .withdrawAgency(agency) } }
    }

    struct RecordSession: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-session",
            abstract: "Record a field session (集中整治) with one tally per agency present.",
            discussion: Help.discussion("""
                --tally AGENCY:field=n,field=n (repeatable), one per agency that took part. Fields: officers \
                (出动人次), vehicles (出动车辆台次), inspected (检查车辆), serious (严重违法), minor (一般违法), \
                educated (教育劝导), leaflets (宣传单), notices (整改通知) — or the full names (officersDeployed, \
                vehiclesInspected, …).

                A tally keeps only what belongs to no case: cases, seized, fines and referrals are refused. The \
                bureau's cases link to the session (`case receive-lead --source jointOperation --op ID --session S1`, \
                `case decide-on-spot --op`, `case seize-vehicle --op`, `referral send --op`); a partner agency \
                records its own results with `op record-return`.

                Bounds per agency and session (数值上限): \
                \(FigureBounds.text(Tally.zero.fields.map(\.name).filter { !Tally.caseFields.contains($0) })).
                """, examples: "jointops op record-session OP-2026-0003 --session S1 --place 乌苏市火车站广场 --date 2026-04-18 --tally WSZD:officers=12,vehicles=4,inspected=56 --tally WSJJ:officers=6"))
        @Argument(help: .operationId) var id: String
        @Option(help: "Session id, unique in the operation, e.g. S1.") var session: String
        @Option(help: "Day of the session (default: the --at date).") var date: String?
        @Option(help: "Where (Chinese).") var place: String
        @Option(help: "AGENCY:field=n,… (repeatable).") var tally: [String] = []
        @OptionGroup var options: WriteOptions

        func run() throws {
            let day = try date.map { try parseDate($0, option: "--date") }
                ?? (try options.request().at?.date ?? LocalDate(Date()))
            var tallies: [String: Tally] = [:]
            for text in tally {
                let (agency, counts) = try TallyText.parse(text)
                tallies[agency] = counts
            }
            let session = FieldSession(sessionId: session, date: day, placeZh: place, tallies: tallies)
            try options.writeOperation(id) { .recordSession(session) }
        }
    }

    struct Conclude: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End the field phase.",
            discussion: Help.discussion(examples:
                "jointops op conclude OP-2026-0003 --at 2026-04-30"))
        @Argument(help: .operationId) var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .conclude } }
    }

    struct Summarise: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the final summary (总结).",
            discussion: Help.discussion(examples:
                "jointops op summarise OP-2026-0003 --summary 共检查车辆356台次，查处黑车23辆"))
        @Argument(help: .operationId) var id: String
        @Option(help: "Summary (Chinese).") var summary: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .summarise(summaryZh: summary) } }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the operation for good.",
            discussion: Help.discussion(examples:
                "jointops op archive OP-2026-0003"))
        @Argument(help: .operationId) var id: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .archive } }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Abandon the operation before it concludes.",
            discussion: Help.discussion(examples:
                "jointops op cancel OP-2026-0004 --reason 因天气原因取消"))
        @Argument(help: .operationId) var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() throws { try options.writeOperation(id) { .cancel(reasonZh: reason) } }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an operation: status, agencies, tallies, outcomes by agency (各单位成果), next actions.",
            discussion: Help.discussion(examples:
                "jointops op show OP-2026-0003",
                "jointops op show OP-2026-0003 --format json"))
        @Argument(help: .operationId) var id: String
        @OptionGroup var output: FormatOption

        func run() throws {
            let id = try StreamKind.operation.parse(id)
            let state = try connectedApplication().load(OperationDecider.self, id: id, kind: .operation)
            let outcomes = try OperationOutcomes.of(id)
            try emit(OperationTables.detail(id, state, next: state.nextActions.map(StepSpelling.verb), outcomes: outcomes),
                 output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List operations (the operations board).",
            discussion: Help.discussion(examples:
                "jointops op list",
                "jointops op list --status inProgress --lead WSZD"))
        @Option(help: "Only this status.") var status: OperationState.Status?
        @Option(help: "Only this campaign code.") var campaign: String?
        @Option(help: "Only operations led by this agency.") var lead: String?
        @OptionGroup var page: PageOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let after = try page.afterId(.operation)
            let application = try connectedApplication()
            try checkAgencyFilter(lead, option: "--lead", in: try application.registry())
            let all = try application.loadAll(OperationDecider.self, kind: .operation).filter { _, state in
                (status == nil || state.status == status)
                    && (campaign == nil || state.plan?.campaignCode == campaign)
                    && (lead == nil || state.plan?.leadAgency == lead)
            }
            let shown = page.page(all, after: after) { $0.id }
            var table = OperationTables.board(shown.rows, cases: try OperationOutcomes.cases())
            table.keyColumns = ["id"]
            try emit(table, output)
            NextPageNote.say(after: shown.nextAfter)
        }
    }
}

/// `AGENCY:officers=12,vehicles=4` → a tally.
enum TallyText {
    static let aliases: [String: String] = [
        "officers": "officersDeployed", "vehicles": "vehiclesDeployed", "inspected": "vehiclesInspected",
        "serious": "violationsSerious", "minor": "violationsMinor", "cases": "casesFiled", "seized": "vehiclesSeized",
        "fines": "finesYuan", "educated": "peopleEducated", "leaflets": "leaflets", "notices": "rectificationNotices",
        "referrals": "referrals",
    ]

    static func parse(_ text: String) throws -> (String, Tally) {
        let example = "e.g. --tally WSZD:officers=12,vehicles=4,inspected=56"
        guard let colon = text.firstIndex(of: ":") else {
            throw UserFacingError.usage("--tally `\(text)` names no agency: write AGENCY:field=n,…, \(example)")
        }
        let agency = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        var values: [String: Int] = [:]
        for pair in text[text.index(after: colon)...].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw UserFacingError.usage("--tally `\(pair)` is not field=n: \(example)") }
            let known = Tally.zero.fields.map(\.name)
            guard let field = aliases[parts[0]] ?? known.first(where: { $0 == parts[0] }) else {
                throw UserFacingError.usage("--tally field `\(parts[0])` is not known: use "
                                     + aliases.keys.sorted().joined(separator: ", "))
            }
            values[field] = try parseInt(parts[1], option: "--tally \(parts[0])", field: field)
        }
        let v = { values[$0] ?? 0 }
        return (agency, Tally(officersDeployed: v("officersDeployed"), vehiclesDeployed: v("vehiclesDeployed"),
                              vehiclesInspected: v("vehiclesInspected"), violationsSerious: v("violationsSerious"),
                              violationsMinor: v("violationsMinor"), casesFiled: v("casesFiled"),
                              vehiclesSeized: v("vehiclesSeized"), finesYuan: v("finesYuan"),
                              peopleEducated: v("peopleEducated"), leaflets: v("leaflets"),
                              rectificationNotices: v("rectificationNotices"), referrals: v("referrals")))
    }
}

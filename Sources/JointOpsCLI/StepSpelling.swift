import Enforcement
import JointOps

/// How the command line spells a next step: as the `jointops` command that takes it.
///
/// The domain and the application name steps as data (`NextStep`, `UserStep`); this is the one place that
/// turns them into command lines, and `NextStepSpellingTests` parses every one with the real parser.
enum StepSpelling {
    /// The command lines (the words after `jointops`) a step names; more than one means "any of these".
    static func commandLines(_ step: UserStep) -> [[String]] {
        switch step {
        case .next(let step): commandLines(step)
        case .list(let kind): [[group(listing: kind), "list"]]
        case .startLocalDatabase: [["local", "start"]]
        case .startThrowawayDatabase(let dataDir): [["local", "start", "--data-dir", dataDir]]
        case .runProjector: [["project", "run"]]
        case .migrateDatabase: [["db", "migrate"]]
        case .action(let action): [commandLine(action)]
        }
    }

    static func commandLines(_ step: NextStep) -> [[String]] {
        switch step {
        case .registerAgency: [["agency", "register", "CODE", "--name", "NAME", "--kind", "KIND"]]
        case .registerOfficer: [["officer", "register", "OFFICER-ID", "--name", "NAME", "--agency", "AGENCY"]]
        case .listOfficers: [["officer", "list"]]
        case .showOfficer(let id): [["officer", "show", id]]
        case .certifyOfficer(let id): [["officer", "certify", id, "--certificate", "NUMBER"]]
        case let .designateOfficer(id, role, agency, from):
            [["officer", "designate", id, "--role", role.rawValue, "--agency", agency, "--from", from.description]]
        case let .endDesignation(id, role, agency):
            [["officer", "undesignate", id, "--role", role.rawValue, "--agency", agency, "--to", "DATE"]]
        case .unbindOfficer(let id): [["officer", "unbind", id]]
        case .importCalendar: [["calendar", "import", "FILE.csv"]]
        case .listLegalBases: [["law", "list"]]
        case .listLegalBasesForSector(let sector): [["law", "list", "--sector", sector.rawValue]]
        case .showLegalBasis(let id): [["law", "show", id]]
        case .planOperation:
            [["operation", "plan", "--title", "TEXT", "--lead", "AGENCY", "--from", "YYYY-MM-DD", "--to", "YYYY-MM-DD"]]
        case .inviteAgency: [["operation", "invite", "OPERATION-ID", "AGENCY"]]
        case .joinOperation: [["operation", "join", "OPERATION-ID", "AGENCY"]]
        case .sendReferral:
            [["referral", "send", "--kind", "KIND", "--from", "AGENCY", "--to", "AGENCY", "--subject", "TEXT"]]
        case .raiseRectification:
            [["rectification", "raise", "--description", "TEXT", "--found-by", "TEXT", "--found-during", "HOW"]]
        case .openCase:
            // A new case filed without a lead names its source; a lead's filing (`onCase`) keeps the lead's.
            [CaseAction.receiveLead, .file, .decideOnSpot].map {
                ["case", verb($0)] + requiredOptions($0) + ($0 == .file ? ["--source", "SOURCE"] : [])
            }
        case let .show(record, id): [[record.rawValue, "show", id]]
        case let .onCase(action, caseId): [caseCommandLine(action, caseId: caseId)]
        }
    }

    /// The step as text in a message: "`jointops case request-review CASE-2023-0007`"; alternatives after the
    /// first by their verb: "`jointops case receive-lead --agency AGENCY …`, `file` or `decide-on-spot`".
    static func text(_ step: UserStep) -> String {
        if case .action(let action) = step { return "`\(commandLine(action).last ?? "")`" }
        let lines = commandLines(step)
        let first = "`jointops \(lines[0].joined(separator: " "))`"
        let others = lines.dropFirst().map { "`\($0.count > 1 ? $0[1] : $0.last ?? "")`" }
        guard let last = others.last else { return first }
        return ([first] + others.dropLast()).joined(separator: ", ") + " or \(last)"
    }

    /// The verb of `jointops case` that takes a case step.
    static func verb(_ action: CaseAction) -> String {
        typealias Case = CaseCommandGroup
        switch action {
        case .receiveLead: return Case.ReceiveLead._commandName
        case .file: return Case.File._commandName
        case .declineFiling: return Case.DeclineFiling._commandName
        case .decideOnSpot: return Case.DecideOnSpot._commandName
        case .assignOfficers: return Case.AssignOfficers._commandName
        case .recordEvidence: return Case.RecordEvidence._commandName
        case .preserveEvidence: return Case.PreserveEvidence._commandName
        case .resolvePreservedEvidence: return Case.ResolvePreservedEvidence._commandName
        case .seizeVehicle: return Case.SeizeVehicle._commandName
        case .extendSeizure: return Case.ExtendSeizure._commandName
        case .releaseVehicle: return Case.ReleaseVehicle._commandName
        case .confiscateVehicle: return Case.ConfiscateVehicle._commandName
        case .concludeInvestigation: return Case.ConcludeInvestigation._commandName
        case .requestLegalReview: return ReviewCommand.Request._commandName
        case .passLegalReview: return ReviewCommand.Pass._commandName
        case .returnLegalReview: return ReviewCommand.Return._commandName
        case .serveNotice: return Case.ServeNotice._commandName
        case .receiveStatement: return Case.ReceiveStatement._commandName
        case .waiveStatement: return Case.WaiveStatement._commandName
        case .requestHearing: return Case.RequestHearing._commandName
        case .scheduleHearing: return Case.ScheduleHearing._commandName
        case .holdHearing: return Case.HoldHearing._commandName
        case .waiveHearing: return Case.WaiveHearing._commandName
        case .decidePenalty: return Case.DecidePenalty._commandName
        case .decideNoPenalty: return Case.DecideNoPenalty._commandName
        case .referToPolice: return Case.ReferToPolice._commandName
        case .transferOut: return Case.TransferOut._commandName
        case .serveDecision: return Case.ServeDecision._commandName
        case .publish: return Case.Publish._commandName
        case .withholdPublication: return Case.WithholdPublication._commandName
        case .revokeDecision: return Case.RevokeDecision._commandName
        case .withdrawPublication: return Case.WithdrawPublication._commandName
        case .receivePayment: return Case.ReceivePayment._commandName
        case .serveDemand: return Case.ServeDemand._commandName
        case .applyToCourt: return Case.ApplyToCourt._commandName
        case .fileOnSpotDecision: return Case.FileOnSpotDecision._commandName
        case .close: return Case.Close._commandName
        case .archive: return Case.Archive._commandName
        case .correct: return Case.Correct._commandName
        case .importCase: return Case.Import._commandName
        }
    }

    /// The group and verb of the command that takes an action: `["op", "record-session"]`.
    static func commandLine(_ action: DomainAction) -> [String] {
        switch action {
        case .case(let action): [CaseCommandGroup._commandName, verb(action)]
        case .operation(let action): [OperationCommandGroup._commandName, verb(action)]
        case .rectification(let action): [RectifyCommand._commandName, verb(action)]
        case .referral(let action): [ReferralCommandGroup._commandName, verb(action)]
        case .petition(let action): [PetitionCommandGroup._commandName, PetitionCommandGroup.verb(action)]
        }
    }

    static func verb(_ action: OperationAction) -> String {
        typealias Op = OperationCommandGroup
        switch action {
        case .plan: return Op.Plan._commandName
        case .approve: return Op.Approve._commandName
        case .launch: return Op.Launch._commandName
        case .inviteAgency: return Op.Invite._commandName
        case .joinOperation: return Op.Join._commandName
        case .withdrawAgency: return Op.Withdraw._commandName
        case .recordSession: return Op.RecordSession._commandName
        case .recordReturn: return Op.RecordReturn._commandName
        case .conclude: return Op.Conclude._commandName
        case .summarise: return Op.Summarise._commandName
        case .archive: return Op.Archive._commandName
        case .cancel: return Op.Cancel._commandName
        }
    }

    static func verb(_ action: RectificationAction) -> String {
        typealias Rect = RectifyCommand
        switch action {
        case .raise: return Rect.Raise._commandName
        case .issueOpinion: return Rect.IssueOpinion._commandName
        case .assignOwner: return Rect.AssignOwner._commandName
        case .reportRectified: return Rect.ReportRectified._commandName
        case .verify: return Rect.Verify._commandName
        case .rejectRectification: return Rect.RejectRectification._commandName
        case .closeOut: return Rect.CloseOut._commandName
        }
    }

    static func verb(_ action: ReferralAction) -> String {
        typealias Ref = ReferralCommandGroup
        switch action {
        case .send: return Ref.Send._commandName
        case .accept: return Ref.Accept._commandName
        case .reject: return Ref.Reject._commandName
        case .recordFeedback: return Ref.RecordFeedback._commandName
        }
    }

    /// The command group that lists the records of a kind.
    static func group(listing kind: StreamKind) -> String {
        switch kind {
        case .operation: OperationCommandGroup._commandName
        case .rectification: RectifyCommand._commandName
        case .referral: ReferralCommandGroup._commandName
        case .outreach: OutreachCommand._commandName
        case .ruleOfLaw: ActivityCommand._commandName
        case .audit: AuditCommandGroup._commandName
        case .counsel: CounselCommandGroup._commandName
        case .petition: PetitionCommandGroup._commandName
        case .case: CaseCommandGroup._commandName
        // Any other stream (the registry, the calendar) is found in the log itself.
        default: EventsCommand._commandName
        }
    }
}

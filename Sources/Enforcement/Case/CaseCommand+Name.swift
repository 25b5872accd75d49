// The CLI verb of each command (`jointops case <verb>`), as rejections and `CaseState.nextActions` name it.

/// A case command or one phase of them: anything a rejection can name by its verb.
protocol NamedCaseCommand {
    var name: String { get }
}

extension CaseCommand: NamedCaseCommand {}
extension CaseCommand.Opening: NamedCaseCommand {
    public var name: String {
        switch self {
        case .receiveLead: "receive-lead"
        case .fileCase: "file"
        case .declineFiling: "decline-filing"
        }
    }
}

extension CaseCommand.Investigation: NamedCaseCommand {
    public var name: String {
        switch self {
        case .assignOfficers: "assign-officers"
        case .recordEvidence: "record-evidence"
        case .preserveEvidence: "preserve-evidence"
        case .resolvePreservedEvidence: "resolve-preserved-evidence"
        }
    }
}

extension CaseCommand.Seizure: NamedCaseCommand {
    public var name: String {
        switch self {
        case .seizeVehicle: "seize-vehicle"
        case .extendSeizure: "extend-seizure"
        case .releaseVehicle: "release-vehicle"
        case .confiscateVehicle: "confiscate-vehicle"
        }
    }
}

extension CaseCommand.ProcedureStep: NamedCaseCommand {
    public var name: String {
        switch self {
        case .concludeInvestigation: "conclude-investigation"
        case .requestLegalReview: "request-review"
        case .passLegalReview: "pass-review"
        case .returnLegalReview: "return-review"
        case .serveNotice: "serve-notice"
        case .receiveStatement: "receive-statement"
        case .waiveStatement: "waive-statement"
        case .requestHearing: "request-hearing"
        case .scheduleHearing: "schedule-hearing"
        case .holdHearing: "hold-hearing"
        case .waiveHearing: "waive-hearing"
        }
    }
}

extension CaseCommand.Outcome: NamedCaseCommand {
    public var name: String {
        switch self {
        case .decidePenalty: "decide-penalty"
        case .decideNoPenalty: "decide-no-penalty"
        case .referToPolice: "refer-to-police"
        case .transferOut: "transfer-out"
        case .decideOnSpot: "decide-on-spot"
        }
    }
}

extension CaseCommand.AfterDecision: NamedCaseCommand {
    public var name: String {
        switch self {
        case .serveDecision: "serve-decision"
        case .publishDecision: "publish"
        case .withholdPublication: "withhold-publication"
        case .revokeDecision: "revoke-decision"
        case .withdrawPublication: "withdraw-publication"
        }
    }
}

extension CaseCommand.Execution: NamedCaseCommand {
    public var name: String {
        switch self {
        case .receivePayment: "receive-payment"
        case .serveEnforcementDemand: "serve-demand"
        case .applyForCourtEnforcement: "apply-to-court"
        case .fileOnSpotDecision: "file-on-spot-decision"
        case .close: "close"
        case .archive: "archive"
        }
    }
}

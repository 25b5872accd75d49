// The step each case command takes (`CaseAction`), as rejections name it; the command line spells it.

/// A case command or one phase of them: anything a rejection can name by its step.
protocol CaseCommandPhase {
    var action: CaseAction { get }
}

extension CaseCommand: CaseCommandPhase {}
extension CaseCommand.Opening: CaseCommandPhase {
    public var action: CaseAction {
        switch self {
        case .receiveLead: .receiveLead
        case .fileCase: .file
        case .declineFiling: .declineFiling
        }
    }
}

extension CaseCommand.Investigation: CaseCommandPhase {
    public var action: CaseAction {
        switch self {
        case .assignOfficers: .assignOfficers
        case .recordEvidence: .recordEvidence
        case .preserveEvidence: .preserveEvidence
        case .resolvePreservedEvidence: .resolvePreservedEvidence
        }
    }
}

extension CaseCommand.Seizure: CaseCommandPhase {
    public var action: CaseAction {
        switch self {
        case .seizeVehicle: .seizeVehicle
        case .extendSeizure: .extendSeizure
        case .releaseVehicle: .releaseVehicle
        case .confiscateVehicle: .confiscateVehicle
        }
    }
}

extension CaseCommand.ProcedureStep: CaseCommandPhase {
    public var action: CaseAction {
        switch self {
        case .concludeInvestigation: .concludeInvestigation
        case .requestLegalReview: .requestLegalReview
        case .passLegalReview: .passLegalReview
        case .returnLegalReview: .returnLegalReview
        case .serveNotice: .serveNotice
        case .receiveStatement: .receiveStatement
        case .waiveStatement: .waiveStatement
        case .requestHearing: .requestHearing
        case .scheduleHearing: .scheduleHearing
        case .holdHearing: .holdHearing
        case .waiveHearing: .waiveHearing
        }
    }
}

extension CaseCommand.Outcome: CaseCommandPhase {
    public var action: CaseAction {
        switch self {
        case .decidePenalty: .decidePenalty
        case .decideNoPenalty: .decideNoPenalty
        case .referToPolice: .referToPolice
        case .transferOut: .transferOut
        case .decideOnSpot: .decideOnSpot
        }
    }
}

extension CaseCommand.AfterDecision: CaseCommandPhase {
    public var action: CaseAction {
        switch self {
        case .serveDecision: .serveDecision
        case .publishDecision: .publish
        case .withholdPublication: .withholdPublication
        case .revokeDecision: .revokeDecision
        case .withdrawPublication: .withdrawPublication
        }
    }
}

extension CaseCommand.Execution: CaseCommandPhase {
    public var action: CaseAction {
        switch self {
        case .receivePayment: .receivePayment
        case .serveEnforcementDemand: .serveDemand
        case .applyForCourtEnforcement: .applyToCourt
        case .fileOnSpotDecision: .fileOnSpotDecision
        case .close: .close
        case .archive: .archive
        }
    }
}

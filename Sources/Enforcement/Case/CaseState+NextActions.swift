extension CaseState {
    /// The steps that can sensibly come next, most expected first.
    ///
    /// A hint for `case show`, not a promise: the decider still checks every rule (a listed
    /// `decidePenalty` may be refused for want of a legal review).
    public var nextActions: [CaseAction] {
        var actions: [CaseAction]
        switch status {
        case .none:
            actions = [.receiveLead, .file, .decideOnSpot]
        case .leadReceived:
            actions = [.file, .declineFiling, .decideOnSpot, .seizeVehicle, .transferOut]
        case .filingDeclined:
            actions = [.archive]
        case .investigating:
            actions = assignedOfficers.isEmpty ? [.assignOfficers] : []
            actions += [.recordEvidence, .preserveEvidence, .seizeVehicle]
            if evidenceCount > 0 { actions.append(.concludeInvestigation) }
            actions += [.referToPolice, .transferOut]
        case .investigationConcluded:
            actions = nextProcedureActions
        case .decided where decisionRevoked, .served where decisionRevoked:
            // Nothing acts on a revoked decision: withdraw what was published, then close.
            actions = publicationActions + [.close]
        case .decided:
            actions = [.serveDecision] + publicationActions + [.revokeDecision]
        case .served:
            actions = paymentActions + publicationActions
            if procedure == .summary, !onSpotDecisionFiled { actions.append(.fileOnSpotDecision) }
            actions += [.close, .revokeDecision]
        case .referredToPolice, .transferredOut:
            actions = [.close]
        case .closed:
            actions = [.archive] + publicationActions
        case .archived:
            actions = []
        }
        if preservationPending { actions.insert(.resolvePreservedEvidence, at: 0) }
        if !activeSeizures.isEmpty, status != .none, status != .archived, status != .closed {
            actions += [.extendSeizure, .releaseVehicle]
            if penalty?.types.contains(.confiscationOfProperty) == true { actions.append(.confiscateVehicle) }
        }
        return actions
    }

    private var nextProcedureActions: [CaseAction] {
        if hearingIsPending {
            if case .scheduled = hearing { return [.holdHearing, .waiveHearing] }
            return [.scheduleHearing, .waiveHearing]
        }
        var actions: [CaseAction] = []
        switch legalReview {
        case .requested: actions += [.passLegalReview, .returnLegalReview]
        case .notRequested, .returned: actions.append(.requestLegalReview)
        case .passed: break
        }
        if notice == nil {
            actions.append(.serveNotice)
            if statement == .none { actions.append(.waiveStatement) }
        } else {
            if statement != .waived { actions.append(.receiveStatement) }
            if noticeGrantsHearing, hearing == .notRequested { actions += [.requestHearing, .waiveHearing] }
        }
        if notice != nil || statement == .waived { actions.append(.decidePenalty) }
        actions += [.decideNoPenalty, .referToPolice, .transferOut]
        return actions
    }

    private var publicationActions: [CaseAction] {
        switch outcome {
        case .penalty, .noPenalty:
            if published { return publicationWithdrawn ? [] : (decisionRevoked ? [.withdrawPublication] : []) }
            if decisionRevoked || publicationWithheld != nil || party?.isMinor == true { return [] }
            return [.publish, .withholdPublication]
        case .criminalReferral, .transferredOut, nil:
            return []
        }
    }

    private var paymentActions: [CaseAction] {
        guard fineYuan > 0, !decisionRevoked, paidYuan < fineYuan else { return [] }
        var actions: [CaseAction] = [.receivePayment]
        if courtApplicationFrom == nil { actions.append(.serveDemand) } else if !courtEnforcementApplied {
            actions.append(.applyToCourt)
        }
        return actions
    }
}

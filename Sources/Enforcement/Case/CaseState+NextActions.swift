extension CaseState {
    /// The commands (CLI verbs of `jointops case`) that can sensibly come next, most expected first.
    ///
    /// A hint for `case show`, not a promise: the decider still checks every rule (a listed
    /// `decide-penalty` may be refused for want of a legal review).
    public var nextActions: [String] {
        var actions: [String]
        switch status {
        case .none:
            actions = ["receive-lead", "file", "decide-on-spot"]
        case .leadReceived:
            actions = ["file", "decline-filing", "decide-on-spot", "seize-vehicle", "transfer-out"]
        case .filingDeclined:
            actions = ["archive"]
        case .investigating:
            actions = assignedOfficers.isEmpty ? ["assign-officers"] : []
            actions += ["record-evidence", "preserve-evidence", "seize-vehicle"]
            if evidenceCount > 0 { actions.append("conclude-investigation") }
            actions += ["refer-to-police", "transfer-out"]
        case .investigationConcluded:
            actions = nextProcedureActions
        case .decided:
            actions = ["serve-decision"] + publicationActions + ["revoke-decision"]
        case .served:
            actions = paymentActions + publicationActions
            if procedure == .summary, !onSpotDecisionFiled { actions.append("file-on-spot-decision") }
            actions += ["close", "revoke-decision"]
        case .referredToPolice, .transferredOut:
            actions = ["close"]
        case .closed:
            actions = ["archive"] + publicationActions
        case .archived:
            actions = []
        }
        if preservationPending { actions.insert("resolve-preserved-evidence", at: 0) }
        if !activeSeizures.isEmpty, status != .none, status != .archived, status != .closed {
            actions += ["extend-seizure", "release-vehicle"]
            if penalty?.types.contains(.confiscationOfProperty) == true { actions.append("confiscate-vehicle") }
        }
        return actions
    }

    private var nextProcedureActions: [String] {
        if hearingIsPending {
            if case .scheduled = hearing { return ["hold-hearing", "waive-hearing"] }
            return ["schedule-hearing", "waive-hearing"]
        }
        var actions: [String] = []
        switch legalReview {
        case .requested: actions += ["pass-review", "return-review"]
        case .notRequested, .returned: actions.append("request-review")
        case .passed: break
        }
        if notice == nil {
            actions.append("serve-notice")
            if statement == .none { actions.append("waive-statement") }
        } else {
            if statement != .waived { actions.append("receive-statement") }
            if noticeGrantsHearing, hearing == .notRequested { actions.append("request-hearing") }
        }
        if notice != nil || statement == .waived { actions.append("decide-penalty") }
        actions += ["decide-no-penalty", "refer-to-police", "transfer-out"]
        return actions
    }

    private var publicationActions: [String] {
        switch outcome {
        case .penalty, .noPenalty:
            if published { return publicationWithdrawn ? [] : (decisionRevoked ? ["withdraw-publication"] : []) }
            if decisionRevoked || publicationWithheld != nil || party?.isMinor == true { return [] }
            return ["publish", "withhold-publication"]
        default:
            return []
        }
    }

    private var paymentActions: [String] {
        guard fineYuan > 0, !decisionRevoked, paidYuan < fineYuan else { return [] }
        var actions = ["receive-payment"]
        if courtApplicationFrom == nil { actions.append("serve-demand") } else if !courtEnforcementApplied {
            actions.append("apply-to-court")
        }
        return actions
    }
}

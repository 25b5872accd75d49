// The investigation (调查取证): the case team, evidence, and evidence registered for preservation.
extension CaseDecider {
    static func decideInvestigation(_ command: CaseCommand.Investigation, _ state: CaseState,
                                    _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        switch command {
        case .assignOfficers(let officers):
            try require(state, [.investigating, .investigationConcluded], command)
            let team = try checkTeam(officers, agency: state.agency, context: context)
            return [.officersAssigned(.init(officers: team, assignedOn: context.today))]

        case let .recordEvidence(kind, descriptionZh, mediaRef, sha256, officers):
            // Also after the conclusion: a returned legal review often asks for supplementary evidence (补充调查).
            try require(state, [.investigating, .investigationConcluded], command)
            // Evidence may predate the filing, never the act it proves.
            try Rejection.requireOrder(.evidence, on: context.today, after: .act, on: state.act?.date)
            try Rejection.requireText(descriptionZh, "evidence description")
            try Rejection.requireText(mediaRef, "media reference")
            guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { throw .invalidHash(sha256) }
            let team = try checkActingTeam(officers, state, context)
            return [.evidenceRecorded(.init(kind: kind, descriptionZh: descriptionZh, mediaRef: mediaRef,
                                            sha256: sha256.lowercased(), officers: team, recordedOn: context.today))]

        case let .preserveEvidence(itemsZh, officers, approvedBy):
            try require(state, [.investigating], command)
            guard !state.preservationPending else { throw .preservationPending(state.caseId ?? "?") }
            try Rejection.requireOrder(.evidence, on: context.today, after: .act, on: state.act?.date)
            try Rejection.requireText(itemsZh, "preserved items")
            try checkApprover(approvedBy, agency: state.agency, context)
            let team = try checkActingTeam(officers, state, context)
            let due = context.deadline { c, j in
                Deadlines.evidencePreservation(preserved: context.today, calendar: c, in: j)
            }
            return [.evidencePreserved(.init(itemsZh: itemsZh, officers: team, approvedBy: approvedBy,
                                             preservedOn: context.today, decisionDue: due))]

        case .resolvePreservedEvidence(let outcomeZh):
            try require(state, [.investigating, .investigationConcluded], command)
            guard state.preservationPending else { throw .noPreservedEvidence(state.caseId ?? "?") }
            try Rejection.requireText(outcomeZh, "outcome")
            return [.preservedEvidenceResolved(.init(outcomeZh: outcomeZh, resolvedOn: context.today))]
        }
    }
}

import Enforcement

/// Tables about cases: one case in detail, the case list and the pipeline (counts by stage).
public enum CaseTables {
    /// `next` are the next steps as the caller spells them (the CLI: its verbs); `statuses` each clock's
    /// ``DeadlineStatus`` (done on time, late, overdue or open), one `deadline` row each.
    public static func detail(_ id: String, _ state: CaseState, next: [String],
                              statuses: [(deadline: Deadline, status: DeadlineStatus)] = []) -> Table {
        var pairs: [(String, String)] = [("id", id), ("status", state.status.rawValue),
                                         ("procedure", state.procedure.rawValue)]
        if state.imported { pairs.append(("imported", "导入 (from a register kept before JointOps)")) }
        if let agency = state.agency { pairs.append(("agency", agency)) }
        if let source = state.source { pairs.append(("source", source.rawValue)) }
        if let party = state.party {
            pairs.append(("party", "\(party.nameZh) (\(party.kind.rawValue), \(party.partyId))\(party.isMinor ? " minor" : "")"))
        }
        if let act = state.act {
            pairs += [("act", "\(act.date) \(act.placeZh): \(act.descriptionZh)"), ("sector", act.sector.labelZh)]
            if let plate = act.plate { pairs.append(("plate", plate)) }
        }
        if let filed = state.filedOn { pairs.append(("filed", filed.description)) }
        if !state.assignedOfficers.isEmpty { pairs.append(("officers", state.assignedOfficers.joined(separator: ", "))) }
        if state.evidenceCount > 0 { pairs.append(("evidence", "\(state.evidenceCount) item(s)")) }
        for seizure in state.seizures.values.sorted(by: { $0.plate < $1.plate }) {
            pairs.append(("seizure \(seizure.plate)", seizure.end.map { $0.rawValue } ?? "seized since \(seizure.seizedOn)"))
        }
        if state.legalReview != .notRequested { pairs.append(("legal review", state.legalReview.rawValue)) }
        if let notice = state.notice { pairs.append(("notice", penaltyText(notice))) }
        if state.statement != .none { pairs.append(("statement", state.statement.rawValue)) }
        if state.hearing != .notRequested { pairs.append(("hearing", hearingText(state.hearing))) }
        if let outcome = state.outcome {
            // A revoked decision is no longer the case's outcome; it stays visible as what was revoked.
            if state.decisionRevoked { pairs.append(("outcome", "none (decision revoked: \(outcomeText(outcome)))")) }
            else { pairs.append(("outcome", outcomeText(outcome))) }
        }
        if let number = state.decisionNumber { pairs.append(("decision", number)) }
        if let decided = state.decidedOn { pairs.append(("decided", decided.description)) }
        if let served = state.servedOn { pairs.append(("served", served.description)) }
        if state.fineYuan > 0 { pairs.append(("paid", "\(state.paidYuan) of \(state.fineYuan) yuan")) }
        if state.published || state.publicationWithheld != nil || state.publicationWithdrawn {
            let text = state.publicationWithdrawn ? "withdrawn"
                : state.published ? "published" : "withheld (\(state.publicationWithheld!.rawValue))"
            pairs.append(("publication", text))
        }
        pairs += correctionRows(state.corrections)
        var booleans: Set<[Int]> = []
        for deadline in state.openDeadlines {
            let alert = deadline.alertText.map { " (\($0))" } ?? ""
            pairs.append(("due \(deadline.kind.rawValue)", "\(deadline.dueText)\(alert) \(deadline.labelZh), \(deadline.basis)"))
            // Only provisional deadlines get the row, so a case with certain ones reads as before.
            if deadline.provisional {
                booleans.insert([pairs.count, 1])
                pairs.append(("provisional \(deadline.kind.rawValue)", "true"))
            }
        }
        for (deadline, status) in statuses {
            pairs.append(("deadline \(deadline.kind.rawValue)", "\(status.code): \(status.text(for: deadline.kind))"))
        }
        pairs.append(("next", next.isEmpty ? "(none)" : next.joined(separator: ", ")))
        var table = Table.keyValue(pairs)
        table.jsonBooleans = booleans
        return table
    }

    public static func list(_ cases: [(id: String, state: CaseState)]) -> Table {
        Table(["id", "status", "agency", "sector", "filed", "next due", "party", "imported"], rows: cases.map { id, state in
            // The soonest legal last day, as `case due` and `case_register.next_due` have it.
            let soonest = state.openDeadlines.min { ($0.legallyDue, $0.kind.rawValue) < ($1.legallyDue, $1.kind.rawValue) }
            let next = soonest.map { "\($0.dueText) \($0.kind.rawValue)" } ?? ""
            return [id, state.status.rawValue, state.agency ?? "", state.act?.sector.rawValue ?? "",
                    state.filedOn?.description ?? "", next, state.party?.nameZh ?? "", state.imported ? "导入" : ""]
        })
    }

    /// The stage a case is at, for the pipeline.
    public static func stage(_ state: CaseState) -> String {
        switch state.status {
        case .served where state.published: return "served, published"
        case .closed where state.published: return "closed, published"
        case .archived where state.published: return "archived, published"
        default: return words(state.status.rawValue)
        }
    }

    /// Counts by stage, in lifecycle order, with the published total.
    public static func pipeline(_ cases: [CaseState]) -> Table {
        var counts: [String: Int] = [:]
        for state in cases { counts[stage(state), default: 0] += 1 }
        let order = CaseState.Status.allCases.flatMap { status -> [String] in
            let base = words(status.rawValue)
            return [base, "\(base), published"]
        }
        var rows = order.filter { counts[$0] != nil }.map { [$0, String(counts[$0]!)] }
        rows.append(["all cases", String(cases.count)])
        rows.append(["decisions published", String(cases.filter(\.published).count)])
        return Table(["stage", "cases"], rows: rows)
    }

    static func penaltyText(_ penalty: Penalty) -> String {
        let types = penalty.types.map(\.rawValue).joined(separator: "+")
        return penalty.fineYuan > 0 ? "\(types) \(penalty.fineYuan) yuan (\(penalty.basisLabelZh))" : "\(types) (\(penalty.basisLabelZh))"
    }

    static func outcomeText(_ outcome: CaseState.Outcome) -> String {
        switch outcome {
        case .penalty(let penalty): return penaltyText(penalty)
        case .noPenalty(let reason): return "no penalty: \(words(reason.rawValue))"
        case .criminalReferral(let police): return "referred to police \(police)"
        case .transferredOut(let agency): return "transferred to \(agency)"
        }
    }

    static func hearingText(_ hearing: CaseState.Hearing) -> String {
        switch hearing {
        case .notRequested: return "not requested"
        case .requested: return "requested"
        case let .scheduled(date, chair): return "scheduled \(date), chair \(chair)"
        case .held(let chair): return "held, chair \(chair)"
        case .waived: return "waived"
        }
    }

    /// "investigationConcluded" → "investigation concluded".
    static func words(_ camel: String) -> String {
        var out = ""
        for character in camel {
            if character.isUppercase, !out.isEmpty { out.append(" ") }
            out.append(contentsOf: character.lowercased())
        }
        return out
    }
}

extension CaseTables {
    /// The history of corrections (更正): when, which field, 原值 → 更正值, by whom, why; a republished decision says so.
    static func correctionRows(_ corrections: [CaseEvent.Corrected]) -> [(String, String)] {
        corrections.enumerated().map { index, c in
            ("correction \(index + 1)", "\(c.correctedOn) 更正 \(c.field.labelZh) (\(c.field.rawValue)): \(c.from) → \(c.to), "
                + "by \(c.officer), reason: \(c.reasonZh)\(c.republished ? "; decision republished masked" : "")")
        }
    }
}

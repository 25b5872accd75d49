import Enforcement

/// Tables about cases: one case in detail, the case list and the pipeline (counts by stage).
public enum CaseTables {
    /// `next` are the next steps as the caller spells them (the CLI: its verbs); `statuses` each clock's
    /// ``DeadlineStatus`` (done on time, late, overdue or open), one `deadline` row each. Codes go to CSV
    /// beside their labels (`status`, `status_zh`); people read the labels.
    public static func detail(_ id: String, _ state: CaseState, next: [String],
                              statuses: [(deadline: Deadline, status: DeadlineStatus)] = []) -> Table {
        var rows: [KeyValueEntry] = [.plain("id", id), .coded("status", state.status), .coded("procedure", state.procedure)]
        if state.imported { rows.append(.plain("imported", "导入 (from a register kept before JointOps)")) }
        if let agency = state.agency { rows.append(.plain("agency", agency)) }
        if let source = CaseFold.countedSource(of: state) { rows.append(.coded("source", code: source.code, label: source.labelZh)) }
        if let party = state.party {
            rows.append(.plain("party", "\(party.nameZh) (\(party.kind.labelZh), \(party.partyId))\(party.isMinor ? " 未成年人" : "")"))
        }
        if let act = state.act {
            rows += [.plain("act", "\(act.date) \(act.placeZh): \(act.descriptionZh)"), .coded("sector", act.sector)]
            if let plate = act.plate { rows.append(.plain("plate", plate)) }
        }
        if let filed = state.filedOn { rows.append(.plain("filed", filed.description)) }
        if !state.assignedOfficers.isEmpty { rows.append(.plain("officers", state.assignedOfficers.joined(separator: ", "))) }
        if state.evidenceCount > 0 { rows.append(.plain("evidence", "\(state.evidenceCount) item(s)")) }
        for seizure in state.seizures.values.sorted(by: { $0.plate < $1.plate }) {
            rows.append(.plain("seizure \(seizure.plate)", seizureText(seizure)))
        }
        if state.legalReview != .notRequested { rows.append(.coded("legal review", state.legalReview)) }
        if let notice = state.notice { rows.append(.plain("notice", penaltyText(notice))) }
        if state.statement != .none { rows.append(.coded("statement", state.statement)) }
        if state.hearing != .notRequested { rows.append(.plain("hearing", hearing(state.hearing).text)) }
        if let outcome = state.outcome {
            // A revoked decision is no longer the case's outcome; it stays visible as what was revoked.
            rows.append(.plain("outcome", state.decisionRevoked ? "none (decision revoked: \(outcomeText(outcome)))" : outcomeText(outcome)))
        }
        if let number = state.decisionNumber { rows.append(.plain("decision", number)) }
        if let decided = state.decidedOn { rows.append(.plain("decided", decided.description)) }
        if let served = state.servedOn { rows.append(.plain("served", served.description)) }
        if state.fineYuan > 0 { rows.append(.plain("paid", "\(state.paidYuan) of \(state.fineYuan) yuan")) }
        if let publication = publicationText(state) { rows.append(.plain("publication", publication)) }
        rows += correctionRows(state.corrections).map { .plain($0.0, $0.1) }
        for deadline in state.openDeadlines {
            let alert = deadline.alertText.map { " (\($0))" } ?? ""
            rows.append(.plain("due \(deadline.kind.rawValue)", "\(deadline.dueText)\(alert) \(deadline.labelZh), \(deadline.basis)"))
            // Only provisional deadlines get the row, so a case with certain ones reads as before.
            if deadline.provisional { rows.append(.plain("provisional \(deadline.kind.rawValue)", "暂定 (provisional)")) }
        }
        for (deadline, status) in statuses {
            rows.append(.coded("deadline \(deadline.kind.rawValue)", code: status.code, label: status.text(for: deadline.kind)))
        }
        rows.append(.plain("next", next.isEmpty ? "(none)" : next.joined(separator: ", ")))
        return .keyValue(rows)
    }

    /// One row per case: codes beside their labels, the soonest legal last day as `case due` and
    /// `case_register.next_due` have it.
    public static func list(_ cases: [(id: String, state: CaseState)]) -> Table {
        Table(["id", "status", "status_zh", "agency", "sector", "sector_zh", "filed", "next_due", "next_due_kind",
               "next_due_kind_zh", "party", "imported"], rows: cases.map { id, state in
            let soonest = state.openDeadlines.min { ($0.legallyDue, $0.kind.rawValue) < ($1.legallyDue, $1.kind.rawValue) }
            return [id, state.status.rawValue, state.status.labelZh, state.agency ?? "",
                    state.act?.sector.rawValue ?? "", state.act?.sector.labelZh ?? "", state.filedOn?.description ?? "",
                    soonest?.dueText ?? "", soonest?.kind.rawValue ?? "", soonest?.kind.labelZh ?? "",
                    state.party?.nameZh ?? "", state.imported ? importedMark : ""]
        }, kinds: [.text, .code, .text, .text, .code, .text, .text, .text, .code, .text, .text, .flag(importedMark)])
    }

    /// What `imported` shows for a case taken over from a register kept before JointOps.
    public static let importedMark = "导入"

    /// The stage a case is at, for the pipeline: its status, and whether its decision is published once served.
    public static func stage(_ state: CaseState) -> (code: String, labelZh: String) {
        guard state.published, [.served, .closed, .archived].contains(state.status) else {
            return (state.status.rawValue, state.status.labelZh)
        }
        return ("\(state.status.rawValue)+published", "\(state.status.labelZh)（已公示）")
    }

    /// Counts by stage, in lifecycle order, with the published total.
    public static func pipeline(_ cases: [CaseState]) -> Table {
        var counts: [String: Int] = [:]
        var labels: [String: String] = [:]
        for state in cases {
            let stage = stage(state)
            counts[stage.code, default: 0] += 1
            labels[stage.code] = stage.labelZh
        }
        let order = CaseState.Status.allCases.flatMap { [$0.rawValue, "\($0.rawValue)+published"] }
        var rows = order.filter { counts[$0] != nil }.map { [$0, labels[$0]!, String(counts[$0]!)] }
        rows.append(["all", "全部案件", String(cases.count)])
        rows.append(["published", "已公示决定", String(cases.filter(\.published).count)])
        return Table(["stage", "stage_zh", "cases"], rows: rows, kinds: [.code, .text, .integer])
    }

    static func penaltyText(_ penalty: Penalty) -> String {
        let types = penalty.types.map(\.labelZh).joined(separator: "、")
        return penalty.fineYuan > 0 ? "\(types) \(penalty.fineYuan) yuan (\(penalty.basisLabelZh))" : "\(types) (\(penalty.basisLabelZh))"
    }

    static func seizureText(_ seizure: CaseState.Seizure) -> String {
        seizure.end.map(\.labelZh) ?? "扣押中 (seized since \(seizure.seizedOn))"
    }

    static func publicationText(_ state: CaseState) -> String? {
        if state.publicationWithdrawn { return "已撤回公示 (withdrawn)" }
        if state.published { return "已公示 (published)" }
        return state.publicationWithheld.map { "不予公示 (withheld: \($0.labelZh))" }
    }

    static func outcomeText(_ outcome: CaseState.Outcome) -> String {
        switch outcome {
        case .penalty(let penalty): return penaltyText(penalty)
        case .noPenalty(let reason): return "不予处罚 (no penalty): \(reason.labelZh)"
        case .criminalReferral(let police): return "referred to police \(police)"
        case .transferredOut(let agency): return "transferred to \(agency)"
        }
    }

    /// The hearing's code and what people read: 已安排 2023-05-10，主持人 FZ-01.
    static func hearing(_ hearing: CaseState.Hearing) -> (code: String, text: String) {
        switch hearing {
        case .notRequested: return ("notRequested", "未申请")
        case .requested: return ("requested", "已申请听证")
        case let .scheduled(date, chair): return ("scheduled", "已安排 \(date)，主持人 \(chair)")
        case .held(let chair): return ("held", "已举行，主持人 \(chair)")
        case .waived: return ("waived", "放弃听证")
        }
    }
}

extension CaseTables {
    /// The history of corrections (更正): when, which field, 原值 → 更正值, by whom, why; a republished decision says so.
    static func correctionRows(_ corrections: [CaseEvent.Corrected]) -> [(String, String)] {
        corrections.enumerated().map { index, c in
            ("correction \(index + 1)", "\(c.correctedOn) 更正 \(c.field.labelZh): \(shown(c.from, c.field)) → \(shown(c.to, c.field)), "
                + "by \(c.officer), reason: \(c.reasonZh)\(c.republished ? "; decision republished masked" : "")")
        }
    }

    /// A corrected value as people read it: a sector or party kind by its label.
    static func shown(_ value: String, _ field: CorrectableField) -> String {
        switch field {
        case .sector: Sector(rawValue: value)?.labelZh ?? value
        case .partyKind: PartyKind(rawValue: value)?.labelZh ?? value
        default: value
        }
    }
}

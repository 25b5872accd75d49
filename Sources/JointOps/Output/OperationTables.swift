import Enforcement

/// Tables about joint operations: one operation in detail, and the operations board.
public enum OperationTables {
    /// Tally fields with their short CLI names and Chinese labels.
    static let tallyLabels: [(field: String, short: String, zh: String)] = [
        ("officersDeployed", "officers", "出动人次"), ("vehiclesDeployed", "vehicles", "出动车辆台次"),
        ("vehiclesInspected", "inspected", "检查车辆"), ("violationsSerious", "serious", "严重违法"),
        ("violationsMinor", "minor", "一般违法"), ("casesFiled", "cases", "立案"), ("vehiclesSeized", "seized", "暂扣车辆"),
        ("finesYuan", "fines", "罚款(元)"), ("peopleEducated", "educated", "教育劝导"), ("leaflets", "leaflets", "宣传单"),
        ("rectificationNotices", "notices", "整改通知"), ("referrals", "referrals", "移送"),
    ]

    /// "officers 12, inspected 56" (zero counts left out). The case fields are left out unless `legacy`: then
    /// only they are shown (what a session recorded before cases were linked).
    public static func summary(_ tally: Tally, legacy: Bool = false) -> String {
        let parts = zip(tallyLabels, tally.fields)
            .filter { $0.1.value != 0 && Tally.caseFields.contains($0.1.name) == legacy }
            .map { "\($0.0.short) \($0.1.value)" }
        return parts.isEmpty ? "nothing recorded" : parts.joined(separator: ", ")
    }

    /// The label of legacy case figures in a session tally.
    public static let legacyLabel = "\(OutcomeSource.legacyTally.labelZh) typed by the lead agency (legacy)"

    /// `op show`: the operation, its session tallies (legacy case figures labelled apart) and, from
    /// `reporting.operation_outcomes_by_agency`, its outcomes by agency and source.
    public static func detail(_ id: String, _ state: OperationState, next: [String], outcomes: Table? = nil) -> Table {
        var pairs: [(String, String)] = [("id", id)]
        if let plan = state.plan {
            pairs += [("title", plan.titleZh), ("lead", plan.leadAgency),
                      ("window", "\(plan.from) to \(plan.to)"),
                      ("sectors", plan.sectors.map(\.labelZh).joined(separator: "、"))]
            if let campaign = plan.campaignCode { pairs.append(("campaign", campaign)) }
            if !plan.placesZh.isEmpty { pairs.append(("places", plan.placesZh.joined(separator: "、"))) }
        }
        pairs.append(("supporting", state.supporting.sorted().joined(separator: ", ")))
        if !state.invited.isEmpty { pairs.append(("invited", state.invited.sorted().joined(separator: ", "))) }
        if !state.withdrawn.isEmpty { pairs.append(("withdrawn", state.withdrawn.sorted().joined(separator: ", "))) }
        pairs.append(("sessions", String(state.sessions.count)))
        for (agency, tally) in state.totalsByAgency.sorted(by: { $0.key < $1.key }) {
            pairs.append(("tally \(agency)", summary(tally)))
            if !tally.legacyCaseFigures.isEmpty {
                pairs.append(("legacy \(agency)", "\(summary(tally, legacy: true)) (\(legacyLabel); not added to linked figures)"))
            }
        }
        // The field work as every view counts it: a partner's own returned figures stand in for the lead's typing.
        if !state.sessions.isEmpty { pairs.append(("total", summary(state.fieldTotals))) }
        for partnerReturn in state.returns {
            pairs.append(("return \(partnerReturn.agency) \(partnerReturn.sessionId)", summary(partnerReturn)))
        }
        if let outcomes { pairs += outcomePairs(outcomes) }
        if let summary = state.summaryZh { pairs.append(("summary", summary)) }
        pairs.append(("next", next.isEmpty ? "(none: closed)" : next.joined(separator: ", ")))
        return .keyValue([.plain("id", id), .coded("status", state.status)] + pairs.dropFirst().map { .plain($0.0, $0.1) })
    }

    /// "officers 8, inspected 60, cases filed 2, fines 4000" (zero figures left out).
    static func summary(_ partnerReturn: PartnerReturn) -> String {
        let short = Dictionary(uniqueKeysWithValues: tallyLabels.map { ($0.field, $0.short) })
        let parts = partnerReturn.fields.filter { $0.value != 0 }.map { "\(short[$0.name] ?? $0.name) \($0.value)" }
        return parts.isEmpty ? "nothing reported" : parts.joined(separator: ", ")
    }

    /// One pair per row of `operation_outcomes_by_agency`: "outcome WSJJ 本单位报送 (reported by WSJJ)" →
    /// its non-empty, non-zero figures.
    static func outcomePairs(_ outcomes: Table) -> [(String, String)] {
        let column = { (name: String) in outcomes.headers.firstIndex(of: name) }
        guard let agency = column("agency"), let source = column("source_zh"), let by = column("reported_by") else { return [] }
        let figures = OperationOutcomeViews.measures.map(\.0).compactMap { name in column(name).map { (name, $0) } }
        if outcomes.rows.isEmpty { return [("outcomes", "none linked or reported yet")] }
        return outcomes.rows.map { row in
            let values = figures.filter { !row[$0.1].isEmpty && row[$0.1] != "0" }
                .map { "\($0.0.replacingOccurrences(of: "_", with: " ")) \(row[$0.1])" }
            return ("outcome \(row[agency]) \(row[source])",
                    (values.isEmpty ? "nothing" : values.joined(separator: ", ")) + " (reported by \(row[by]))")
        }
    }

    /// One row per operation: the status board (the lead agency is in `op show`). Officers and inspections are
    /// the field work, a partner's own returned figures standing in for what the lead typed for it
    /// (`OperationState.fieldTotals`). Cases are shown by source, never added up: `cases linked` are the bureau's
    /// cases linked to a session (leads and on-the-spot decisions), `cases returned` what partners returned as filed
    /// in their own systems (`OperationOutcomes.cases`); legacy tally figures are in neither.
    public static func board(_ operations: [(id: String, state: OperationState)],
                             cases: [String: OperationOutcomes.Cases] = [:]) -> Table {
        Table(["id", "status", "status_zh", "sessions", "officers", "inspected", "cases linked", "cases returned", "title"],
              rows: operations.map { id, state in
            let totals = state.fieldTotals
            return [id, state.status.rawValue, state.status.labelZh, String(state.sessions.count),
                    String(totals.officersDeployed), String(totals.vehiclesInspected),
                    String(cases[id]?.linked ?? 0), String(cases[id]?.returned ?? 0), state.plan?.titleZh ?? ""]
        }, kinds: [.text, .code, .text, .integer, .integer, .integer, .integer, .integer, .text])
    }
}

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

    /// "officers 12, inspected 56, cases 3" (zero counts left out).
    public static func summary(_ tally: Tally) -> String {
        let parts = zip(tallyLabels, tally.fields).filter { $0.1.value != 0 }.map { "\($0.0.short) \($0.1.value)" }
        return parts.isEmpty ? "nothing recorded" : parts.joined(separator: ", ")
    }

    public static func detail(_ id: String, _ state: OperationState, next: [String]) -> Table {
        var pairs: [(String, String)] = [("id", id), ("status", state.status.rawValue)]
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
        }
        if !state.sessions.isEmpty { pairs.append(("total", summary(state.totals))) }
        if let summary = state.summaryZh { pairs.append(("summary", summary)) }
        pairs.append(("next", next.isEmpty ? "(none: closed)" : next.joined(separator: ", ")))
        return .keyValue(pairs)
    }

    /// One row per operation: the status board (the lead agency is in `op show`).
    public static func board(_ operations: [(id: String, state: OperationState)]) -> Table {
        Table(["id", "status", "sessions", "officers", "inspected", "cases", "title"], rows: operations.map { id, state in
            let totals = state.totals
            return [id, state.status.rawValue, String(state.sessions.count),
                    String(totals.officersDeployed), String(totals.vehiclesInspected), String(totals.casesFiled),
                    state.plan?.titleZh ?? ""]
        })
    }
}

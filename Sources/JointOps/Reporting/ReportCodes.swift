import Enforcement

/// The closed list of codes a report column holds, each with the Chinese label people read.
public struct CodeList: Sendable {
    /// Every code, in the list's order; nil when the list is open (codes another part of the
    /// application adds, such as the annual statistics' metric keys), so no schema may enumerate them.
    public let codes: [String]?
    let labels: [String: String]
    /// Every code in order, open list or not, with the short names officers type for it (``Aliased``).
    let named: [(code: String, aliases: [String])]

    init(_ pairs: [(String, String)], closed: Bool = true, aliases: [String: [String]] = [:]) {
        codes = closed ? pairs.map(\.0) : nil
        labels = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        named = pairs.map { ($0.0, aliases[$0.0] ?? []) }
    }

    init<Value: RawRepresentable & CaseIterable & Labelled>(_ type: Value.Type) where Value.RawValue == String {
        self.init(values: Array(Value.allCases))
    }

    init<Value: RawRepresentable & Labelled>(values: [Value]) where Value.RawValue == String {
        self.init(values.map { ($0.rawValue, $0.labelZh) }, aliases: Self.aliases(of: values))
    }

    static func aliases<Value: RawRepresentable>(of values: [Value]) -> [String: [String]] where Value.RawValue == String {
        Dictionary(values.map { ($0.rawValue, ($0 as? Aliased)?.aliasesZh ?? []) }, uniquingKeysWith: { first, _ in first })
    }

    /// The code `text` names — the code (in any case), its label or a short name — else nil; the reading
    /// `Labelled.named` gives a typed option (`--sector 黑车`).
    public func code(named text: String) -> String? {
        let text = text.trimmingCharacters(in: .whitespaces)
        return named.first { $0.code == text }?.code
            ?? named.first { $0.code.lowercased() == text.lowercased() }?.code
            ?? named.first { labels[$0.code] == text }?.code
            ?? named.first { $0.aliases.contains(text) }?.code
    }

    /// The label of `code`; the code itself when the list has none (a test scans the demo year for that).
    public func label(_ code: String) -> String { labels[code] ?? code }
}

/// Which report columns hold codes, and where their labels are: a `_zh` column the view already has, or one
/// `jointops report` adds beside the code (`sector`, `sector_zh`).
public enum ReportCodes {
    /// The code list of `column` in report `view`; nil for a column that holds no code.
    public static func list(view: String, column: String) -> CodeList? {
        if let own = byView[view]?[column] { return own }
        return byColumn[column]
    }

    /// The column holding the label of code column `column`: `label_zh` for a metric, else `column_zh`.
    public static func labelColumn(view: String, column: String) -> String {
        view == "annual_statistics" && column == "metric" ? "label_zh" : column + "_zh"
    }

    /// Codes that mean the same in every report.
    static let byColumn: [String: CodeList] = [
        "stage": CodeList(CaseState.Status.self), "procedure": CodeList(values: [Procedure.ordinary, .summary]),
        "source": caseSource, "sector": CodeList(Sector.self), "sectors": CodeList(Sector.self),
        "party_kind": CodeList(PartyKind.self), "legal_review": reviewState,
        "found_during": CodeList(FoundDuring.self), "operation_status": CodeList(OperationState.Status.self),
        "timeliness": deadlineStatus, "channels": CodeList(OutreachChannel.self),
    ]

    /// Columns whose codes depend on the report (`kind`, `status`, `outcome`, `source`).
    static let byView: [String: [String: CodeList]] = [
        "case_register": ["outcome": caseOutcome],
        "legal_reviews": ["outcome": reviewOutcome],
        "case_deadlines": ["kind": CodeList(DeadlineKind.self), "status": clockState],
        "deadline_summary": ["kind": CodeList(DeadlineKind.self)],
        "deadlines_due": ["kind": CodeList(DeadlineKind.self), "status": deadlineStatus],
        "operations_board": ["status": CodeList(OperationState.Status.self)],
        "operation_links": ["kind": linkKind],
        "operation_outcomes_by_agency": ["source": CodeList(OutcomeSource.self)],
        "operation_outcomes_by_campaign": ["source": CodeList(OutcomeSource.self)],
        "operation_outcomes_by_month": ["source": CodeList(OutcomeSource.self)],
        "agencies": ["kind": CodeList(AgencyKind.self)],
        "rectification_tracker": ["status": CodeList(RectificationState.Status.self), "origin": CodeList(RectificationOrigin.self)],
        "counsel_reviews": ["kind": CodeList(CounselReviewKind.self)],
        "petitions": ["status": CodeList(PetitionState.Status.self)],
        "rule_of_law_activities": ["kind": CodeList(RuleOfLawActivityKind.self)],
        "rule_of_law_activity_totals": ["kind": CodeList(RuleOfLawActivityKind.self)],
        "officer_duties": ["role": CodeList(OfficerRole.self)],
        "designated_officer_totals": ["role": CodeList(OfficerRole.self)],
        "referrals": ["kind": CodeList(ReferralKind.self), "status": CodeList(ReferralState.Status.self)],
        "referral_outcomes": ["kind": CodeList(ReferralKind.self)],
        "annual_statistics": ["section": annualSection, "metric": CodeList([], closed: false)],
    ]

    /// ``DeadlineStatus``: open, on time, late (逾期完成) or overdue (已逾期).
    static let deadlineStatus: CodeList = {
        let day = LocalDate(year: 2026, month: 1, day: 1)!
        return CodeList([DeadlineStatus.open, .onTime(doneOn: day), .late(doneOn: day, days: 1), .overdue(days: 1)]
            .map { ($0.code, $0.labelZh) })
    }()

    /// A case's source: a lead's or a filing's, or `imported` for a register row that records none.
    static let caseSource = CodeList(LeadSource.allCases.map { ($0.rawValue, $0.labelZh) }
                                     + [(CaseFold.importedSource, CaseFold.importedSourceZh)],
                                     aliases: CodeList.aliases(of: Array(LeadSource.allCases)))

    /// The outcome that stands on a case (`CaseState.Outcome`, as `case show` names it).
    static let caseOutcome = CodeList([("penalty", "行政处罚"), ("noPenalty", "不予处罚"), ("criminalReferral", "移送公安"),
                                       ("transferredOut", "移送其他部门")])

    /// One legal review's outcome (`pending` while requested).
    static let reviewOutcome = CodeList([("pending", CaseState.LegalReview.requested.labelZh),
                                         ("passed", CaseState.LegalReview.passed.labelZh),
                                         ("returned", CaseState.LegalReview.returned.labelZh)])

    /// A case's last legal review, or none requested.
    static let reviewState = CodeList([("notRequested", CaseState.LegalReview.notRequested.labelZh)]
                                      + reviewOutcome.codes!.map { ($0, reviewOutcome.label($0)) })

    /// A clock's record: still running, met, no longer needed, or replaced by a recount.
    static let clockState = CodeList([("open", "未办结"), ("met", "已办结"), ("cancelled", "无需办理"),
                                      ("superseded", "已由新期限取代")])

    /// What a session's link records (`OperationsProjection+Links`).
    static let linkKind = CodeList([("case", "案件"), ("seizure", "扣押车辆"), ("referral", "移送")])

    /// The annual statistics' sections; open, as the annual report may add some.
    static let annualSection = CodeList([
        ("enforcement", "行政执法"), ("legal_review", "法制审核"), ("timeliness", "办案时效"), ("publicity", "行政执法公示"),
        ("remedies", "救济与强制执行"), ("joint_operations", "联合执法"), ("supervision", "监督与整改"),
        ("outreach", "普法宣传"), ("cases_by_month", "按月受理案件"),
        ("legal_adviser", "法律顾问"), ("petitions", "信访"),
    ], closed: false)
}

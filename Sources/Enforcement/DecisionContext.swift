/// Everything a decider may consult besides the aggregate's own state, gathered by the caller.
///
/// The context is a value: deciders never read the clock, the database or files. The caller fills the
/// cross-aggregate lookups (`finesAlreadyImposed`, `casesAlreadyFiled`) from its projections before deciding.
public struct DecisionContext: Sendable {
    /// The business date on which the act happens (the CLI's `--at`, else today in China Standard Time).
    public var today: LocalDate
    /// Whose working-day calendar applies; Wusu is in Xinjiang.
    public var jurisdiction: Jurisdiction
    public var calendar: WorkingDayCalendar
    public var legalBases: LegalBasisCatalogue
    /// The bureau's catalogue of decisions needing a legal review (法制审核目录清单).
    public var reviewCatalogue: ReviewCatalogue
    public var reference: ReferenceData
    /// Cases (of any agency) that already fined an act: one fine per act (APL 29).
    public var finesAlreadyImposed: [ActKey: CaseRef]
    /// Cases (of any agency) already filed for an act: the first to file holds the case (APL 25).
    public var casesAlreadyFiled: [ActKey: CaseRef]
    /// Decision numbers already claimed, with the case that holds each (looked up for the command's numbers).
    public var decisionNumbersUsed: [DecisionNumber: String]
    /// The joint operations the command links to, by id (`Decider.operationIds`); an id missing here does not exist.
    public var operations: [String: OperationState] = [:]
    /// Working days after a lead before the filing alert (the law says "promptly"; 15 WD by default).
    public var filingAlertWorkingDays: Int

    /// Alias of `today`, for call sites that read better with it.
    public var occurredOn: LocalDate { today }

    public init(today: LocalDate,
                jurisdiction: Jurisdiction = .xinjiang,
                calendar: WorkingDayCalendar = .shipped,
                legalBases: LegalBasisCatalogue = .shipped,
                reviewCatalogue: ReviewCatalogue = .standard,
                reference: ReferenceData = ReferenceData(),
                finesAlreadyImposed: [ActKey: CaseRef] = [:],
                casesAlreadyFiled: [ActKey: CaseRef] = [:],
                filingAlertWorkingDays: Int = 15,
                decisionNumbersUsed: [DecisionNumber: String] = [:]) {
        self.today = today
        self.jurisdiction = jurisdiction
        self.calendar = calendar
        self.legalBases = legalBases
        self.reviewCatalogue = reviewCatalogue
        self.reference = reference
        self.finesAlreadyImposed = finesAlreadyImposed
        self.casesAlreadyFiled = casesAlreadyFiled
        self.filingAlertWorkingDays = filingAlertWorkingDays
        self.decisionNumbersUsed = decisionNumbersUsed
    }

    /// Computes a deadline. It never refuses: a count into a year without a complete calendar gives a
    /// provisional deadline (DOMAIN.md §5).
    func deadline(_ compute: (WorkingDayCalendar, Jurisdiction) -> Deadline) -> Deadline {
        compute(calendar, jurisdiction)
    }

    /// The earliest day a step may follow `date` when the party must be given `n` working days first
    /// (a hearing's notice, a demand before the court is asked). A party's window: while provisional it
    /// takes the jurisdiction's margin, so the party never gets less than the law gives.
    func partysMinimum(workingDays n: Int, after date: LocalDate) -> LocalDate {
        calendar.counting(workingDays: n, after: date, in: jurisdiction, partysWindow: true).date
    }
}

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
                filingAlertWorkingDays: Int = 15) {
        self.today = today
        self.jurisdiction = jurisdiction
        self.calendar = calendar
        self.legalBases = legalBases
        self.reviewCatalogue = reviewCatalogue
        self.reference = reference
        self.finesAlreadyImposed = finesAlreadyImposed
        self.casesAlreadyFiled = casesAlreadyFiled
        self.filingAlertWorkingDays = filingAlertWorkingDays
    }

    /// Computes a deadline, turning a missing calendar year into a rejection.
    func deadline(_ compute: (WorkingDayCalendar, Jurisdiction) throws(CalendarError) -> Deadline) throws(Rejection) -> Deadline {
        do { return try compute(calendar, jurisdiction) } catch { throw .calendarNotLoaded(error) }
    }

    /// `n` working days after `date` in the context's jurisdiction, a missing calendar year being a rejection.
    func adding(workingDays n: Int, to date: LocalDate) throws(Rejection) -> LocalDate {
        do { return try calendar.adding(workingDays: n, to: date, in: jurisdiction) } catch { throw .calendarNotLoaded(error) }
    }
}

// A case brought in from a register kept before JointOps (导入): one event holds the row's whole history.
extension CaseEvent {
    /// A case history imported from a spreadsheet register, checked as far as a row allows.
    ///
    /// Only the dates the row carries are recorded; a step without a date is "not known", never late, so
    /// each clock is recorded only with both ends known (the decision clock needs the filing and decision
    /// dates, service the decision and service dates, publication the decision and publication dates).
    public struct Imported: EventPayload {
        public static let eventType = "CaseImported"
        public let caseId: String
        public let agency: String
        public let party: Party
        public let act: Act
        public let filedOn: LocalDate?
        /// The penalty under the governing version, as a decision records it; nil when the row has none.
        public let penalty: Penalty?
        public let decisionNumber: String?
        public let actKey: ActKey
        public let decidedOn: LocalDate?
        public let servedOn: LocalDate?
        public let publishedOn: LocalDate?
        /// The fine was paid in full on this day.
        public let paidOn: LocalDate?
        public let closedOn: LocalDate?
        /// 90 CD from filing (APL 60), when the row has the filing date and the decision.
        public let decisionDue: Deadline?
        /// 7 WD from the decision (APL 61), when the row has the decision and service dates.
        public let serviceDue: Deadline?
        /// 7 WD from the decision, when the row has the decision and publication dates.
        public let publicationDue: Deadline?
        /// Where the row came from: the file's name and its line number.
        public let fileName: String
        public let line: Int
        /// The register's source of the case (案件来源); nil when it records none, and in every import before
        /// registers could carry one (those cases read as imported, source unknown).
        public var source: LeadSource? = nil
    }
}

/// One row of a register, as the import read it: the case as it stood, each step with the day it was done.
/// Dates the register does not have are nil; they are "not known", never late.
public struct ImportedCase: Sendable, Equatable {
    /// The case number to keep (案件编号), or the allocated one.
    public var caseId: String
    public var agency: String
    public var party: Party
    public var act: Act
    public var filedOn: LocalDate?
    /// The penalty as the register cites it (a family such as RTR-63 or a version id); nil without a decision.
    public var penalty: Penalty?
    public var decisionNumber: String?
    public var decidedOn: LocalDate?
    public var servedOn: LocalDate?
    public var publishedOn: LocalDate?
    public var paidOn: LocalDate?
    public var closedOn: LocalDate?
    /// Where the case came from (案件来源), when the register records it.
    public var source: LeadSource?
    /// The file's name and the row's line in it, recorded with the case.
    public var fileName: String
    public var line: Int

    public init(caseId: String, agency: String, party: Party, act: Act, filedOn: LocalDate? = nil,
                penalty: Penalty? = nil, decisionNumber: String? = nil, decidedOn: LocalDate? = nil,
                servedOn: LocalDate? = nil, publishedOn: LocalDate? = nil, paidOn: LocalDate? = nil,
                closedOn: LocalDate? = nil, source: LeadSource? = nil, fileName: String = "", line: Int = 0) {
        self.caseId = caseId
        self.agency = agency
        self.party = party
        self.act = act
        self.filedOn = filedOn
        self.penalty = penalty
        self.decisionNumber = decisionNumber
        self.decidedOn = decidedOn
        self.servedOn = servedOn
        self.publishedOn = publishedOn
        self.paidOn = paidOn
        self.closedOn = closedOn
        self.source = source
        self.fileName = fileName
        self.line = line
    }

    public var actKey: ActKey { ActKey(partyId: party.partyId, actDate: act.date) }

    /// The decision number the row claims, in the year it was decided (the same claim a decision makes).
    public var decisionNumberClaim: DecisionNumber? {
        guard let number = decisionNumber, !number.isBlank, let decidedOn else { return nil }
        return DecisionNumber(agency: agency, year: decidedOn.year, number: number)
    }
}

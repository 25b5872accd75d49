// The legal basis must fit the offence and be the text that governs it (APL 37), for notices and decisions.
extension CaseDecider {
    /// The penalty under the version that governs the act on `context.today`, citation and rule recorded.
    ///
    /// Refuses a basis whose sectors do not include the act's sector, or that does not provide a chosen type;
    /// a cited version other than the governing one; and a fine outside the governing band.
    static func lawfulPenalty(_ penalty: Penalty, party: Party, act: Act,
                              context: DecisionContext) throws(Rejection) -> Penalty {
        do {
            let governing = try context.legalBases.check(penalty, sector: act.sector, party: party.kind,
                                                         actDate: act.date, decisionDate: context.today)
            return penalty.governed(by: governing)
        } catch {
            throw .lawRefused(error)
        }
    }
}

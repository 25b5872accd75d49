/// Checks shared by the records of the rule-of-law year (audits, the adviser's reviews, petitions, the plan).
enum YearRecordRules {
    /// Refuses a count that is not positive, or beyond `maximum` (a typing error, as with every figure).
    static func requireCount(_ value: Int, _ field: String, maximum: Int) throws(Rejection) {
        guard value > 0 else { throw .notPositive(field: field, value: value) }
        guard value <= maximum else { throw .figureTooLarge(field: field, value: value, maximum: maximum) }
    }

    /// Refuses an agency code that is not registered.
    static func requireAgency(_ code: String, _ context: DecisionContext) throws(Rejection) {
        guard context.reference.agencies[code] != nil else { throw .unknownAgency(code) }
    }

    /// Refuses a day after the business date: a record is made once the thing has happened.
    static func requireHappened(_ date: LocalDate, _ context: DecisionContext) throws(Rejection) {
        guard date <= context.today else { throw .dateInFuture(date, today: context.today) }
    }
}

// The case's source (案件来源), a box of the filing form: a lead records it when received; a case filed without a
// lead records it when filed. Filings recorded before they carried a source have none ("not recorded").
extension CaseDecider {
    /// The source the filing event records: `given` for a case filed without a lead, nil after a lead (whose
    /// source stands, so `given` may only repeat it).
    static func checkFilingSource(_ given: LeadSource?, _ state: CaseState) throws(Rejection) -> LeadSource? {
        if let lead = state.source {
            if let given, given != lead {
                throw .source(.differsFromLead(caseId: state.caseId ?? "", lead: lead, given: given))
            }
            return nil
        }
        guard let given else { throw .source(.required) }
        // A joint operation's case is counted through its lead's link to the session; a filing cannot carry one.
        guard given != .jointOperation else { throw .source(.jointOperationWithoutLead) }
        return given
    }
}

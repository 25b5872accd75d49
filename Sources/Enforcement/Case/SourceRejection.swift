/// Why a filing's source (案件来源) was refused. Carried by `Rejection.source`.
///
/// The filing form has a 案件来源 box: a case filed without a lead names its source when filed; a lead already
/// recorded one, and that record stands.
public enum SourceRejection: Error, Equatable, Sendable {
    /// A case filed without a lead names no source.
    case required
    /// The filing names a source other than the one its lead recorded.
    case differsFromLead(caseId: String, lead: LeadSource, given: LeadSource)
    /// A case from a joint operation is filed without the lead that links it to the operation's session.
    case jointOperationWithoutLead

    /// The sources a case filed without a lead may name: every one but `jointOperation`, which comes as a lead.
    public static let filingChoices: [LeadSource] = LeadSource.allCases.filter { $0 != .jointOperation }

    /// One sentence: what is wrong, then what to do.
    public var message: String {
        switch self {
        case .required:
            "a case filed without a lead needs its source (案件来源): add --source, one of "
                + Self.filingChoices.map { "\($0.rawValue) (\($0.labelZh))" }.joined(separator: ", ")
                + "; or give the id of the lead it was filed from"
        case let .differsFromLead(id, lead, given):
            "case \(id) came from a lead whose source is \(lead.labelZh) (\(lead.rawValue)), not \(given.labelZh) "
                + "(\(given.rawValue)): leave out --source, as the lead's source stands"
        case .jointOperationWithoutLead:
            "a case from a joint operation is filed from its lead, which names the operation and session: receive the "
                + "lead with --source jointOperation, --op and --session, then file the case by the lead's id"
        }
    }

    /// No source is missing input (exit 2); a source that contradicts the record or the operations rule is a
    /// refused rule (exit 3), like filing a lead as another agency.
    public var category: RejectionCategory {
        switch self {
        case .required: .invalidInput
        case .differsFromLead, .jointOperationWithoutLead: .ruleRefused
        }
    }
}

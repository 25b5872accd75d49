/// Who a command says acts (DESIGN.md §9), so the handler can hold it against who records it: the officer a
/// command names as its duty holder (the approver, the legal reviewer, the hearing chair, the corrector), or
/// else the agency the act is done for (a lead is received by an agency, a referral sent from one).
///
/// The rule is one (`ActingClaim.refusal(recordedAs:agency:)`): a named duty holder acts only as himself —
/// with his own login, or through an administrator typing in his signed form (`--on-behalf-of` him); an act
/// for an agency is recorded only as one of its officers. Deciders say which claim a command makes.
public enum ActingClaim: Sendable, Equatable {
    /// Anyone bound to an officer may record it.
    case anyone
    /// The named duty holder, and the option that named him (`--approver`), must be who records it.
    case officer(String, option: String)
    /// An officer of this agency must be who records it.
    case agency(String)

    /// Why an act recorded as `officer` (of `agency`) may not make this claim; nil when it may.
    public func refusal(recordedAs officer: String, agency: String?) -> ActingRefusal? {
        switch self {
        case .anyone:
            return nil
        case let .officer(named, option):
            let named = named.trimmingCharacters(in: .whitespaces)
            return named == officer ? nil : .notTheNamedOfficer(actor: officer, named: named, option: option)
        case .agency(let code):
            return code == agency ? nil : .notOwnAgency(actor: officer, agency: code, own: agency)
        }
    }
}

/// Why the officer recording an act may not record it (`ActingClaim.refusal`): a rule refusal, exit 3.
public enum ActingRefusal: Error, Equatable, Sendable {
    /// The act names `named` as its duty holder (by `option`), and it is recorded as `actor`.
    case notTheNamedOfficer(actor: String, named: String, option: String)
    /// The act is done for `agency`, and `actor` belongs to `own`.
    case notOwnAgency(actor: String, agency: String, own: String?)

    /// One sentence: who may record the act instead.
    public var message: String {
        switch self {
        case let .notTheNamedOfficer(actor, named, option):
            "you are \(actor), not \(named) (\(option)): \(named) records this with their own login, or an "
                + "administrator types in the signed form with --on-behalf-of \(named)"
        case let .notOwnAgency(actor, agency, own):
            "\(actor) is an officer of \(own ?? "no agency"), not of \(agency), and may not act for it: an officer of "
                + "\(agency) records this, or an administrator types in their signed form with --on-behalf-of that officer"
        }
    }
}

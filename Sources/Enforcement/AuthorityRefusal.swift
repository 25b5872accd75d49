/// Why a named officer may not take part in a step: the duty, certificate or assignment the law asks for is
/// missing on the step's date, or the officer investigated the case (APL 42, 58, 64; Coercion Law 18).
///
/// Carried by `Rejection.authorityRefused`; every case is a rule refusal (exit 3) whose message names the
/// officer, what is missing and the command that supplies it.
public enum AuthorityRefusal: Error, Equatable, Sendable {
    /// The officer holds no `role` duty for `agency` on `day`.
    case notDesignated(officer: String, role: OfficerRole, agency: String, on: LocalDate)
    /// The officer held no valid enforcement certificate on `day`: none issued by then, or withdrawn.
    case notCertified(officer: String, on: LocalDate)
    /// An officer named on an investigative act is not one of the case's assigned officers.
    case notAssigned(officer: String, caseId: String)
    /// APL 58: the legal reviewer must not have investigated the case under review.
    case reviewerInvestigated(officer: String, caseId: String)
    /// The officer already holds the duty for a period sharing a day with the new one.
    case alreadyDesignated(officer: String, role: OfficerRole, agency: String, from: LocalDate)
    /// No duty of the officer runs past `lastDay`: nothing to end.
    case noDesignationToEnd(officer: String, role: OfficerRole, agency: String, lastDay: LocalDate)
    /// APL 64: a hearing chair is appointed by the agency he chairs for, so must be one of its officers.
    case chairOutsideAgency(officer: String, agency: String)

    /// One sentence: what is missing, then the command that fixes it (`render` spells each step).
    public func message(rendering render: (NextStep) -> String) -> String {
        switch self {
        case let .notDesignated(officer, role, agency, day):
            "officer \(officer) is not designated \(role.labelZh) (\(role.rawValue)) of \(agency) on \(day): "
                + "designate with \(render(.designateOfficer(officer, role: role, agency: agency, from: day))), "
                + "or name an officer who is"
        case let .notCertified(officer, day):
            "officer \(officer) holds no valid enforcement certificate on \(day) and may not act (APL 42): "
                + "name an officer certified that day, or record the certificate with \(render(.certifyOfficer(officer)))"
        case let .notAssigned(officer, caseId):
            "officer \(officer) is not assigned to case \(caseId), so may not act in it (APL 42): "
                + "assign the team with \(render(.onCase(.assignOfficers, caseId: caseId)))"
        case let .reviewerInvestigated(officer, caseId):
            "officer \(officer) investigated case \(caseId) and may not review it (APL 58): "
                + "name a legal reviewer who did not investigate it; see them with \(render(.listOfficers))"
        case let .alreadyDesignated(officer, role, agency, from):
            "officer \(officer) is already \(role.labelZh) (\(role.rawValue)) of \(agency) from \(from): "
                + "end that duty first with \(render(.endDesignation(officer, role: role, agency: agency)))"
        case let .noDesignationToEnd(officer, role, agency, lastDay):
            "officer \(officer) holds no \(role.labelZh) (\(role.rawValue)) duty of \(agency) running past \(lastDay): "
                + "see the officer's duties with \(render(.showOfficer(officer)))"
        case let .chairOutsideAgency(officer, agency):
            "officer \(officer) does not belong to \(agency), and a hearing chair must belong to the agency he chairs "
                + "for (APL 64): designate an officer of \(agency)"
        }
    }
}

// Duties (法制审核人员, 审批负责人, 听证主持人) given to officers for a period, and ended.
extension RegistryDecider {
    static func designate(_ id: String, _ role: OfficerRole, _ agencyCode: String?, from: LocalDate, to: LocalDate?,
                          _ state: RegistryState, today: LocalDate) throws(Rejection) -> [RegistryEvent] {
        guard let officer = state.officers[id] else { throw .unknownOfficer(id) }
        let agency = agencyCode ?? officer.agencyCode
        guard state.agencies[agency] != nil else { throw .unknownAgency(agency) }
        if let to, to < from { throw .invalidPeriod(from: from, to: to) }
        // A hearing chair is one of the holding agency's own people (APL 64: appointed by the agency).
        if role == .hearingChair, agency != officer.agencyCode {
            throw .authorityRefused(.chairOutsideAgency(officer: id, agency: agency))
        }
        if let held = state.designations(of: id, role, for: agency).first(where: { $0.overlaps(from: from, to: to) }) {
            throw .authorityRefused(.alreadyDesignated(officer: id, role: role, agency: agency, from: held.from))
        }
        let designation = Designation(officerId: id, role: role, agency: agency, from: from, to: to)
        return [.officerDesignated(.init(designation: designation, designatedOn: today))]
    }

    static func endDesignation(_ id: String, _ role: OfficerRole, _ agencyCode: String?, lastDay: LocalDate,
                               _ state: RegistryState, today: LocalDate) throws(Rejection) -> [RegistryEvent] {
        guard let officer = state.officers[id] else { throw .unknownOfficer(id) }
        let agency = agencyCode ?? officer.agencyCode
        // The open duty, or one running past the new last day; a duty may end the day before it began (revoked).
        guard let held = state.designations(of: id, role, for: agency).last(where: { $0.to.map { $0 > lastDay } ?? true }),
              lastDay >= held.from.adding(days: -1) else {
            throw .authorityRefused(.noDesignationToEnd(officer: id, role: role, agency: agency, lastDay: lastDay))
        }
        return [.designationEnded(.init(officerId: id, role: role, agency: agency, lastDay: lastDay, endedOn: today))]
    }
}

extension RegistryState {
    /// The officer's duties of `role` for `agency`, oldest first.
    func designations(of id: String, _ role: OfficerRole, for agency: String) -> [Designation] {
        designations.filter { $0.officerId == id && $0.role == role && $0.agency == agency }
    }

    /// Officer `id`'s duties, oldest first.
    public func designations(of id: String) -> [Designation] { designations.filter { $0.officerId == id } }

    mutating func endDesignation(of id: String, _ role: OfficerRole, for agency: String, lastDay: LocalDate) {
        guard let index = designations.lastIndex(where: {
            $0.officerId == id && $0.role == role && $0.agency == agency && ($0.to.map { $0 > lastDay } ?? true)
        }) else { return }
        designations[index].to = lastDay
    }

    mutating func withdrawOpenCertificates(of id: String, on day: LocalDate) {
        guard var periods = certificates[id] else { return }
        for index in periods.indices where periods[index].withdrawnOn == nil { periods[index].withdrawnOn = day }
        certificates[id] = periods
    }
}

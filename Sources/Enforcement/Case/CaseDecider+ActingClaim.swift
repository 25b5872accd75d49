// Who acts in a case (DESIGN.md §9): the officer a step names as its duty holder, else the holding agency.
extension CaseDecider {
    /// The named approver, reviewer, chair or correcting officer acts himself; every other step is the holding
    /// agency's (a lead, a filing or an on-the-spot decision names the agency it is done for).
    public static func actingClaim(for command: CaseCommand, state: CaseState) -> ActingClaim {
        switch command {
        case let .opening(.receiveLead(_, agency, _, _)), let .outcome(.decideOnSpot(_, agency, _, _, _, _, _)):
            return .agency(agency)
        case .opening(.fileCase(_, _, _, _, let approvedBy, _)), .investigation(.preserveEvidence(_, _, let approvedBy)),
             .seizure(.seizeVehicle(_, _, let approvedBy, _)), .seizure(.extendSeizure(_, _, let approvedBy)):
            return .officer(approvedBy, option: "--approver")
        case .procedure(.passLegalReview(let reviewer, _)), .procedure(.returnLegalReview(let reviewer, _)):
            return .officer(reviewer, option: "--reviewer")
        case .procedure(.scheduleHearing(_, let chair, _)):
            return .officer(chair, option: "--chair")
        case .procedure(.holdHearing):
            // The hearing is the chair's act (APL 64): whoever was scheduled to chair it records that it was held.
            if case .scheduled(_, let chair) = state.hearing { return .officer(chair, option: "the scheduled chair") }
            return holdingAgency(state)
        case .correction(.correct(_, _, _, let officer)):
            return .officer(officer, option: "--officer")
        case .duringOperation(let inner, _):
            return actingClaim(for: inner, state: state)
        case .importCase(let imported):
            return .agency(imported.agency)
        case .opening(.declineFiling), .investigation, .seizure, .procedure, .outcome, .afterDecision, .execution:
            return holdingAgency(state)
        }
    }

    private static func holdingAgency(_ state: CaseState) -> ActingClaim {
        state.agency.map(ActingClaim.agency) ?? .anyone
    }
}

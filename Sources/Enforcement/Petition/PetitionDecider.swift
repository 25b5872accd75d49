/// Decides on a petition (信访): received, then resolved (化解).
public enum PetitionDecider: Decider {
    public typealias Command = PetitionCommand
    public typealias Event = PetitionEvent
    public typealias State = PetitionState

    public static var initialState: PetitionState { PetitionState() }

    public static func decide(_ command: PetitionCommand, state: PetitionState,
                              context: DecisionContext) throws(Rejection) -> [PetitionEvent] {
        switch command {
        case let .receive(petitionId, petition):
            guard state.status == .none else { throw .alreadyExists(aggregate: "petition", id: state.petitionId ?? petitionId) }
            try Rejection.requireText(petitionId, "petition id")
            try Rejection.requireText(petition.subjectZh, "subject")
            try YearRecordRules.requireAgency(petition.agency, context)
            try YearRecordRules.requireHappened(petition.receivedOn, context)
            return [.received(.init(petitionId: petitionId, petition: petition))]
        case let .resolve(resolvedOn, outcomeZh):
            guard state.status == .received, let petition = state.petition else {
                throw .notAllowedNow(aggregate: "petition", id: state.petitionId ?? "?", status: state.status.rawValue,
                                     command: .petition(command.action))
            }
            try Rejection.requireText(outcomeZh, "outcome")
            try YearRecordRules.requireHappened(resolvedOn, context)
            try Rejection.requireOrder(.petitionResolution, on: resolvedOn, after: .petitionReceipt, on: petition.receivedOn)
            return [.resolved(.init(outcomeZh: outcomeZh, resolvedOn: resolvedOn))]
        }
    }

    public static func evolve(_ state: PetitionState, _ event: PetitionEvent) -> PetitionState {
        var s = state
        switch event {
        case .received(let e):
            s.petitionId = e.petitionId
            s.petition = e.petition
            s.status = .received
        case .resolved(let e):
            s.resolvedOn = e.resolvedOn
            s.outcomeZh = e.outcomeZh
            s.status = .resolved
        }
        return s
    }

    /// Each step is recorded by an officer of the agency handling the petition (DESIGN.md §9).
    public static func actingClaim(for command: PetitionCommand, state: PetitionState) -> ActingClaim {
        switch command {
        case .receive(_, let petition): .agency(petition.agency)
        case .resolve: state.petition.map { .agency($0.agency) } ?? .anyone
        }
    }
}

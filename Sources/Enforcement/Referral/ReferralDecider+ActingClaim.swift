// Who acts on a referral (DESIGN.md §9): the sending agency sends it; the receiving agency answers it, its
// accepting officer by name.
extension ReferralDecider {
    public static func actingClaim(for command: ReferralCommand, state: ReferralState) -> ActingClaim {
        switch command {
        case let .send(_, _, from, _, _, _, _, _):
            return .agency(from)
        case .accept(let acceptedBy):
            return .officer(acceptedBy, option: "--accepted-by")
        case .reject, .recordFeedback:
            return state.to.map(ActingClaim.agency) ?? .anyone
        }
    }
}

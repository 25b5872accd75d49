// Who acts on a rectification item (DESIGN.md §9): the officer who issues the opinion, verifies the fix or signs
// the item off does it himself. Who found the problem (often another body, 市司法局) and the owner who fixes it
// are recorded as written: neither records the step that names them.
extension RectificationDecider {
    public static func actingClaim(for command: RectificationCommand, state: RectificationState) -> ActingClaim {
        switch command {
        case .issueOpinion(_, let issuedBy):
            return .officer(issuedBy, option: "--issued-by")
        case .verify(let verifiedBy), .rejectRectification(let verifiedBy, _):
            return .officer(verifiedBy, option: "--verified-by")
        case .closeOut(let closedBy):
            return .officer(closedBy, option: "--closed-by")
        case .raise, .assignOwner, .reportRectified:
            return .anyone
        }
    }
}

extension RectificationDecider {
    /// The officer who issues, verifies or signs off: registered, by id (a name typed as text proves nothing).
    static func requireOfficer(_ id: String, _ context: DecisionContext) throws(Rejection) {
        guard context.reference.officers[id] != nil else { throw .unknownOfficer(id) }
    }
}

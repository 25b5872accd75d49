import Enforcement

// Who may approve, review and chair (DESIGN.md §9): the brigade head approves its filings and seizures, the
// bureau's two legal reviewers review the brigade's cases, and one brigade officer who never investigates chairs.
extension DemoScript {
    func designateDuties(from start: LocalDate) throws {
        try registryCommand(.designateOfficer(id: DemoData.brigadeHead.id, role: .approver, agency: nil, from: start, to: nil),
                            on: start)
        for reviewer in DemoData.reviewers {
            try registryCommand(.designateOfficer(id: reviewer.id, role: .legalReviewer, agency: "WSZD", from: start, to: nil),
                                on: start)
        }
        try registryCommand(.designateOfficer(id: DemoData.hearingChair, role: .hearingChair, agency: nil, from: start,
                                              to: nil), on: start)
    }
}

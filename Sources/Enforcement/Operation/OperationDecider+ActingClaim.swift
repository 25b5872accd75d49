// Who acts in a joint operation (DESIGN.md §9): the approver named, and the lead agency for everything else —
// its coordinator also records the partners' answers and returns, which arrive as letters (配合单位报送).
extension OperationDecider {
    public static func actingClaim(for command: OperationCommand, state: OperationState) -> ActingClaim {
        switch command {
        case let .plan(_, plan):
            return .agency(plan.leadAgency)
        case .approve(let approvedBy):
            return .officer(approvedBy, option: "--by")
        case .launch, .inviteAgency, .joinOperation, .withdrawAgency, .recordSession, .recordReturn, .conclude,
             .summarise, .archive, .cancel:
            return state.plan.map { .agency($0.leadAgency) } ?? .anyone
        }
    }
}

extension OperationDecider {
    /// The plan's approver: an officer designated approver (审批负责人) of the lead agency on the approval day.
    static func checkApprover(_ id: String, of leadAgency: String?, on day: LocalDate,
                              _ context: DecisionContext) throws(Rejection) {
        guard context.reference.officers[id] != nil else { throw .unknownOfficer(id) }
        guard let leadAgency else { return }
        guard context.reference.isDesignated(id, as: .approver, for: leadAgency, on: day) else {
            throw .authorityRefused(.notDesignated(officer: id, role: .approver, agency: leadAgency, on: day))
        }
    }
}

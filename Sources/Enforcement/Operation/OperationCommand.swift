/// What can be asked of a joint operation (联合执法行动).
public enum OperationCommand: Sendable, Equatable {
    /// Drafts the plan; the first command of every operation.
    case plan(operationId: String, OperationPlan)
    /// Records the plan's approval (by the bureau head or the leading group).
    case approve(approvedBy: String)
    /// Mobilises (动员部署): field sessions can be recorded from now on.
    case launch
    /// Invites a supporting agency (配合单位).
    case inviteAgency(String)
    /// Records that an invited agency joined.
    case joinOperation(agency: String)
    /// Records that a supporting agency withdrew; its earlier tallies stay.
    case withdrawAgency(String)
    /// Records one field session with a tally per participating agency.
    case recordSession(FieldSession)
    /// Records a partner agency's own results for one session (配合单位报送), against that agency.
    case recordReturn(PartnerReturn)
    /// Ends the field phase.
    case conclude
    /// Records the final summary (总结).
    case summarise(summaryZh: String)
    /// Closes the operation for good.
    case archive
    /// Abandons the operation before it concludes.
    case cancel(reasonZh: String)

    /// Whether the command starts an operation (only `.plan` does).
    var createsOperation: Bool {
        if case .plan = self { return true }
        return false
    }

    /// The step this command takes, as rejections name it.
    public var action: OperationAction {
        switch self {
        case .plan: .plan
        case .approve: .approve
        case .launch: .launch
        case .inviteAgency: .inviteAgency
        case .joinOperation: .joinOperation
        case .withdrawAgency: .withdrawAgency
        case .recordSession: .recordSession
        case .recordReturn: .recordReturn
        case .conclude: .conclude
        case .summarise: .summarise
        case .archive: .archive
        case .cancel: .cancel
        }
    }
}

/// Where a supervision problem (整改问题) was found.
public enum FoundDuring: String, Codable, Sendable, CaseIterable {
    /// 案卷评查.
    case caseFileAudit
    /// 督察 / 监督检查 by a superior or the justice bureau.
    case supervision
    /// 执法检查.
    case inspection
    /// 自查.
    case selfInspection
    /// 投诉 / 信访.
    case complaint
    case other
}

/// What can be asked of a rectification item: raise → opinion → owner and due date → rectified → verified →
/// closed out (销号).
public enum RectificationCommand: Sendable, Equatable {
    /// Records a problem found by supervision; the first command of every item. `auditId` links a case-file
    /// audit's finding to its audit (origin `.caseFileAudit` only).
    case raise(itemId: String, descriptionZh: String, foundBy: String, foundDuring: FoundDuring,
               origin: RectificationOrigin = .campaignSelfExamination, auditId: String? = nil)
    /// Issues the rectification opinion (整改意见).
    case issueOpinion(opinionZh: String, issuedBy: String)
    /// Names who fixes it and by when; may be repeated to reassign or move the date before it is rectified.
    case assignOwner(owner: String, due: LocalDate)
    /// The owner reports the problem fixed.
    case reportRectified(descriptionZh: String)
    /// Checks the fix and accepts it.
    case verify(verifiedBy: String)
    /// Checks the fix and sends it back to the owner.
    case rejectRectification(verifiedBy: String, reasonZh: String)
    /// Signs the item off (销号).
    case closeOut(closedBy: String)

    /// Whether the command starts an item (only `.raise` does).
    var raisesItem: Bool {
        if case .raise = self { return true }
        return false
    }

    /// The step this command takes, as rejections name it.
    public var action: RectificationAction {
        switch self {
        case .raise: .raise
        case .issueOpinion: .issueOpinion
        case .assignOwner: .assignOwner
        case .reportRectified: .reportRectified
        case .verify: .verify
        case .rejectRectification: .rejectRectification
        case .closeOut: .closeOut
        }
    }
}

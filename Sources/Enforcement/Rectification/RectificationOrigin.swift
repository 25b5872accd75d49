/// Which programme of supervision a rectification item came from: the annual report counts each apart (its
/// "问题21条" are the special campaign's self-examination only; the inspection's problems make its section 二).
public enum RectificationOrigin: String, Codable, Sendable, CaseIterable {
    /// 专项整治自查: the special campaign's self-examination (the bureau's own research and meetings).
    case campaignSelfExamination
    /// 巡察: the prefecture's inspection tour (地委巡察) and its feedback.
    case inspectionTour
    /// 案卷评查: a case-file audit's finding (`AuditDecider`), linked to the audit.
    case caseFileAudit
}

extension RectificationOrigin: Labelled {
    public var labelZh: String {
        switch self {
        case .campaignSelfExamination: "专项整治自查"
        case .inspectionTour: "巡察"
        case .caseFileAudit: "案卷评查"
        }
    }
}

extension RectificationOrigin: Aliased {
    public var aliasesZh: [String] {
        switch self {
        case .campaignSelfExamination: ["自查", "专项整治"]
        case .inspectionTour: ["地委巡察", "巡察反馈"]
        case .caseFileAudit: ["评查"]
        }
    }
}

/// A duty an agency appoints an officer to for a period (指定), beyond enforcement itself: who may review,
/// approve or chair. The deciders ask for it by date (`ReferenceData.isDesignated`).
public enum OfficerRole: String, Codable, Sendable, CaseIterable {
    /// 法制审核人员: reviews major decisions before the head decides (APL 58).
    case legalReviewer
    /// 审批负责人: the agency head or deputy who approves filings, preservation and seizures (MOT-9 63,
    /// APL 56, Coercion Law 18, 25).
    case approver
    /// 听证主持人: chairs hearings; appointed by the agency, never an investigator of the case (APL 64).
    case hearingChair
}

extension OfficerRole: Labelled {
    public var labelZh: String {
        switch self {
        case .legalReviewer: "法制审核人员"
        case .approver: "审批负责人"
        case .hearingChair: "听证主持人"
        }
    }
}

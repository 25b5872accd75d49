/// The Chinese name of each event type, for write confirmations and `events list` (people read
/// 立案, programs read `CaseFiled`).
public enum EventTypeLabels {
    /// The label of `eventType`; an unknown type (a newer binary's event) is shown as its code.
    public static func labelZh(_ eventType: String) -> String { zh[eventType] ?? eventType }

    public static let zh: [String: String] = [
        "AgencyRegistered": "登记单位", "CampaignCreated": "设立专项整治", "OfficerRegistered": "登记执法人员",
        "OfficerCertified": "登记执法证", "OfficerCertificateWithdrawn": "收回执法证", "OfficerDesignated": "指定职责",
        "OfficerDesignationEnded": "终止职责", "OfficerLoginBound": "绑定登录账号", "OfficerLoginUnbound": "解除登录账号绑定",
        "BureauNamed": "设定报告单位",
        "OperationPlanned": "拟定行动方案", "OperationApproved": "批准行动方案", "OperationLaunched": "部署行动",
        "OperationAgencyInvited": "邀请配合单位", "OperationAgencyJoined": "配合单位加入",
        "OperationAgencyWithdrew": "配合单位退出", "FieldSessionRecorded": "登记现场执法",
        "PartnerReturnRecorded": "登记配合单位报送", "OperationConcluded": "结束行动", "OperationSummarised": "行动总结",
        "OperationArchived": "行动归档", "OperationCancelled": "取消行动",
        "CaseLeadReceived": "登记案源", "CaseFiled": "立案", "FilingDeclined": "不予立案", "CaseImported": "导入案件",
        "OfficersAssigned": "指派办案人员", "EvidenceRecorded": "登记证据", "EvidencePreserved": "证据先行登记保存",
        "PreservedEvidenceResolved": "先行登记保存证据处理", "VehicleSeized": "扣押车辆", "SeizureExtended": "延长扣押",
        "VehicleReleased": "解除扣押", "VehicleConfiscated": "没收车辆", "InvestigationConcluded": "调查终结",
        "LegalReviewRequested": "提请法制审核", "LegalReviewPassed": "法制审核通过", "LegalReviewReturned": "法制审核退回",
        "PreDecisionNoticeServed": "送达事先告知书", "StatementReceived": "陈述申辩", "StatementWaived": "放弃陈述申辩",
        "HearingRequested": "申请听证", "HearingScheduled": "安排听证", "HearingHeld": "举行听证", "HearingWaived": "放弃听证",
        "PenaltyDecided": "作出处罚决定", "NoPenaltyDecided": "作出不予处罚决定", "DecidedOnSpot": "当场处罚",
        "OnSpotDecisionFiled": "当场处罚备案", "CriminalReferralMade": "移送公安", "CaseTransferredOut": "移送其他部门",
        "DecisionServed": "送达决定书", "DecisionPublished": "公示决定", "PublicationWithheld": "不予公示",
        "PublicationWithdrawn": "撤回公示", "DecisionRevoked": "撤销决定", "PaymentReceived": "缴纳罚款",
        "EnforcementDemandServed": "送达催告书", "CourtEnforcementApplied": "申请法院强制执行",
        "CaseCorrected": "更正案件信息", "CaseClosed": "结案", "CaseArchived": "归档",
        "RectificationItemRaised": "发现问题", "RectificationOpinionIssued": "下达整改意见",
        "RectificationOwnerAssigned": "明确整改责任人", "RectificationReported": "报告整改情况",
        "RectificationVerified": "验收整改", "RectificationRejected": "整改未通过", "RectificationClosedOut": "销号",
        "ReferralSent": "移送", "ReferralAccepted": "接收移送", "ReferralRejected": "退回移送",
        "ReferralFeedbackReceived": "收到移送反馈", "OutreachActivityRecorded": "登记普法宣传",
        "RuleOfLawActivityRecorded": "登记法治建设活动", "ServiceCommitmentSet": "设定服务承诺时限",
        "CaseFileAuditRecorded": "登记案卷评查", "CounselReviewRecorded": "登记法律顾问审核", "PetitionReceived": "受理信访",
        "PetitionResolved": "化解信访", "ReportPlanRecorded": "登记下一步工作打算",
    ]
}

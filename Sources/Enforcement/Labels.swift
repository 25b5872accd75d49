import Foundation

/// A value people read by its Chinese label while programs keep its code (`blackCar` / 黑车).
public protocol Labelled {
    /// The label officers and analysts read, from DOMAIN.md's glossary where it has one.
    var labelZh: String { get }
}

extension AgencyKind: Labelled {
    public var labelZh: String {
        switch self {
        case .transport: "交通运输"
        case .police: "公安交警"
        case .marketRegulation: "市场监管"
        case .urbanManagement: "城市管理"
        case .emergencyManagement: "应急管理"
        case .cultureTourism: "文化和旅游"
        case .township: "乡镇村"
        case .justice: "司法行政"
        case .other: "其他"
        }
    }
}

extension PartyKind: Labelled {
    public var labelZh: String {
        switch self {
        case .individual: "自然人"
        case .organisation: "法人或其他组织"
        }
    }
}

extension LeadSource: Labelled {
    public var labelZh: String {
        switch self {
        case .inspection: "检查发现"
        case .complaint: "投诉举报"
        case .assignedBySuperior: "上级交办"
        case .reportedByLowerLevel: "下级报请"
        case .transferredByAgency: "部门移送"
        case .licensingWindow: "许可窗口移交"
        case .jointOperation: "联合执法"
        case .other: "其他"
        }
    }
}

extension EvidenceKind: Labelled {
    public var labelZh: String {
        switch self {
        case .document: "书证"
        case .physical: "物证"
        case .audioVisual: "视听资料"
        case .electronicData: "电子数据"
        case .witnessStatement: "证人证言"
        case .partyStatement: "当事人陈述"
        case .expertOpinion: "鉴定意见"
        case .siteRecord: "勘验笔录、现场笔录"
        case .interviewRecord: "询问笔录"
        }
    }
}

extension PenaltyType: Labelled {
    public var labelZh: String {
        switch self {
        case .warning: "警告"
        case .criticism: "通报批评"
        case .fine: "罚款"
        case .confiscationOfIllegalGains: "没收违法所得"
        case .confiscationOfProperty: "没收非法财物"
        case .qualificationDowngrade: "降低资质等级"
        case .permitRevocation: "吊销许可证件"
        case .businessSuspension: "责令停产停业"
        }
    }
}

extension NoPenaltyReason: Labelled {
    public var labelZh: String {
        switch self {
        case .minorViolation: "违法行为轻微并及时改正"
        case .factsNotEstablished: "违法事实不能成立"
        case .firstMinorCorrected: "初次违法且危害后果轻微并及时改正"
        }
    }
}

extension ServiceMethod: Labelled {
    public var labelZh: String {
        switch self {
        case .onTheSpot: "当场交付"
        case .inPerson: "直接送达"
        case .post: "邮寄送达"
        case .publicNotice: "公告送达"
        case .electronic: "电子送达"
        }
    }
}

extension PaymentChannel: Labelled {
    public var labelZh: String {
        switch self {
        case .bank: "银行缴纳"
        case .ePayment: "电子支付"
        case .cashOnSpot: "当场收缴"
        }
    }
}

extension PublicationPolicy.WithholdingReason: Labelled {
    public var labelZh: String {
        switch self {
        case .partyIsMinor: "当事人为未成年人"
        case .involvesSecrets: "涉及国家秘密、商业秘密或个人隐私"
        case .endangersSecurity: "可能危及安全稳定"
        }
    }
}

extension ReferralKind: Labelled {
    public var labelZh: String {
        switch self {
        case .licensingWindowToBrigade: "许可窗口移交执法大队"
        case .agencyToAgency: "部门间移送"
        case .suspectedCrimeToPolice: "涉嫌犯罪移送公安"
        }
    }
}

extension FoundDuring: Labelled {
    public var labelZh: String {
        switch self {
        case .caseFileAudit: "案卷评查"
        case .supervision: "督察"
        case .inspection: "执法检查"
        case .selfInspection: "自查"
        case .complaint: "投诉信访"
        case .other: "其他"
        }
    }
}

extension CaseState.Status: Labelled {
    public var labelZh: String {
        switch self {
        case .none: "无"
        case .leadReceived: "已登记案源"
        case .filingDeclined: "不予立案"
        case .investigating: "调查中"
        case .investigationConcluded: "调查终结"
        case .decided: "已决定"
        case .served: "已送达"
        case .referredToPolice: "已移送公安"
        case .transferredOut: "已移送其他部门"
        case .closed: "已结案"
        case .archived: "已归档"
        }
    }
}

extension OperationState.Status: Labelled {
    public var labelZh: String {
        switch self {
        case .none: "无"
        case .drafted: "方案拟定"
        case .approved: "已批准"
        case .launched: "已部署"
        case .inProgress: "集中整治中"
        case .concluded: "已结束"
        case .summarised: "已总结"
        case .archived: "已归档"
        case .cancelled: "已取消"
        }
    }
}
extension Sector: Labelled {}

extension Procedure: Labelled {
    public var labelZh: String {
        switch self {
        case .ordinary: "普通程序"
        case .summary: "简易程序"
        }
    }
}

extension CaseState.LegalReview: Labelled {
    public var labelZh: String {
        switch self {
        case .notRequested: "未提请"
        case .requested: "审核中"
        case .passed: "审核通过"
        case .returned: "退回"
        }
    }
}

extension CaseState.Statement: Labelled {
    public var labelZh: String {
        switch self {
        case .none: "无"
        case .received: "已陈述申辩"
        case .waived: "放弃陈述申辩"
        }
    }
}

extension CaseState.Seizure.End: Labelled {
    public var labelZh: String {
        switch self {
        case .released: "已解除扣押"
        case .confiscated: "已没收"
        }
    }
}

extension RectificationState.Status: Labelled {
    public var labelZh: String {
        switch self {
        case .none: "无"
        case .raised: "已发现"
        case .opinionIssued: "已下达整改意见"
        case .assigned: "已明确责任人"
        case .rectified: "已整改"
        case .verified: "已验收"
        case .closedOut: "已销号"
        }
    }
}

extension ReferralState.Status: Labelled {
    public var labelZh: String {
        switch self {
        case .none: "无"
        case .sent: "已移送"
        case .accepted: "已接收"
        case .rejected: "已退回"
        }
    }
}

extension DeadlineKind: Labelled {
    public var labelZh: String {
        switch self {
        case .filing: "立案期限"
        case .evidencePreservation: "证据先行登记保存期限"
        case .seizure: "扣押期限"
        case .hearingRequest: "听证申请期限"
        case .decision: "作出决定期限"
        case .service: "送达期限"
        case .publication: "公示期限"
        case .publicationWithdrawal: "撤回公示期限"
        case .payment: "缴纳罚款期限"
        case .onSpotFiling: "当场处罚备案期限"
        }
    }
}

extension Jurisdiction: Labelled {
    public var labelZh: String {
        switch self {
        case .national: "全国"
        case .xinjiang: "新疆维吾尔自治区"
        }
    }
}

extension CalendarDayKind: Labelled {
    public var labelZh: String {
        switch self {
        case .holiday: "法定节假日"
        case .makeupWorkday: "调休上班日"
        case .regionalHoliday: "自治区节日"
        case .ordinaryDay: "普通日"
        }
    }
}

/// Short names officers type for a value (`--sector 黑车`), besides its code and full label.
public protocol Aliased {
    var aliasesZh: [String] { get }
}

extension Sector: Aliased {
    public var aliasesZh: [String] {
        switch self {
        case .blackCar: ["黑车", "非法营运"]
        case .taxi: ["出租车", "出租汽车"]
        case .rideHailing: ["网约出租车"]
        case .drivingSchool: ["驾培", "机动车驾驶员培训"]
        case .scheduledLine: ["班线"]
        case .keyVehicles: ["两客一危", "重点车辆"]
        case .other: []
        }
    }
}

extension AgencyKind: Aliased {
    public var aliasesZh: [String] {
        switch self {
        case .transport: ["交通", "交通运输局"]
        case .police: ["交警", "公安"]
        case .marketRegulation: ["市场监管局"]
        case .urbanManagement: ["城管"]
        case .emergencyManagement: ["应急"]
        case .cultureTourism: ["文旅"]
        case .township: ["乡镇"]
        case .justice: ["司法"]
        case .other: []
        }
    }
}

extension LeadSource: Aliased {
    public var aliasesZh: [String] {
        switch self {
        case .inspection: ["检查"]
        case .complaint: ["投诉", "举报"]
        case .jointOperation: ["联合执法行动"]
        default: []
        }
    }
}

extension Labelled where Self: RawRepresentable & CaseIterable, RawValue == String {
    /// The value `text` names — its code (in any case), its label or one of its short names — else nil: the one
    /// reading of a typed value, for options, imports and corrections alike.
    public static func named(_ text: String) -> Self? {
        let text = text.trimmingCharacters(in: .whitespaces)
        return allCases.first { $0.rawValue == text }
            ?? allCases.first { $0.rawValue.lowercased() == text.lowercased() }
            ?? allCases.first { $0.labelZh == text }
            ?? allCases.first { ($0 as? Aliased)?.aliasesZh.contains(text) == true }
    }
}

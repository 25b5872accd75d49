/// The kinds of rule-of-law work (法治建设) the bureau's annual report counts, section 一: party-group meetings,
/// study, training and the laws handbook. Publicity campaigns are outreach activities (`OutreachActivity`).
public enum RuleOfLawActivityKind: String, Codable, Sendable, CaseIterable {
    /// 党组会研究部署法治建设: a party-group meeting with rule-of-law work on its agenda.
    case partyMeeting
    /// 领导班子集体学法: the leadership group studies law together.
    case collectiveStudy
    /// 干部学法: all-staff study of law.
    case staffStudy
    /// 企业学法: law study organised for operators (enterprises).
    case enterpriseStudy
    /// 培训授课: a lecture by an invited expert at the bureau.
    case lecture
    /// 交流学习: a study visit to a peer county or a city department (how cases are handled there).
    case studyVisit
    /// 外出学习: officers sent away to study; the report counts trips and person-times.
    case outsideStudy
    /// 传学述训: those who studied away pass it on to colleagues.
    case relayTraining
    /// 法律汇编: laws and regulations compiled into a handbook for every officer.
    case handbook

    /// Whether the activity happens somewhere worth naming (`--place`): visits and trips go somewhere, and
    /// enterprise study is held at an operator's premises.
    public var needsPlace: Bool { [.studyVisit, .outsideStudy, .enterpriseStudy].contains(self) }
    /// Whether someone gives it (`--host`): a lecture has its lecturer.
    public var needsHost: Bool { self == .lecture }
    /// Whether the report counts its person-times (外出学习4次，共计15人次), so they must be given.
    public var needsPersonTimes: Bool { self == .outsideStudy }
    /// A handbook compiles items (29 laws and regulations) and has no participants; every other kind the reverse.
    public var isCompilation: Bool { self == .handbook }
}

extension RuleOfLawActivityKind: Labelled {
    public var labelZh: String {
        switch self {
        case .partyMeeting: "党组会研究法治建设"
        case .collectiveStudy: "领导班子集体学法"
        case .staffStudy: "干部职工学法"
        case .enterpriseStudy: "企业学法"
        case .lecture: "培训授课"
        case .studyVisit: "交流学习"
        case .outsideStudy: "外出学习"
        case .relayTraining: "传学述训"
        case .handbook: "法律法规汇编"
        }
    }
}

extension RuleOfLawActivityKind: Aliased {
    /// The words of the 2023 report and the ones officers say for them.
    public var aliasesZh: [String] {
        switch self {
        case .partyMeeting: ["党组会", "党组会议"]
        case .collectiveStudy: ["集体学法", "班子学法", "中心组学法"]
        case .staffStudy: ["干部学法", "全体干部学法", "学法"]
        case .enterpriseStudy: ["组织企业学法"]
        case .lecture: ["授课", "专家授课", "法治讲座", "讲座"]
        case .studyVisit: ["考察学习", "交流", "兄弟县市学习"]
        case .outsideStudy: ["外出培训"]
        case .relayTraining: ["传学", "述训"]
        case .handbook: ["法律汇编", "汇编", "政策法律汇编"]
        }
    }
}

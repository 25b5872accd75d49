import Enforcement
import JointOps

// Section 一 of the 2023 report beyond cases and operations: 6 party-group meetings, 12 leadership studies, 30余
// (32) all-staff studies, 4 enterprise studies, 9 lectures, 6 study visits, 4 trips with 15 person-times, 2 relay
// trainings, a handbook of 29 laws and regulations, and the licensing commitment cut from 20 to 7 working days.
extension DemoScript {
    /// The figures the demo's rule-of-law year produces: (kind, activities, person-times when the report counts them).
    static let ruleOfLawYear: [(kind: RuleOfLawActivityKind, count: Int, personTimes: Int?)] = [
        (.partyMeeting, 6, nil), (.collectiveStudy, 12, nil), (.staffStudy, 32, nil), (.enterpriseStudy, 4, nil),
        (.lecture, 9, nil), (.studyVisit, 6, nil), (.outsideStudy, 4, 15), (.relayTraining, 2, nil), (.handbook, 1, nil),
    ]
    static let handbookItems = 29
    static let licensing = (code: "ROAD-TRANSPORT-LICENCE", service: "道路运输经营许可", statutory: 20, committed: 7)

    static let studyTopics = ["习近平法治思想", "《中华人民共和国宪法》", "《中华人民共和国行政处罚法》", "《中华人民共和国行政许可法》",
                              "《中华人民共和国行政强制法》", "《中华人民共和国道路运输条例》", "《中华人民共和国安全生产法》",
                              "《巡游出租汽车经营服务管理规定》", "《网络预约出租汽车经营服务管理暂行办法》", "《中华人民共和国民法典》",
                              "《交通运输行政执法程序规定》", "《优化营商环境条例》"]

    /// Records the year's activities as the bureau's officers would, one transaction for the lot (the demo is a bulk load).
    mutating func ruleOfLaw() throws {
        try application.connection.transaction {
            for (kind, count, personTimes) in Self.ruleOfLawYear {
                let trips = personTimes.map { random.split($0, into: count, minimum: 3) }
                for index in 0..<count {
                    // Spread over the year: a few each month, the handbook in March, each relay training after a trip.
                    let month = kind == .handbook ? 3 : kind == .relayTraining ? [5, 11][index] : 1 + index * 12 / count
                    let date = try workday(day(month, random.int(1...20)))
                    try record(activity(kind, index, date: date, personTimes: trips?[index]))
                }
            }
            try commitments()
        }
    }

    /// The activity of `kind` number `index` of the year, with the details its kind needs.
    private mutating func activity(_ kind: RuleOfLawActivityKind, _ index: Int, date: LocalDate, personTimes: Int?) -> RuleOfLawActivity {
        let topic = Self.studyTopics[index % Self.studyTopics.count]
        var a = RuleOfLawActivity(kind: kind, titleZh: "", date: date, agency: "WSJT")
        switch kind {
        case .partyMeeting:
            a.titleZh = ["研究部署年度法治政府建设工作", "听取执法大队行政执法工作汇报", "研究“一规范两纲要”实施方案",
                         "研究专项整治问题整改工作", "研究法律顾问审核意见落实", "总结年度法治建设工作"][index % 6]
            a.placeZh = "局党组会议室"
            a.participants = 7
        case .collectiveStudy:
            a.titleZh = "集体学习\(topic)"
            a.participants = 7
        case .staffStudy:
            a.titleZh = "干部职工学习\(topic)"
            a.participants = random.int(25...40)
        case .enterpriseStudy:
            a.titleZh = "组织运输企业学习\(topic)"
            a.placeZh = DemoData.companies[index % DemoData.companies.count]
            a.participants = random.int(15...30)
        case .lecture:
            a.titleZh = ["行政处罚案件办理规范", "行政执法“三项制度”", "道路运输安全生产法律责任", "行政复议与行政诉讼应诉",
                         "执法文书制作规范", "证据收集与固定", "自由裁量权基准适用", "新《行政处罚法》解读", "行政强制措施实施程序"][index % 9]
            a.hostZh = ["乌苏市司法局", "特聘法律顾问", "塔城地区交通运输局法规科"][index % 3]
            a.participants = random.int(30...45)
        case .studyVisit:
            a.titleZh = "学习案件办理经验"
            a.placeZh = ["沙湾市交通运输局", "奎屯市交通运输局", "额敏县交通运输局", "乌苏市司法局", "乌苏市市场监督管理局",
                         "塔城地区交通运输综合行政执法支队"][index % 6]
            a.participants = random.int(3...6)
        case .outsideStudy:
            a.titleZh = ["全区交通运输行政执法培训", "道路运输执法规范化培训", "执法人员法律知识更新培训", "安全生产监管执法培训"][index % 4]
            a.placeZh = ["乌鲁木齐市", "塔城市", "克拉玛依市", "伊宁市"][index % 4]
            a.participants = personTimes
            a.personTimes = personTimes
        case .relayTraining:
            a.titleZh = "外出学习人员传学述训"
            a.participants = random.int(25...40)
        case .handbook:
            a.titleZh = "《交通运输政策法律汇编》"
            a.items = Self.handbookItems
        }
        return a
    }

    private func record(_ activity: RuleOfLawActivity) throws {
        try application.handler(RuleOfLawDecider.self).create(.ruleOfLaw, request: request(activity.date, actor: DemoData.bureauHead.id)) {
            .record(activityId: $0, activity)
        }
    }

    /// The licensing commitment: the law's 20 working days until the reform, 7 from April on.
    private func commitments() throws {
        let handler = application.handler(CommitmentDecider.self)
        let (code, service, statutory, committed) = Self.licensing
        for (days, from, note) in [(statutory, day(1, 1), nil), (committed, day(4, 3), "最多跑一次、一次告知")] {
            let commitment = ServiceCommitment(code: code, serviceZh: service, agency: "WSJT", statutoryWorkingDays: statutory,
                                               committedWorkingDays: days, from: from, noteZh: note)
            try handler.handle(.set(commitment), on: StreamKind.commitmentStream, mustExist: false,
                               request: request(try workday(from), actor: "JT-ADMIN"))
        }
    }
}

import Enforcement

// Supervision (21 problems, each with an opinion), referrals, and outreach (2,352 leaflets).
extension DemoScript {
    static let problems: [(String, FoundDuring)] = [
        ("部分案卷询问笔录未载明执法证件号码", .caseFileAudit),
        ("个别案件先行登记保存通知书未载明期限", .caseFileAudit),
        ("部分简易程序案件当场处罚决定书未按时备案", .caseFileAudit),
        ("个别案件证据目录与卷内材料不一致", .caseFileAudit),
        ("行政处罚决定书公示存在未脱敏个人信息", .supervision),
        ("执法记录仪视频未按规定及时上传存储", .supervision),
        ("个别执法人员着装不规范", .inspection),
        ("法制审核意见书格式不统一", .selfInspection),
        ("重大执法决定法制审核目录清单未及时更新", .supervision),
        ("执法公示平台更新不及时", .supervision),
        ("案件办理期限预警机制落实不到位", .selfInspection),
        ("扣押车辆停放场台账登记不完整", .inspection),
        ("“窗口移交”案件先罚款后办理年审，存在以罚代管倾向", .supervision),
        ("联合执法简报报送不及时", .selfInspection),
        ("部分执法文书送达回证签收不规范", .caseFileAudit),
        ("自由裁量基准适用说理不充分", .caseFileAudit),
        ("群众投诉出租车拒载处理反馈超期", .complaint),
        ("执法人员学法用法考试参考率不足", .selfInspection),
        ("行政执法统计年报数据核对不严", .supervision),
        ("听证程序告知书未载明听证申请期限", .caseFileAudit),
        ("驾培机构备案材料审核流于形式", .inspection),
    ]

    mutating func rectifications() throws {
        precondition(Self.problems.count == Demo.rectificationItems)
        let handler = application.handler(RectificationDecider.self)
        for (index, problem) in Self.problems.enumerated() {
            let raised = try workday(day(3 + index * 8 / Demo.rectificationItems, random.int(1...25)))
            let foundBy = problem.1 == .caseFileAudit ? "市司法局案卷评查组" : "局法制股"
            let id = try handler.create(.rectification, request: request(raised, actor: "FZ-01")) {
                .raise(itemId: $0, descriptionZh: problem.0, foundBy: foundBy, foundDuring: problem.1)
            }.stream
            let opinion = try addingWorkdays(random.int(1...3), to: raised)
            try handler.handle(.issueOpinion(opinionZh: "针对“\(problem.0)”问题，限期整改并建立长效机制", issuedBy: DemoData.bureauHead.id),
                               on: id, request: request(opinion, actor: DemoData.bureauHead.id))
            summary.rectificationItems += 1
            summary.opinions += 1
            let due = opinion.adding(days: random.int(20...40))
            try handler.handle(.assignOwner(owner: "执法大队", due: due), on: id, request: request(opinion, actor: "FZ-01"))
            // The last two are still being fixed at the year's end; one fix was sent back once.
            guard index < Demo.rectificationItems - 2 else { continue }
            let reported = try workday(opinion.adding(days: random.int(10...(index % 5 == 4 ? 45 : 19))))
            try handler.handle(.reportRectified(descriptionZh: "已完成整改，相关制度已修订"), on: id, request: request(reported))
            if index == 6 {
                try handler.handle(.rejectRectification(verifiedBy: "FZ-02", reasonZh: "整改不彻底，需补充培训记录"), on: id,
                                   request: request(try addingWorkdays(2, to: reported), actor: "FZ-02"))
                try handler.handle(.reportRectified(descriptionZh: "已补充培训记录"), on: id,
                                   request: request(try addingWorkdays(5, to: reported)))
            }
            let verified = try addingWorkdays(random.int(6...8), to: reported)
            try handler.handle(.verify(verifiedBy: "FZ-02"), on: id, request: request(verified, actor: "FZ-02"))
            try handler.handle(.closeOut(closedBy: "FZ-01"), on: id, request: request(try addingWorkdays(1, to: verified), actor: "FZ-01"))
        }
    }

    mutating func referrals() throws {
        let handler = application.handler(ReferralDecider.self)
        let window: [(String, Int)] = [("申请道路运输证年审车辆存在未按规定进行二级维护问题", 3),
                                       ("出租汽车经营者未按期参加服务质量信誉考核", 6),
                                       ("驾培机构备案信息变更未报备", 9)]
        for (subject, month) in window {
            let sent = try workday(day(month, random.int(1...20)))
            let id = try handler.create(.referral, request: request(sent, actor: "JT-01")) {
                .send(referralId: $0, kind: .licensingWindowToBrigade, from: "WSJT", to: "WSZD", subjectZh: subject)
            }.stream
            let accepted = try addingWorkdays(random.int(1...3), to: sent)
            try handler.handle(.accept(acceptedBy: DemoData.brigadeHead.id), on: id,
                               request: request(accepted, actor: DemoData.brigadeHead.id))
            try handler.handle(.recordFeedback(outcomeZh: "已责令改正，督促办理年审，未予处罚（避免以罚代管）"), on: id,
                               request: request(try addingWorkdays(10, to: accepted)))
            summary.referrals += 1
        }
        let policeCase = try application.streams(of: .case).first { id in
            try application.handler(CaseDecider.self).load(id).state.status == .archived
                && application.handler(CaseDecider.self).load(id).state.outcome == .criminalReferral(policeAgency: "WSGA")
        }
        let toPolice = try workday(day(7, 20))
        let police = try handler.create(.referral, request: request(toPolice)) {
            .send(referralId: $0, kind: .suspectedCrimeToPolice, from: "WSZD", to: "WSGA",
                  subjectZh: "危险货物运输车辆无资质运输危险化学品，涉嫌危险作业罪", caseId: policeCase)
        }.stream
        try handler.handle(.accept(acceptedBy: "GA-01"), on: police, request: request(try addingWorkdays(1, to: toPolice), actor: "GA-01"))
        try handler.handle(.recordFeedback(outcomeZh: "公安机关已立案侦查"), on: police,
                           request: request(try addingWorkdays(15, to: toPolice), actor: "GA-01"))
        // Found in the taxi operation's first session: the referral links to it.
        let taxiSession = sessionsPlayed.first { $0.sectors.contains(.taxi) }
        let toMarket = try taxiSession?.date ?? workday(day(5, 25))
        let market = try handler.create(.referral, request: request(toMarket)) {
            .send(referralId: $0, kind: .agencyToAgency, from: "WSZD", to: "WSSJ", subjectZh: "出租汽车驾驶员议价拉客涉嫌价格违法",
                  operation: taxiSession?.link)
        }.stream
        try handler.handle(.accept(acceptedBy: "SJ-01"), on: market, request: request(try addingWorkdays(2, to: toMarket), actor: "SJ-01"))
        let refused = try handler.create(.referral, request: request(try workday(day(10, 9)), actor: "CG-01")) {
            .send(referralId: $0, kind: .agencyToAgency, from: "WSCG", to: "WSZD", subjectZh: "占道经营的流动售货车辆")
        }.stream
        try handler.handle(.reject(reasonZh: "不属于道路运输管理职责，退回城管部门"), on: refused,
                           request: request(try addingWorkdays(2, to: day(10, 9))))
        summary.referrals += 3
    }

    /// The report's three named campaigns (宪法宣传月, 全国交通宣传日, 平安出行·拒乘“黑车”), by the event that ran each,
    /// with the channels and accounts it names (出租车顶灯、公交车LED屏; 微信公众号“乌苏零距离”, 抖音号“乌苏融媒体”).
    static let publicityCampaigns: [String: (name: String, channels: [OutreachChannel], accounts: [String])] = [
        "“12·4”国家宪法日宣传": ("宪法宣传月", [.onSite, .leaflets, .banners, .wechatAccount], ["乌苏零距离"]),
        "“全国交通宣传日”文明出行宣传": ("全国交通宣传日", [.onSite, .leaflets, .busLEDScreens], []),
        "拒乘黑车安全出行宣传": ("平安出行·拒乘‘黑车’", [.onSite, .leaflets, .taxiRoofLights, .busLEDScreens, .wechatAccount, .douyin],
                          ["乌苏零距离", "乌苏融媒体"]),
    ]

    mutating func outreach() throws {
        let events: [(String, String, String, Int)] = [
            ("“安全生产月”道路运输安全宣传", "乌苏市客运站", "WSZD", 6), ("“美好生活·民法典相伴”普法宣传", "乌苏市人民广场", "WSJT", 5),
            ("拒乘黑车安全出行宣传", "乌苏市火车站广场", "WSZD", 2), ("驾培行业法规宣讲", "乌苏市金桥驾校", "WSZD", 4),
            ("出租汽车驾驶员法治培训", "乌苏市交通运输局会议室", "WSJT", 3), ("“12·4”国家宪法日宣传", "乌苏市人民广场", "WSJT", 12),
            ("平安春运宣传", "乌苏市汽车站", "WSZD", 1), ("“两客一危一货”驾驶员警示教育", "乌苏市鑫源运输公司", "WSZD", 7),
            ("普法进乡村（交通安全）", "百泉镇集贸市场", "BQZ", 8), ("普法进乡村（交通安全）", "古尔图镇街道", "GETZ", 9),
            ("网约车合规经营宣传", "乌苏市新市区", "WSZD", 10), ("“全国交通宣传日”文明出行宣传", "乌苏市客运站", "WSZD", 9),
        ]
        let leaflets = random.split(Demo.leaflets, into: events.count, minimum: 80)
        let handler = application.handler(OutreachDecider.self)
        for (index, event) in events.enumerated().sorted(by: { $0.element.3 < $1.element.3 }) {
            let date = try workday(day(event.3, random.int(1...20)))
            let campaign = Self.publicityCampaigns[event.0]
            let activity = OutreachActivity(eventZh: event.0, placeZh: event.1, date: date, agency: event.2,
                                            leaflets: leaflets[index], peopleReached: leaflets[index] + random.int(20...300),
                                            campaignZh: campaign?.name, channels: campaign?.channels ?? [.onSite, .leaflets],
                                            accountsZh: campaign?.accounts ?? [])
            try handler.create(.outreach, request: request(date, actor: DemoData.recorder(of: event.2))) {
                .record(activityId: $0, activity)
            }
            summary.leaflets += leaflets[index]
        }
    }
}

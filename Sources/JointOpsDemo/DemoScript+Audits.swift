import Enforcement
import JointOps

// The rest of the 2023 report's first responsibilities and section 二: 2 case-file audits whose findings become
// rectification items, the adviser's reviews (2 major projects, 1 tripartite agreement, 23 cases), 2 long-standing
// petitions resolved, and the prefecture's inspection tour's 3 problems, each closed out.
extension DemoScript {
    /// The audits: (month, files reviewed, scope, findings). The December audit's findings are still open at year's end.
    static let audits: [(Int, Int, String, [String])] = [
        (6, 60, "上半年行政处罚案卷", ["执法案卷制作流程不规范", "部分案卷调查询问笔录记录不完整"]),
        (12, 58, "下半年行政处罚案卷", ["个别案卷法制审核意见不明确"]),
    ]

    /// The inspection tour's problems (二、（二）), fed back in September.
    static let inspectionProblems = [
        "窗口工作人员发现营运证超期先移交处罚再办理审验，存在“以罚代管”现象",
        "未充分发挥法制审核员的作用",
        "分管领导审核不严、审核意见不明确",
    ]

    /// Who the bureau retained as its legal adviser (聘请全职律师).
    static let counsel = "新疆天衡律师事务所 马律师"

    mutating func yearRecords() throws {
        try caseFileAudits()
        try counselReviews()
        try petitions()
        try inspectionTour()
        try reportPlan()
    }

    mutating func caseFileAudits() throws {
        for (month, files, scope, findings) in Self.audits {
            let date = try workday(day(month, month == 12 ? 12 : 15))
            let audit = CaseFileAudit(date: date, agency: "WSJT", auditedAgency: "WSZD", filesReviewed: files,
                                      scopeZh: "\(year)年\(scope)", findingsZh: findings)
            let (_, items) = try application.recordAudit(audit, request: request(date, actor: "FZ-01"))
            summary.audits += 1
            guard month < 12 else { continue }
            for item in items { try closeOut(item.stream, foundOn: date, opinion: "规范执法案卷制作，组织专题培训") }
        }
    }

    mutating func counselReviews() throws {
        let handler = application.handler(CounselDecider.self)
        let others: [(CounselReviewKind, String, Int)] = [
            (.project, "乌苏市城乡客运一体化建设项目", 3), (.project, "乌苏市汽车客运站改造提升项目", 7),
            (.agreement, "城乡公交运营三方协议（交通运输局、乡镇人民政府、公交公司）", 5),
        ]
        for (kind, subject, month) in others {
            let date = try workday(day(month, 10))
            try handler.create(.counsel, request: request(date, actor: "FZ-01")) {
                .record(reviewId: $0, CounselReview(kind: kind, subjectZh: subject, counselZh: Self.counsel, date: date,
                                                    agency: "WSJT", opinionZh: "程序合法，建议完善违约责任条款"))
            }
            summary.counselReviews += 1
        }
        // 23 of the brigade's decided cases, reviewed after their decision (the report's "20余个案件").
        let caseHandler = application.handler(CaseDecider.self)
        var reviewed = 0
        for id in try application.streams(of: .case) where reviewed < 23 {
            let state = try caseHandler.load(id).state
            guard let decided = state.decidedOn, decided.month < 12, id.hasSuffix("0") || id.hasSuffix("5") else { continue }
            let date = try addingWorkdays(2, to: decided)
            try handler.create(.counsel, request: request(date, actor: "FZ-01")) {
                .record(reviewId: $0, CounselReview(kind: .case, subjectZh: "\(id) 行政处罚案件合法性审查", counselZh: Self.counsel,
                                                    date: date, agency: "WSJT", caseId: id))
            }
            reviewed += 1
            summary.counselReviews += 1
        }
        precondition(reviewed == 23, "the demo year has 23 decided cases for the adviser to review")
    }

    mutating func petitions() throws {
        let handler = application.handler(PetitionDecider.self)
        let longStanding: [(Int, String, String, Int)] = [
            (2019, "出租汽车经营权有偿使用费退还诉求", "经法律顾问释法说理、多方协调，依法退还部分费用，信访人息诉罢访", 4),
            (2021, "班线客车经营者线路调整补偿诉求", "召开听证协调会，依法调整线路并签订协议，信访人签字认可", 8),
        ]
        for (firstYear, subject, outcome, month) in longStanding {
            let received = LocalDate(year: firstYear, month: 3, day: 15)!
            let id = try handler.create(.petition, request: request(try workday(day(1, 10)), actor: "JT-01")) {
                .receive(petitionId: $0, Petition(receivedOn: received, agency: "WSJT", subjectZh: subject))
            }.stream
            let resolved = try workday(day(month, 20))
            try handler.handle(.resolve(resolvedOn: resolved, outcomeZh: outcome), on: id, kind: .petition,
                               request: request(resolved, actor: "JT-01"))
            summary.petitionsResolved += 1
        }
    }

    mutating func inspectionTour() throws {
        let feedback = try workday(day(9, 5))
        let handler = application.handler(RectificationDecider.self)
        for problem in Self.inspectionProblems {
            let id = try handler.create(.rectification, request: request(feedback, actor: "FZ-01")) {
                .raise(itemId: $0, descriptionZh: problem, foundBy: "地委巡察组", foundDuring: .supervision, origin: .inspectionTour)
            }.stream
            try closeOut(id, foundOn: feedback, opinion: "对照巡察反馈问题逐项整改，建立日常监督机制")
            summary.inspectionProblems += 1
        }
    }

    /// Takes an item from its opinion to its sign-off within about two months.
    func closeOut(_ id: String, foundOn: LocalDate, opinion: String) throws {
        let handler = application.handler(RectificationDecider.self)
        let issued = try addingWorkdays(2, to: foundOn)
        try handler.handle(.issueOpinion(opinionZh: opinion, issuedBy: DemoData.bureauHead.id), on: id,
                           request: request(issued, actor: DemoData.bureauHead.id))
        try handler.handle(.assignOwner(owner: "执法大队", due: issued.adding(days: 45)), on: id, request: request(issued, actor: "FZ-01"))
        let reported = try addingWorkdays(20, to: issued)
        try handler.handle(.reportRectified(descriptionZh: "已完成整改，建立长效机制"), on: id, request: request(reported))
        let verified = try addingWorkdays(3, to: reported)
        try handler.handle(.verify(verifiedBy: "FZ-02"), on: id, request: request(verified, actor: "FZ-02"))
        try handler.handle(.closeOut(closedBy: "FZ-01"), on: id, request: request(try addingWorkdays(1, to: verified), actor: "FZ-01"))
    }

    mutating func reportPlan() throws {
        let date = try workday(day(12, 28))
        try application.handler(ReportPlanDecider.self).handle(
            .record(year: year, agency: "WSJT", textZh: DemoPlan.text), on: ReportPlanDecider.stream(year: year), mustExist: false,
            request: request(date, actor: DemoData.bureauHead.id))
    }
}

import Enforcement

// The 234 cases of the year: 5 黑车, on-the-spot ride-hailing fines, ordinary cases of every sector, and the
// few that end otherwise (declined, transferred, referred to the police) or are still open at the year's end.
extension DemoScript {
    enum CaseKind {
        case blackCar(hearing: Bool, confiscateGains: Bool, lead: Bool)
        case onSpot
        case rideHailingVehicle
        case driverQualification
        case lineDeviation
        case drivingSchool(complex: Bool)
        case firstMinorCorrected
        case declinedLead
        case transferredToMarketRegulation
        case referredToPolice
        case stillInvestigating
        case awaitingDecision
        case decidedNotYetServed
        case withheldForPrivacy
    }

    /// How far a case gets by the year's end.
    enum Stop: Int, Comparable {
        case investigating, concluded, decided, published, closed, archived
        static func < (a: Stop, b: Stop) -> Bool { a.rawValue < b.rawValue }
    }

    struct CasePlan {
        let kind: CaseKind
        let start: LocalDate
        var stop: Stop = .archived
        /// The field session the case was opened in (its start is the session's day).
        var link: OperationLink? = nil
    }

    /// Acts before this day can be fined only under the texts then in force (the 2023 RTR revision).
    var revisionDay: LocalDate {
        let effective = LegalBasisCatalogue.rtr2023EffectiveFrom
        return effective.year == year ? effective : day(1, 1)
    }

    mutating func date(from: LocalDate, to: LocalDate) -> LocalDate {
        from.adding(days: random.int(0...from.days(until: to)))
    }

    mutating func casePlans() -> [CasePlan] {
        var plans: [CasePlan] = []
        let early = day(1, 9), late = day(9, 28), revision = revisionDay
        // Cases before the revision exist only in the year it took effect.
        let beforeRevision = revision > early ? revision.adding(days: -1) : late
        // In a year after the revision it is 1 January: cases still come in only once the registry and the duties
        // are recorded (`registryDay`), never on the New Year days before.
        let fromRevision = max(revision, early)
        // On-the-spot decisions go on to mid-December: every month has cases, the fourth quarter too.
        let lastOnSpot = day(12, 10)
        // The first black-car case came from a black-car operation's session: its lead and seizure link there.
        if let session = sessionsPlayed.first(where: { $0.sectors.contains(.blackCar) && $0.date < revision }) {
            plans.append(CasePlan(kind: .blackCar(hearing: false, confiscateGains: true, lead: true), start: session.date,
                                  link: session.link))
        } else {
            plans.append(CasePlan(kind: .blackCar(hearing: false, confiscateGains: true, lead: true), start: date(from: day(3, 6), to: day(3, 17))))
        }
        plans.append(CasePlan(kind: .blackCar(hearing: false, confiscateGains: false, lead: false), start: date(from: day(5, 15), to: day(5, 26))))
        plans.append(CasePlan(kind: .blackCar(hearing: true, confiscateGains: false, lead: false), start: date(from: fromRevision.adding(days: 14), to: fromRevision.adding(days: 20))))
        plans.append(CasePlan(kind: .blackCar(hearing: false, confiscateGains: true, lead: true), start: date(from: day(8, 21), to: day(8, 31))))
        plans.append(CasePlan(kind: .blackCar(hearing: false, confiscateGains: false, lead: false), start: date(from: day(9, 4), to: day(9, 15))))
        // One on-the-spot decision in each session of the year was made there, and links to it.
        let sessions = sessionsPlayed.filter { $0.date >= early && $0.date <= lastOnSpot }
        for index in 0..<129 {
            if index < sessions.count {
                plans.append(CasePlan(kind: .onSpot, start: sessions[index].date, link: sessions[index].link))
            } else {
                plans.append(CasePlan(kind: .onSpot, start: date(from: early, to: lastOnSpot)))
            }
        }
        for index in 0..<40 {
            // The last ones filed are served and published, but not yet paid and closed.
            var plan = CasePlan(kind: .rideHailingVehicle, start: date(from: early, to: index < 34 ? day(9, 10) : late))
            if index >= 34 { plan = CasePlan(kind: .rideHailingVehicle, start: date(from: day(9, 18), to: late), stop: .published) }
            plans.append(plan)
        }
        for _ in 0..<20 { plans.append(CasePlan(kind: .driverQualification, start: date(from: fromRevision, to: late))) }
        for _ in 0..<10 { plans.append(CasePlan(kind: .lineDeviation, start: date(from: fromRevision, to: late))) }
        for index in 0..<6 { plans.append(CasePlan(kind: .drivingSchool(complex: index == 0), start: date(from: fromRevision, to: day(9, 15)))) }
        for _ in 0..<14 { plans.append(CasePlan(kind: .firstMinorCorrected, start: date(from: early, to: beforeRevision))) }
        // The ten that are not published.
        plans.append(CasePlan(kind: .declinedLead, start: date(from: day(4, 3), to: day(4, 28))))
        plans.append(CasePlan(kind: .declinedLead, start: date(from: day(6, 5), to: day(6, 20))))
        plans.append(CasePlan(kind: .transferredToMarketRegulation, start: date(from: day(5, 8), to: day(5, 19))))
        plans.append(CasePlan(kind: .referredToPolice, start: date(from: day(7, 3), to: day(7, 14))))
        for _ in 0..<3 { plans.append(CasePlan(kind: .stillInvestigating, start: date(from: day(9, 20), to: late), stop: .investigating)) }
        plans.append(CasePlan(kind: .awaitingDecision, start: date(from: day(9, 11), to: day(9, 15)), stop: .concluded))
        plans.append(CasePlan(kind: .decidedNotYetServed, start: date(from: day(9, 11), to: day(9, 15)), stop: .decided))
        plans.append(CasePlan(kind: .withheldForPrivacy, start: date(from: day(6, 12), to: day(6, 30))))
        precondition(plans.count == Demo.cases)
        // Numbers follow the order cases came in.
        return plans.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    }

    mutating func cases(progress: ((String) -> Void)?) throws {
        let plans = casePlans()
        for (index, plan) in plans.enumerated() {
            try application.connection.transaction { try play(plan) }
            summary.cases += 1
            if case .blackCar = plan.kind { summary.blackCarCases += 1 }
            if (index + 1) % 25 == 0 { progress?("cases \(index + 1)/\(plans.count)") }
        }
    }

    // MARK: - One case

    mutating func individual() -> Party {
        partyIndex += 1
        return Party(nameZh: DemoData.personName(&random), kind: .individual,
                     partyId: DemoData.residentId(index: partyIndex, &random))
    }

    mutating func organisation(_ names: [String]) -> Party {
        partyIndex += 1
        return Party(nameZh: random.pick(names), kind: .organisation, partyId: DemoData.creditCode(index: partyIndex))
    }

    mutating func nextDecisionNumber() -> String {
        decisionNumber += 1
        return "乌交执罚〔\(year)〕第\(String(format: "%03d", decisionNumber))号"
    }

    mutating func play(_ plan: CasePlan) throws {
        let start = plan.start
        let place = random.pick(DemoData.places)
        switch plan.kind {
        case let .blackCar(hearing, confiscateGains, lead):
            let act = Act(date: start.adding(days: -random.int(0...1)), placeZh: place, sector: .blackCar,
                          descriptionZh: "未取得道路运输经营许可，驾驶小型轿车在\(place)招揽乘客前往奎屯市，按人收取车费",
                          plate: DemoData.plate(&random))
            let basis = act.date < revisionDay ? "RTR-63-2022" : "RTR-63-2023"
            let fine = act.date < revisionDay ? random.int(30...40) * 1_000 : random.int(10...20) * 1_000
            let gains = confiscateGains ? random.int(6...30) * 50 : 0
            let penalty = Penalty(types: confiscateGains ? [.fine, .confiscationOfIllegalGains] : [.fine], fineYuan: fine,
                                  illegalGainsYuan: gains, legalBasisId: basis)
            try ordinary(plan, party: individual(), act: act, lead: lead ? (plan.link == nil ? .complaint : .jointOperation) : nil,
                         seize: act.plate, penalty: penalty, hearing: hearing)
        case .onSpot:
            try onSpot(start, place: place, link: plan.link)
        case .rideHailingVehicle:
            let act = Act(date: start, placeZh: place, sector: .rideHailing,
                          descriptionZh: "未取得《网络预约出租汽车运输证》，通过\(random.pick(DemoData.rideHailingPlatforms))平台接单从事网约车经营",
                          plate: DemoData.plate(&random))
            try ordinary(plan, party: individual(), act: act,
                         penalty: .fine(random.int(6...16) * 500, basis: "RIDE-34-2-2022"))
        case .driverQualification:
            // RTR 64 covers road transport operators' drivers, not taxis (the RTR leaves taxis to other rules, Art 81).
            let sector: Sector = random.chance(50) ? .scheduledLine : .keyVehicles
            let act = Act(date: start, placeZh: place, sector: sector,
                          descriptionZh: sector == .scheduledLine ? "未取得道路运输从业资格证驾驶客运班车载客"
                                                                 : "未取得道路运输从业资格证驾驶重型货车从事道路货物运输",
                          plate: DemoData.plate(&random))
            try ordinary(plan, party: individual(), act: act, penalty: .fine(random.int(2...8) * 250, basis: "RTR-64-2023"))
        case .lineDeviation:
            let act = Act(date: start, placeZh: place, sector: .scheduledLine,
                          descriptionZh: "客运班车未按批准的客运站点停靠，在\(place)站外上下客", plate: DemoData.plate(&random))
            // Passengers complain of coaches that pick up outside the station.
            try ordinary(plan, party: organisation(Array(DemoData.companies[0...1]) + [DemoData.companies[4]]), act: act,
                         filedFrom: .complaint, penalty: .fine(random.int(2...4) * 500, basis: "RTR-68-2023"))
        case .drivingSchool(let complex):
            let act = Act(date: start, placeZh: "乌苏市驾培训练场", sector: .drivingSchool,
                          descriptionZh: "从事机动车驾驶员培训业务未按规定备案，经责令改正拒不改正")
            try ordinary(plan, party: organisation([DemoData.companies[2], DemoData.companies[3]]), act: act,
                         penalty: .fine(random.int(8...15) * 1_000, basis: "RTR-65-2023"), complex: complex)
        case .firstMinorCorrected:
            let sector = random.pick([Sector.taxi, .drivingSchool, .scheduledLine])
            let act = Act(date: start, placeZh: place, sector: sector,
                          descriptionZh: "首次违法，情节轻微并及时改正（列入首违不罚清单）", plate: DemoData.plate(&random))
            try ordinary(plan, party: individual(), act: act, penalty: nil)
        case .declinedLead:
            let id = try lead(start, source: .complaint, summary: "群众电话举报\(place)有车辆非法营运，经核查未发现违法事实")
            try on(id, try addingWorkdays(3, to: start), .declineFiling(reasonZh: "经现场核查，举报车辆为家庭自用，无违法事实，不予立案"))
            try on(id, try addingWorkdays(8, to: start), .archive(fileRef: "不予立案卷\(year)-\(id.suffix(4))"))
        case .transferredToMarketRegulation:
            let act = Act(date: start, placeZh: place, sector: .taxi, descriptionZh: "出租汽车驾驶员不按计价器收费、议价拉客")
            let id = try fileAndInvestigate(start, party: individual(), act: act, lead: nil, filedFrom: .complaint, seize: nil)
            try on(id, try addingWorkdays(4, to: start), .transferOut(toAgency: "WSSJ", reasonZh: "价格违法行为属市场监督管理部门管辖"))
            try on(id, try addingWorkdays(8, to: start), .close(reportZh: "已移送乌苏市市场监督管理局处理"))
            try on(id, try addingWorkdays(12, to: start), .archive(fileRef: "移送卷\(year)-\(id.suffix(4))"))
        case .referredToPolice:
            let act = Act(date: start, placeZh: "G312线乌苏段", sector: .keyVehicles,
                          descriptionZh: "危险货物运输车辆未取得资质运输危险化学品，涉嫌危险作业罪", plate: DemoData.plate(&random))
            let id = try fileAndInvestigate(start, party: individual(), act: act, lead: nil, seize: nil)
            try on(id, try addingWorkdays(2, to: start), .referToPolice(policeAgency: "WSGA", reasonZh: "涉嫌危险作业罪，依法移送公安机关"))
            try on(id, try addingWorkdays(15, to: start), .close(reportZh: "已移送乌苏市公安局，公安机关已立案"))
            try on(id, try addingWorkdays(20, to: start), .archive(fileRef: "移送卷\(year)-\(id.suffix(4))"))
        case .stillInvestigating, .awaitingDecision:
            let act = Act(date: start, placeZh: place, sector: .rideHailing,
                          descriptionZh: "未取得《网络预约出租汽车运输证》从事网约车经营", plate: DemoData.plate(&random))
            try ordinary(plan, party: individual(), act: act, penalty: .fine(random.int(6...12) * 500, basis: "RIDE-34-2-2022"))
        case .decidedNotYetServed:
            let act = Act(date: start, placeZh: place, sector: .rideHailing,
                          descriptionZh: "未取得《网络预约出租汽车运输证》从事网约车经营", plate: DemoData.plate(&random))
            try ordinary(plan, party: individual(), act: act, penalty: .fine(random.int(6...12) * 500, basis: "RIDE-34-2-2022"))
        case .withheldForPrivacy:
            let act = Act(date: start, placeZh: place, sector: .rideHailing,
                          descriptionZh: "未取得《网络预约出租汽车运输证》从事网约车经营（案情涉及个人隐私）", plate: DemoData.plate(&random))
            try ordinary(plan, party: individual(), act: act, penalty: .fine(random.int(6...12) * 500, basis: "RIDE-34-2-2022"),
                         withhold: true)
        }
    }

    /// Receives a lead and returns its case id.
    mutating func lead(_ date: LocalDate, source: LeadSource, summary: String, link: OperationLink? = nil) throws -> String {
        try application.handler(CaseDecider.self).create(.case, request: request(date)) {
            .during(link, .receiveLead(caseId: $0, agency: "WSZD", source: source, summaryZh: summary))
        }.stream
    }

    /// Files (after a lead, if any), assigns a team, records evidence and seizes the vehicle; returns the case id.
    /// A lead from an operation's session (`link`) was caught at its checkpoint: the vehicle is seized there and
    /// then, linked to the session, and the case filed a day or two later. A case filed without a lead names
    /// where it came from (`filedFrom`): mostly the brigade's own patrols.
    mutating func fileAndInvestigate(_ start: LocalDate, party: Party, act: Act, lead source: LeadSource?,
                                     filedFrom: LeadSource = .inspection, seize plate: String?,
                                     link: OperationLink? = nil) throws -> String {
        var filedOn = try workday(start)
        let id: String
        var plate = plate
        if let source {
            let summary = link == nil ? "群众举报：\(act.descriptionZh)" : "联合执法设卡检查发现：\(act.descriptionZh)"
            id = try lead(filedOn, source: source, summary: summary, link: link)
            if let link, let seized = plate {
                try on(id, filedOn, actor: DemoData.brigadeHead.id, .during(link, .seizeVehicle(plate: seized, officers: team(), approvedBy: DemoData.brigadeHead.id,
                                                                placeZh: "乌苏市交通运输综合行政执法大队车辆停放场")))
                plate = nil
            }
            filedOn = try addingWorkdays(random.int(1...2), to: filedOn)
            try on(id, filedOn, actor: DemoData.brigadeHead.id, .fileCase(caseId: id, agency: "WSZD", party: party, act: act, approvedBy: DemoData.brigadeHead.id))
        } else {
            id = try application.handler(CaseDecider.self).create(.case, request: request(filedOn, actor: DemoData.brigadeHead.id)) {
                .fileCase(caseId: $0, agency: "WSZD", party: party, act: act, approvedBy: DemoData.brigadeHead.id,
                          source: filedFrom)
            }.stream
        }
        let team = team()
        try on(id, filedOn, .assignOfficers(team))
        if let plate {
            try on(id, filedOn, actor: DemoData.brigadeHead.id, .seizeVehicle(plate: plate, officers: team, approvedBy: DemoData.brigadeHead.id,
                                              placeZh: "乌苏市交通运输综合行政执法大队车辆停放场"))
        }
        try on(id, filedOn, .recordEvidence(kind: .siteRecord, descriptionZh: "现场检查笔录及执法记录仪视频",
                                            mediaRef: "dvr/\(id)/01.mp4", sha256: random.sha256(), officers: team))
        try on(id, try addingWorkdays(1, to: filedOn),
               .recordEvidence(kind: .interviewRecord, descriptionZh: "当事人及乘客询问笔录",
                               mediaRef: "docs/\(id)/询问笔录.pdf", sha256: random.sha256(), officers: team))
        return id
    }
}

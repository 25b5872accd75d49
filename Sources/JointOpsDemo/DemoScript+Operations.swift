import Enforcement

// The 18 joint operations: plan, approve, invite and join, launch, field sessions with tallies (what belongs to no
// case), partners' returns, conclude, summarise, archive — the last ones of the year still running. The bureau's
// cases made in a session link to it (`DemoScript+Cases`), so its results are never typed into a tally.
extension DemoScript {
    struct OperationPlanSketch {
        let title: String
        let campaign: String
        let sectors: [Sector]
        let month: Int
        let partners: [String]
        let places: [String]
    }

    var operationSketches: [OperationPlanSketch] {
        let y = year
        return [
            .init(title: "春运道路运输市场秩序联合整治", campaign: "CAMP-\(y)-KEY", sectors: [.keyVehicles, .scheduledLine], month: 2,
                  partners: ["WSJJ", "WSYJ"], places: ["乌苏市客运站", "G312线乌苏段"]),
            .init(title: "火车站周边黑车联合整治（一）", campaign: "CAMP-\(y)-BLACKCAR", sectors: [.blackCar], month: 2,
                  partners: ["WSJJ", "WSCG"], places: ["乌苏市火车站广场"]),
            .init(title: "巡游出租汽车拒载议价联合检查", campaign: "CAMP-\(y)-TAXI", sectors: [.taxi], month: 3,
                  partners: ["WSJJ", "WSSJ"], places: ["乌苏市火车站广场", "乌苏市人民医院门口"]),
            .init(title: "网约车合规化联合检查", campaign: "CAMP-\(y)-TAXI", sectors: [.rideHailing], month: 3,
                  partners: ["WSJJ"], places: ["乌苏市新市区南苑路口"]),
            .init(title: "危险货物运输车辆联合检查", campaign: "CAMP-\(y)-KEY", sectors: [.keyVehicles], month: 4,
                  partners: ["WSYJ", "WSJJ"], places: ["G30连霍高速乌苏收费站"]),
            .init(title: "驾培机构教学秩序联合检查", campaign: "CAMP-\(y)-SCHOOL", sectors: [.drivingSchool], month: 4,
                  partners: ["WSSJ"], places: ["乌苏市金桥驾校训练场"]),
            .init(title: "“五一”假期旅游包车联合检查", campaign: "CAMP-\(y)-KEY", sectors: [.keyVehicles], month: 4,
                  partners: ["WSWL", "WSJJ"], places: ["乌苏佛山国家森林公园停车场"]),
            .init(title: "客运班线站外揽客联合整治", campaign: "CAMP-\(y)-LINE", sectors: [.scheduledLine], month: 5,
                  partners: ["WSJJ", "BQZ"], places: ["乌苏市客运站", "百泉镇集贸市场"]),
            .init(title: "火车站周边黑车联合整治（二）", campaign: "CAMP-\(y)-BLACKCAR", sectors: [.blackCar], month: 6,
                  partners: ["WSJJ", "WSCG"], places: ["乌苏市火车站广场", "乌苏市汽车站出口"]),
            .init(title: "城乡结合部非法营运联合整治", campaign: "CAMP-\(y)-BLACKCAR", sectors: [.blackCar, .rideHailing], month: 6,
                  partners: ["WSJJ", "GETZ", "SKSZ"], places: ["古尔图镇街道", "四棵树镇路口"]),
            .init(title: "重型货车超限超载联合治理", campaign: "CAMP-\(y)-KEY", sectors: [.keyVehicles], month: 7,
                  partners: ["WSJJ"], places: ["G312线乌苏段"]),
            .init(title: "暑期旅游客运市场联合检查", campaign: "CAMP-\(y)-KEY", sectors: [.keyVehicles, .scheduledLine], month: 7,
                  partners: ["WSWL", "WSJJ"], places: ["乌苏市客运站"]),
            .init(title: "驾校收费及培训学时联合检查", campaign: "CAMP-\(y)-SCHOOL", sectors: [.drivingSchool], month: 8,
                  partners: ["WSSJ"], places: ["乌苏市安泰驾驶培训学校"]),
            .init(title: "开学季校园周边交通秩序联合整治", campaign: "CAMP-\(y)-BLACKCAR", sectors: [.blackCar, .taxi], month: 8,
                  partners: ["WSJJ", "WSCG"], places: ["乌苏市第一中学周边"]),
            .init(title: "“中秋国庆”双节道路运输安全联合检查", campaign: "CAMP-\(y)-KEY", sectors: [.keyVehicles, .scheduledLine], month: 9,
                  partners: ["WSJJ", "WSYJ"], places: ["乌苏市客运站", "G30连霍高速乌苏收费站"]),
            .init(title: "出租汽车服务质量联合检查", campaign: "CAMP-\(y)-TAXI", sectors: [.taxi], month: 10,
                  partners: ["WSSJ", "WSJJ"], places: ["乌苏市北京路与虹桥路交叉口"]),
            .init(title: "冬季危险货物运输安全联合检查", campaign: "CAMP-\(y)-KEY", sectors: [.keyVehicles], month: 11,
                  partners: ["WSYJ"], places: ["乌苏市鑫源危险货物运输有限公司停车场"]),
            .init(title: "年末黑车“回头看”联合整治", campaign: "CAMP-\(y)-BLACKCAR", sectors: [.blackCar], month: 11,
                  partners: ["WSJJ", "WSCG"], places: ["乌苏市火车站广场"]),
        ]
    }

    mutating func operations() throws {
        let sketches = operationSketches
        precondition(sketches.count == Demo.operations)
        for (index, sketch) in sketches.enumerated() {
            let from = try workday(day(sketch.month, random.int(1...8)))
            let to = from.adding(days: random.int(14...24))
            let plannedOn = try workday(from.adding(days: -7))
            let plan = OperationPlan(titleZh: sketch.title, campaignCode: sketch.campaign, sectors: sketch.sectors,
                                     leadAgency: "WSZD", from: from, to: to, placesZh: sketch.places)
            let id = try application.handler(OperationDecider.self)
                .create(.operation, request: request(plannedOn)) { .plan(operationId: $0, plan) }.stream
            for partner in sketch.partners { try operation(id, plannedOn, .inviteAgency(partner)) }
            // Approved before the launch, even when a holiday week sits between the plan and the start.
            let approvedOn = min(try addingWorkdays(2, to: plannedOn), from)
            try operation(id, approvedOn, actor: DemoData.brigadeHead.id, .approve(approvedBy: DemoData.brigadeHead.id))
            for partner in sketch.partners { try operation(id, approvedOn, .joinOperation(agency: partner)) }
            // A partner drops out of one operation: its tallies so far stay.
            try operation(id, from, .launch)
            let sessions = random.int(2...4)
            var date = from
            for number in 1...sessions {
                guard date <= to else { break }
                var tallies: [String: Tally] = ["WSZD": leadTally()]
                for partner in sketch.partners { tallies[partner] = partnerTally(partner) }
                try operation(id, date, .recordSession(FieldSession(sessionId: "S\(number)", date: date,
                                                                    placeZh: random.pick(sketch.places), tallies: tallies)))
                sessionsPlayed.append((OperationLink(operationId: id, sessionId: "S\(number)"), date, sketch.sectors))
                for partner in sketch.partners where !DemoData.townships.contains(partner) {
                    try operation(id, date, .recordReturn(partnerReturn(partner, session: "S\(number)")))
                }
                date = try workday(date.adding(days: random.int(3...6)))
            }
            if index == 12 { try operation(id, date > to ? to : date, .withdrawAgency(sketch.partners[0])) }
            // The year's last operations are still being wound up at the year's end.
            let closing = try workday(to.adding(days: 2))
            switch index {
            case Demo.operations - 1:
                break   // in progress
            case Demo.operations - 2:
                try operation(id, closing, .conclude)
            default:
                try operation(id, closing, .conclude)
                try operation(id, try addingWorkdays(5, to: closing), .summarise(summaryZh: summaryText(sketch)))
                if index != Demo.operations - 3 { try operation(id, try addingWorkdays(10, to: closing), .archive) }
            }
            summary.operations += 1
        }
    }

    /// The bureau's tally: deployments and inspections; its cases, seizures and fines are counted from the cases
    /// linked to the session.
    mutating func leadTally() -> Tally {
        let officers = random.int(8...20)
        let inspected = random.int(20...90)
        let serious = random.int(0...4), minor = random.int(1...8)
        return Tally(officersDeployed: officers, vehiclesDeployed: random.int(3...7), vehiclesInspected: inspected,
                     violationsSerious: serious, violationsMinor: minor, peopleEducated: random.int(10...60),
                     rectificationNotices: random.int(0...3))
    }

    /// A partner's own results for the session, as it reports them (townships report none: their part is publicity).
    mutating func partnerReturn(_ agency: String, session: String) -> PartnerReturn {
        switch agency {
        case "WSJJ":
            let cases = random.int(0...3)
            return PartnerReturn(sessionId: session, agency: agency, officersDeployed: random.int(4...12),
                                 vehiclesDeployed: random.int(2...4), vehiclesInspected: random.int(10...50),
                                 casesFiled: cases, vehiclesSeized: random.int(0...cases), finesYuan: cases * random.int(1...4) * 100,
                                 peopleEducated: random.int(5...30))
        default:
            let cases = random.int(0...1)
            return PartnerReturn(sessionId: session, agency: agency, officersDeployed: random.int(2...6),
                                 vehiclesInspected: random.int(0...10), casesFiled: cases, finesYuan: cases * random.int(1...5) * 1_000,
                                 peopleEducated: random.int(0...15))
        }
    }

    mutating func partnerTally(_ agency: String) -> Tally {
        switch agency {
        case "WSJJ":
            return Tally(officersDeployed: random.int(4...12), vehiclesDeployed: random.int(2...4),
                         vehiclesInspected: random.int(10...50), violationsMinor: random.int(0...6),
                         peopleEducated: random.int(5...30))
        case "BQZ", "GETZ", "SKSZ":
            return Tally(officersDeployed: random.int(2...6), peopleEducated: random.int(20...80))
        default:
            return Tally(officersDeployed: random.int(2...6), vehiclesDeployed: random.int(1...2),
                         vehiclesInspected: random.int(0...10), violationsMinor: random.int(0...2),
                         peopleEducated: random.int(0...15), rectificationNotices: random.int(0...2))
        }
    }

    func summaryText(_ sketch: OperationPlanSketch) -> String {
        "\(sketch.title)完成，各部门协同开展集中整治，违法行为已依法查处，形成长效机制。"
    }
}

@testable import Enforcement

/// Cases of any sector and act date, brought to the end of their investigation, for the checks of the law:
/// the basis must fit the sector, the version must govern the act, the hearing right follows the penalty.
enum LawStory {
    typealias Steps = [(String, CaseCommand)]
    static let id = "CASE-2024-0301"

    /// The context on `day` with the shipped catalogue only (no test articles), so the fitting lists are real.
    static func context(_ day: String) -> DecisionContext {
        var context = Fixture.context(day)
        context.legalBases = .shipped
        return context
    }

    static func act(_ sector: Sector, on day: String, _ descriptionZh: String) -> Act {
        Act(date: Fixture.date(day), placeZh: "乌苏市火车站广场", sector: sector, descriptionZh: descriptionZh, plate: "新G12345")
    }

    static let blackCar2024 = act(.blackCar, on: "2024-03-01", "未取得道路运输经营许可，驾驶小型轿车载客前往奎屯市")
    static let taxi2024 = act(.taxi, on: "2024-03-01", "未取得巡游出租汽车经营许可，擅自从事巡游出租汽车经营")
    static let line2024 = act(.scheduledLine, on: "2024-03-01", "乌苏—奎屯班车未按批准的站点停靠，情节严重")
    static let rideHailing2024 = act(.rideHailing, on: "2024-03-01", "未取得《网络预约出租汽车运输证》从事网约车经营")

    /// Filed on `filed`, evidence the next day, investigation concluded on `concluded`.
    static func concluded(_ act: Act, party: Party = Fixture.zhangSan, filed: String, concluded: String) -> Steps {
        [
            (filed, .fileCase(caseId: id, agency: Fixture.transport, party: party, act: act, approvedBy: Fixture.chenGang,
                              source: .inspection)),
            (filed, .assignOfficers([Fixture.liMing, Fixture.wangFang])),
            (filed, .recordEvidence(kind: .siteRecord, descriptionZh: "现场检查笔录", mediaRef: "media/0301/1.mp4",
                                    sha256: Fixture.sha, officers: [Fixture.liMing, Fixture.wangFang])),
            (concluded, .concludeInvestigation(findingsZh: "事实清楚，证据确凿", complex: false, majorPublicInterest: false)),
        ]
    }

    /// A 2024 case of `act`, concluded on 2024-03-08 (a Friday).
    static func concluded2024(_ act: Act, party: Party = Fixture.zhangSan) -> Steps {
        concluded(act, party: party, filed: "2024-03-04", concluded: "2024-03-08")
    }

    static func events(_ steps: Steps) -> [CaseEvent] { history(CaseDecider.self, steps, context: context) }

    /// When `command` is decided on `day` after `steps`, with the shipped catalogue.
    static func when(_ steps: Steps, _ command: CaseCommand, on day: String) -> Result<[CaseEvent], Rejection> {
        given(events(steps), when: command, on: day, context: context(day))
    }

    /// The notice decided, or nil for a rejection.
    static func notice(_ result: Result<[CaseEvent], Rejection>) -> CaseEvent.NoticeServed? {
        guard case .success(let events) = result, case .noticeServed(let notice)? = events.first else { return nil }
        return notice
    }

    /// The penalty decided, or nil for a rejection.
    static func decided(_ result: Result<[CaseEvent], Rejection>) -> Penalty? {
        guard case .success(let events) = result else { return nil }
        switch events.first {
        case .penaltyDecided(let decision)?: return decision.penalty
        case .decidedOnSpot(let decision)?: return decision.penalty
        default: return nil
        }
    }
}

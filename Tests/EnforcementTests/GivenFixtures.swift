import Foundation
import Testing
@testable import Enforcement

/// Shared test data: Wusu agencies and officers, dates, parties and contexts.
enum Fixture {
    static func date(_ iso: String) -> LocalDate {
        guard let date = LocalDate(iso: iso) else { preconditionFailure("bad fixture date \(iso)") }
        return date
    }

    static let transport = "WSJT"       // 乌苏市交通运输局 (its brigade acts in its name)
    static let kuitun = "KTJT"          // 奎屯市交通运输局, a neighbouring transport bureau
    static let trafficPolice = "WSJJ"   // 乌苏市公安局交通警察大队
    static let market = "WSSJ"          // 乌苏市市场监督管理局

    static let liMing = "O-01"       // certified, transport
    static let wangFang = "O-02"     // certified, transport
    static let zhaoQiang = "O-03"    // certified, transport; never investigates, so may chair hearings
    static let maLi = "O-04"         // transport, certificate withdrawn
    static let ayigul = "P-01"       // certified, traffic police
    static let zhouMin = "O-05"      // transport's legal reviewer (法制审核人员)
    static let chenGang = "O-06"     // transport's head, who approves (审批负责人); holds no enforcement certificate
    /// From when the fixture's duties run: before every fixture date.
    static let dutiesFrom = date("2023-01-01")

    static let reference = ReferenceData(
        agencies: [
            .init(code: transport, nameZh: "乌苏市交通运输局", kind: .transport),
            .init(code: kuitun, nameZh: "奎屯市交通运输局", kind: .transport),
            .init(code: trafficPolice, nameZh: "乌苏市公安局交通警察大队", kind: .police),
            .init(code: market, nameZh: "乌苏市市场监督管理局", kind: .marketRegulation),
        ],
        officers: [
            .init(id: liMing, nameZh: "李明", agencyCode: transport, certificateNumber: "65420100001", certified: true),
            .init(id: wangFang, nameZh: "王芳", agencyCode: transport, certificateNumber: "65420100002", certified: true),
            .init(id: zhaoQiang, nameZh: "赵强", agencyCode: transport, certificateNumber: "65420100003", certified: true),
            .init(id: maLi, nameZh: "马丽", agencyCode: transport, certificateNumber: "65420100004", certified: false),
            .init(id: ayigul, nameZh: "阿依古丽", agencyCode: trafficPolice, certificateNumber: "65420200001",
                  certified: true),
            .init(id: zhouMin, nameZh: "周敏", agencyCode: transport, certificateNumber: "65420100005", certified: true),
            .init(id: chenGang, nameZh: "陈刚", agencyCode: transport, certificateNumber: nil, certified: false),
        ],
        designations: [
            .init(officerId: zhouMin, role: .legalReviewer, agency: transport, from: dutiesFrom),
            .init(officerId: chenGang, role: .approver, agency: transport, from: dutiesFrom),
            .init(officerId: zhaoQiang, role: .hearingChair, agency: transport, from: dutiesFrom),
        ])

    /// A basis with small fines, so that cash on the spot (≤ 100 yuan) can be exercised; not a real article.
    static let smallFineBasis = LegalBasis(
        id: "TEST-SMALL-2023", family: "TEST-SMALL", law: "Test rule", lawZh: "测试规定", version: "2023-01-01",
        article: "1", effectiveFrom: date("2023-01-01"), sectors: [.taxi], penaltyTypes: [.warning, .fine],
        offenceZh: "测试用轻微违法行为",
        individualFine: .init(minYuan: 20, maxYuan: 200), organisationFine: .init(minYuan: 100, maxYuan: 3_000),
        source: "test fixture", tag: .D)

    /// A 黑车 basis that also confiscates the vehicle, to exercise confiscation after a seizure; not a real article
    /// (domain-notes §3 has none that confiscates property).
    static let vehicleConfiscationBasis = LegalBasis(
        id: "TEST-VEHICLE-2023", family: "TEST-VEHICLE", law: "Test rule", lawZh: "测试规定", version: "2023-01-01",
        article: "2", effectiveFrom: date("2023-01-01"), sectors: [.blackCar],
        penaltyTypes: [.fine, .confiscationOfProperty], offenceZh: "测试用没收车辆的违法行为",
        individualFine: .init(minYuan: 10_000, maxYuan: 100_000), organisationFine: .init(minYuan: 10_000, maxYuan: 100_000),
        source: "test fixture", tag: .D)

    static let legalBases = LegalBasisCatalogue(bases: LegalBasisCatalogue.shipped.all + [smallFineBasis, vehicleConfiscationBasis])

    /// The context on `day`: Xinjiang calendar, shipped law, the standard review catalogue.
    static func context(_ day: String, fined: [ActKey: CaseRef] = [:], filed: [ActKey: CaseRef] = [:]) -> DecisionContext {
        DecisionContext(today: date(day), jurisdiction: .xinjiang, calendar: .shipped, legalBases: legalBases,
                        reviewCatalogue: .standard, reference: reference, finesAlreadyImposed: fined,
                        casesAlreadyFiled: filed)
    }

    // MARK: Case data

    static let caseId = "CASE-2023-0123"
    static let zhangSan = Party(nameZh: "张三", kind: .individual, partyId: "652301199001011234")
    static let company = Party(nameZh: "乌苏市某某客运有限公司", kind: .organisation, partyId: "91654202MA7XXXXX1K")

    /// 张三 carried passengers for money in 新G·12345 without a permit on 2023-07-31 (after the 2023 RTR text).
    static let blackCarAct = Act(date: date("2023-07-31"), placeZh: "乌苏市奎屯路", sector: .blackCar,
                                 descriptionZh: "驾驶新G·12345未取得道路运输经营许可搭载乘客收取费用", plate: "新G12345")
    static let blackCarKey = ActKey(partyId: zhangSan.partyId, actDate: date("2023-07-31"))

    static let blackCarFine = Penalty(types: [.fine], fineYuan: 20_000, legalBasisId: "RTR-63-2023")
    /// `blackCarFine` as a decision records it: the governing version, the citation and the rule of APL 37.
    static let blackCarFineRecorded = Penalty(types: [.fine], fineYuan: 20_000, legalBasisId: "RTR-63-2023",
                                              citedAs: "RTR-63-2023", basisRule: .actDateText)
    static let sha = String(repeating: "ab", count: 32)
}

/// Runs commands through a decider, each on its business day, and returns the events: builds the "given" part
/// of a test from the real decisions instead of hand-written payloads.
func history<D: Decider>(_ decider: D.Type, _ steps: [(String, D.Command)],
                         context: (String) -> DecisionContext = { Fixture.context($0) }) -> [D.Event] {
    var events: [D.Event] = []
    for (day, command) in steps {
        do {
            events += try D.decide(command, state: D.fold(events), context: context(day))
        } catch {
            Issue.record("fixture step \(command) on \(day) was refused: \(error.message)")
        }
    }
    return events
}

/// Given these events, when this command is decided on `day`: the new events or the rejection.
func given<D: Decider>(_ decider: D.Type, _ events: [D.Event], when command: D.Command, on day: String,
                       context: DecisionContext? = nil) -> Result<[D.Event], Rejection> {
    let context = context ?? Fixture.context(day)
    return Result { () throws(Rejection) in try D.decide(command, state: D.fold(events), context: context) }
}

extension Result where Success: Collection, Success.Element: DomainEvent {
    /// The stored names of the events decided, or nil for a rejection.
    var eventTypes: [String]? {
        guard case .success(let events) = self else { return nil }
        return events.map(\.eventType)
    }

    /// The rejection, or nil when the command was accepted.
    var rejection: Failure? {
        guard case .failure(let rejection) = self else { return nil }
        return rejection
    }
}

/// Encodes and decodes an event through the store's representation.
func roundTrip<E: DomainEvent>(_ event: E) throws -> E {
    let data = try event.encodedPayload()
    #expect(try JSONSerialization.jsonObject(with: data) is [String: Any], "payload of \(event.eventType) is not a JSON object")
    return try E(eventType: event.eventType, schemaVersion: event.schemaVersion, payload: data)
}

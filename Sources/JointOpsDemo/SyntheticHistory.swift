import Enforcement
import EventStore
import Foundation
import JointOps

/// Random but reproducible domain histories, appended straight to the store: the projection tests' data
/// and the benchmark's million events.
///
/// Payloads are written as JSON in the domain's shapes and checked by decoding them with the domain
/// event types before they are appended, so a shape mistake fails here, not in the projector.
public struct SyntheticHistory {
    public struct Stream {
        public let id: String
        public let events: [(type: String, json: [String: Any])]
    }

    var rng: DemoRandom

    public init(seed: UInt64) { rng = DemoRandom(seed: seed) }

    static let agencies = ["WSJT", "WSJJ", "WSSJ"]
    static let sectors = Sector.allCases.map(\.rawValue)

    mutating func day(_ base: LocalDate, plus range: ClosedRange<Int>) -> LocalDate { base.adding(days: rng.int(range)) }

    func deadline(_ kind: DeadlineKind, _ due: LocalDate) -> [String: Any] {
        ["kind": kind.rawValue, "due": due.description, "basis": "APL", "labelZh": "期限"]
    }

    /// A case that goes as far as chance lets it.
    public mutating func caseStream(_ number: Int) -> Stream {
        let id = String(format: "CASE-2023-%04d", number)
        let agency = Self.agencies[rng.int(0...2)]
        var date = LocalDate(year: 2023, month: rng.int(1...12), day: rng.int(1...28))!
        let individual = rng.int(0...3) > 0
        let minor = individual && rng.int(0...15) == 0
        let plate = String(format: "新G·%05d", rng.int(10000...99999))
        let party: [String: Any] = [
            "nameZh": individual ? "张三\(number)" : "乌苏市某运输有限公司\(number)",
            "kind": individual ? "individual" : "organisation",
            "partyId": individual ? String(format: "6543011990%08d", number) : "91654301MA\(number)",
            "isMinor": minor,
        ]
        let act: [String: Any] = [
            "date": date.adding(days: -2).description, "placeZh": "乌苏市奎屯路", "sector": Self.sectors[rng.int(0...6)],
            "descriptionZh": "未取得道路运输经营许可，擅自从事道路客运经营", "plate": plate, "harmedLifeHealthOrFinance": false,
        ]
        var events: [(String, [String: Any])] = []
        if rng.int(0...9) == 0 {
            // Summary procedure: decided on the spot.
            events.append(("DecidedOnSpot", [
                "caseId": id, "agency": agency, "party": party, "act": act, "officers": ["O1", "O2"],
                "penalty": ["types": ["fine"], "fineYuan": 200, "illegalGainsYuan": 0, "legalBasisId": "RTR-63-2"],
                "formNumber": "简\(number)", "actKey": ["partyId": party["partyId"]!, "actDate": act["date"]!],
                "decidedOn": date.description, "onSpotFilingDue": deadline(.onSpotFiling, date.adding(days: 5)),
                "publicationDue": minor ? NSNull() as Any : deadline(.publication, date.adding(days: 9)) as Any,
            ]))
            if rng.int(0...1) == 0 { events.append(("OnSpotDecisionFiled", ["filedOn": day(date, plus: 1...7).description])) }
            return Stream(id: id, events: events.map { ($0.0, $0.1) })
        }
        let sources = LeadSource.allCases.map(\.rawValue)
        events.append(("CaseLeadReceived", [
            "caseId": id, "agency": agency, "source": sources[rng.int(0...sources.count - 1)], "summaryZh": "线索",
            "receivedOn": date.description, "filingDue": deadline(.filing, date.adding(days: 21)),
        ]))
        if rng.int(0...9) == 0 {
            events.append(("FilingDeclined", ["reasonZh": "不予立案", "declinedOn": day(date, plus: 1...30).description]))
            return Stream(id: id, events: events.map { ($0.0, $0.1) })
        }
        guard rng.int(0...9) > 0 else { return Stream(id: id, events: events.map { ($0.0, $0.1) }) }
        date = day(date, plus: 1...25)
        events.append(("CaseFiled", [
            "caseId": id, "agency": agency, "party": party, "act": act, "approvedBy": "负责人", "filedOn": date.description,
            "limitationExpires": date.adding(days: 730).description, "decisionDue": deadline(.decision, date.adding(days: 90)),
        ]))
        events.append(("OfficersAssigned", ["officers": ["O1", "O2"], "assignedOn": date.description]))
        if rng.int(0...2) == 0 {
            events.append(("VehicleSeized", ["plate": plate, "officers": ["O1", "O2"], "approvedBy": "负责人",
                                             "placeZh": "停车场", "seizedOn": date.description,
                                             "due": deadline(.seizure, date.adding(days: 30))]))
            if rng.int(0...2) == 0 {
                events.append(("SeizureExtended", ["plate": plate, "days": 30, "approvedBy": "负责人",
                                                   "extendedOn": date.adding(days: 25).description,
                                                   "due": deadline(.seizure, date.adding(days: 60))]))
            }
            events.append(("VehicleReleased", ["plate": plate, "reasonZh": "解除", "releasedOn": day(date, plus: 5...70).description]))
        }
        guard rng.int(0...5) > 0 else { return Stream(id: id, events: events.map { ($0.0, $0.1) }) }
        date = day(date, plus: 5...40)
        events.append(("InvestigationConcluded", ["findingsZh": "查明", "complex": false, "majorPublicInterest": false,
                                                  "concludedOn": date.description]))
        if rng.int(0...2) == 0 {
            events.append(("LegalReviewRequested", ["requestedOn": date.description]))
            if rng.int(0...3) == 0 {
                date = day(date, plus: 1...5)
                events.append(("LegalReviewReturned", ["reviewer": "R1", "reasonZh": "补正", "returnedOn": date.description]))
                events.append(("LegalReviewRequested", ["requestedOn": date.description]))
            }
            guard rng.int(0...5) > 0 else { return Stream(id: id, events: events.map { ($0.0, $0.1) }) }
            date = day(date, plus: 1...9)
            events.append(("LegalReviewPassed", ["reviewer": "R2", "opinionZh": "同意", "passedOn": date.description]))
        }
        let fine = rng.int(1...10) * 1000
        let penalty: [String: Any] = ["types": ["fine"], "fineYuan": fine, "illegalGainsYuan": 0, "legalBasisId": "RTR-63-2"]
        date = day(date, plus: 1...5)
        events.append(("PreDecisionNoticeServed", ["intended": penalty, "hearingRight": true, "servedOn": date.description,
                                                   "hearingRequestDue": deadline(.hearingRequest, date.adding(days: 7))]))
        if rng.int(0...4) == 0 {
            events.append(("HearingRequested", ["requestedOn": date.adding(days: 2).description]))
            events.append(("HearingHeld", ["chair": "C1", "recordRef": "H1", "heldOn": date.adding(days: 15).description]))
            date = date.adding(days: 15)
        }
        guard rng.int(0...6) > 0 else { return Stream(id: id, events: events.map { ($0.0, $0.1) }) }
        date = day(date, plus: 6...30)
        events.append(("PenaltyDecided", [
            "penalty": penalty, "decisionNumber": "乌交罚〔2023〕\(number)号",
            "actKey": ["partyId": party["partyId"]!, "actDate": act["date"]!], "legalReviewRequired": false,
            "decidedOn": date.description, "serviceDue": deadline(.service, date.adding(days: 9)),
            "publicationDue": minor ? NSNull() as Any : deadline(.publication, date.adding(days: 9)) as Any,
        ]))
        let served = day(date, plus: 0...12)
        events.append(("DecisionServed", ["method": "inPerson", "servedOn": served.description,
                                          "paymentDue": deadline(.payment, served.adding(days: 15))]))
        if minor {
            events.append(("PublicationWithheld", ["reason": "partyIsMinor", "withheldOn": date.adding(days: 1).description]))
        } else if rng.int(0...9) == 0 {
            events.append(("PublicationWithheld", ["reason": "involvesSecrets", "withheldOn": date.adding(days: 1).description]))
        } else if rng.int(0...9) > 0 {
            events.append(("DecisionPublished", ["reference": "https://example.gov.cn/\(number)",
                                                 "publishedOn": day(date, plus: 1...12).description]))
        }
        if rng.int(0...4) > 0 {
            events.append(("PaymentReceived", ["amountYuan": fine, "channel": "bank", "receiptRef": "R\(number)",
                                               "receivedOn": day(served, plus: 1...20).description]))
            if rng.int(0...1) == 0 {
                events.append(("CaseClosed", ["reportZh": "结案", "closedOn": day(served, plus: 21...40).description]))
            }
        }
        return Stream(id: id, events: events.map { ($0.0, $0.1) })
    }

    public mutating func operationStream(_ number: Int) -> Stream {
        let id = String(format: "OP-2023-%04d", number)
        let from = LocalDate(year: 2023, month: rng.int(1...11), day: rng.int(1...28))!
        var events: [(String, [String: Any])] = [
            ("OperationPlanned", ["operationId": id, "plannedOn": from.adding(days: -5).description,
                                  "plan": ["titleZh": "黑车整治\(number)", "campaignCode": number % 2 == 0 ? "CAMP-2023-BLACKCAR" as Any : NSNull() as Any,
                                           "sectors": ["blackCar"], "leadAgency": "WSJT", "from": from.description,
                                           "to": from.adding(days: 20).description, "placesZh": ["奎屯路"]] as [String: Any]]),
            ("OperationApproved", ["approvedBy": "局长", "approvedOn": from.adding(days: -3).description]),
            ("OperationAgencyInvited", ["agency": "WSJJ", "invitedOn": from.adding(days: -3).description]),
            ("OperationAgencyJoined", ["agency": "WSJJ", "joinedOn": from.adding(days: -2).description]),
            ("OperationLaunched", ["launchedOn": from.description]),
        ]
        for session in 1...rng.int(1...4) {
            var tallies: [String: Any] = [:]
            for agency in ["WSJT", "WSJJ"] {
                tallies[agency] = [
                    "officersDeployed": rng.int(1...20), "vehiclesDeployed": rng.int(1...5), "vehiclesInspected": rng.int(0...60),
                    "violationsSerious": rng.int(0...3), "violationsMinor": rng.int(0...8), "casesFiled": rng.int(0...3),
                    "vehiclesSeized": rng.int(0...2), "finesYuan": rng.int(0...5) * 1000, "peopleEducated": rng.int(0...30),
                    "leaflets": rng.int(0...100), "rectificationNotices": rng.int(0...2), "referrals": rng.int(0...1),
                ]
            }
            events.append(("FieldSessionRecorded", ["session": [
                "sessionId": "S\(session)", "date": from.adding(days: session * 3).description, "placeZh": "收费站", "tallies": tallies,
            ] as [String: Any]]))
        }
        if rng.int(0...1) == 0 { events.append(("OperationConcluded", ["concludedOn": from.adding(days: 20).description])) }
        return Stream(id: id, events: events.map { ($0.0, $0.1) })
    }

    public mutating func rectificationStream(_ number: Int) -> Stream {
        let id = String(format: "RECT-2023-%04d", number)
        let raised = LocalDate(year: 2023, month: rng.int(1...12), day: rng.int(1...28))!
        var events: [(String, [String: Any])] = [
            ("RectificationItemRaised", ["itemId": id, "descriptionZh": "案卷文书不规范", "foundBy": "督察组",
                                         "foundDuring": "caseFileAudit", "raisedOn": raised.description]),
            ("RectificationOpinionIssued", ["opinionZh": "限期整改", "issuedBy": "法制科", "issuedOn": raised.adding(days: 2).description]),
            ("RectificationOwnerAssigned", ["owner": "执法一中队", "due": raised.adding(days: 30).description,
                                            "assignedOn": raised.adding(days: 3).description]),
        ]
        if rng.int(0...3) > 0 {
            let done = raised.adding(days: rng.int(10...45))
            events.append(("RectificationReported", ["descriptionZh": "已整改", "reportedOn": done.description]))
            events.append(("RectificationVerified", ["verifiedBy": "法制科", "verifiedOn": done.adding(days: 1).description]))
            events.append(("RectificationClosedOut", ["closedBy": "法制科", "closedOutOn": done.adding(days: 2).description]))
        }
        return Stream(id: id, events: events.map { ($0.0, $0.1) })
    }

    public mutating func referralStream(_ number: Int) -> Stream {
        let id = String(format: "REF-2023-%04d", number)
        let sent = LocalDate(year: 2023, month: rng.int(1...12), day: rng.int(1...28))!
        var events: [(String, [String: Any])] = [
            ("ReferralSent", ["referralId": id, "kind": "licensingWindowToBrigade", "from": "WSJT", "to": "WSJT",
                              "subjectZh": "年审逾期", "caseId": NSNull(), "plate": "新G·54321", "sentOn": sent.description]),
        ]
        if rng.int(0...1) == 0 {
            events.append(("ReferralAccepted", ["acceptedBy": "大队", "acceptedOn": sent.adding(days: 2).description]))
            events.append(("ReferralFeedbackReceived", ["outcomeZh": "已立案", "receivedOn": sent.adding(days: 9).description]))
        }
        return Stream(id: id, events: events.map { ($0.0, $0.1) })
    }

    public mutating func outreachStream(_ number: Int) -> Stream {
        let id = String(format: "OUT-2023-%04d", number)
        return Stream(id: id, events: [("OutreachActivityRecorded", [
            "activityId": id, "activity": ["eventZh": "普法宣传进客运站", "placeZh": "客运站",
                                           "date": LocalDate(year: 2023, month: rng.int(1...12), day: 5)!.description,
                                           "agency": "WSJT", "leaflets": rng.int(50...200), "peopleReached": 30] as [String: Any],
        ])])
    }

    public static func registryEvents() -> [(type: String, json: [String: Any])] {
        [
            ("AgencyRegistered", ["agency": ["code": "WSJT", "nameZh": "乌苏市交通运输局", "kind": "transport"], "registeredOn": "2023-01-01"]),
            ("AgencyRegistered", ["agency": ["code": "WSJJ", "nameZh": "乌苏市公安局交通警察大队", "kind": "police"], "registeredOn": "2023-01-01"]),
            ("CampaignCreated", ["campaign": ["code": "CAMP-2023-BLACKCAR", "titleZh": "打击非法营运专项整治", "sector": "blackCar",
                                              "from": "2023-01-01", "to": "2023-12-31"], "createdOn": "2023-01-01"]),
        ]
    }

    /// A mixed set of streams: roughly `cases` cases plus operations, items, referrals and activities.
    public mutating func streams(cases: Int) -> [Stream] {
        var streams: [Stream] = [Stream(id: "REGISTRY", events: Self.registryEvents())]
        for n in 1...cases { streams += streamsWithCase(n) }
        return streams
    }

    /// The same mix as `streams(cases:)`, grown until it holds at least `events` events.
    public mutating func streams(events: Int) -> [Stream] {
        var streams: [Stream] = [Stream(id: "REGISTRY", events: Self.registryEvents())]
        var total = streams[0].events.count, n = 0
        while total < events {
            n += 1
            let next = streamsWithCase(n)
            total += next.reduce(0) { $0 + $1.events.count }
            streams += next
        }
        return streams
    }

    /// Case `n`, and every tenth case an operation, every twelfth an item, and so on.
    mutating func streamsWithCase(_ n: Int) -> [Stream] {
        var streams = [caseStream(n)]
        if n % 10 == 0 { streams.append(operationStream(n / 10)) }
        if n % 12 == 0 { streams.append(rectificationStream(n / 12)) }
        if n % 8 == 0 { streams.append(referralStream(n / 8)) }
        if n % 15 == 0 { streams.append(outreachStream(n / 15)) }
        return streams
    }

    /// The stored form of one event, checked against the domain's decoder unless `checked` is false
    /// (the benchmark's million events; the tests check every shape the generator makes).
    public static func newEvent(_ type: String, _ json: [String: Any], checked: Bool = true) throws -> NewEvent {
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        guard checked else { return NewEvent(type: type, data: data, occurredAt: Date()) }
        let decoders: [(String, Int, Data) throws -> Any] = [
            { try CaseEvent(eventType: $0, schemaVersion: $1, payload: $2) },
            { try OperationEvent(eventType: $0, schemaVersion: $1, payload: $2) },
            { try RectificationEvent(eventType: $0, schemaVersion: $1, payload: $2) },
            { try ReferralEvent(eventType: $0, schemaVersion: $1, payload: $2) },
            { try OutreachEvent(eventType: $0, schemaVersion: $1, payload: $2) },
            { try RegistryEvent(eventType: $0, schemaVersion: $1, payload: $2) },
        ]
        var lastError: Error?
        for decode in decoders {
            do { _ = try decode(type, 1, data); return NewEvent(type: type, data: data, occurredAt: Date()) } catch {
                if case EventDecodingError.unknownEventType = error { continue }
                lastError = error
            }
        }
        throw lastError ?? EventDecodingError.unknownEventType(type)
    }
}

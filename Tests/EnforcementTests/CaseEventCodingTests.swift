import Foundation
import Testing
@testable import Enforcement

/// Every case event survives the store's JSON, Chinese text included, and unknown names or versions are refused.
@Suite struct CaseEventCodingTests {
    /// Stories that between them produce every case event type.
    static var allEvents: [CaseEvent] {
        let seizure: [(String, CaseCommand)] = CaseStory.filed + [
            ("2023-08-01", .seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.wangFang],
                                         approvedBy: Fixture.chenGang, placeZh: "乌苏市奎屯路")),
            ("2023-08-02", .preserveEvidence(itemsZh: "收费二维码截图", officers: [Fixture.liMing, Fixture.wangFang],
                                             approvedBy: Fixture.chenGang)),
            ("2023-08-03", .resolvePreservedEvidence(outcomeZh: "转为证据")),
            ("2023-08-30", .extendSeizure(plate: "新G12345", days: 15, approvedBy: Fixture.chenGang)),
            ("2023-09-01", .releaseVehicle(plate: "新G12345", reasonZh: "当事人接受处理")),
        ]
        let confiscation = Penalty(types: [.fine, .confiscationOfProperty], fineYuan: 20_000,
                                   legalBasisId: Fixture.vehicleConfiscationBasis.id)
        let full: [(String, CaseCommand)] = CaseStory.reviewed + [
            ("2023-08-01", .seizeVehicle(plate: "新G12345", officers: [Fixture.liMing, Fixture.wangFang],
                                         approvedBy: Fixture.chenGang, placeZh: "乌苏市奎屯路")),
            ("2023-08-14", .serveNotice(intended: confiscation, hearingRight: true)),
            ("2023-08-15", .receiveStatement(summaryZh: "当事人张三称“只是顺路”")),
            ("2023-08-16", .requestHearing),
            ("2023-08-17", .scheduleHearing(date: Fixture.date("2023-08-28"), chair: Fixture.zhaoQiang, placeZh: "听证室")),
            ("2023-08-28", .holdHearing(recordRef: "听证笔录-123")),
            ("2023-08-28", .requestLegalReview),
            ("2023-08-29", .passLegalReview(reviewer: Fixture.zhouMin, opinionZh: "同意")),
            ("2023-08-29", .decidePenalty(confiscation, decisionNumber: "乌交执罚〔2023〕123号")),
            ("2023-08-29", .confiscateVehicle(plate: "新G12345")),
            ("2023-08-30", .serveDecision(method: .electronic, consentRef: "确认书-1")),
            ("2023-08-31", .publishDecision(reference: "https://www.wusu.gov.cn/gs/123")),
            ("2023-09-20", .serveEnforcementDemand),
            ("2023-10-09", .receivePayment(amountYuan: 5_000, channel: .bank, receiptRef: "B1")),
            ("2023-10-19", .applyForCourtEnforcement(courtZh: "乌苏市人民法院")),
            ("2023-10-20", .revokeDecision(byZh: "复议机关", reasonZh: "程序违法")),
            ("2023-10-20", .withdrawPublication(reasonZh: "决定已撤销")),
            ("2023-10-23", .close(reportZh: "结案")),
            ("2023-10-24", .archive(fileRef: "档案-123")),
        ]
        let others: [[(String, CaseCommand)]] = [
            CaseStory.leadReceived + [("2023-08-02", .declineFiling(reasonZh: "不构成违法"))],
            CaseStory.concluded + [("2023-08-14", .waiveStatement),
                                   ("2023-08-14", .decideNoPenalty(reason: .minorViolation, decisionNumber: "不罚1号")),
                                   ("2023-08-14", .withholdPublication(reason: .involvesSecrets))],
            CaseStory.concluded + [("2023-08-14", .referToPolice(policeAgency: Fixture.trafficPolice, reasonZh: "涉嫌犯罪"))],
            CaseStory.filed + [("2023-08-02", .transferOut(toAgency: Fixture.kuitun, reasonZh: "管辖"))],
            CaseStory.noticed + [("2023-08-16", .requestHearing), ("2023-08-17", .waiveHearing(reasonZh: "撤回"))],
            CaseStory.concluded + [("2023-08-10", .requestLegalReview),
                                   ("2023-08-11", .returnLegalReview(reviewer: Fixture.zhouMin, reasonZh: "补充证据"))],
            [("2023-08-01", CaseStory.onSpot()), ("2023-08-01", .serveDecision(method: .onTheSpot)),
             ("2023-08-02", .fileOnSpotDecision)],
            CaseStory.decided + [("2023-08-22", .correct(field: .partyName, value: "张叁", reasonZh: "笔误", officer: Fixture.liMing))],
            [("2026-12-01", .importCase(CaseImportTests.row()))],
        ]
        return ([seizure, full] + others).flatMap { CaseStory.events($0) }
    }

    @Test func theStoriesCoverEveryEventType() {
        #expect(Set(Self.allEvents.map(\.eventType)) == Set(CaseEvent.eventTypes))
    }

    @Test func everyEventRoundTripsThroughJSON() throws {
        for event in Self.allEvents {
            #expect(try roundTrip(event) == event, "\(event.eventType)")
        }
    }

    @Test func chineseTextIsStoredReadable() throws {
        let filed = CaseStory.events(CaseStory.filed)[1]
        let json = try #require(String(data: try filed.encodedPayload(), encoding: .utf8))
        #expect(json.contains("\"nameZh\":\"张三\""))
        #expect(json.contains("乌苏市奎屯路"))
        #expect(json.contains("\"plate\":\"新G·12345\""))
        #expect(json.contains("\"filedOn\":\"2023-08-01\""))
    }

    @Test func anUnknownEventTypeIsRefused() {
        #expect(throws: EventDecodingError.unknownEventType("CaseTeleported")) {
            try CaseEvent(eventType: "CaseTeleported", schemaVersion: 1, payload: Data("{}".utf8))
        }
    }

    @Test func anUnknownSchemaVersionIsRefused() throws {
        let event = CaseStory.events(CaseStory.leadReceived)[0]
        #expect(throws: EventDecodingError.unsupportedSchemaVersion(eventType: "CaseLeadReceived", version: 2)) {
            try CaseEvent(eventType: "CaseLeadReceived", schemaVersion: 2, payload: try event.encodedPayload())
        }
    }

    @Test func storedNamesArePastTenseAndUnique() {
        #expect(CaseEvent.eventTypes.count == Set(CaseEvent.eventTypes).count)
        #expect(Set(CaseEvent.eventTypes).isDisjoint(with: OperationEvent.eventTypes))
    }
}

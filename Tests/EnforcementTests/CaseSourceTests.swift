import Foundation
import Testing
@testable import Enforcement

/// Every case has a source (案件来源, issue 14 point 1): a lead's, else the one named when filing without a lead.
@Suite struct CaseSourceTests {
    let id = Fixture.caseId

    func fileWithoutLead(source: LeadSource?) -> CaseCommand {
        .fileCase(caseId: id, agency: Fixture.transport, party: Fixture.zhangSan, act: Fixture.blackCarAct,
                  approvedBy: Fixture.chenGang, source: source)
    }

    @Test func aCaseFiledWithoutALeadRecordsTheSourceGiven() throws {
        let result = given([], when: fileWithoutLead(source: .complaint), on: "2023-08-01")
        guard case .success(let events) = result, case .filed(let filed)? = events.first else {
            Issue.record("expected CaseFiled, got \(result)")
            return
        }
        #expect(filed.source == .complaint)
        #expect(CaseDecider.fold(events).source == .complaint)
    }

    @Test func aCaseFiledWithoutALeadOrASourceIsRefusedAsMissingInput() {
        let result = given([], when: fileWithoutLead(source: nil), on: "2023-08-01")
        #expect(result == .failure(.source(.required)))
        #expect(result.rejection?.category == .invalidInput)
        let message = result.rejection?.message(rendering: { "\($0)" }) ?? ""
        #expect(message.hasPrefix("a case filed without a lead needs its source (案件来源): add --source, one of inspection (检查发现), "))
        #expect(!message.contains("jointOperation"), "a joint operation's case comes as a lead: \(message)")
    }

    @Test func aJointOperationSourceWithoutALeadIsRefused() {
        let result = given([], when: fileWithoutLead(source: .jointOperation), on: "2023-08-01")
        #expect(result == .failure(.source(.jointOperationWithoutLead)))
        #expect(result.rejection?.category == .ruleRefused)
    }

    @Test(arguments: [nil, LeadSource.inspection])
    func theLeadsSourceStandsWhenTheFilingGivesNoneOrTheSame(source: LeadSource?) throws {
        let lead = CaseStory.events(CaseStory.leadReceived)   // source: inspection
        let result = given(lead, when: fileWithoutLead(source: source), on: "2023-08-02")
        guard case .success(let events) = result, case .filed(let filed)? = events.first else {
            Issue.record("expected CaseFiled, got \(result)")
            return
        }
        #expect(filed.source == nil, "the lead holds the source; the filing does not repeat it")
        #expect(CaseDecider.fold(lead + events).source == .inspection)
    }

    @Test func aFilingNamingAnotherSourceThanItsLeadIsRefused() {
        let result = given(CaseStory.events(CaseStory.leadReceived), when: fileWithoutLead(source: .complaint), on: "2023-08-02")
        #expect(result == .failure(.source(.differsFromLead(caseId: id, lead: .inspection, given: .complaint))))
        #expect(result.rejection?.category == .ruleRefused)
        #expect(result.rejection?.message(rendering: { "\($0)" }) == "case \(id) came from a lead whose source is 检查发现 "
                + "(inspection), not 投诉举报 (complaint): leave out --source, as the lead's source stands")
    }

    /// Filings recorded before they carried a source: no source, and their JSON written back unchanged.
    static let oldFilings = StoredEventLogTests.rows.filter { $0.eventType == "CaseFiled" }

    @Test func oldFilingsHaveNoSourceAndEncodeBackUnchanged() throws {
        #expect(Self.oldFilings.count > 1)
        for row in Self.oldFilings {
            let event = try CaseEvent(eventType: row.eventType, schemaVersion: 1, payload: try JSONEncoder().encode(row.data))
            guard case .filed(let filed) = event else { Issue.record("not a filing: \(event)"); continue }
            #expect(filed.source == nil)
            #expect(CaseDecider.fold([event]).source == nil, "a case filed without a lead before: not recorded")
            let written = try event.encodedPayload()
            #expect(try JSONDecoder().decode(JSONValue.self, from: written) == row.data)
            #expect(!String(decoding: written, as: UTF8.self).contains("\"source\""))
            let again = try CaseEvent(eventType: row.eventType, schemaVersion: 1, payload: written).encodedPayload()
            #expect(again == written, "byte for byte")
        }
    }
}

import Enforcement
import EventStore
import Foundation
import JointOps
import Testing
import TestSupport

/// The cross-case lookups of APL 25 (the first agency to file holds the case) and APL 29 (one fine per
/// act), as a decision's context gets them from the log.
@Suite struct CaseLookupTests {
    static let key = ActKey(partyId: "P1", actDate: LocalDate(iso: "2023-05-01")!)

    private func append(_ type: String, _ json: String, to stream: String, _ store: EventStore) throws {
        try store.append([NewEvent(type: type, data: Data(json.utf8), occurredAt: Date(timeIntervalSince1970: 1_682_900_000))],
                         to: stream, expecting: .any, metadata: CommandMetadata(actor: "ZF-001"))
    }

    private func filing(_ agency: String) -> String {
        #"{"agency":"\#(agency)","party":{"partyId":"P1","kind":"individual"},"act":{"date":"2023-05-01"}}"#
    }

    private func penalty(_ yuan: Int) -> String {
        #"{"actKey":{"partyId":"P1","actDate":"2023-05-01"},"penalty":{"fineYuan":\#(yuan)}}"#
    }

    @Test func theFirstFilingAndTheFirstUnrevokedFineOfAnActAreFound() throws {
        try TestDatabase.with { database in
            let app = Application(connection: try database.connect())
            let today = LocalDate(iso: "2023-06-01")!
            try append("CaseFiled", filing("WSZD"), to: "CASE-2023-0001", app.store)
            try append("PenaltyDecided", penalty(0), to: "CASE-2023-0001", app.store)
            try append("CaseFiled", filing("WSJJ"), to: "CASE-2023-0002", app.store)
            try append("PenaltyDecided", penalty(200), to: "CASE-2023-0002", app.store)
            try append("CaseFiled", filing("WSJT"), to: "CASE-2023-0003", app.store)

            var context = try app.context(today: today, actKeys: [Self.key])
            #expect(context.casesAlreadyFiled[Self.key] == CaseRef(caseId: "CASE-2023-0001", agencyCode: "WSZD"))
            // A decision without a fine does not count; the agency is the one that filed the case.
            #expect(context.finesAlreadyImposed[Self.key] == CaseRef(caseId: "CASE-2023-0002", agencyCode: "WSJJ"))

            try append("DecisionRevoked", "{}", to: "CASE-2023-0002", app.store)
            try append("CaseTransferredOut", "{}", to: "CASE-2023-0001", app.store)
            context = try app.context(today: today, actKeys: [Self.key])
            #expect(context.casesAlreadyFiled[Self.key] == CaseRef(caseId: "CASE-2023-0002", agencyCode: "WSJJ"))
            #expect(context.finesAlreadyImposed[Self.key] == nil)
            #expect(try app.context(today: today, actKeys: [ActKey(partyId: "P2", actDate: today)]).casesAlreadyFiled.isEmpty)
        }
    }

    @Test func aCaseWhosePartyIdWasCorrectedHoldsAndHasFinedTheCorrectedAct() throws {
        try TestDatabase.with { database in
            let app = Application(connection: try database.connect())
            let corrected = ActKey(partyId: "P9", actDate: Self.key.actDate)
            try append("CaseFiled", filing("WSZD"), to: "CASE-2023-0001", app.store)
            try append("PenaltyDecided", penalty(500), to: "CASE-2023-0001", app.store)
            #expect(try app.context(today: Self.key.actDate, actKeys: [corrected]).casesAlreadyFiled.isEmpty)
            try append("CaseCorrected", #"{"agency":"WSZD","field":"partyId","party":{"partyId":"P9","kind":"individual"},"act":{"date":"2023-05-01"},"actKey":{"partyId":"P9","actDate":"2023-05-01"},"penalty":{"fineYuan":500}}"#,
                       to: "CASE-2023-0001", app.store)
            let context = try app.context(today: Self.key.actDate, actKeys: [corrected])
            #expect(context.casesAlreadyFiled[corrected] == CaseRef(caseId: "CASE-2023-0001", agencyCode: "WSZD"))
            #expect(context.finesAlreadyImposed[corrected] == CaseRef(caseId: "CASE-2023-0001", agencyCode: "WSZD"))
        }
    }
}

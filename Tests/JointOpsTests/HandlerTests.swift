import Enforcement
import EventStore
import Foundation
import JointOps
import Testing
import TestSupport

@Suite struct HandlerTests {
    typealias F = HandlerFixtures

    @Test func aCommandIsDecidedAppendedAndReadBack() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let operations = app.handler(OperationDecider.self)
            let planned = try operations.create(.operation, request: F.request("2023-02-20")) { .plan(operationId: $0, F.plan()) }
            #expect(planned.stream == "OP-2023-0001")
            #expect(planned.version == 1)
            try operations.handle(.approve(approvedBy: F.approver), on: planned.stream,
                                  request: F.request("2023-02-21", actor: F.approver))

            // A second application on a new connection sees the same state.
            let reloaded = try operations.application === app
                ? F.application(database).handler(OperationDecider.self).load(planned.stream)
                : operations.load(planned.stream)
            #expect(reloaded.version == 2)
            #expect(reloaded.state.status == .approved)
            #expect(reloaded.state.plan?.leadAgency == "WSZD")

            let stored = try app.store.read(stream: planned.stream)
            #expect(stored.map(\.type) == ["OperationPlanned", "OperationApproved"])
            // Typed in on behalf of each officer who acted: the plan by ZF-001, the approval by the approver it names.
            #expect(zip(stored, ["ZF-001", F.approver]).allSatisfy { event, officer in
                event.actor.hasPrefix("\(officer) login=") && event.actor.hasSuffix(" on-behalf") && event.agency == "WSZD"
            })
            // Business time: --at 2023-02-21 is recorded as occurred_at, 09:00 in Wusu.
            #expect(stored[1].occurredAt == BusinessTime(F.day("2023-02-21")).instant)
        }
    }

    @Test func readableIdsCountUpPerYearWithoutGaps() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let operations = app.handler(OperationDecider.self)
            let first = try operations.create(.operation, request: F.request("2023-02-20")) { .plan(operationId: $0, F.plan()) }
            // A refused creation claims no number.
            #expect(throws: Rejection.unknownAgency("NOPE")) {
                var plan = F.plan()
                plan.leadAgency = "NOPE"
                try operations.create(.operation, request: F.request("2023-02-20")) { .plan(operationId: $0, plan) }
            }
            let second = try operations.create(.operation, request: F.request("2023-02-21")) { .plan(operationId: $0, F.plan()) }
            let cases = app.handler(CaseDecider.self)
            let lead = try cases.create(.case, request: F.request("2023-02-21")) {
                .receiveLead(caseId: $0, agency: "WSZD", source: .complaint, summaryZh: "群众举报火车站黑车拉客")
            }
            #expect([first.stream, second.stream, lead.stream] == ["OP-2023-0001", "OP-2023-0002", "CASE-2023-0001"])
            #expect(try app.streams(of: .operation) == ["OP-2023-0001", "OP-2023-0002"])
        }
    }

    @Test func repeatingACommandIdReturnsTheFirstResultAndWritesNothing() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let operations = app.handler(OperationDecider.self)
            let commandId = UUID()
            let request = F.request("2023-02-20", commandId: commandId)
            let first = try operations.create(.operation, request: request) { .plan(operationId: $0, F.plan()) }
            let before = try F.eventCount(app.connection)
            // The retry after a timeout: the decider would now refuse a second plan, and a new id would be
            // allocated — but the command id is known, so the first result comes back.
            let retry = try operations.create(.operation, request: request) { .plan(operationId: $0, F.plan()) }
            #expect(retry.stream == first.stream)
            #expect(retry.version == first.version)
            #expect(retry.events == first.events)
            #expect(retry.wasAlreadyAppended)
            #expect(!first.wasAlreadyAppended)
            #expect(try F.eventCount(app.connection) == before)

            let approve = F.request("2023-02-21", commandId: UUID(), actor: F.approver)
            let approved = try operations.handle(.approve(approvedBy: F.approver), on: first.stream, request: approve)
            let again = try operations.handle(.approve(approvedBy: F.approver), on: first.stream, request: approve)
            #expect(again.wasAlreadyAppended && again.version == approved.version && again.state == approved.state)
            #expect(try F.eventCount(app.connection) == before + 1)

            // The same id for another stream is a mistake, not a retry.
            let reused = #expect(throws: CommandIdConflict.self) {
                try operations.handle(.launch, on: "OP-2023-0009", request: request)
            }
            #expect(reused?.original.streamId == first.stream)
            #expect(reused?.original.eventTypes == ["OperationPlanned"])
        }
    }

    @Test func aConcurrentWriteBetweenDecidingAndAppendingIsRetriedOnceOnFreshState() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let operations = app.handler(OperationDecider.self)
            let op = try operations.create(.operation, request: F.request("2023-02-20")) { .plan(operationId: $0, F.plan()) }
            let other = try F.application(database)
            app.beforeAppend = { stream, attempt in
                guard attempt == 1 else { return }
                // Another officer invites the traffic police while we decide.
                try other.handler(OperationDecider.self).handle(.inviteAgency("WSJJ"), on: stream, request: F.request("2023-02-21"))
            }
            let outcome = try operations.handle(.inviteAgency("WSSJ"), on: op.stream, request: F.request("2023-02-21"))
            #expect(outcome.attempts == 2)
            #expect(outcome.version == 3)
            #expect(outcome.state.invited == ["WSJJ", "WSSJ"])

            // The same race on a conflicting command: the retry decides on the fresh state and refuses.
            app.beforeAppend = { stream, attempt in
                guard attempt == 1 else { return }
                try other.handler(OperationDecider.self).handle(.inviteAgency("WSZD"), on: stream, request: F.request("2023-02-22"))
            }
            #expect(throws: Rejection.agencyAlreadyTakingPart("WSZD")) {
                _ = try operations.handle(.inviteAgency("WSZD"), on: op.stream, request: F.request("2023-02-22"))
            }
        }
    }

    @Test func twoOfficersApprovingTheSamePlanAtOnceYieldOneApproval() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            for round in 0..<5 {
                let stream = try app.handler(OperationDecider.self).create(.operation, request: F.request("2023-02-20")) {
                    .plan(operationId: $0, F.plan())
                }.stream
                let successes = Locked(0)
                let refusals = Locked<[String]>([])
                runThreads(4) { _ in
                    do {
                        let mine = try F.application(database)
                        try mine.handler(OperationDecider.self).handle(.approve(approvedBy: F.approver), on: stream,
                                                                        request: F.request("2023-02-21", actor: F.approver))
                        successes.withLock { $0 += 1 }
                    } catch let rejection as Rejection {
                        refusals.withLock { $0.append(rejection.message) }
                    } catch {
                        refusals.withLock { $0.append("unexpected: \(error)") }
                    }
                }
                #expect(successes.current == 1, "round \(round)")
                #expect(refusals.current.count == 3)
                #expect(refusals.current.allSatisfy { $0.contains("is approved, so `approve` is not possible now") })
                let approvals = try app.store.read(stream: stream).filter { $0.type == "OperationApproved" }
                #expect(approvals.count == 1)
            }
        }
    }

    @Test func caseFilingAndFinesConsultOtherCasesOfTheSameAct() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let registry = app.handler(RegistryDecider.self)
            for (id, cert) in [("JJ-001", "65000999001"), ("JJ-002", "65000999002")] {
                try registry.handle(.registerOfficer(id: id, nameZh: "交警\(id)", agency: "WSJJ", certificateNumber: cert),
                                    on: StreamKind.registryStream, mustExist: false, request: F.request("2023-01-03"))
            }
            let party = Party(nameZh: "马某", kind: .individual, partyId: "654202199001011234")
            let act = Act(date: F.day("2023-03-02"), placeZh: "乌苏市火车站", sector: .blackCar,
                          descriptionZh: "未取得经营许可从事道路旅客运输", plate: "新G12345")
            let cases = app.handler(CaseDecider.self)
            let first = try cases.create(.case, request: F.request("2023-03-03", actor: F.approver)) {
                .fileCase(caseId: $0, agency: "WSZD", party: party, act: act, approvedBy: HandlerFixtures.approver,
                          source: .inspection)
            }
            #expect(first.state.act?.plate == "新G·12345")
            #expect(throws: Rejection.actAlreadyFiled(by: CaseRef(caseId: first.stream, agencyCode: "WSZD"))) {
                try cases.create(.case, request: F.request("2023-03-04", actor: F.approver)) {
                    .fileCase(caseId: $0, agency: "WSJJ", party: party, act: act, approvedBy: HandlerFixtures.approver,
                              source: .inspection)
                }
            }
            #expect(try app.streams(of: .case) == [first.stream])
        }
    }

    @Test func aDeadlineIntoAYearWithoutANoticeIsProvisionalUntilTheNoticeIsImportedComplete() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let cases = app.handler(CaseDecider.self)
            let late = CommandRequest(actor: "ZF-001", at: BusinessTime(F.day("2024-03-25")))
            // 15 working days from 2024-03-25 reach the week of 肉孜节 2024 (04-10), for which Xinjiang has no notice.
            let first = try cases.create(.case, request: late) {
                .receiveLead(caseId: $0, agency: "WSZD", source: .inspection, summaryZh: "线索")
            }
            #expect(first.state.deadlines[.filing]?.provisional == true)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("xj2024-\(UUID()).csv")
            try "jurisdiction,date,kind,source\nxinjiang,2024-04-10,regionalHoliday,新疆 2024 肉孜节\n"
                .write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let imported = try app.importCalendar(path: file.path, complete: true, request: F.request("2024-03-25"))
            #expect(imported.imported.entries.count == 1)
            #expect(imported.changes.map(\.outcome) == [.added])
            let lead = try cases.create(.case, request: late) {
                .receiveLead(caseId: $0, agency: "WSZD", source: .inspection, summaryZh: "线索")
            }
            #expect(lead.state.deadlines[.filing]?.due.year == 2024)
            #expect(lead.state.deadlines[.filing]?.provisional == false)
        }
    }
}

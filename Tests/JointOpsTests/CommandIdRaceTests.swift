import Enforcement
import EventStore
import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 13, point 5, in the handler, each race armed on purpose: a retry that finds its command id recorded
/// meanwhile reports what was recorded, never the number it chose itself.
@Suite struct CommandIdRaceTests {
    typealias F = HandlerFixtures

    static func lead(_ id: String, summary: String = "群众举报火车站黑车") -> CaseCommand {
        .receiveLead(caseId: id, agency: "WSZD", source: .complaint, summaryZh: summary)
    }

    @Test func aRetryThatLostItsNumberReportsTheCaseItsCommandCreated() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let request = F.request("2023-03-01", commandId: UUID())
            let other = try F.application(database)
            var chosen: String?
            app.beforeAppend = { stream, attempt in
                guard attempt == 1 else { return }
                chosen = stream
                // While this attempt holds its number: another lead takes that number, and the same command,
                // retried by another process, takes the next one.
                try other.handler(CaseDecider.self).create(.case, request: F.request("2023-03-01")) { Self.lead($0, summary: "巡查发现") }
                try other.handler(CaseDecider.self).create(.case, request: request) { Self.lead($0) }
            }
            let outcome = try app.handler(CaseDecider.self).create(.case, request: request) { Self.lead($0) }
            #expect(chosen == "CASE-2023-0001", "the trap was armed: this attempt chose the number the other lead took")
            #expect(outcome.stream == "CASE-2023-0002")
            #expect(outcome.wasAlreadyAppended && outcome.version == 1)
            #expect(outcome.events.map(\.eventType) == ["CaseLeadReceived"])
            app.beforeAppend = nil
            let next = try app.handler(CaseDecider.self).create(.case, request: F.request("2023-03-02")) { Self.lead($0) }
            #expect(next.stream == "CASE-2023-0003")
        }
    }

    @Test func aRacingRetryOfAnotherCommandUnderTheSameIdIsRefused() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let commandId = UUID()
            let other = try F.application(database)
            app.beforeAppend = { _, attempt in
                guard attempt == 1 else { return }
                try other.handler(CaseDecider.self).create(.case, request: F.request("2023-03-01", commandId: commandId)) {
                    Self.lead($0, summary: "另一条线索")
                }
            }
            let conflict = #expect(throws: CommandIdConflict.self) {
                try app.handler(CaseDecider.self).create(.case, request: F.request("2023-03-01", commandId: commandId)) {
                    Self.lead($0)
                }
            }
            #expect(conflict?.original.streamId == "CASE-2023-0001")
            #expect(try app.store.read(stream: "CASE-2023-0002").isEmpty)
        }
    }
}

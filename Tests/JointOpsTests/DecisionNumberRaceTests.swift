import Enforcement
import EventStore
import Foundation
import JointOps
import Testing
import TestSupport

/// Issue 10, point 9: a decision number is used once per agency and year, also when officers decide at the
/// same moment — each thread on its own connection, through the real store.
@Suite struct DecisionNumberRaceTests {
    typealias F = HandlerFixtures

    /// A filed, investigated and concluded case of WSZD, ready to be decided.
    static func concludedCase(_ app: Application, party: String) throws -> String {
        let cases = app.handler(CaseDecider.self)
        let act = Act(date: F.day("2023-03-02"), placeZh: "乌苏市火车站", sector: .blackCar, descriptionZh: "载客")
        let filed = try cases.create(.case, request: F.request("2023-03-03", actor: HandlerFixtures.approver)) {
            .fileCase(caseId: $0, agency: "WSZD", party: Party(nameZh: "马某", kind: .individual, partyId: party),
                      act: act, approvedBy: HandlerFixtures.approver, source: .inspection)
        }
        try cases.handle(.assignOfficers(["ZF-001", "ZF-002"]), on: filed.stream, request: F.request("2023-03-03"))
        try cases.handle(.recordEvidence(kind: .siteRecord, descriptionZh: "笔录", mediaRef: "m.mp4",
                                         sha256: String(repeating: "ab", count: 32), officers: ["ZF-001", "ZF-002"]),
                         on: filed.stream, request: F.request("2023-03-04"))
        try cases.handle(.concludeInvestigation(findingsZh: "不成立", complex: false, majorPublicInterest: false),
                         on: filed.stream, request: F.request("2023-03-05"))
        return filed.stream
    }

    @Test func twoOfficersDecidingWithOneNumberAtOnceYieldOneDecision() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let writers = 4
            for round in 0..<5 {
                let number = "乌交执不罚〔2023〕\(round + 1)号"
                var streams: [String] = []
                for writer in 0..<writers {
                    streams.append(try Self.concludedCase(app, party: "65420219900101\(round)\(writer)00"))
                }
                let cases = streams
                // Every writer has decided — each found the number free — before any appends: the race is armed.
                let decided = Latch(count: writers)
                let successes = Locked(0)
                let refusals = Locked<[String]>([])
                runThreads(writers) { writer in
                    do {
                        let mine = try F.racingApplication(database, decided, "every writer decided round \(round)")
                        try mine.handler(CaseDecider.self).handle(
                            .decideNoPenalty(reason: .factsNotEstablished, decisionNumber: number),
                            on: cases[writer], request: F.request("2023-03-06"))
                        successes.withLock { $0 += 1 }
                    } catch let rejection as Rejection {
                        refusals.withLock { $0.append(rejection.message) }
                    } catch {
                        refusals.withLock { $0.append("unexpected: \(error)") }
                    }
                }
                #expect(successes.current == 1, "round \(round): \(refusals.current)")
                #expect(refusals.current.count == writers - 1)
                #expect(refusals.current.allSatisfy { $0.contains("already used the decision number \(number) in 2023") },
                        "\(refusals.current)")
                let decisions = try streams.flatMap { try app.store.read(stream: $0) }.filter { $0.type == "NoPenaltyDecided" }
                #expect(decisions.count == 1)
                let claim = DecisionNumber(agency: "WSZD", year: 2023, number: number)
                #expect(try app.store.read(stream: claim.streamId).count == 1)
            }
        }
    }

    @Test func aNumberAlreadyClaimedIsRefusedAndTheNextNumberIsAllowed() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let cases = app.handler(CaseDecider.self)
            let first = try Self.concludedCase(app, party: "654202199001010001")
            let second = try Self.concludedCase(app, party: "654202199001010002")
            try cases.handle(.decideNoPenalty(reason: .factsNotEstablished, decisionNumber: "乌交执不罚1号"), on: first,
                             request: F.request("2023-03-06"))
            #expect(throws: Rejection.decisionNumberTaken(number: "乌交执不罚1号", agency: "WSZD", year: 2023, by: first)) {
                try cases.handle(.decideNoPenalty(reason: .factsNotEstablished, decisionNumber: "乌交执不罚1号"),
                                 on: second, request: F.request("2023-03-07"))
            }
            try cases.handle(.decideNoPenalty(reason: .factsNotEstablished, decisionNumber: "乌交执不罚2号"), on: second,
                             request: F.request("2023-03-07"))
        }
    }
}

import Enforcement
import EventStore
import Foundation
import JointOps
import Testing
import TestSupport

/// On-the-spot decisions are written on pre-numbered forms: a form number the agency used is refused, also
/// when two officers use it at the same moment (claimed like decision numbers, in the decision's transaction).
@Suite struct OnSpotFormNumberTests {
    typealias F = HandlerFixtures
    typealias V = ViewSupport

    static func decideOnSpot(_ cli: CLIRunner, form: String, party: String) throws -> CLIRunner.Result {
        try cli.run(["case", "decide-on-spot", "--agency", "WSZD", "--officer", "ZF-01", "--officer", "ZF-02",
                     "--form", form, "--party-name", "马某", "--party-id", party, "--act-date", V.day(0),
                     "--act-place", "乌苏市火车站广场", "--sector", "rideHailing",
                     "--description", "未取得《网络预约出租汽车驾驶员证》从事网约车经营", "--fine", "200",
                     "--basis", "RIDE-34-3-2022"])
    }

    @Test func aFormNumberTheAgencyUsedIsRefusedNamingTheCaseThatHoldsIt() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let form = "乌交当罚〔\(V.today.year)〕第001号"
            let first = try Self.decideOnSpot(cli, form: form, party: "654202199001010001")
            #expect(first.status == 0, "\(first.stderr)")
            let holder = String(first.stdout.prefix(while: { $0 != ":" }))
            let events = try F.eventCount(try database.connect())
            let again = try Self.decideOnSpot(cli, form: form, party: "654202199001010002")
            #expect(again.status == 3)
            #expect(again.errorLines.count == 1)
            #expect(again.stderr.contains("WSZD already used the on-the-spot decision form \(form), for \(holder)"),
                    "\(again.stderr)")
            #expect(try F.eventCount(try database.connect()) == events, "a refusal writes nothing")
            let next = try Self.decideOnSpot(cli, form: "乌交当罚〔\(V.today.year)〕第002号", party: "654202199001010002")
            #expect(next.status == 0, "\(next.stderr)")
        }
    }

    @Test func twoOfficersUsingOneFormAtOnceYieldOneDecision() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let writers = 4
            for round in 0..<3 {
                let form = "乌交当罚〔2023〕第\(round + 1)号"
                // Each writer's lead is its own case, so the writers race only for the form.
                let leads = try (0..<writers).map { _ in
                    try app.handler(CaseDecider.self).create(.case, request: F.request("2023-03-02")) {
                        .receiveLead(caseId: $0, agency: "WSZD", source: .inspection, summaryZh: "巡查发现网约车")
                    }.stream
                }
                let decided = Latch(count: writers)
                let successes = Locked(0)
                let refusals = Locked<[Rejection]>([])
                let unexpected = Locked<[String]>([])
                runThreads(writers) { writer in
                    do {
                        let mine = try F.racingApplication(database, decided, "every writer decided round \(round)")
                        let party = Party(nameZh: "马某", kind: .individual, partyId: "65420219900101\(round)\(writer)00")
                        let act = Act(date: F.day("2023-03-02"), placeZh: "乌苏市火车站", sector: .rideHailing,
                                      descriptionZh: "无证从事网约车经营")
                        try mine.handler(CaseDecider.self).handle(
                            .decideOnSpot(caseId: leads[writer], agency: "WSZD", party: party, act: act,
                                          officers: ["ZF-001", "ZF-002"], penalty: .fine(200, basis: "RIDE-34-3-2022"),
                                          formNumber: form),
                            on: leads[writer], request: F.request("2023-03-02"))
                        successes.withLock { $0 += 1 }
                    } catch let rejection as Rejection {
                        refusals.withLock { $0.append(rejection) }
                    } catch {
                        unexpected.withLock { $0.append("\(error)") }
                    }
                }
                #expect(unexpected.current.isEmpty, "\(unexpected.current)")
                #expect(successes.current == 1, "round \(round): \(refusals.current)")
                let claim = DecisionNumber(agency: "WSZD", year: 2023, number: form, series: .onSpotForm)
                let holder = try #require(try app.store.read(stream: claim.streamId).first)
                let holderCase = try JSONSerialization.jsonObject(with: holder.data) as? [String: Any]
                #expect(refusals.current == Array(repeating: claim.taken(by: holderCase?["caseId"] as? String ?? "?"),
                                                  count: writers - 1))
                let decisions = try leads.flatMap { try app.store.read(stream: $0) }.filter { $0.type == "DecidedOnSpot" }
                #expect(decisions.count == 1)
                #expect(try app.store.read(stream: claim.streamId).count == 1)
            }
        }
    }
}

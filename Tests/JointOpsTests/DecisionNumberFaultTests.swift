import Enforcement
import EventStore
import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// A serialization failure (SQLSTATE 40001) inside the decision-number claim transaction: the handler runs
/// the transaction again in a new one, or, if the failures never stop, refuses in one line having written
/// nothing — and two decisions never share one number. The failures are injected by a trigger on the claim's
/// insert that raises 40001 for as many attempts as the test says (a sequence counts them: it is not rolled
/// back with the failed transaction).
@Suite struct DecisionNumberFaultTests {
    typealias F = HandlerFixtures

    /// Makes the next `failures` inserts of a claim event raise 40001.
    static func injectSerializationFailures(_ failures: Int, into database: TestDatabase) throws {
        let admin = try database.connect()
        try admin.run("""
            CREATE SEQUENCE public.claim_attempts;
            CREATE FUNCTION public.fail_claims() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('public.claim_attempts') <= \(failures) THEN
                    RAISE EXCEPTION 'injected serialization failure' USING ERRCODE = 'serialization_failure';
                END IF;
                RETURN NEW;
            END
            $$;
            CREATE TRIGGER fail_claims BEFORE INSERT ON eventstore.events
                FOR EACH ROW WHEN (NEW.event_type = '\(DecisionNumber.claimedEventType)') EXECUTE FUNCTION public.fail_claims();
            """)
    }

    static func claimAttempts(_ database: TestDatabase) throws -> Int64 {
        try database.connect().execute("SELECT last_value FROM public.claim_attempts")[0].get(0)
    }

    static func decide(_ number: String) -> CaseCommand {
        .decideNoPenalty(reason: .factsNotEstablished, decisionNumber: number)
    }

    @Test func aClaimFailingWith40001IsRetriedInANewTransactionAndRecordedOnce() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let stream = try DecisionNumberRaceTests.concludedCase(app, party: "654202199001010001")
            try Self.injectSerializationFailures(3, into: database)
            let outcome = try app.handler(CaseDecider.self).handle(Self.decide("乌交执不罚〔2023〕1号"), on: stream,
                                                                  request: F.request("2023-03-06"))
            #expect(try Self.claimAttempts(database) == 4, "three claims failed with 40001 before the fourth held")
            #expect(outcome.events.map(\.eventType) == ["NoPenaltyDecided"])
            #expect(try app.store.read(stream: stream).filter { $0.type == "NoPenaltyDecided" }.count == 1)
            let claim = DecisionNumber(agency: "WSZD", year: 2023, number: "乌交执不罚〔2023〕1号")
            #expect(try app.store.read(stream: claim.streamId).count == 1)
        }
    }

    @Test func fourOfficersDecidingWithOneNumberWhileClaimsFailStillYieldOneDecision() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let writers = 4
            let cases = try (0..<writers).map { try DecisionNumberRaceTests.concludedCase(app, party: "65420219900101\($0)000") }
            try Self.injectSerializationFailures(6, into: database)
            let number = "乌交执不罚〔2023〕7号"
            let decided = Latch(count: writers)
            let successes = Locked(0)
            let refusals = Locked<[String]>([])
            runThreads(writers) { writer in
                do {
                    let mine = try F.racingApplication(database, decided, "every writer decided")
                    try mine.handler(CaseDecider.self).handle(Self.decide(number), on: cases[writer],
                                                              request: F.request("2023-03-06"))
                    successes.withLock { $0 += 1 }
                } catch let rejection as Rejection {
                    refusals.withLock { $0.append(rejection.message) }
                } catch {
                    refusals.withLock { $0.append("unexpected: \(error)") }
                }
            }
            #expect(try Self.claimAttempts(database) > 6, "the six injected failures all fired")
            #expect(successes.current == 1, "\(refusals.current)")
            #expect(refusals.current.count == writers - 1)
            #expect(refusals.current.allSatisfy { $0.contains("already used the decision number \(number) in 2023") },
                    "\(refusals.current)")
            let decisions = try cases.flatMap { try app.store.read(stream: $0) }.filter { $0.type == "NoPenaltyDecided" }
            #expect(decisions.count == 1)
            #expect(try app.store.read(stream: DecisionNumber(agency: "WSZD", year: 2023, number: number).streamId).count == 1)
        }
    }

    @Test func aClaimThatKeepsFailingIsRefusedInOneLineAndWritesNothing() throws {
        try TestDatabase.with { database in
            let app = try F.application(database)
            try F.seedRegistry(app)
            let stream = try DecisionNumberRaceTests.concludedCase(app, party: "654202199001010009")
            let before = try app.store.version(of: stream)
            try Self.injectSerializationFailures(1_000, into: database)
            let failure = #expect(throws: PostgresError.self) {
                try app.handler(CaseDecider.self).handle(Self.decide("乌交执不罚〔2023〕9号"), on: stream,
                                                         request: F.request("2023-03-06"))
            }
            #expect(failure?.sqlState == .serializationFailure)
            let shown = UserFacingError(translating: try #require(failure), rendering: { "\($0)" })
            #expect(shown.status == .conflict)
            #expect(!shown.message.contains("\n"), "\(shown.message)")
            #expect(try Self.claimAttempts(database) == 50, "the handler gave up after its 50 attempts")
            #expect(try app.store.version(of: stream) == before)
            #expect(try app.store.read(stream: DecisionNumber(agency: "WSZD", year: 2023, number: "乌交执不罚〔2023〕9号").streamId).isEmpty)
        }
    }
}

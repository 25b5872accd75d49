@testable import EventStore
import Foundation
import Postgres
import Testing

/// The pure parts of a projector that stays up: its backoff, which states are news, and the health
/// verdict of `project status --check`. The process itself is tested in ProjectorFaultTests.
@Suite struct ProjectorSupervisionTests {
    @Test func theBackoffDoublesFromAFifthOfASecondToTenSecondsAndStartsOverAfterASuccess() {
        var backoff = ReconnectBackoff()
        let pauses = (0..<9).map { _ in backoff.next() }
        #expect(pauses == [.milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
                           .milliseconds(3200), .milliseconds(6400), .seconds(10), .seconds(10), .seconds(10)])
        backoff.reset()
        #expect(backoff.next() == .milliseconds(200))
    }

    @Test func aStateIsReportedOnlyWhenItChangesAndEachQuarantineOnce() {
        var changes = StateChanges()
        let later = GlobalPosition(transactionId: 900, position: 12)
        let refused = FollowerState.reconnecting(reason: "Connection refused", retryIn: .milliseconds(200))
        let admitted = [
            FollowerState.connected(target: "socket /tmp/s"), .caughtUp(position: .start), .caughtUp(position: later),
            refused, .reconnecting(reason: "Connection refused", retryIn: .milliseconds(400)),
            .reconnecting(reason: "the database system is starting up (SQLSTATE 57P03)", retryIn: .milliseconds(800)),
            .connected(target: "socket /tmp/s"), .quarantined(Self.quarantined("CASE-2026-0001")), .caughtUp(position: later),
            .quarantined(Self.quarantined("CASE-2026-0001")), .quarantined(Self.quarantined("CASE-2026-0002")),
        ].filter { changes.admit($0) }
        #expect(admitted.map(\.changeKey) == [
            "connected", "caught up", "reconnecting: Connection refused",
            "reconnecting: the database system is starting up (SQLSTATE 57P03)", "connected",
            "quarantined cases CASE-2026-0001 7/3", "caught up", "quarantined cases CASE-2026-0002 7/3",
        ])
    }

    @Test func aMultiLineLibpqMessageBecomesOneReasonLine() {
        let error = PostgresError(kind: .client, message: """
            server closed the connection unexpectedly
            \tThis probably means the server terminated abnormally
            \tbefore or while processing the request.
            """)
        #expect(ProjectionSupervisor.oneLine(error) == "server closed the connection unexpectedly This probably means "
                + "the server terminated abnormally before or while processing the request.")
    }

    @Test func aStatementCutOffByALostConnectionIsTransientWhileAServerRefusalIsNot() {
        // libpq makes the first result itself, without SQLSTATE; the server always sends one.
        let cutOff = PostgresError(kind: .server, message: "server closed the connection unexpectedly")
        #expect(ProjectionFailure(cutOff) == .transient)
        // Retried on the same connection a serialization failure may pass; a lost connection never does.
        #expect(ProjectionFailure.connectionLost(cutOff))
        #expect(ProjectionFailure.connectionLost(PostgresError(kind: .server, message: "terminating connection", sqlState: "57P01")))
        #expect(!ProjectionFailure.connectionLost(PostgresError(kind: .server, message: "could not serialize", sqlState: "40001")))
        #expect(ProjectionFailure(PostgresError(kind: .server, message: "permission denied", sqlState: "42501")) == .other)
        #expect(ProjectionFailure(PostgresError(kind: .server, message: "bigint out of range", sqlState: "22003")).isPoison)
    }

    @Test(arguments: [
        (Lag(events: 10_000, seconds: 300, heldBack: 0), 0, 0.0, [String]()),
        (Lag(events: 10_001, seconds: 12, heldBack: 0), 0, 0.0, ["cases is 10001 events behind (limit 10000)"]),
        (Lag(events: 5, seconds: 301, heldBack: 0), 0, 0.0, ["the oldest event not yet projected has waited 301 s (limit 300 s)"]),
        (Lag(events: 5, seconds: 20, heldBack: 5), 0, 420.0,
         ["5 committed events have waited 420 s behind a running transaction (limit 300 s)"]),
        (Lag(events: 0, seconds: 0, heldBack: 0), 1, 0.0, ["1 stream is quarantined (limit 0)"]),
    ])
    func theHealthCheckNamesEveryLimitPassed(lag: Lag, quarantined: Int, heldSeconds: Double, problems: [String]) {
        let status = [ProjectionStatus(name: "registry", version: 1, shapeVersion: 1, position: .start,
                                       lag: Lag(events: 0, seconds: 0, heldBack: 0)),
                      ProjectionStatus(name: "cases", version: 7, shapeVersion: 7, position: .start, lag: lag)]
        let horizon = HeldBackHorizon(holder: nil, waitingEvents: lag.heldBack, heldSeconds: heldSeconds)
        let health = ProjectionHealth(status: status, horizon: horizon, quarantined: quarantined,
                                      thresholds: ProjectionHealth.Thresholds())
        #expect(health.problems == problems)
        #expect(health.isHealthy == problems.isEmpty)
        #expect(health.summary.hasPrefix(problems.isEmpty ? "projections healthy: " : "projections unhealthy: "))
        #expect(!health.summary.contains("\n"))
    }

    @Test func theHealthCheckCountsOneOfAKindInTheSingularAndASmallAgeInTenths() {
        let status = [ProjectionStatus(name: "cases", version: 7, shapeVersion: 7, position: .start,
                                       lag: Lag(events: 1, seconds: 0.4, heldBack: 1))]
        let horizon = HeldBackHorizon(holder: nil, waitingEvents: 1, heldSeconds: 301)
        let strict = ProjectionHealth.Thresholds(lagEvents: 0, lagSeconds: 0, heldBackSeconds: 300, quarantinedStreams: 1)
        #expect(ProjectionHealth(status: status, horizon: horizon, quarantined: 1, thresholds: strict).problems == [
            "cases is 1 event behind (limit 0)", "the oldest event not yet projected has waited 0.4 s (limit 0 s)",
            "1 committed event has waited 301 s behind a running transaction (limit 300 s)",
        ])
        let healthy = ProjectionHealth(status: status, horizon: HeldBackHorizon(holder: nil, waitingEvents: 0, heldSeconds: 0),
                                       quarantined: 1, thresholds: ProjectionHealth.Thresholds(quarantinedStreams: 1))
        #expect(healthy.summary == "projections healthy: 1 event behind, oldest 0.4 s, held back 0 s, 1 quarantined stream")
    }

    static func quarantined(_ stream: String) -> QuarantinedStream {
        QuarantinedStream(projection: "cases", version: 7, streamId: stream, position: GlobalPosition(transactionId: 7, position: 3),
                          streamVersion: 2, eventType: "caseFiled", sqlState: "22003", error: "bigint out of range",
                          quarantinedAt: Date(timeIntervalSince1970: 0), heldEvents: 1)
    }
}

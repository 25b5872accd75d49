import Foundation
import Postgres
import Testing
import TestSupport

/// Every round trip has a deadline (issue 13 point 4): a server that never answers ends the wait, the
/// statement is cancelled and the connection dropped. Each test stops or kills processes of a cluster of
/// its own.
@Suite("Round-trip deadlines")
struct RoundTripDeadlineTests {
    /// How long past its deadline a timed-out call may return: the cancel request waits 2 s at most.
    static let margin: Duration = .seconds(4)

    func withCluster<T>(_ body: (ThrowawayCluster) throws -> T) throws -> T {
        let cluster = try ThrowawayCluster.start()
        defer { cluster.destroy() }
        return try body(cluster)
    }

    /// Runs `body`, which must throw a `.timedOut` error, and returns the error and how long it took.
    func timedOut(_ body: () throws -> Void) throws -> (PostgresError, Duration) {
        let start = ContinuousClock.now
        do {
            try body()
        } catch let error as PostgresError where error.kind == .timedOut {
            return (error, start.duration(to: .now))
        }
        throw DeadlineTestFailure("the call returned instead of timing out")
    }

    @Test func aServerThatAcceptsAndNeverAnswersTimesOutWhileConnecting() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let (error, took) = try timedOut { _ = try Connection(listener.conninfo, deadline: .milliseconds(500)) }
        #expect(listener.acceptedCount == 1, "the listener accepted the connection")
        #expect(took >= .milliseconds(500) && took < .milliseconds(500) + Self.margin, "took \(took)")
        #expect(error.description == "PostgreSQL at host 127.0.0.1:\(listener.port) did not accept the connection within 0.5 s")
    }

    @Test func aStoppedPostmasterTimesOutTheConnectionAndServesAgainOnceResumed() throws {
        try withCluster { cluster in
            let (error, took) = try cluster.withPostmasterStopped {
                try timedOut { _ = try Connection(cluster.conninfo(), deadline: .seconds(1)) }
            }
            #expect(took >= .seconds(1) && took < .seconds(1) + Self.margin, "took \(took)")
            #expect(error.message.contains("did not accept the connection within 1 s"))
            #expect(try Connection(cluster.conninfo(), deadline: .seconds(5)).execute("SELECT 1")[0].int(0) == 1)
        }
    }

    @Test func aStoppedBackendTimesOutItsStatementWhichIsCancelledAndTheConnectionDropped() throws {
        try withCluster { cluster in
            let connection = try Connection(cluster.conninfo(), deadline: .seconds(1))
            let pid = Int32(try connection.execute("SELECT pg_backend_pid()")[0].int(0))
            kill(pid, SIGSTOP)
            let (error, took) = try timedOut { try connection.execute("SELECT count(*) FROM pg_class") }
            kill(pid, SIGCONT)
            #expect(took >= .seconds(1) && took < .seconds(1) + Self.margin, "took \(took)")
            #expect(error.message.hasPrefix("PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 did not answer within 1 s"))
            // Dropped: later calls fail at once instead of reading a stale answer.
            let (again, _) = try timedOut { try connection.execute("SELECT 1") }
            #expect(again.message == error.message)
            // Resumed, the backend finds its client gone and ends.
            let observer = try Connection(cluster.conninfo())
            try waitUntil("the stopped backend ended") {
                try observer.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", [Int(pid)])[0].int(0) == 0
            }
        }
    }

    @Test func aPipelineOnAStoppedBackendTimesOutToo() throws {
        try withCluster { cluster in
            let connection = try Connection(cluster.conninfo(), deadline: .seconds(1))
            let pid = Int32(try connection.execute("SELECT pg_backend_pid()")[0].int(0))
            try connection.execute("SELECT $1::int", [1])  // prepared before the stop: the pipeline sends only
            kill(pid, SIGSTOP)
            defer { kill(pid, SIGCONT) }
            let (_, took) = try timedOut { try connection.pipeline([(sql: "SELECT $1::int", parameters: [2])]) }
            #expect(took < .seconds(1) + Self.margin, "took \(took)")
        }
    }

    @Test func aBackendEndedMidStatementIsALostConnectionNotAServerError() throws {
        try withCluster { cluster in
            let connection = try Connection(cluster.conninfo(), deadline: .seconds(5))
            let error = try #require(throws: PostgresError.self) {
                try connection.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            }
            #expect(error.kind == .client, "\(error)")
            #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        }
    }

    @Test func statementsWithinTheDeadlineAndWithoutOneComplete() throws {
        try withCluster { cluster in
            for deadline in [Duration.seconds(2), nil] {
                let connection = try Connection(cluster.conninfo(), deadline: deadline)
                #expect(try connection.execute("SELECT pg_sleep(0.2), $1::text", ["乌苏市"])[0].string(1) == "乌苏市")
                #expect(try connection.run("SELECT 1; SELECT 2")[0].int(0) == 2, "a simple query gives its last result")
                let results = try connection.pipeline(transactions: [[(sql: "SELECT $1::int", parameters: [7])]])
                #expect(try results[0].get()[0][0].int(0) == 7)
            }
        }
    }

    @Test func notificationsArriveOnAConnectionWithADeadlineAndWaitingForThemIsNoRoundTrip() throws {
        try withCluster { cluster in
            let listener = try Connection(cluster.conninfo(), deadline: .milliseconds(500))
            try listener.listen("appended")
            // Waiting longer than the deadline for a notification that does not come is no timeout.
            #expect(try listener.waitForNotification(timeout: .seconds(1)) == nil)
            try Connection(cluster.conninfo(), deadline: .seconds(1)).notify("appended", payload: "案件")
            let notification = try #require(try listener.waitForNotification(timeout: .seconds(10)))
            #expect(notification.payload == "案件")
            #expect(try listener.execute("SELECT 1")[0].int(0) == 1)
        }
    }
}

struct DeadlineTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

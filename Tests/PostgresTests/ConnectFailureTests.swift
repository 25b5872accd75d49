import Foundation
import Postgres
import Testing
import TestSupport

/// Connecting (issue 13 points 3 and 4): a limit of its own, separate from the statement deadline; a wait
/// that a stop request ends at once; and a failure said in our words, libpq's own lines ("This probably
/// means…", "FATAL:  the database system is in recovery mode") kept for `debugDescription` only.
@Suite("Connect failures")
struct ConnectFailureTests {
    static let libpqPhrases = ["This probably means", "server closed the connection", "FATAL", "Is the server running",
                               "recovery mode", "No such file"]

    func withCluster<T>(_ body: (ThrowawayCluster) throws -> T) throws -> T {
        let cluster = try ThrowawayCluster.start()
        defer { cluster.destroy() }
        return try body(cluster)
    }

    @Test func theConnectLimitIsSeparateFromTheStatementDeadline() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let start = ContinuousClock.now
        let error = try #require(throws: PostgresError.self) {
            _ = try Connection(listener.conninfo, deadline: .seconds(60), connectTimeout: .milliseconds(500))
        }
        let took = start.duration(to: .now)
        #expect(error.kind == .timedOut && error.duringConnect)
        #expect(took < .seconds(4), "took \(took)")
        #expect(error.description == "PostgreSQL at host 127.0.0.1:\(listener.port) did not accept the connection within 0.5 s")
    }

    @Test func aConnectWaitingOnASilentServerEndsAtOnceWhenInterrupted() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let stop = Locked(false)
        let outcome = Locked<(PostgresError?, ContinuousClock.Instant)?>(nil)
        let connecting = TestThread {
            Connection.$interruption.withValue({ stop.current }) {
                do { _ = try Connection(listener.conninfo, connectTimeout: .seconds(60)) } catch let error as PostgresError {
                    outcome.withLock { $0 = (error, .now) }
                    return
                } catch {}
                outcome.withLock { $0 = (nil, .now) }
            }
        }
        try waitUntil("the listener accepted the connection") { listener.acceptedCount >= 1 }
        let stoppedAt = ContinuousClock.now
        stop.withLock { $0 = true }
        try connecting.join("the connect gave up", atMost: .seconds(10))
        let (error, endedAt) = try #require(outcome.current)
        #expect(error?.kind == .interrupted, "\(String(describing: error))")
        #expect(stoppedAt.duration(to: endedAt) < .seconds(1), "took \(stoppedAt.duration(to: endedAt))")
    }

    @Test func aStoppedServerIsSaidToBeNotRunningWithoutLibpqsWords() throws {
        try withCluster { cluster in
            try cluster.stopServer()
            let error = try #require(throws: PostgresError.self) { _ = try Connection(cluster.conninfo(), deadline: .seconds(5)) }
            #expect(error.kind == .connectionFailed && error.connectFailure == .noServer)
            #expect(error.description == "PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 is not running (nothing answers there)")
            #expect(error.debugDescription.contains("No such file or directory"), "libpq's text stays for debugging")
        }
    }

    @Test func aServerInRecoveryIsSaidToAcceptNoConnectionsYet() throws {
        try withCluster { cluster in
            try cluster.stopServer()
            // A standby with no primary to follow and hot_standby off stays in recovery, refusing every connection
            // ("FATAL:  the database system is not accepting connections … Hot standby mode is disabled", 57P03).
            FileManager.default.createFile(atPath: cluster.data + "/standby.signal", contents: Data())
            _ = try cluster.tool("pg_ctl", ["start", "-W", "-D", cluster.data, "-l", cluster.log,
                                            "-o", "-k \(cluster.socket) -c listen_addresses= -c hot_standby=off"])
            var refusal: PostgresError?
            try waitUntil("the server answers and refuses connections") {
                do { _ = try Connection(cluster.conninfo(), deadline: .seconds(5)) } catch let error as PostgresError {
                    refusal = error
                    return error.connectFailure == .notAcceptingConnections
                }
                return false
            }
            let error = try #require(refusal)
            #expect(error.description == "PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 is starting up, recovering "
                    + "after a crash or shutting down, and accepts no connections yet")
            for phrase in Self.libpqPhrases { #expect(!error.description.contains(phrase), "\(error.description)") }
            try cluster.stopServer()
        }
    }

    @Test func aLoginTheServerRefusesKeepsTheServersReasonWithoutLibpqsFraming() throws {
        try withCluster { cluster in
            let error = try #require(throws: PostgresError.self) {
                _ = try Connection("host=\(cluster.socket) dbname=postgres user=nobody_here", deadline: .seconds(5))
            }
            #expect(error.connectFailure == .refused(reason: #"role "nobody_here" does not exist"#), "\(error.debugDescription)")
            #expect(error.description == #"PostgreSQL at socket \#(cluster.socket)/.s.PGSQL.5432 refused the connection: role "nobody_here" does not exist"#)
        }
    }

    @Test func aSessionTheServerEndsIsALostConnectionInOurWords() throws {
        try withCluster { cluster in
            let connection = try Connection(cluster.conninfo(), deadline: .seconds(5))
            let error = try #require(throws: PostgresError.self) {
                try connection.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            }
            #expect(error.connectionLost)
            #expect(error.description == "the connection to PostgreSQL at socket \(cluster.socket)/.s.PGSQL.5432 was lost "
                    + "(the server ended the session, or was stopped or restarted)")
        }
    }
}

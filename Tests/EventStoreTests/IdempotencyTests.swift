import EventStore
import Foundation
import Testing
import TestSupport

@Suite struct IdempotencyTests {
    @Test func appendingTheSameCommandAgainReturnsTheOriginalResultAndWritesNothing() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let command = UUID()
            let first = try store.append([sampleEvent(1), sampleEvent(2)], to: "case-9", expecting: .noStream, metadata: metadata(command))
            // A retry after a timeout: same command id, even with a now-stale expected version.
            let retry = try store.append([sampleEvent(1), sampleEvent(2)], to: "case-9", expecting: .noStream, metadata: metadata(command))
            #expect(retry.positions == first.positions)
            #expect(retry.streamVersion == 2)
            #expect(retry.wasAlreadyAppended)
            #expect(!first.wasAlreadyAppended)
            #expect(try eventCount(store.connection) == 2)
        }
    }

    /// The duplicate passes the stream guard here (`.any`, or another stream), so it is the commands row
    /// that refuses it, and the whole append, stream version included, is rolled back.
    @Test func aCommandRepeatedOnAnotherStreamOrWithAnyVersionMovesNoStream() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let command = UUID()
            let first = try store.append([sampleEvent(1)], to: "case-a", expecting: .noStream, metadata: metadata(command))
            let elsewhere = try store.append([sampleEvent(1), sampleEvent(2)], to: "case-b", expecting: .any, metadata: metadata(command))
            let again = try store.append([sampleEvent(1)], to: "case-a", expecting: .any, metadata: metadata(command))
            for retry in [elsewhere, again] {
                #expect(retry.wasAlreadyAppended)
                #expect(retry.streamId == "case-a", "the stream the command was recorded on, not the one retried")
                #expect(retry.positions == first.positions)
                #expect(retry.streamVersion == 1)
            }
            #expect(try store.version(of: "case-a") == 1)
            #expect(try store.version(of: "case-b") == 0)
            #expect(try eventCount(store.connection) == 1)
        }
    }

    @Test func theSameCommandFromEightThreadsAtOnceIsAppendedOnce() throws {
        try TestDatabase.with { database in
            for round in 0..<5 {
                let command = UUID()
                let stream = "case-race-\(round)"
                let results = Locked<[AppendResult]>([])
                let failures = Locked<[String]>([])
                runThreads(8) { _ in
                    do {
                        let store = EventStore(connection: try database.connect())
                        let result = try store.append([sampleEvent(round)], to: stream, expecting: .noStream, metadata: metadata(command))
                        results.withLock { $0.append(result) }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
                #expect(failures.current == [])
                let all = results.current
                #expect(all.count == 8)
                #expect(Set(all.map(\.positions)).count == 1, "every caller gets the original positions")
                #expect(all.filter { !$0.wasAlreadyAppended }.count == 1)
            }
            let store = EventStore(connection: try database.connect())
            #expect(try eventCount(store.connection) == 5)
        }
    }
}

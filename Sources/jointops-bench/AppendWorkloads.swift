import EventStore
import Foundation
import Postgres

/// Appends through `EventStore`, the way commands do.
enum AppendWorkloads {
    /// Whether appends wake subscribers.
    enum Notify: String, CaseIterable {
        /// `notifiesSubscribers = true` (the default): a NOTIFY right after each append commits.
        case on
        /// `notifiesSubscribers = false`: subscribers rely on polling.
        case off
    }

    /// One 256-byte event per append with an exact expected version; 10 events per stream, then a new one.
    /// `fingerprinted`: each append also records a command fingerprint, as a command given a
    /// `--command-id` does (migration 0015); the bench's own appends carry none, as generated ids do.
    static func appendOne(writers: Int, notify: Notify, seconds: Double, conninfo: String,
                          fingerprinted: Bool = false) throws -> Measurement {
        let token = BenchEvent.token()
        return try WriterPool.measure(threads: writers, seconds: seconds, conninfo: conninfo) { writer, connection in
            let store = EventStore(connection: connection, notifiesSubscribers: notify == .on)
            var cursor = StreamCursor(prefix: "one-" + token + "-" + String(writer), eventsPerStream: 10)
            return {
                let (stream, expected) = cursor.next()
                var metadata = BenchEvent.metadata()
                if fingerprinted { metadata.fingerprint = CommandFingerprint(type: "case receive-lead", digest: UUID()) }
                try store.append([BenchEvent.newEvent()], to: stream, expecting: .exact(expected),
                                 metadata: metadata)
                return StepOutcome(events: 1)
            }
        }
    }

    /// `size` events per append, each append a new stream.
    static func appendBatch(size: Int, writers: Int = 1, notify: Notify = .on, seconds: Double,
                            conninfo: String) throws -> Measurement {
        let token = BenchEvent.token()
        return try WriterPool.measure(threads: writers, seconds: seconds, conninfo: conninfo) { writer, connection in
            let store = EventStore(connection: connection, notifiesSubscribers: notify == .on)
            var streamNumber = 0
            return {
                streamNumber += 1
                let now = Date()
                let events = (0..<size).map { _ in BenchEvent.newEvent(now: now) }
                try store.append(events, to: "batch-" + token + "-" + String(writer) + "-" + String(streamNumber),
                                 expecting: .noStream, metadata: BenchEvent.metadata())
                return StepOutcome(events: size)
            }
        }
    }

    /// `writers` writers on one stream, each appending at the version it last saw and, on
    /// `wrongExpectedVersion`, retrying at the actual version. A step is one successful append.
    static func hotStream(writers: Int, seconds: Double, conninfo: String) throws -> Measurement {
        let stream = "hot-" + BenchEvent.token()
        return try WriterPool.measure(threads: writers, seconds: seconds, conninfo: conninfo) { _, connection in
            let store = EventStore(connection: connection)
            var expected: Int64 = 0
            return {
                var conflicts = 0
                while true {
                    do {
                        expected = try store.append([BenchEvent.newEvent()], to: stream, expecting: .exact(expected),
                                                    metadata: BenchEvent.metadata()).streamVersion
                        return StepOutcome(events: 1, conflicts: conflicts)
                    } catch EventStoreError.wrongExpectedVersion(_, _, let actual) {
                        conflicts += 1
                        expected = actual
                    }
                }
            }
        }
    }

    /// Appends until the store holds at least `events` events (500 per append, no NOTIFY).
    static func seed(events: Int, conninfo: String) throws {
        let connection = try Connection(conninfo)
        let store = EventStore(connection: connection, notifiesSubscribers: false)
        var have: Int = try connection.execute("SELECT count(*) FROM eventstore.events")[0].get(0)
        let token = BenchEvent.token()
        while have < events {
            let now = Date()
            let batch = (0..<min(500, events - have)).map { _ in BenchEvent.newEvent(now: now) }
            try store.append(batch, to: "seed-" + token + "-" + String(have), expecting: .noStream,
                             metadata: BenchEvent.metadata())
            have += batch.count
        }
    }
}

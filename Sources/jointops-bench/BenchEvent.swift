import EventStore
import Foundation

/// The row every workload writes: one 256-byte JSON event with full metadata.
///
/// The raw-ceiling inserts write exactly these column values into a copy of `eventstore.events`, so the
/// only difference between "raw" and "append" is what the store does around the insert.
enum BenchEvent {
    static let type = "BenchEvent"
    static let actor = "bench"
    static let agency = "BENCH"
    static let byteCount = 256

    /// A JSON object of exactly `byteCount` bytes.
    static let payload: Data = {
        let head = #"{"kind":"bench","note":""#
        let tail = #""}"#
        let filler = String(repeating: "x", count: byteCount - head.utf8.count - tail.utf8.count)
        let data = Data((head + filler + tail).utf8)
        precondition(data.count == byteCount)
        return data
    }()

    static let payloadText = String(decoding: payload, as: UTF8.self)

    static func newEvent(now: Date = Date()) -> NewEvent {
        NewEvent(type: type, data: payload, occurredAt: now)
    }

    static func metadata() -> CommandMetadata {
        CommandMetadata(actor: actor, agency: agency)
    }

    /// A short random token that keeps stream ids of different measurements apart.
    static func token() -> String {
        String(UUID().uuidString.prefix(8)).lowercased()
    }
}

/// Names streams "10 events per stream, then a new stream", per writer.
struct StreamCursor {
    let prefix: String
    let eventsPerStream: Int64
    private(set) var streamNumber = 0
    private(set) var version: Int64 = 0

    init(prefix: String, eventsPerStream: Int64) {
        self.prefix = prefix
        self.eventsPerStream = eventsPerStream
    }

    var stream: String { prefix + "-" + String(streamNumber) }

    /// Moves to the next version, opening a new stream when the current one is full;
    /// returns the stream and the version the append expects (0 = new stream).
    mutating func next(count: Int64 = 1) -> (stream: String, expected: Int64) {
        if version + count > eventsPerStream {
            streamNumber += 1
            version = 0
        }
        let expected = version
        version += count
        return (stream, expected)
    }
}

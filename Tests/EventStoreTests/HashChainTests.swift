import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// The hash chain of migration 0009, recomputed by a checker that shares no code with the store.
@Suite struct HashChainTests {
    /// Every append form: one event and many, a new stream, an exact version and any version.
    static func appendEveryForm(_ store: EventStore) throws {
        try store.append([sampleEvent(1)], to: "case-甲", expecting: .noStream, metadata: metadata())
        try store.append([sampleEvent(2), sampleEvent(3)], to: "case-甲", expecting: .exact(1),
                         metadata: CommandMetadata(actor: "李警官", agency: nil, correlationId: UUID(), causationId: UUID()))
        try store.append([sampleEvent(4)], to: "case-甲", expecting: .any, metadata: metadata())
        try store.append([sampleEvent(5), sampleEvent(6)], to: "case-甲", expecting: .any, metadata: metadata())
        try store.append([sampleEvent(7), sampleEvent(8)], to: "case-乙", expecting: .noStream, metadata: metadata())
        try store.append([sampleEvent(9)], to: "case-乙", expecting: .exact(2), metadata: metadata())
        try store.append([sampleEvent(10)], to: "case-丙", expecting: .any, metadata: metadata())
        try store.append([sampleEvent(11), sampleEvent(12)], to: "case-丁", expecting: .any, metadata: metadata())
    }

    @Test func theChainRecomputedInSwiftEqualsTheStoredHashes() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            try Self.appendEveryForm(EventStore(connection: connection))
            let rows = try connection.execute("""
                SELECT stream_id, stream_version, event_type, schema_version, data::text, event_id::text, command_id::text,
                       actor, agency, correlation_id::text, causation_id::text, occurred_at, recorded_at, encode(hash, 'hex')
                FROM eventstore.events ORDER BY stream_id, stream_version
                """).rows
            #expect(rows.count == 12)
            var previous: [String: String] = [:]
            for row in rows {
                let stream: String = try row.get(0)
                let microseconds = { (date: Date) in String(Int64((date.timeIntervalSince1970 * 1_000_000).rounded())) }
                let fields: [String] = [
                    Self.jsonString(stream), String(try row.get(1, as: Int64.self)), Self.jsonString(try row.get(2)),
                    String(try row.get(3, as: Int.self)), try row.get(4), Self.jsonString(try row.get(5)),
                    Self.jsonString(try row.get(6)), Self.jsonString(try row.get(7)),
                    try row.decode(8, as: String.self).map(Self.jsonString) ?? "null", Self.jsonString(try row.get(9)),
                    try row.decode(10, as: String.self).map(Self.jsonString) ?? "null",
                    microseconds(try row.get(11)), microseconds(try row.get(12)),
                ]
                let content = "[" + fields.joined(separator: ", ") + "]"
                // PostgreSQL's sha256 is the standard function; what is checked here is the content bytes.
                let expected: String = try connection.execute(
                    "SELECT encode(sha256(decode($1, 'hex') || convert_to($2, 'UTF8')), 'hex')",
                    [previous[stream] ?? "", content])[0].get(0)
                let stored: String = try row.get(13)
                #expect(stored == expected, "\(stream): \(content)")
                previous[stream] = stored
            }
        }
    }

    @Test func theChainRecomputedInPlainSQLEqualsTheStoredHashes() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            try Self.appendEveryForm(EventStore(connection: connection))
            let content = """
                convert_to(jsonb_build_array(e.stream_id, e.stream_version, e.event_type, e.schema_version, e.data, e.event_id,
                    e.command_id, e.actor, e.agency, e.correlation_id, e.causation_id,
                    (extract(epoch FROM e.occurred_at) * 1000000)::bigint, (extract(epoch FROM e.recorded_at) * 1000000)::bigint)::text, 'UTF8')
                """
            let result = try connection.execute("""
                WITH RECURSIVE chain AS (
                    SELECT e.stream_id, e.stream_version, sha256(\(content)) AS recomputed, e.hash
                    FROM eventstore.events e WHERE e.stream_version = 1
                    UNION ALL
                    SELECT e.stream_id, e.stream_version, sha256(c.recomputed || \(content)), e.hash
                    FROM chain c JOIN eventstore.events e ON e.stream_id = c.stream_id AND e.stream_version = c.stream_version + 1
                )
                SELECT count(*)::int, count(*) FILTER (WHERE recomputed = hash)::int,
                       (SELECT count(*)::int FROM eventstore.streams s JOIN chain c
                          ON c.stream_id = s.stream_id AND c.stream_version = s.version AND c.recomputed = s.last_hash)
                FROM chain
                """)[0]
            #expect(try result.get(0, as: Int.self) == 12)
            #expect(try result.get(1, as: Int.self) == 12)
            #expect(try result.get(2, as: Int.self) == 4)
            let genesis = try Self.lastSeal(connection)
            #expect(try LogVerifier(connection: connection).verify() == .intact(
                LogCheck(events: 12, streams: 4, seals: 1, lastSeal: genesis)))
        }
    }

    /// Appends that wait for each other's stream row still chain to the hash committed before them.
    @Test func concurrentAppendsToTheSameStreamsChainInVersionOrder() throws {
        try TestDatabase.with { database in
            let threads = 4, appendsEach = 25
            let failures = ConcurrentFailures()
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                do {
                    let store = EventStore(connection: try database.connect())
                    for index in 0..<appendsEach {
                        let events = index % 3 == 0 ? [sampleEvent(index), sampleEvent(index + 1)] : [sampleEvent(index)]
                        try store.append(events, to: "hot-\(index % 2)", expecting: .any, metadata: metadata())
                    }
                } catch { failures.record("thread \(thread): \(error)") }
            }
            #expect(failures.all.isEmpty)
            let connection = try database.connect()
            let expected = threads * (appendsEach + (appendsEach + 2) / 3)
            #expect(try eventCount(connection) == expected)
            guard case .intact(let check) = try LogVerifier(connection: connection).verify() else {
                Issue.record("the log does not verify after concurrent appends")
                return
            }
            #expect(check.events == Int64(expected))
        }
    }

    static func lastSeal(_ connection: Connection) throws -> LogSeal {
        let row = try connection.execute(
            "SELECT seal_number, last_position, encode(hash, 'hex') FROM eventstore.seals ORDER BY seal_number DESC LIMIT 1")[0]
        return LogSeal(number: try row.get(0), lastPosition: try row.get(1), hash: try row.get(2))
    }

    /// A JSON string as jsonb prints it: quotes, backslashes and control characters escaped, the rest as is.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Failures collected from worker threads.
final class ConcurrentFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []
    func record(_ failure: String) { lock.withLock { failures.append(failure) } }
    var all: [String] { lock.withLock { failures } }
}

import Foundation
import Postgres

/// A seal over the log (migration 0009): every event up to `lastPosition` in commit order, hashed and
/// chained to the seals before it. A printed seal pins the history it covers.
public struct LogSeal: Sendable, Equatable {
    /// 1 is the genesis seal, over every event recorded before hashes were.
    public let number: Int64
    /// The position of the last event it covers, in commit order (0: none yet).
    public let lastPosition: Int64
    /// sha256 as 64 lower-case hex digits.
    public let hash: String

    public init(number: Int64, lastPosition: Int64, hash: String) {
        self.number = number
        self.lastPosition = lastPosition
        self.hash = hash
    }

    /// The one line a printed report carries, and `jointops verify --against` reads back.
    public var line: String { "日志封印 Log seal #\(number): position \(lastPosition), hash \(hash)" }

    /// The seal hash in `text`: the first run of 64 hex digits (the printed line, or the hash alone).
    public static func hash(in text: String) -> String? {
        let hex = Set("0123456789abcdefABCDEF")
        var run = ""
        for character in text + " " {
            if hex.contains(character) { run.append(character); continue }
            if run.count == 64 { return run.lowercased() }
            run = ""
        }
        return nil
    }

    /// Seals the log up to the last event below the readable horizon (no seal when nothing new is there).
    /// Needs the projector's grants; appends are never held up by it.
    @discardableResult
    public static func sealLog(on connection: Connection) throws -> LogSeal? {
        let result = try connection.execute(
            "SELECT seal_number, last_position, encode(hash, 'hex') FROM eventstore.seal_log()")
        guard result.rowCount > 0 else { return nil }
        return LogSeal(number: try result[0].get(0), lastPosition: try result[0].get(1), hash: try result[0].get(2))
    }

    /// The seal covering the position the `reporting` views were read at, sealing first when none does
    /// yet and this session may seal (an analyst's may not, nor a standby: then nil until a projector seals).
    public static func coveringReportingViews(on connection: Connection) throws -> LogSeal? {
        if let seal = try readCovering(on: connection) { return seal }
        guard try maySeal(on: connection) else { return nil }
        try sealLog(on: connection)
        return try readCovering(on: connection)
    }

    /// Whether this session may run `eventstore.seal_log()` (the projector's right).
    public static func maySeal(on connection: Connection) throws -> Bool {
        // By oid: naming eventstore.seal_log() would fail for a login without USAGE on the schema.
        try connection.execute("""
            SELECT NOT pg_catalog.pg_is_in_recovery() AND pg_catalog.has_schema_privilege('eventstore', 'USAGE') AND EXISTS (
                SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'eventstore' AND p.proname = 'seal_log'
                  AND pg_catalog.has_function_privilege(p.oid, 'EXECUTE'))
            """)[0].get(0)
    }

    /// Whether this session may read the event store (an analyst's may not: it reads `reporting` only).
    public static func mayReadLog(on connection: Connection) throws -> Bool {
        try connection.execute("SELECT pg_catalog.has_schema_privilege('eventstore', 'USAGE')")[0].get(0)
    }

    /// For a login that reads `reporting` only (an analyst's): whether the log holds the seal `hash` and
    /// every event's hash chain and every seal up to it still match (`reporting.check_seal`, migration 0018).
    /// A clean check counts seals only (`events` and `streams` are 0).
    public static func check(_ hash: String, on connection: Connection) throws -> LogVerification {
        let row = try connection.execute("""
            SELECT seal_number, last_position, altered_seal, altered_first_position, altered_last_position,
                   altered_event_position, altered_event_stream, altered_event_version
            FROM reporting.check_seal($1)
            """, [hash])[0]
        guard !row.isNull(0) else { return .altered(.unknownSeal(hash: hash)) }
        if !row.isNull(5) {
            return .altered(.event(position: try row.get(5), stream: try row.get(6), version: try row.get(7)))
        }
        if !row.isNull(2) {
            return .altered(.seal(number: try row.get(2), firstPosition: try row.decode(3), lastPosition: try row.get(4)))
        }
        let number: Int64 = try row.get(0)
        return .intact(LogCheck(events: 0, streams: 0, seals: number,
                                lastSeal: LogSeal(number: number, lastPosition: try row.get(1), hash: hash)))
    }

    private static func readCovering(on connection: Connection) throws -> LogSeal? {
        let result = try connection.execute("SELECT seal_number, last_position, hash FROM reporting.log_seal()")
        guard result.rowCount > 0 else { return nil }
        return LogSeal(number: try result[0].get(0), lastPosition: try result[0].get(1), hash: try result[0].get(2))
    }
}

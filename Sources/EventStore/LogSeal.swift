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
        // By oid: naming eventstore.seal_log() would fail for a login without USAGE on the schema.
        let maySeal: Bool = try connection.execute("""
            SELECT NOT pg_catalog.pg_is_in_recovery() AND pg_catalog.has_schema_privilege('eventstore', 'USAGE') AND EXISTS (
                SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'eventstore' AND p.proname = 'seal_log'
                  AND pg_catalog.has_function_privilege(p.oid, 'EXECUTE'))
            """)[0].get(0)
        guard maySeal else { return nil }
        try sealLog(on: connection)
        return try readCovering(on: connection)
    }

    private static func readCovering(on connection: Connection) throws -> LogSeal? {
        let result = try connection.execute("SELECT seal_number, last_position, hash FROM reporting.log_seal()")
        guard result.rowCount > 0 else { return nil }
        return LogSeal(number: try result[0].get(0), lastPosition: try result[0].get(1), hash: try result[0].get(2))
    }
}

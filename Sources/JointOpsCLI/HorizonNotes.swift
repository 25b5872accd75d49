import EventStore
import Foundation
import JointOps

/// The lines `project` and `report` print about what their figures leave out: quarantined streams and
/// events held back behind a long transaction (issue 13).
enum HorizonNotes {
    /// `JOINTOPS_HELD_BACK_WARN_SECONDS`: how long committed events may wait behind the horizon before
    /// `report` and `project run` warn (default 60 s).
    static func warnAfterSeconds(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Double {
        guard let text = environment["JOINTOPS_HELD_BACK_WARN_SECONDS"], !text.isEmpty else { return 60 }
        guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
            throw UserFacingError.usage("JOINTOPS_HELD_BACK_WARN_SECONDS `\(text)` is not a number of seconds: "
                                        + "set it to e.g. 60, or unset it")
        }
        return seconds
    }

    /// One warning line when committed events have waited behind the horizon longer than the threshold.
    static func warnIfHeldLong(_ horizon: HeldBackHorizon?) throws {
        guard let horizon, horizon.heldLonger(than: try warnAfterSeconds()) else { return }
        FileHandle.standardError.write(Data(("jointops: warning: \(ProjectionHealth.count(horizon.waitingEvents, "committed event")) "
            + "\(horizon.waitingEvents == 1 ? "has" : "have") waited "
            + "\(seconds(horizon.heldSeconds)) behind \(describe(horizon.holder)); the projections cannot pass it until "
            + "it ends. Ask its owner to commit or roll back; `jointops project status` shows it.\n").utf8))
    }

    /// One note when the figures leave out quarantined streams.
    static func quarantineNote(_ streams: Int) {
        guard streams > 0 else { return }
        FileHandle.standardError.write(Data(("jointops: note: these figures leave out \(streams) "
            + (streams == 1 ? "stream" : "streams") + " set aside after an event a projection could not apply; "
            + "`jointops project status` lists them, `jointops project retry` replays them once fixed.\n").utf8))
    }

    /// "transaction 1234 (database jointops, user jt_writer, application psql, pid 4567, running 80 s,
    /// idle in transaction)"; what this login may not see is left out.
    static func describe(_ holder: HeldBackHorizon.Holder?) -> String {
        guard let holder else { return "a transaction that has just ended or is starting" }
        var parts: [String] = []
        if let database = holder.database { parts.append("database \(database)") }
        if let user = holder.user { parts.append("user \(user)") }
        if let application = holder.applicationName { parts.append("application \(application.isEmpty ? "(none)" : application)") }
        if let pid = holder.pid { parts.append("pid \(pid)") }
        parts.append(holder.transactionSeconds.map { "running \(seconds($0))" }
                     ?? "age not visible to this login (needs pg_read_all_stats)")
        if let state = holder.state { parts.append(state) }
        return "transaction \(holder.transactionId) (\(parts.joined(separator: ", ")))"
    }

    static func seconds(_ value: Double) -> String { "\(Int(value.rounded())) s" }
}

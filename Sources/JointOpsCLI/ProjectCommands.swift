import ArgumentParser
import Dispatch
import EventStore
import Foundation
import JointOps
import Postgres

/// `jointops project run|status|rebuild`: the projector.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Run, inspect and rebuild the projections behind schema `reporting`.",
        discussion: Help.discussion(examples: "jointops project status", "jointops project run --once"),
        subcommands: [Run.self, Status.self, Rebuild.self, Retry.self]
    )

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Catch up, then follow the event log live until SIGINT or SIGTERM.",
            discussion: Help.discussion("""
                Survives server restarts and lost connections: it reconnects after 0.2 s, doubling up to 10 s, \
                and exits only on SIGINT or SIGTERM (status 0, after the last committed batch). It writes one line \
                to stderr per change of state (connected, caught up, waiting, reconnecting, quarantined, stopped), \
                each starting with an ISO 8601 time in China Standard Time (+08:00). \
                JOINTOPS_HELD_BACK_WARN_SECONDS (default 60) is how long events may wait behind a running \
                transaction before it says so.
                """, examples: "jointops project run", "jointops project run --once --batch-size 500"))

        @Option(name: .customLong("batch-size"), help: "Events per transaction.") var batchSize = 1000
        @Flag(help: "Catch up once and exit instead of following.") var once = false

        func validate() throws {
            guard batchSize > 0 else { throw ValidationError("--batch-size must be a positive number, e.g. --batch-size 500") }
        }

        func run() throws {
            let stop = StopSignal.install()
            // Connecting waits (a server that accepts the socket and never answers) end on SIGINT/SIGTERM too.
            try Connection.$interruption.withValue({ stop.isSet() }) { try follow(until: stop) }
        }

        private func follow(until stop: StopSignal) throws {
            let database = Database()
            let progress = Progress()
            if once {
                let runner: ProjectionRunner
                do { runner = try database.projector(batchSize: batchSize) } catch let error as PostgresError
                    where error.kind == .interrupted { return }
                try runner.install()
                let patience = 5.0
                if !(try runner.catchUpWithCommitted(waitingAtMost: .seconds(patience), shouldStop: stop.isSet,
                                                     progress: progress.report)) {
                    progress.finish()
                    heldBackNote(waited: patience, "the projections stop short of them")
                }
                try runner.sealCaughtUp()
                progress.finish()
                try HorizonNotes.warnIfHeldLong(try runner.heldBackHorizon())
                HorizonNotes.quarantineNote(try runner.quarantined().count)
            } else {
                // Until SIGINT/SIGTERM: a lost connection or a server restart is waited out, not fatal.
                let supervisor = database.projectionSupervisor(batchSize: batchSize)
                supervisor.heldBackAfter = try HorizonNotes.warnAfterSeconds()
                let log = ProjectorLog()
                try supervisor.run(shouldStop: stop.isSet, pause: stop.wait, progress: progress.report, report: { state in
                    // An attempt cut short by the stop request is no reconnection: only "stopped" follows.
                    if case .reconnecting = state, stop.isSet() { return }
                    progress.finish()
                    log.say(state)
                }, afterCatchUp: { runner in try runner.sealCaughtUp() })
            }
            progress.finish()
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each projection's version, position and lag; with --check, whether they keep up.",
            discussion: Help.discussion("""
                A check never starts the local PostgreSQL: when it is stopped, this says so in one line and exits 5.
                """, examples: "jointops project status", "jointops project status --check --max-lag-seconds 60"))

        @OptionGroup var format: FormatOption
        @OptionGroup var health: ProjectHealthOptions

        func run() throws {
            // A bad limit is a usage error even with the database down.
            let thresholds = health.check ? try health.thresholds() : nil
            // It reports what it finds: a stopped local server is news for whoever checks, not a job for the check.
            let runner = try Database(startsLocalServer: false).projector()
            if let thresholds {
                let verdict = ProjectionHealth(status: try runner.status(), horizon: try runner.heldBackHorizon(),
                                               quarantined: try runner.quarantined().count, thresholds: thresholds)
                guard verdict.isHealthy else { throw UserFacingError(verdict.summary, status: .ruleRefused) }
                print(verdict.summary)
                return
            }
            let rows = try runner.status().map { status in
                [status.name, status.version.map { "v\($0)" } ?? "not installed", status.position.description,
                 String(status.lag.events), String(format: "%.1f", status.lag.seconds), String(status.lag.heldBack)]
            }
            emit(Table(["projection", "version", "position", "lag_events", "lag_seconds", "held_back"], rows: rows),
                 format.format)
            let quarantined = try runner.quarantined()
            if !quarantined.isEmpty {
                print("\nquarantined streams (their later events are held until `jointops project retry`):")
                emit(Table(["projection", "stream", "position", "event", "held_events", "sqlstate", "since", "error"],
                           rows: quarantined.map {
                               [$0.projection, $0.streamId, $0.position.description, "\($0.eventType)@\($0.streamVersion)",
                                String($0.heldEvents), $0.sqlState, ShanghaiTime.iso($0.quarantinedAt), $0.error]
                           }), format.format)
            }
            let horizon = try runner.heldBackHorizon()
            if horizon.waitingEvents > 0 {
                print("\nheld back: \(ProjectionHealth.count(horizon.waitingEvents, "committed event")) "
                      + "\(horizon.waitingEvents == 1 ? "waits" : "wait") behind "
                      + "\(HorizonNotes.describe(horizon.holder)) for \(HorizonNotes.seconds(horizon.heldSeconds))")
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay the held events of quarantined streams in order, after a fix; still failing, they stay set aside.",
            discussion: Help.discussion(examples: "jointops project retry", "jointops project retry cases --stream CASE-2026-0012"))

        @Argument(help: "Only this projection (default: every projection).") var projection: String?
        @Option(help: "Only this stream, e.g. CASE-2026-0012.") var stream: String?

        func run() throws {
            let runner = try Database().projector()
            try runner.install()
            let outcome = try runner.retryQuarantined(projection: projection, stream: stream)
            for entry in outcome.released {
                print("released \(entry.streamId) in \(entry.projection): its held events are applied")
            }
            for entry in outcome.stillQuarantined {
                print("still quarantined \(entry.streamId) in \(entry.projection) from \(entry.eventType)@\(entry.streamVersion): "
                      + "\(entry.error) (SQLSTATE \(entry.sqlState))")
            }
            if outcome.released.isEmpty && outcome.stillQuarantined.isEmpty {
                print("no quarantined streams" + (stream.map { " for stream \($0)" } ?? "")
                      + (projection.map { " in \($0)" } ?? ""))
            }
        }
    }

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build version N+1 of a projection from the start, then switch the reporting views to it.",
            discussion: Help.discussion(examples: "jointops project rebuild cases", "jointops project rebuild all"))

        @Argument(help: "The projection: registry, operations, cases, rectification, referrals, outreach, rule_of_law, commitments, duties, or all.")
        var name: String

        func run() throws {
            let runner = try Database().projector()
            try runner.install()
            let progress = Progress()
            let names = name == "all" ? runner.projections.map(\.name) : [name]
            try runner.rebuild(names) { progress.report(name, $0) }
            try runner.sealCaughtUp()
            progress.finish()
            let versions = try runner.status().filter { names.contains($0.name) }
                .map { "\($0.name) v\($0.version ?? 0)" }.joined(separator: ", ")
            print("rebuilt \(name): the reporting views now read \(versions)")
        }
    }
}

/// Progress on a terminal (stderr), nothing when piped.
final class Progress {
    let enabled = isatty(STDERR_FILENO) == 1
    private var last = Date.distantPast

    func report(_ name: String, _ events: Int) {
        guard enabled, Date().timeIntervalSince(last) > 0.2 else { return }
        last = Date()
        FileHandle.standardError.write(Data("\r\(name): \(ProjectionHealth.count(events, "event"))".utf8))
    }

    func finish() { if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

/// SIGINT/SIGTERM set a flag the projector checks between batches, so it stops after a commit; `wait`
/// (the pause between reconnection attempts) ends early when it is set.
final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var sources: [DispatchSourceSignal] = []

    static func install() -> StopSignal {
        let flag = StopSignal()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.set() }
            source.resume()
            flag.sources.append(source)
        }
        return flag
    }

    func set() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func isSet() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Waits `duration`, or less when the flag is set meanwhile.
    func wait(_ duration: Duration) {
        let deadline = Date().addingTimeInterval(duration.inSeconds)
        condition.lock()
        defer { condition.unlock() }
        while !stopped && condition.wait(until: deadline) {}
    }
}

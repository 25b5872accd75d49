import ArgumentParser
import EventStore
import Foundation

/// `jointops-bench`: the event store against the raw PostgreSQL ceiling, on a throw-away cluster.
struct JointOpsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jointops-bench",
        abstract: "Measure the event store against plain PostgreSQL on the same machine, in the same run.",
        discussion: """
            Starts its own PostgreSQL cluster (fsync and synchronous_commit on), prints one line per figure \
            (`run=1 workload=append-1 writers=16 notify=on events_per_s=… p50_ms=… ratio=…`), then the medians \
            over the runs as `summary …` lines and a Markdown table. Ratios compare figures of the same run.
            """)

    @Flag(help: "A short run for `make bench`: 2 s per figure, 1 run, 20,000 events to read.")
    var quick = false

    @Option(help: "Seconds each figure measures (default 10; 2 with --quick).")
    var seconds: Double?

    @Option(help: "Repeat every workload this many times and report the median and min–max (default 3; 1 with --quick).")
    var runs: Int?

    @Option(help: "Events read-all and the raw read go over (default 100000; 20000 with --quick).")
    var events: Int?

    @Option(name: .customLong("domain-events"),
            help: "Domain events catch-up, rebuild and reports run over (default 1000000; 20000 with --quick).")
    var domainEvents: Int?

    @Option(name: .customLong("cli-runs"), help: "Invocations per CLI figure (default 30; 10 with --quick).")
    var cliRuns: Int?

    @Option(help: "Comma-separated writer counts for append-1 and its raw ceiling.")
    var writers = "1,4,16"

    @Option(help: "Comma-separated append NOTIFY modes: on (the default store) and/or off.")
    var notify = "on,off"

    @Option(help: "Only these workloads (comma-separated): append-1, append-batch, hot-stream, read-all, catch-up, report, cli, hash-cost.")
    var only: String?

    @Option(name: .customLong("hash-rounds"), help: "hash-cost: alternating rounds per writer count (default 12).")
    var hashRounds = 12

    @Option(name: .customLong("round-seconds"), help: "hash-cost: seconds each side runs in a round (default 1).")
    var roundSeconds = 1.0

    @Option(help: "The jointops binary for the cli figures (default: next to this program).")
    var jointops: String?

    @Option(help: "Where the throw-away cluster lives (default /tmp/jointops-bench-<pid>).")
    var root: String?

    @Flag(help: "Keep the cluster running afterwards, with the last run's caught-up copy of the domain events (prints how to connect).")
    var keep = false

    @Flag(name: .customLong("reuse-template"),
          help: "With --root naming a kept cluster: use its template of domain events if it holds at least --domain-events events, instead of loading them again.")
    var reuseTemplate = false

    static let workloads = ["append-1", "append-batch", "hot-stream", "read-all", "catch-up", "report", "cli", "hash-cost"]

    func validate() throws {
        if let seconds, seconds <= 0 { throw ValidationError("--seconds must be positive, e.g. --seconds 10") }
        guard hashRounds > 0, roundSeconds > 0 else {
            throw ValidationError("--hash-rounds and --round-seconds must be positive, e.g. --hash-rounds 12 --round-seconds 1")
        }
        if let runs, runs < 1 { throw ValidationError("--runs must be at least 1") }
        if let events, events < 1000 { throw ValidationError("--events must be at least 1000 (one page)") }
        if let domainEvents, domainEvents < 1000 { throw ValidationError("--domain-events must be at least 1000") }
        guard writerCounts.count > 0, writerCounts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--writers takes positive counts, e.g. --writers 1,4,16")
        }
        guard notifyModes.count > 0 else { throw ValidationError("--notify takes on and/or off, e.g. --notify on,off") }
        for name in selected where !Self.workloads.contains(name) {
            throw ValidationError("unknown workload \(name): use \(Self.workloads.joined(separator: ", "))")
        }
    }

    var writerCounts: [Int] { writers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    var notifyModes: [AppendWorkloads.Notify] { notify.split(separator: ",").compactMap { .init(rawValue: String($0)) } }
    var selected: [String] { only.map { $0.split(separator: ",").map(String.init) } ?? Self.workloads }

    var plan: BenchPlan {
        BenchPlan(seconds: seconds ?? (quick ? 2 : 10), runs: runs ?? (quick ? 1 : 3),
                  events: events ?? (quick ? 20_000 : 100_000), cliRuns: cliRuns ?? (quick ? 10 : 30),
                  domainEvents: domainEvents ?? (quick ? 20_000 : 1_000_000),
                  writers: writerCounts, notify: notifyModes, workloads: Set(selected),
                  jointops: CLIWorkload.locate(jointops), hashRounds: hashRounds, roundSeconds: roundSeconds)
    }

    func run() throws {
        let root = URL(fileURLWithPath: self.root ?? "/tmp/jointops-bench-\(getpid())")
        emit("# jointops-bench: starting a throw-away cluster at \(root.path)")
        let database = try BenchDatabase.create(root: root)
        defer {
            if keep { emit("# kept: psql \"\(database.conninfo)\"") } else { database.destroy() }
        }
        for (name, value) in try database.settings() {
            emit(name == "version" ? "postgres version=\"\(value)\"" : "setting \(name)=\(value)")
        }
        let plan = self.plan
        emit("# plan: seconds=\(plan.seconds) runs=\(plan.runs) events=\(plan.events) domain_events=\(plan.domainEvents) "
             + "cli_runs=\(plan.cliRuns) "
             + "writers=\(writers) notify=\(notify) workloads=\(selected.joined(separator: ","))")
        var figures: [Figure] = []
        if plan.workloads.contains("catch-up") || plan.workloads.contains("report") {
            if reuseTemplate, let held = try DomainWorkloads.templateEvents(cluster: database.cluster), held >= plan.domainEvents {
                emit("# reusing the template database: \(held) domain events loaded by an earlier run")
            } else {
                emit("# loading \(plan.domainEvents) domain events into the template database (once for all runs)")
                let load = try DomainWorkloads.loadTemplate(events: plan.domainEvents, cluster: database.cluster)
                emit(Figure("domain-load", writers: 2, load).line(run: 0))
            }
        }
        for run in 1...plan.runs {
            try BenchRun(plan: plan, database: database, run: run, keepsCopy: keep && run == plan.runs).measure { figure in
                emit(figure.line(run: run))
                figures.append(figure)
            }
        }
        let summaries = Summary.of(figures)
        for summary in summaries { emit(summary.line) }
        emit("")
        emit(Summary.markdown(summaries))
    }
}

/// Prints a line and flushes it, so a long run shows progress through a pipe.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

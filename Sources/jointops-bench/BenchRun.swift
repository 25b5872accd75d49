import Foundation
import Postgres

/// What to measure and for how long.
struct BenchPlan {
    var seconds: Double
    var runs: Int
    var events: Int
    var cliRuns: Int
    /// Domain events the catch-up, rebuild and report figures run over.
    var domainEvents: Int
    var writers: [Int]
    var notify: [AppendWorkloads.Notify]
    var workloads: Set<String>
    var jointops: String?
    /// `hash-cost`: alternating rounds per writer count, and each side's seconds in a round.
    var hashRounds = 12
    var roundSeconds = 1.0
}

/// One run of every selected workload, each right after its raw ceiling so both see the same machine.
struct BenchRun {
    let plan: BenchPlan
    let database: BenchDatabase
    let run: Int
    /// Leaves this run's caught-up copy of the domain template in place (`--keep`), for EXPLAIN.
    var keepsCopy = false

    var conninfo: String { database.conninfo }
    var readSide: Bool { plan.workloads.contains("catch-up") || plan.workloads.contains("report") }

    func measure(_ report: (Figure) -> Void) throws {
        let seconds = plan.seconds
        if plan.workloads.contains("append-1") {
            for writers in plan.writers {
                let raw = try RawWorkloads.insertOne(writers: writers, seconds: seconds, conninfo: conninfo)
                report(Figure("raw-insert-1", writers: writers, raw))
                for notify in plan.notify {
                    let append = try AppendWorkloads.appendOne(writers: writers, notify: notify, seconds: seconds, conninfo: conninfo)
                    report(Figure("append-1", writers: writers, notify: notify.rawValue, append,
                                  ratio: append.eventsPerSecond / raw.eventsPerSecond))
                    // The same statement on the twin database whose hash functions are constants.
                    let unhashed = try AppendWorkloads.appendOne(writers: writers, notify: notify, seconds: seconds,
                                                                 conninfo: database.unhashedConninfo)
                    report(Figure("append-1-unhashed", writers: writers, notify: notify.rawValue, unhashed,
                                  ratio: unhashed.eventsPerSecond / raw.eventsPerSecond))
                    report(Figure("append-1-hashed/unhashed", writers: writers, notify: notify.rawValue, append,
                                  ratio: append.eventsPerSecond / unhashed.eventsPerSecond))
                }
            }
        }
        if plan.workloads.contains("hash-cost") { try measureHashCost() }
        if plan.workloads.contains("append-batch") {
            let raw = try RawWorkloads.insertMany(rows: 100, seconds: seconds, conninfo: conninfo)
            report(Figure("raw-insert-100", writers: 1, raw))
            for notify in plan.notify {
                let append = try AppendWorkloads.appendBatch(size: 100, notify: notify, seconds: seconds, conninfo: conninfo)
                report(Figure("append-batch", writers: 1, notify: notify.rawValue, append,
                              ratio: append.eventsPerSecond / raw.eventsPerSecond))
            }
        }
        if plan.workloads.contains("hot-stream") {
            report(Figure("hot-stream", writers: 4, notify: "on",
                          try AppendWorkloads.hotStream(writers: 4, seconds: seconds, conninfo: conninfo)))
        }
        if plan.workloads.contains("read-all") {
            try AppendWorkloads.seed(events: plan.events, conninfo: conninfo)
            try ReadWorkloads.seedRaw(events: plan.events, conninfo: conninfo)
            let raw = try RawWorkloads.read(events: plan.events, seconds: seconds, conninfo: conninfo)
            report(Figure("raw-read", writers: 1, raw))
            let decoded = try ReadWorkloads.readAll(events: plan.events, seconds: seconds, conninfo: conninfo)
            report(Figure("read-all", writers: 1, decoded, ratio: decoded.eventsPerSecond / raw.eventsPerSecond))
            let sql = try ReadWorkloads.readAllUndecoded(events: plan.events, seconds: seconds, conninfo: conninfo)
            report(Figure("read-all-sql", writers: 1, sql, ratio: sql.eventsPerSecond / raw.eventsPerSecond))
        }
        if readSide { try measureReadSide(report) }
        if plan.workloads.contains("cli") {
            guard let jointops = plan.jointops else {
                emit("# cli: skipped, no jointops binary next to this one; build it with "
                     + "`swift build -c release --scratch-path .build-bench --product jointops` or pass --jointops")
                return
            }
            for invocation in [CLIWorkload.eventsList, CLIWorkload.agencyRegister] {
                let measurement = try CLIWorkload.measure(invocation, executable: jointops, times: plan.cliRuns,
                                                          conninfo: conninfo, start: Int.random(in: 0..<1_000_000_000))
                report(Figure(invocation.name, writers: 1, measurement))
            }
        }
    }

    /// The hash chain's price at every writer count, in alternating rounds (`HashCostWorkload`).
    func measureHashCost() throws {
        for notify in plan.notify {
            let results = try plan.writers.map { writers in
                try HashCostWorkload.measure(writers: writers, rounds: plan.hashRounds, roundSeconds: plan.roundSeconds,
                                             notify: notify, database: database)
            }
            HashCostWorkload.report(results, notify: notify)
        }
    }

    /// Catch-up, rebuild and reports on this run's own copy of the domain template.
    func measureReadSide(_ report: (Figure) -> Void) throws {
        let copy = try DomainWorkloads.copyTemplate(run: run, cluster: database.cluster)
        defer {
            if keepsCopy { emit("# kept the caught-up copy: psql \"\(copy)\"") }
            else { try? DomainWorkloads.dropCopy(run: run, cluster: database.cluster) }
        }
        // The reports need the projections, so they are caught up even when only reports are asked for.
        let caughtUp = try DomainWorkloads.catchUp(conninfo: copy, events: plan.domainEvents)
        if plan.workloads.contains("catch-up") {
            report(Figure("catch-up", writers: 1, caughtUp))
            report(Figure("rebuild", writers: 1, try DomainWorkloads.rebuild(conninfo: copy, events: plan.domainEvents)))
        }
        if plan.workloads.contains("report") {
            let connection = try Connection(copy)
            for query in DomainWorkloads.reportCases() {
                let seconds = max(0.5, plan.seconds / 2)
                let whole = Figure("report " + query.label, writers: 1, try DomainWorkloads.report(query, seconds: seconds, conninfo: copy))
                report(whole)
                guard query.name != "annual" else { continue }
                // The pages beside the whole report, in the same run: ratio = the page's p99 ÷ the whole's.
                for read in [DomainWorkloads.ReportCase.Read.firstPage, .lastPage] {
                    let page = try query.reading(read, on: connection)
                    var figure = Figure("report " + page.label, writers: 1, try DomainWorkloads.report(page, seconds: seconds, conninfo: copy))
                    figure.ratio = whole.p99 > 0 ? figure.p99 / whole.p99 : nil
                    report(figure)
                }
            }
        }
    }
}

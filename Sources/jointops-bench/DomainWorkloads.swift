import Dispatch
import Enforcement
import EventStore
import Foundation
import JointOps
import JointOpsDemo
import Postgres

/// The read side over a synthetic year of real domain events: projection catch-up from zero, a full
/// rebuild, and the latency of every report.
///
/// The events are loaded once into a template database; each run copies it (`CREATE DATABASE …
/// TEMPLATE`), so every run's catch-up really starts from zero on the same history.
enum DomainWorkloads {
    static let templateName = "jointops_bench_domain"

    /// Creates the template database with at least `events` domain events (cases, operations,
    /// rectification items, referrals, outreach): one append per stream, 50 streams per transaction
    /// (a bulk import: one commit flush per 50 streams), from two writers.
    static func loadTemplate(events: Int, cluster: LocalCluster) throws -> Measurement {
        let admin = try Connection(cluster.conninfo(database: "postgres"))
        let name = try admin.quoteIdentifier(templateName)
        try admin.run("DROP DATABASE IF EXISTS " + name)
        try admin.run("CREATE DATABASE " + name)
        let conninfo = cluster.conninfo(database: templateName)
        try Migrator(connection: try Connection(conninfo), migrations: SchemaFiles.migrations()).migrate()

        var history = SyntheticHistory(seed: 2023)
        let streams = history.streams(events: events)
        let work = UncheckedSendable(streams)
        let cursor = Shared(0)
        let perTransaction = 50
        let measurement = try WriterPool.measure(threads: 2, seconds: .infinity, conninfo: conninfo, warmUp: false) { _, connection in
            let store = EventStore(connection: connection, notifiesSubscribers: false)
            return {
                let first = cursor.update { value -> Int in value += perTransaction; return value - perTransaction }
                let chunk = work.value[min(first, work.value.count)..<min(first + perTransaction, work.value.count)]
                guard !chunk.isEmpty else { return StepOutcome(events: 0, finished: true) }
                var appended = 0
                try connection.transaction {
                    for stream in chunk {
                        let events = try stream.events.map { try SyntheticHistory.newEvent($0.type, $0.json, checked: false) }
                        try store.append(events, to: stream.id, expecting: .noStream,
                                         metadata: CommandMetadata(actor: "基准测试", agency: "WSJT"))
                        appended += events.count
                    }
                }
                return StepOutcome(events: appended)
            }
        }
        // As after any bulk load: fresh statistics and visibility map, so the runs do not pay for it.
        try Connection(conninfo).run("VACUUM (ANALYZE)")
        return measurement
    }

    /// The events of the template an earlier run left (`--keep`), nil when there is none.
    static func templateEvents(cluster: LocalCluster) throws -> Int? {
        let admin = try Connection(cluster.conninfo(database: "postgres"))
        guard try admin.execute("SELECT 1 FROM pg_database WHERE datname = $1", [templateName]).rowCount > 0 else { return nil }
        return Int(try Connection(cluster.conninfo(database: templateName))
            .execute("SELECT count(*) FROM eventstore.events")[0].int64(0))
    }

    /// A fresh copy of the template for one run.
    static func copyTemplate(run: Int, cluster: LocalCluster) throws -> String {
        let admin = try Connection(cluster.conninfo(database: "postgres"))
        let copy = "jointops_bench_domain_run\(run)"
        try admin.run("DROP DATABASE IF EXISTS " + (try admin.quoteIdentifier(copy)))
        // FILE_COPY copies the files after a checkpoint instead of writing every page to the WAL.
        try admin.run("CREATE DATABASE \(try admin.quoteIdentifier(copy)) TEMPLATE "
                      + "\(try admin.quoteIdentifier(templateName)) STRATEGY FILE_COPY")
        return cluster.conninfo(database: copy)
    }

    static func dropCopy(run: Int, cluster: LocalCluster) throws {
        let admin = try Connection(cluster.conninfo(database: "postgres"))
        try admin.run("DROP DATABASE IF EXISTS " + (try admin.quoteIdentifier("jointops_bench_domain_run\(run)")))
    }

    /// `install()` and `catchUp()` of every projection from zero; one latency sample per batch.
    static func catchUp(conninfo: String, events: Int) throws -> Measurement {
        let runner = ProjectionRunner(connection: try Connection(conninfo))
        return try timedBatches(events: events) { record in
            try runner.install()
            try runner.catchUp(progress: { _, _ in record() })
        }
    }

    /// `rebuild` of every projection at once (`jointops project rebuild all`): one pass over the log.
    static func rebuild(conninfo: String, events: Int) throws -> Measurement {
        let runner = ProjectionRunner(connection: try Connection(conninfo))
        return try timedBatches(events: events) { record in
            try runner.rebuild(runner.projections.map(\.name)) { _ in record() }
        }
    }

    /// Runs `body` once, recording the time between successive `record()` calls; the events per second
    /// are `events` over the whole run.
    static func timedBatches(events: Int, _ body: (_ record: () -> Void) throws -> Void) throws -> Measurement {
        var measurement = Measurement()
        let began = WriterPool.now()
        var last = began
        try body {
            let now = WriterPool.now()
            _ = measurement.latency.record(max(1, (now - last) / 1000))
            measurement.operations += 1
            last = now
        }
        measurement.seconds = Double(WriterPool.now() - began) / 1e9
        measurement.events = events
        return measurement
    }

    /// One report as an analyst asks for it: the summaries whole, the registers one month at a time; read
    /// whole (as `report` read before paging: the "before"), and as its first and its last page of 100 rows.
    struct ReportCase {
        enum Read: String { case whole, firstPage = "first page", lastPage = "last page" }

        let name: String
        var filter: ReportFilter
        var read = Read.whole
        var label: String {
            if let year = filter.year { return "\(name) --year \(year)" }
            let scope = filter.from == nil ? name : name + " (one month)"
            return scope + " " + read.rawValue
        }

        /// This report read as `read`; a last page resumes after the key of the row `pageSize` rows before the end.
        func reading(_ read: Read, on connection: Connection) throws -> ReportCase {
            var paged = self
            paged.read = read
            guard read != .whole else { return paged }
            paged.filter.limit = DomainWorkloads.pageSize
            if read == .lastPage, let key = ReportKey.of(name) {
                let whole = try ReportQuery.table(name, filter: filter, on: connection)
                if whole.rows.count > DomainWorkloads.pageSize {
                    paged.filter.after = key.text(of: whole.rows[whole.rows.count - DomainWorkloads.pageSize - 1],
                                                  headers: whole.headers)
                }
            }
            return paged
        }
    }

    /// The rows of a page in the paged figures (`--limit 100`).
    static let pageSize = 100

    /// Registers are read one month at a time (`--from 2023-06-01 --to 2023-06-30`); summaries, the
    /// small registries (agencies, campaigns) and `annual --year 2023` whole.
    static func reportCases() -> [ReportCase] {
        let june = ReportFilter(from: LocalDate(year: 2023, month: 6, day: 1), to: LocalDate(year: 2023, month: 6, day: 30))
        return ReportingViews.names.map { name in
            let register = ReportQuery.dateColumns[name] != nil && name != "campaigns"
            return ReportCase(name: name, filter: register ? june : ReportFilter())
        } + [ReportCase(name: "annual", filter: ReportFilter(year: 2023))]
    }

    /// Repeats one report for `seconds` on one connection; a step is one whole report (or page) read into memory.
    static func report(_ report: ReportCase, seconds: Double, conninfo: String) throws -> Measurement {
        try WriterPool.measure(threads: 1, seconds: seconds, conninfo: conninfo) { _, connection in
            return {
                if report.name == "annual" {
                    _ = try AnnualReport.load(year: report.filter.year ?? 2023, on: connection).markdown()
                    return StepOutcome(events: 0)
                }
                _ = try ReportQuery.page(report.name, filter: report.filter, on: connection)
                return StepOutcome(events: 0)
            }
        }
    }
}

/// A value handed to writer threads that only read it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

import EventStore
import Foundation
import Postgres

/// Keeps the projections up to date: installs their tables, catches up in batches, follows the log
/// live, and rebuilds one beside the old version.
///
/// Every batch of every projection is one transaction: take the projection's advisory lock, read its
/// active version and checkpoint, read the next events, write the rows, save the checkpoint. So a
/// crash loses or repeats nothing, and two runners (a `project run` and a `report` catching up) never
/// interleave their writes.
public final class ProjectionRunner {
    public let connection: Connection
    public let projections: [any Projection]
    public var batchSize: Int
    let store: EventStore
    let checkpoints: Checkpoints

    public init(connection: Connection, projections: [any Projection] = ProjectionCatalog.all, batchSize: Int = 1000) {
        self.connection = connection
        self.projections = projections
        self.batchSize = batchSize
        self.store = EventStore(connection: connection)
        self.checkpoints = Checkpoints(connection: connection)
    }

    /// `projection:NAME:vN`.
    public static func checkpointName(_ name: String, version: Int) -> String { "projection:\(name):v\(version)" }

    public func projection(named name: String) throws -> any Projection {
        guard let projection = projections.first(where: { $0.name == name }) else {
            throw ProjectionError.unknownProjection(name, known: projections.map(\.name))
        }
        return projection
    }

    // MARK: - Install

    /// Creates the tables of projections not installed yet, the working-day table and the
    /// `reporting` views; rebuilds a projection whose stored shape is older than the code's.
    public func install() throws {
        var outdated: [String] = []
        try connection.transaction {
            try lock("install")
            try WorkingDays.fill(on: connection)
            var versions = try activeVersions()
            var changed = false
            for projection in projections {
                if let installed = versions[projection.name] {
                    if installed.shape != projection.shapeVersion { outdated.append(projection.name) }
                    continue
                }
                let target = ProjectionTarget(versions: [projection.name: 1])
                try createTables(projection, target)
                try checkpoints.delete(Self.checkpointName(projection.name, version: 1))
                try connection.execute(
                    "INSERT INTO projections.versions (name, active_version, shape_version) VALUES ($1, 1, $2)",
                    [projection.name, projection.shapeVersion])
                versions[projection.name] = (1, projection.shapeVersion)
                changed = true
            }
            let viewsMissing = try ReportingViews.missing(on: connection)
            // With outdated projections the views are made by their rebuild's switch: the old tables
            // may lack what the new views read.
            if (changed || viewsMissing) && outdated.isEmpty {
                try ReportingViews.create(on: connection, target: ProjectionTarget(versions: versions.mapValues(\.version)))
            }
        }
        if !outdated.isEmpty { try rebuild(outdated) }
    }

    func createTables(_ projection: any Projection, _ target: ProjectionTarget) throws {
        for table in projection.allTables {
            try connection.run("DROP TABLE IF EXISTS \(target.table(table, of: projection.name)) CASCADE")
        }
        for statement in projection.createTables(target) { try connection.run(statement) }
        for rollup in Rollups.of(projection.name) { try connection.run(Rollups.create(rollup, target)) }
        for (table, name, key) in ReportingViews.filterIndexes[projection.name] ?? [] {
            let index = target.constraint(table, of: projection.name, "\(name)_idx")
            try connection.run("CREATE INDEX \(index) ON \(target.table(table, of: projection.name)) (\(key))")
        }
    }

    func activeVersions() throws -> [String: (version: Int, shape: Int)] {
        var versions: [String: (version: Int, shape: Int)] = [:]
        for row in try connection.execute("SELECT name, active_version, shape_version FROM projections.versions").rows {
            versions[try row.get(0)] = (try row.get(1), try row.get(2))
        }
        return versions
    }

    /// A transaction-scoped advisory lock per projection name.
    func lock(_ name: String) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtext('jointops.projection.' || $1))", [name])
    }

    // MARK: - Catch-up

    /// One version of one projection being filled: its tables and its checkpoint.
    struct Lane {
        let projection: any Projection
        let version: Int
        var target: ProjectionTarget { ProjectionTarget(versions: [projection.name: version]) }
        var checkpoint: String { ProjectionRunner.checkpointName(projection.name, version: version) }
    }

    /// Applies every event readable now to every projection; returns the number of batches written.
    ///
    /// All projections share each read of the log: one transaction per batch takes every projection's
    /// lock (in name order, so two runners cannot deadlock), reads the batch once from the earliest
    /// checkpoint, and gives each projection the events after its own checkpoint.
    ///
    /// - Parameter shouldStop: checked between batches (each batch is committed whole).
    /// - Parameter progress: "projections" and the events read so far, after each batch.
    @discardableResult
    public func catchUp(shouldStop: () -> Bool = { false }, progress: (String, Int) -> Void = { _, _ in }) throws -> Int {
        let names = projections.map(\.name).sorted()
        func activeLanes() throws -> [Lane] {
            let versions = try activeVersions()
            return projections.compactMap { projection in
                versions[projection.name].map { Lane(projection: projection, version: $0.version) }
            }
        }
        var batches = 0, events = 0, readAhead = true
        while !shouldStop() {
            let count = try connection.transaction { () -> Int in
                for name in names { try lock(name) }
                return try applyNextBatch(try activeLanes())
            }
            if count == 0 { break }
            events += count
            batches += 1
            progress("projections", events)
            // A full batch: more are waiting, so fold them ahead on a second connection (once).
            if count == batchSize && readAhead {
                readAhead = false
                let ahead = try applyReadAhead(try activeLanes(), locking: true, shouldStop: shouldStop) {
                    progress("projections", events + $0)
                }
                events += ahead.events
                batches += ahead.batches
            }
        }
        return batches
    }

    /// Catches up with every event committed before the call, as a reader of its own writes expects.
    /// `catchUp` stops at events held back behind a transaction still running (DESIGN.md §3); this
    /// first waits up to `timeout` for those to become readable. Returns false when some still were
    /// not, and the projections stop short of them.
    @discardableResult
    public func catchUpWithCommitted(waitingAtMost timeout: Duration = .seconds(5), shouldStop: () -> Bool = { false },
                                     progress: (String, Int) -> Void = { _, _ in }) throws -> Bool {
        let readable = try waitForCommitted(atMost: timeout)
        try catchUp(shouldStop: shouldStop, progress: progress)
        return readable
    }

    /// Waits up to `timeout` until every event committed before the call can be read; returns
    /// whether they all can.
    public func waitForCommitted(atMost timeout: Duration) throws -> Bool {
        guard let last = try store.lastCommittedPosition() else { return true }
        return try store.waitUntilReadable(through: last, timeout: timeout)
    }

    /// Reads the batch after the earliest checkpoint of `lanes`, applies to each lane the events after
    /// its own checkpoint and saves it: in the caller's transaction. Returns the events read (0 = all
    /// lanes are caught up).
    func applyNextBatch(_ lanes: [Lane]) throws -> Int {
        try planEachStatementForItsParameters()
        let starts = try lanes.map { try checkpoints.load($0.checkpoint) }
        guard let from = starts.min() else { return 0 }
        let events = try store.readAll(after: from, limit: batchSize)
        guard let last = events.last else { return 0 }
        for (lane, start) in zip(lanes, starts) where start < last.globalPosition {
            let handled = Self.handled(events, after: start, by: lane.projection)
            if !handled.isEmpty {
                try lane.projection.apply(ProjectionBatch(events: handled, end: last.globalPosition, recordedUpTo: nil),
                                          to: lane.target, on: connection)
            }
            // The checkpoint commits with the rows (same transaction): after a crash neither is half there.
            try checkpoints.save(lane.checkpoint, last.globalPosition)
        }
        return events.count
    }

    /// The events of a batch after `start` that `projection` reads.
    static func handled(_ events: [RecordedEvent], after start: GlobalPosition, by projection: any Projection) -> [ProjectedEvent] {
        events.drop { $0.globalPosition <= start }.filter { projection.eventTypes.contains($0.type) }.map(ProjectedEvent.init)
    }

    /// For the rest of the transaction. A cached generic plan made while a rebuilt table was still
    /// empty scans the whole table for every later batch (a DELETE … = ANY($1) took 150 ms of
    /// sequential scan per batch at 200,000 events instead of an index probe).
    func planEachStatementForItsParameters() throws {
        try connection.run("SET LOCAL plan_cache_mode = force_custom_plan")
    }

    // MARK: - Follow

    /// Catches up, then follows the log (NOTIFY, with polling as the fallback) until `shouldStop`.
    ///
    /// Takes a session advisory lock so only one follower runs per database.
    public func run(followOn listener: Connection, pollInterval: Duration = .milliseconds(500),
                    shouldStop: () -> Bool, progress: (String, Int) -> Void = { _, _ in }) throws {
        let locked: Bool = try connection.execute(
            "SELECT pg_try_advisory_lock(hashtext('jointops.projection.follower'))")[0].get(0)
        guard locked else { throw ProjectionError.alreadyRunning }
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(hashtext('jointops.projection.follower'))") }
        try install()
        try catchUp(shouldStop: shouldStop, progress: progress)
        let start = try positions().values.min() ?? .start
        let subscription = try Subscription(store: EventStore(connection: listener), after: start,
                                            batchSize: batchSize, pollInterval: pollInterval)
        while !shouldStop() {
            // The subscription only wakes us; each projection reads from its own checkpoint.
            // An empty wake-up is the polling fallback: a long transaction may have been holding events back.
            _ = try subscription.next(timeout: pollInterval)
            try catchUp(shouldStop: shouldStop, progress: progress)
        }
    }

    /// Whether a `project run` holds the follower lock on this database.
    public func followerIsRunning() throws -> Bool {
        try connection.execute("""
            SELECT EXISTS (SELECT 1 FROM pg_locks
                           WHERE locktype = 'advisory' AND granted
                             AND objid::bigint = (hashtext('jointops.projection.follower')::bigint & 4294967295)
                             AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
            """)[0].get(0)
    }

    // MARK: - Rebuild

    /// Builds version N+1 of a projection from the start of the log beside version N, then switches
    /// the `reporting` views to it and drops N, in one transaction: readers see N until the commit
    /// and N+1 after it, never a half-built model.
    public func rebuild(_ name: String, progress: (Int) -> Void = { _ in }) throws {
        try rebuild([name], progress: progress)
    }

    /// Rebuilds several projections in one pass over the log (each batch is read once for all), then
    /// switches them all in one transaction.
    public func rebuild(_ names: [String], progress: (Int) -> Void = { _ in }) throws {
        let chosen = try names.map { try projection(named: $0) }
        var held: [String] = []
        defer {
            for name in held {
                _ = try? connection.execute("SELECT pg_advisory_unlock(hashtext('jointops.projection.rebuild.' || $1))", [name])
            }
        }
        for name in chosen.map(\.name).sorted() {
            let locked: Bool = try connection.execute(
                "SELECT pg_try_advisory_lock(hashtext('jointops.projection.rebuild.' || $1))", [name])[0].get(0)
            guard locked else { throw ProjectionError.alreadyRebuilding(name) }
            held.append(name)
        }
        let current = try activeVersions()
        let lanes = chosen.map { Lane(projection: $0, version: (current[$0.name]?.version ?? 0) + 1) }
        try connection.transaction {
            for lane in lanes {
                try createTables(lane.projection, lane.target)
                try checkpoints.delete(lane.checkpoint)
            }
        }
        // Fill every N+1 batch by batch while N keeps serving (and the live runner keeps updating N).
        var events = 0, readAhead = true
        while true {
            let count = try connection.transaction { try applyNextBatch(lanes) }
            if count == 0 { break }
            events += count
            progress(events)
            if count == batchSize && readAhead {
                readAhead = false
                let done = events
                events += try applyReadAhead(lanes, locking: false, shouldStop: { false }) { progress(done + $0) }.events
            }
        }
        try switchTo(lanes, from: current.mapValues(\.version))
    }

    /// The final catch-up and the switch of every lane, in one transaction: readers see all the old
    /// versions until the commit and all the new ones after it (the annual statistics view reads
    /// every projection's totals, so the versions must change together).
    ///
    /// A reader's query locks the views and tables it reads one by one, so a switch that drops views
    /// and tables could deadlock with it. The switch therefore waits at most `lock_timeout` for a lock
    /// (well under the reader's `deadlock_timeout`), gives way by rolling back, and tries again: the
    /// reader is never the one to fail.
    func switchTo(_ lanes: [Lane], from current: [String: Int]) throws {
        // Busy readers can make many attempts give way in a row on a loaded machine: give up only
        // after two minutes, backing off a little more each time.
        let giveUpAt = ContinuousClock.now.advanced(by: .seconds(120))
        var backoff = 0.02
        while true {
            do {
                try connection.transaction {
                    for name in lanes.map(\.projection.name).sorted() { try lock(name) }
                    try connection.run("SET LOCAL lock_timeout = '200ms'")
                    // Every view's lock at once, before any work: taken one by one during the DDL, they
                    // were held long enough for a looping multi-view reader to deadlock the switch
                    // every time. Names come from the view catalogue, never from input.
                    let existing = try connection.execute(
                        "SELECT viewname FROM pg_views WHERE schemaname = 'reporting' AND viewname = ANY($1::text[]) ORDER BY viewname",
                        [ReportingViews.names]).rows.map { "reporting.\(try $0.get(0, as: String.self))" }
                    if !existing.isEmpty {
                        try connection.run("LOCK TABLE \(existing.joined(separator: ", ")) IN ACCESS EXCLUSIVE MODE")
                    }
                    // What arrived since the loop ended, under the locks the live runner also takes.
                    while try applyNextBatch(lanes) > 0 {}
                    var versions = try activeVersions().mapValues(\.version)
                    for lane in lanes {
                        try connection.execute("""
                            INSERT INTO projections.versions (name, active_version, shape_version) VALUES ($1, $2, $3)
                            ON CONFLICT (name) DO UPDATE
                                SET active_version = EXCLUDED.active_version, shape_version = EXCLUDED.shape_version,
                                    switched_at = now()
                            """, [lane.projection.name, lane.version, lane.projection.shapeVersion])
                        versions[lane.projection.name] = lane.version
                    }
                    try ReportingViews.create(on: connection, target: ProjectionTarget(versions: versions))
                    for lane in lanes {
                        let name = lane.projection.name
                        guard let old = current[name], old > 0 else { continue }
                        let target = ProjectionTarget(versions: [name: old])
                        for table in lane.projection.allTables {
                            try connection.run("DROP TABLE IF EXISTS \(target.table(table, of: name)) CASCADE")
                        }
                        try checkpoints.delete(Self.checkpointName(name, version: old))
                    }
                }
                return
            } catch let error as PostgresError
                        where (error.sqlState == "55P03" || error.sqlState == .deadlockDetected) && ContinuousClock.now < giveUpAt {
                Thread.sleep(forTimeInterval: Double.random(in: backoff / 2...backoff))
                backoff = min(backoff * 1.5, 0.5)
            }
        }
    }

    // MARK: - As of

    /// Builds every projection into temporary tables from the events recorded up to `asOf`, and
    /// creates temporary views with the `reporting` names over them (in `pg_temp`, this session only).
    /// Events held back at the call stay out: `waitForCommitted` first to include them.
    public func buildTemporary(asOf: Date) throws -> ProjectionTarget {
        let target = ProjectionTarget(schema: "pg_temp", versions: [:], recordedUpTo: asOf)
        for projection in projections {
            try createTables(projection, target)
            var position = GlobalPosition.start
            while true {
                let events = try store.readAll(after: position, limit: batchSize)
                guard let last = events.last else { break }
                position = last.globalPosition
                let handled = events.filter { projection.eventTypes.contains($0.type) && $0.recordedAt <= asOf }
                    .map(ProjectedEvent.init)
                if !handled.isEmpty {
                    try projection.apply(ProjectionBatch(events: handled, end: last.globalPosition, recordedUpTo: asOf),
                                         to: target, on: connection)
                }
            }
        }
        try ReportingViews.create(on: connection, target: target, viewSchema: "pg_temp")
        return target
    }

    // MARK: - Status

    /// Each projection's active version, checkpoint and lag.
    public func status() throws -> [ProjectionStatus] {
        let versions = try activeVersions()
        return try projections.map { projection in
            let version = versions[projection.name]?.version
            let position = try version.map { try checkpoints.load(Self.checkpointName(projection.name, version: $0)) } ?? .start
            return ProjectionStatus(name: projection.name, version: version, shapeVersion: projection.shapeVersion,
                                    position: position, lag: try store.lag(after: position))
        }
    }

    func positions() throws -> [String: GlobalPosition] {
        var result: [String: GlobalPosition] = [:]
        for (name, entry) in try activeVersions() {
            result[name] = try checkpoints.load(Self.checkpointName(name, version: entry.version))
        }
        return result
    }
}

/// Where one projection stands.
public struct ProjectionStatus: Sendable {
    public var name: String
    /// The active version; nil when not installed yet.
    public var version: Int?
    public var shapeVersion: Int
    public var position: GlobalPosition
    public var lag: Lag
}

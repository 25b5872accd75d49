import Foundation
import Postgres

extension ProjectionRunner {
    /// Builds version N+1 of a projection from the start of the log beside version N, then switches
    /// the views to it and drops N, in one transaction: readers see N until the commit and N+1 after
    /// it, never a half-built model.
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
                try forgetQuarantine(of: lane.projection.name, version: lane.version)
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
    /// versions until the commit and all the new ones after it (a view may read several projections'
    /// tables, so the versions must change together).
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
                        "SELECT viewname FROM pg_views WHERE schemaname = $1 AND viewname = ANY($2::text[]) ORDER BY viewname",
                        [views.schema, views.names]).rows.map { "\(views.schema).\(try $0.get(0, as: String.self))" }
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
                    try views.create(on: connection, target: ProjectionTarget(versions: versions), viewSchema: views.schema)
                    for lane in lanes {
                        let name = lane.projection.name
                        guard let old = current[name], old > 0 else { continue }
                        let target = ProjectionTarget(versions: [name: old])
                        for table in lane.projection.tables {
                            try connection.run("DROP TABLE IF EXISTS \(target.table(table, of: name)) CASCADE")
                        }
                        try checkpoints.delete(Self.checkpointName(name, version: old))
                        try forgetQuarantine(of: name, version: old)
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
    /// creates temporary views with the readers' names over them (in `pg_temp`, this session only).
    /// Events held back at the call stay out: `waitForCommitted` first to include them.
    ///
    /// A poison event sets its stream aside for this build only (`setAside` counts them), as catch-up
    /// does: nothing is recorded.
    public func buildTemporary(asOf: Date) throws -> ProjectionTarget {
        var target = ProjectionTarget(schema: "pg_temp", versions: [:], recordedUpTo: asOf)
        for projection in projections {
            try createTables(projection, target)
            let lane = Lane(projection: projection, version: 1)
            var setAside: Set<String> = []
            var position = GlobalPosition.start
            while true {
                let events = try store.readAll(after: position, limit: batchSize)
                guard let last = events.last else { break }
                position = last.globalPosition
                let handled = events.filter { projection.eventTypes.contains($0.type) && $0.recordedAt <= asOf }
                // Savepoints need a transaction; temporary tables outlive it (ON COMMIT PRESERVE ROWS).
                try connection.transaction {
                    try applyQuarantining(handled, end: last.globalPosition, to: lane, recordedUpTo: asOf, target: target,
                                          excluding: setAside) { event, _, _ in setAside.insert(event.streamId) }
                }
            }
            target.setAside += setAside.count
        }
        try views.create(on: connection, target: target, viewSchema: "pg_temp")
        return target
    }
}

import Foundation
import Postgres

extension ProjectionRunner {
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
            let count = try ProjectionFailure.retryingTransient {
                try connection.transaction { () -> Int in
                    for name in names { try lock(name) }
                    return try applyNextBatch(try activeLanes())
                }
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
            let handled = events.drop { $0.globalPosition <= start }.filter { lane.projection.eventTypes.contains($0.type) }
            // A poison event sets its stream aside for this lane; every other stream goes on (0011).
            try applyQuarantining(Array(handled), end: last.globalPosition, to: lane,
                                  excluding: try quarantinedStreams(lane)) { event, state, message in
                try quarantine(event, of: lane, sqlState: state, message: message)
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
}

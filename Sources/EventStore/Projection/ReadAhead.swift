import Foundation
import Postgres

/// Reads, folds and encodes the next batches on its own connection and thread while the runner
/// writes the current one, so on two cores the client's folding and the server's writing overlap
/// (catching up, they take about as long as each other).
///
/// It only reads the event log, which is commit-safe and append-only, so what it prepares depends
/// on nothing but the positions it started from. The runner applies a prepared batch only if, in
/// its own transaction and under the projections' locks, every checkpoint still is that position;
/// otherwise it drops the read-ahead and goes on batch by batch.
final class ReadAhead: @unchecked Sendable {
    enum Work {
        case statements([ProjectionStatement])
        /// For a projection that must read its own tables: applied in the runner's transaction.
        case events([ProjectedEvent])
        case nothing
    }

    struct Batch {
        /// Each lane's checkpoint the batch was prepared from.
        let starts: [GlobalPosition]
        let end: GlobalPosition
        let count: Int
        let work: [Work]
    }

    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var done = false
    private var cancelled = false
    private var failure: (any Error)?
    private let depth = 2

    /// Starts reading after `starts` (one per lane) on a new connection to `conninfo`, with the same deadline.
    /// `excluded`: each lane's quarantined streams, left out of what it prepares.
    init(conninfo: String, deadline: Duration?, lanes: [ProjectionRunner.Lane], starts: [GlobalPosition], excluded: [Set<String>], batchSize: Int) {
        let thread = Thread { [self] in
            do {
                try produce(connection: try Connection(conninfo, deadline: deadline), lanes: lanes, starts: starts, excluded: excluded,
                            batchSize: batchSize)
            } catch {
                condition.withLock { failure = error }
            }
            condition.withLock {
                done = true
                condition.broadcast()
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The next prepared batch; nil once the log is read to its end.
    func next() throws -> Batch? {
        try condition.withLock {
            while queue.isEmpty && !done { condition.wait() }
            if !queue.isEmpty {
                condition.broadcast()
                return queue.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }
    }

    /// Stops the reader; it ends after the batch it is preparing.
    func cancel() {
        condition.withLock {
            cancelled = true
            queue.removeAll()
            condition.broadcast()
        }
    }

    private func produce(connection: Connection, lanes: [ProjectionRunner.Lane], starts: [GlobalPosition],
                         excluded: [Set<String>], batchSize: Int) throws {
        let store = EventStore(connection: connection)
        var positions = starts
        while !condition.withLock({ cancelled }) {
            guard let from = positions.min() else { return }
            let events = try store.readAll(after: from, limit: batchSize)
            guard let last = events.last?.globalPosition else { return }
            var work: [Work] = []
            for (index, (lane, start)) in zip(lanes, positions).enumerated() {
                let handled = ProjectionRunner.handled(events, after: start, by: lane.projection)
                    .filter { !excluded[index].contains($0.streamId) }
                guard !handled.isEmpty else { work.append(.nothing); continue }
                let batch = ProjectionBatch(events: handled, end: last, recordedUpTo: nil)
                if let statements = try lane.projection.prepare(batch, to: lane.target, reading: connection) {
                    work.append(.statements(statements))
                } else {
                    work.append(.events(handled))
                }
            }
            let prepared = Batch(starts: positions, end: last, count: events.count, work: work)
            condition.withLock {
                while queue.count >= depth && !cancelled { condition.wait() }
                if !cancelled { queue.append(prepared) }
                condition.broadcast()
            }
            positions = positions.map { max($0, last) }
        }
    }
}

extension ProjectionRunner {
    /// Applies batches prepared by a `ReadAhead` while each one finds the checkpoints it was prepared
    /// from. Returns the events and batches applied, and whether the log was read to its end (false:
    /// a checkpoint or an active version moved under it; the caller goes on batch by batch).
    ///
    /// - Parameter locking: take every lane's projection lock and check that the lanes are the active
    ///   versions (catch-up); a rebuild fills versions nobody else writes.
    func applyReadAhead(_ lanes: [Lane], locking: Bool, shouldStop: () -> Bool,
                        progress: (Int) -> Void) throws -> (events: Int, batches: Int, complete: Bool) {
        let starts = try lanes.map { try checkpoints.load($0.checkpoint) }
        let excluded = try lanes.map { try quarantinedStreams($0) }
        let reader = ReadAhead(conninfo: connection.conninfo, deadline: connection.deadline, lanes: lanes, starts: starts, excluded: excluded,
                               batchSize: batchSize)
        defer { reader.cancel() }
        var events = 0, batches = 0
        while !shouldStop() {
            // A poison event (or a stream quarantined meanwhile) ends the read-ahead: batch by batch,
            // the caller finds the event and quarantines its stream alone.
            let applied: Bool
            do {
                guard let batch = try reader.next() else { return (events, batches, true) }
                applied = try applyPrepared(batch, lanes, excluded: excluded, locking: locking)
                if applied {
                    events += batch.count
                    batches += 1
                    progress(events)
                }
            } catch where ProjectionFailure(error).isPoison {
                return (events, batches, false)
            }
            guard applied else { return (events, batches, false) }
        }
        return (events, batches, false)
    }

    private func applyPrepared(_ batch: ReadAhead.Batch, _ lanes: [Lane], excluded: [Set<String>], locking: Bool) throws -> Bool {
        try connection.transaction { () -> Bool in
            if locking {
                for name in lanes.map(\.projection.name).sorted() { try lock(name) }
                let active = try activeVersions()
                guard lanes.allSatisfy({ active[$0.projection.name]?.version == $0.version }) else { return false }
            }
            guard try lanes.map({ try checkpoints.load($0.checkpoint) }) == batch.starts,
                  try lanes.map({ try quarantinedStreams($0) }) == excluded else { return false }
            try planEachStatementForItsParameters()
            for (index, lane) in lanes.enumerated() where batch.starts[index] < batch.end {
                switch batch.work[index] {
                case let .statements(statements): try connection.pipeline(statements)
                case let .events(handled):
                    try lane.projection.apply(ProjectionBatch(events: handled, end: batch.end, recordedUpTo: nil),
                                              to: lane.target, on: connection)
                case .nothing: break
                }
                try checkpoints.save(lane.checkpoint, batch.end)
            }
            return true
        }
    }
}

import Dispatch
import Foundation
import Histogram
import Postgres

/// What one step of a workload did: events written or read, and conflicts met on the way.
struct StepOutcome {
    var events: Int
    var conflicts: Int = 0
    /// The thread has no more work (a load with a fixed amount of it): it stops before the time is up.
    var finished = false
}

/// One workload step on a thread's own connection; made inside that thread.
typealias Step = () throws -> StepOutcome

/// Counts and latencies of one measurement, merged over its threads.
struct Measurement: Sendable {
    var events = 0
    var operations = 0
    var conflicts = 0
    var seconds = 0.0
    /// Latency of one step (one append, one page read), in microseconds.
    var latency = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000,
                                    numberOfSignificantValueDigits: .three)

    var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }

    func milliseconds(atPercentile percentile: Double) -> Double {
        latency.totalCount == 0 ? 0 : Double(latency.valueAtPercentile(percentile)) / 1000
    }

    mutating func merge(_ other: Measurement) {
        events += other.events
        operations += other.operations
        conflicts += other.conflicts
        latency.add(other.latency)
    }
}

/// A value shared between writer threads behind a lock.
final class Shared<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func update<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

enum WriterPool {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `threads` OS threads, each with its own `Connection`, for `seconds` after a common start.
    ///
    /// `prepare` runs on the thread (a `Connection` must not cross threads) and returns the step to
    /// repeat; one step runs before the start as a warm-up (statements prepared, caches loaded) and is
    /// not counted (unless `warmUp` is false: a load whose every step must count). Elapsed time runs
    /// from the common start to the last thread's last step.
    ///
    /// - Throws: the first error any thread met.
    static func measure(threads: Int, seconds: Double, conninfo: String, warmUp: Bool = true,
                        prepare: @escaping @Sendable (_ thread: Int, _ connection: Connection) throws -> Step) throws -> Measurement {
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let results = Shared<[Measurement]>([])
        let failure = Shared<(any Error)?>(nil)
        let durationNanos = seconds.isFinite ? UInt64(seconds * 1e9) : UInt64.max / 2
        let start = Shared<UInt64>(0)

        for index in 0..<threads {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                var step: Step?
                do {
                    let connection = try Connection(conninfo)
                    let made = try prepare(index, connection)
                    if warmUp { _ = try made() }
                    step = made
                } catch {
                    failure.update { if $0 == nil { $0 = error } }
                }
                ready.signal()
                go.wait()
                guard let step, failure.update({ $0 == nil }) else { return }
                var local = Measurement()
                let deadline = start.update { $0 } + durationNanos
                do {
                    while now() < deadline {
                        let begin = now()
                        let outcome = try step()
                        if outcome.finished { break }
                        _ = local.latency.record(max(1, (now() - begin) / 1000))
                        local.operations += 1
                        local.events += outcome.events
                        local.conflicts += outcome.conflicts
                    }
                } catch {
                    failure.update { if $0 == nil { $0 = error } }
                }
                results.update { $0.append(local) }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<threads { ready.wait() }
        let began = now()
        start.update { $0 = began }
        for _ in 0..<threads { go.signal() }
        done.wait()
        let ended = now()
        if let error = failure.update({ $0 }) { throw error }
        var total = Measurement()
        for result in results.update({ $0 }) { total.merge(result) }
        total.seconds = Double(ended - began) / 1e9
        return total
    }
}

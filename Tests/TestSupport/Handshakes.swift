import Foundation

/// A value shared between test threads behind a lock.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    public var current: Value { withLock { $0 } }
}

/// Runs `count` OS threads at once (each can hold its own blocking connection) and waits for all.
public func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}

/// A handshake between threads: `wait` returns once `arrive()` was called `count` times.
///
/// Tests use it instead of sleeping "long enough" for another thread to reach a state: the other
/// thread says when it is there.
public final class Latch: @unchecked Sendable {
    private let condition = NSCondition()
    private var remaining: Int

    public init(count: Int = 1) { remaining = count }

    public func arrive() {
        condition.lock()
        defer { condition.unlock() }
        remaining -= 1
        if remaining <= 0 { condition.broadcast() }
    }

    /// Waits for every arrival.
    /// - Throws: `HandshakeTimeout` naming `what` when they did not all come within `timeout`.
    public func wait(until what: String, atMost timeout: Duration = .seconds(60)) throws {
        let deadline = Date().addingTimeInterval(timeout.timeInterval)
        condition.lock()
        defer { condition.unlock() }
        while remaining > 0 {
            if !condition.wait(until: deadline) && remaining > 0 { throw HandshakeTimeout(what: what, timeout: timeout) }
        }
    }
}

/// A thread a test starts beside its own and later joins.
public final class TestThread: @unchecked Sendable {
    private let finished = Latch()

    /// Starts `body` on a new OS thread (it may hold a blocking connection).
    public init(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [finished] in
            body()
            finished.arrive()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Waits until the thread's body has returned.
    public func join(_ what: String = "a test thread finished", atMost timeout: Duration = .seconds(120)) throws {
        try finished.wait(until: what, atMost: timeout)
    }
}

/// Polls `condition` (backing off from 1 ms to 50 ms) until it holds.
///
/// For states another process or the server reaches, where nobody can signal a `Latch`: a backend
/// that began waiting (`pg_stat_activity`), a lock taken (`pg_locks`), a clock that moved.
/// - Throws: `HandshakeTimeout` naming `what` when it did not hold within `timeout`.
public func waitUntil(_ what: String, atMost timeout: Duration = .seconds(60), _ condition: () throws -> Bool) throws {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    var pause = 0.001
    while try !condition() {
        guard ContinuousClock.now < deadline else { throw HandshakeTimeout(what: what, timeout: timeout) }
        Thread.sleep(forTimeInterval: pause)
        pause = min(pause * 2, 0.05)
    }
}

/// A handshake that did not happen in time: the test fails saying what it waited for.
public struct HandshakeTimeout: Error, CustomStringConvertible {
    public let what: String
    public let timeout: Duration

    public var description: String { "timed out after \(timeout) waiting until \(what)" }
}

extension Duration {
    /// The duration in seconds, for Foundation's APIs.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

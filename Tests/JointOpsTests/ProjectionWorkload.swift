import EventStore
import Foundation
import JointOps
import JointOpsDemo
import Postgres

/// The projection tests' histories: `SyntheticHistory` (shared with `jointops-bench`), appended one
/// event per command from several writers.
typealias ProjectionWorkload = SyntheticHistory

extension SyntheticHistory {
    /// Appends every stream, one event per command, from `writers` threads (streams split between them).
    static func append(_ streams: [Stream], to conninfo: String, writers: Int) throws {
        let prepared = try streams.map { stream in (stream.id, try stream.events.map { try newEvent($0.type, $0.json) }) }
        let failures = LockedErrors()
        let work = prepared
        runThreadsSendable(writers) { writer in
            do {
                let connection = try Connection(conninfo)
                // The store pins each event's login (migration 0018): the actor names the session's.
                let login = try connection.execute("SELECT session_user::text")[0].get(0, as: String.self)
                let store = EventStore(connection: connection, notifiesSubscribers: true)
                let mine = work.enumerated().filter { $0.offset % writers == writer }.map(\.element)
                // Interleave streams: event k of every stream before event k+1 of any.
                let longest = mine.map(\.1.count).max() ?? 0
                for k in 0..<longest {
                    for (id, events) in mine where k < events.count {
                        try store.append([events[k]], to: id, expecting: .exact(Int64(k)),
                                         metadata: CommandMetadata(actor: "测试员 login=\(login)", agency: "WSJT"))
                    }
                }
            } catch { failures.add(error) }
        }
        if let error = failures.first { throw error }
    }
}

final class LockedErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.lock(); errors.append(error); lock.unlock() }
    var first: Error? { lock.lock(); defer { lock.unlock() }; return errors.first }
}

/// `runThreads` for bodies that capture non-Sendable values built before the threads start.
func runThreadsSendable(_ count: Int, _ body: @escaping (Int) -> Void) {
    let box = UncheckedBox(body)
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread { box.value(index); group.leave() }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}

struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

import Foundation
import Postgres

/// Keeps a projection follower running through server restarts and lost connections (issue 13).
///
/// Each attempt connects afresh and follows until stopped. An error that says nothing about the events
/// (`ProjectionFailure.transient`: a lost connection, a server shutting down or starting up, a
/// serialization failure, no resources) ends the attempt and the next one starts after a capped,
/// doubling pause; a poison event never gets here (it is quarantined inside the catch-up), and anything
/// else (a bug, a missing privilege) is thrown. The checkpoints are committed with the rows, so an
/// attempt cut short neither loses nor repeats events.
public final class ProjectionSupervisor {
    /// Opens the runner's connection and the listener's.
    public typealias Connect = () throws -> (runner: ProjectionRunner, listener: Connection)

    let connect: Connect
    let isTransient: (any Error) -> Bool
    public private(set) var backoff: ReconnectBackoff
    public var pollInterval: Duration = .milliseconds(500)
    /// Seconds committed events may wait behind a running transaction before `.heldBack` is reported.
    public var heldBackAfter: Double = 60

    public init(backoff: ReconnectBackoff = ReconnectBackoff(),
                isTransient: @escaping (any Error) -> Bool = { ProjectionFailure($0) == .transient },
                connect: @escaping Connect) {
        self.backoff = backoff
        self.isTransient = isTransient
        self.connect = connect
    }

    /// Follows until `shouldStop`, reconnecting as needed; reports each change of state once.
    ///
    /// - Parameter pause: waits between attempts; it should return early once `shouldStop` holds.
    /// - Throws: `ProjectionError.alreadyRunning` when another follower holds the lock at the first
    ///   connection; any error that is not transient.
    public func run(shouldStop: () -> Bool, pause: (Duration) -> Void, progress: (String, Int) -> Void = { _, _ in },
                    report: (FollowerState) -> Void, afterCatchUp: (ProjectionRunner) throws -> Void = { _ in }) throws {
        var changes = StateChanges()
        func tell(_ state: FollowerState) { if changes.admit(state) { report(state) } }
        var heldTheLock = false
        while !shouldStop() {
            do {
                let (runner, listener) = try connect()
                try runner.run(followOn: listener, pollInterval: pollInterval, heldBackAfter: heldBackAfter,
                               shouldStop: shouldStop, progress: progress, report: { state in
                    switch state {
                    case .connected: heldTheLock = true
                    case .caughtUp, .heldBack: backoff.reset()
                    default: break
                    }
                    tell(state)
                }, afterCatchUp: afterCatchUp)
                tell(.stopped(position: try? runner.position()))
                return
            } catch ProjectionError.alreadyRunning where heldTheLock {
                // Our own old session may still hold it until the server notices the connection is gone.
                tell(.waitingForLock)
                pause(backoff.next())
            } catch where isTransient(error) {
                let wait = backoff.next()
                tell(.reconnecting(reason: Self.oneLine(error), retryIn: wait))
                pause(wait)
            }
        }
        tell(.stopped(position: nil))
    }

    /// An error as one line: libpq's messages span several ("server closed the connection
    /// unexpectedly\n\tThis probably means …").
    public static func oneLine(_ error: any Error) -> String {
        "\(error)".split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Which reported states are news: a state differing from the last one, and each quarantine once.
struct StateChanges {
    private var last: String?
    private var quarantines: Set<String> = []

    mutating func admit(_ state: FollowerState) -> Bool {
        if case .quarantined = state { return quarantines.insert(state.changeKey).inserted }
        guard state.changeKey != last else { return false }
        last = state.changeKey
        return true
    }
}

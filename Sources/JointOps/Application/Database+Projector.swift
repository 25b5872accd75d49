import EventStore
import Foundation
import Postgres

extension Database {
    /// A follower that outlives server restarts and lost connections: each attempt opens the runner's
    /// connection and the listener's afresh, as the projector (`ProjectionSupervisor`).
    ///
    /// A local cluster that failed to start (another process may be starting it at the same moment) is
    /// tried again like a lost connection.
    public func projectionSupervisor(batchSize: Int) -> ProjectionSupervisor {
        final class Attempts { var started = false }
        let attempts = Attempts()
        return ProjectionSupervisor(isTransient: { error in
            if case .startFailed = error as? LocalClusterError { return true }
            return ProjectionFailure(error) == .transient
        }, connect: {
            // Only the first attempt starts the local server: once it was running, a server that went away was
            // stopped on purpose (`local stop`) or crashed, and the projector waits for it instead of restarting it.
            defer { attempts.started = true }
            if attempts.started, case .local(let cluster) = location {
                return (ProjectionRunner(connection: try cluster.connect(as: .projector, deadline: deadline), batchSize: batchSize),
                        try cluster.connect(as: .projector, deadline: deadline))
            }
            return (try projector(batchSize: batchSize), try connect(as: .projector))
        })
    }
}

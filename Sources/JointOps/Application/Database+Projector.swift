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
        ProjectionSupervisor(isTransient: { error in
            if case .startFailed = error as? LocalClusterError { return true }
            return ProjectionFailure(error) == .transient
        }, connect: {
            (try projector(batchSize: batchSize), try connect(as: .projector))
        })
    }
}

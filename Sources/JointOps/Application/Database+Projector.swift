import EventStore
import Foundation
import Postgres

extension Database {
    /// A follower that outlives server restarts and lost connections: each attempt opens the runner's
    /// connection and the listener's afresh, as the projector (`ProjectionSupervisor`).
    ///
    /// A local cluster that failed to start (another process may be starting it at the same moment), a
    /// server that did not accept the connection within the connect limit, and a connection attempt given up
    /// on a stop request are tried again like a lost connection (the supervisor ends once asked to stop).
    public func projectionSupervisor(batchSize: Int) -> ProjectionSupervisor {
        final class Attempts { var started = false }
        let attempts = Attempts()
        return ProjectionSupervisor(isTransient: { error in
            if case .startFailed = error as? LocalClusterError { return true }
            if let error = error as? PostgresError, error.kind == .timedOut || error.kind == .interrupted { return true }
            return ProjectionFailure(error) == .transient
        }, connect: {
            // Only the first attempt starts the local server: once it was running, a server that went away was
            // stopped on purpose (`local stop`) or crashed, and the projector waits for it instead of restarting it.
            let database = Database(location: location, deadline: deadline, startsLocalServer: !attempts.started)
            attempts.started = true
            return (try database.projector(batchSize: batchSize), try database.connect(as: .projector))
        })
    }
}

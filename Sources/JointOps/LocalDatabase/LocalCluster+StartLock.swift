import Foundation

extension LocalCluster {
    /// The lock every start takes, beside the cluster's folders (`flock`: released when its process ends,
    /// so a start killed half-way leaves no lock behind).
    var startLockFile: URL { root.appendingPathComponent("start.lock") }

    /// Runs `body` holding the start lock, waiting for another process that holds it (its `pg_ctl start -w`
    /// ends within a minute).
    func withStartLock<T>(_ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let descriptor = open(startLockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LocalClusterError.notTheOwner(file: startLockFile.path) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw LocalClusterError.notTheOwner(file: startLockFile.path) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Waits until the killed postmaster `pid` is reaped by its parent: until then its pid counts as alive and
    /// a new server refuses to start ("lock file postmaster.pid already exists").
    ///
    /// - Throws: `LocalClusterError.previousServerLingers` after 30 seconds.
    func awaitReaping(of pid: Int) throws {
        let giveUp = ContinuousClock.now.advanced(by: .seconds(30))
        while Self.isZombie(pid) {
            guard ContinuousClock.now < giveUp else { throw LocalClusterError.previousServerLingers(pid: pid) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

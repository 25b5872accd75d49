import Foundation

/// What fault tests do to a cluster of their own.
extension ThrowawayCluster {
    /// The postmaster's pid, from its `postmaster.pid`.
    public var postmasterPid: Int32 {
        get throws {
            let text = try String(contentsOfFile: data + "/postmaster.pid", encoding: .utf8)
            guard let pid = text.split(separator: "\n").first.flatMap({ Int32($0) }) else {
                throw ClusterError(output: "no pid in \(data)/postmaster.pid")
            }
            return pid
        }
    }

    /// Stops the server at once, as a power cut would (`pg_ctl stop -m immediate`).
    public func stopImmediately() throws { try tool("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", data]) }

    /// Runs `body` with the postmaster stopped by SIGSTOP (new connections hang: the kernel accepts them and
    /// nobody answers), resuming it with SIGCONT however `body` ends.
    public func withPostmasterStopped<T>(_ body: () throws -> T) throws -> T {
        let pid = try postmasterPid
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT) }
        return try body()
    }
}

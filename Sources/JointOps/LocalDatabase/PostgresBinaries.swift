import Foundation

/// Finds the PostgreSQL server programs (initdb, pg_ctl, …).
enum PostgresBinaries {
    /// `$JOINTOPS_PG_BIN`, then Debian's `/usr/lib/postgresql/<newest>/bin`, then `PATH`.
    static func locate(_ tool: String) throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let bin = ProcessInfo.processInfo.environment["JOINTOPS_PG_BIN"], !bin.isEmpty { candidates.append(bin) }
        let debian = "/usr/lib/postgresql"
        let versions = ((try? fm.contentsOfDirectory(atPath: debian)) ?? []).compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "\(debian)/\($0)/bin" }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for dir in candidates {
            let path = "\(dir)/\(tool)"
            if fm.isExecutableFile(atPath: path) { return path }
        }
        throw LocalClusterError.postgresNotInstalled(tool: tool)
    }
}

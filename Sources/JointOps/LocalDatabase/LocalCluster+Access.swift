import Foundation

/// Who may connect to the local cluster: its owner only.
///
/// The socket folder is mode 0700 and `pg_hba.conf` has one line, peer authentication through the
/// `jointops` map of `pg_ident.conf`: the cluster's owner (and, for a root-made cluster, root and the
/// `postgres` user its server runs as) may log in as the superuser and as the application's logins;
/// `jointops analyst add` maps more. Any other OS user is refused by the server even when it can reach
/// the socket. Clusters made by older versions (trust for everyone) are rewritten on their next start.
extension LocalCluster {
    /// The logins the command line's sessions use on the local cluster (DESIGN.md §9).
    public static let writerLogin = "jointops_local_writer"
    public static let projectorLogin = "jointops_local_projector"

    static let identMap = "jointops"
    static let hbaMarker = "local   all   all   peer map=\(identMap)"

    var hbaFile: URL { dataDirectory.appendingPathComponent("pg_hba.conf") }
    var identFile: URL { dataDirectory.appendingPathComponent("pg_ident.conf") }

    /// Refuses a data folder that exists but belongs to another OS user or cannot be read by this one. Without
    /// it, another user sees no `PG_VERSION` behind the owner's 0700 folder and is told "not created yet", or
    /// `start` runs initdb over the owner's cluster.
    ///
    /// - Throws: `LocalClusterError.belongsToAnother`.
    func checkOwner() throws {
        // Root works as the cluster's owner (`runServerTool`), and a folder not made yet is ours to create.
        var info = stat()
        guard getuid() != 0, stat(root.path, &info) == 0 else { return }
        let readable = access(root.path, R_OK | X_OK) == 0
            && (access(dataDirectory.path, F_OK) != 0 || access(dataDirectory.path, R_OK | X_OK) == 0)
        guard info.st_uid != getuid() || !readable else { return }
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "user \(info.st_uid)"
        throw LocalClusterError.belongsToAnother(root: root.path, owner: owner)
    }

    /// Makes the socket folder private and, if `pg_hba.conf` is not ours yet, writes both files;
    /// reloads a running server that read the old ones.
    func secureAccess(reload: Bool) throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: socketDirectory.path)
        let hba = (try? String(contentsOf: hbaFile, encoding: .utf8)) ?? ""
        if hba.contains(Self.hbaMarker) && !Self.hasTrustLine(hba) { return }
        try overwrite(hbaFile, with: """
            # JointOps' local cluster is private to its owner: Unix socket only (its folder is mode 0700),
            # peer authentication through the `\(Self.identMap)` map of pg_ident.conf, no trust.
            # TYPE  DATABASE  USER  METHOD
            \(Self.hbaMarker)

            """)
        let existing = ((try? String(contentsOf: identFile, encoding: .utf8)) ?? "")
            .split(separator: "\n").filter { $0.hasPrefix(Self.identMap + " ") }.map(String.init)
        let owners = Array(Set([serverUser, Self.currentOSUser])).sorted()
        let lines = owners.flatMap { user in
            [Self.superuser, Self.writerLogin, Self.projectorLogin].map { "\(Self.identMap) \(user) \($0)" }
        }
        try overwrite(identFile, with: """
            # MAPNAME  SYSTEM-USERNAME  PG-USERNAME (written by jointops: the cluster's owner and its analysts)
            \((lines + existing.filter { !lines.contains($0) }).joined(separator: "\n"))

            """)
        if reload { try reloadConfiguration() }
    }

    /// Lets `osUser` log in as `role` (an analyst's login), then reloads the server.
    public func mapLogin(osUser: String, role: String) throws {
        let line = "\(Self.identMap) \(osUser) \(role)"
        let current = try String(contentsOf: identFile, encoding: .utf8)
        guard !current.split(separator: "\n").contains(where: { $0 == line }) else { return }
        try overwrite(identFile, with: current + (current.hasSuffix("\n") ? "" : "\n") + line + "\n")
        try reloadConfiguration()
    }

    /// The name of the OS user running this process.
    public static var currentOSUser: String {
        guard let entry = getpwuid(getuid()) else { return String(getuid()) }
        return String(cString: entry.pointee.pw_name)
    }

    static func hasTrustLine(_ hba: String) -> Bool {
        hba.split(separator: "\n").contains { line in
            !line.hasPrefix("#") && line.split(whereSeparator: \.isWhitespace).contains("trust")
        }
    }

    private func reloadConfiguration() throws {
        guard case .running = try status() else { return }
        let result = try runServerTool("pg_ctl", ["reload", "-D", dataDirectory.path])
        guard result.status == 0 else { throw LocalClusterError.reloadFailed(output: result.output) }
    }

    /// Rewrites a file in place, so it keeps its owner (the server's OS user) and mode.
    private func overwrite(_ file: URL, with text: String) throws {
        guard let handle = FileHandle(forWritingAtPath: file.path) else {
            throw LocalClusterError.notTheOwner(file: file.path)
        }
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
    }
}

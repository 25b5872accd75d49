import Foundation
import Postgres

/// Who may connect to the local cluster: its owner, and the OS users it binds or adds.
///
/// The socket folder is mode 0700, or 0710 with a group the owner chose (`jointops local start --group
/// NAME`, remembered beside the data), never world-accessible; `pg_hba.conf` has one line, peer
/// authentication through the `jointops` map of `pg_ident.conf`: the cluster's owner (and, for a
/// root-made cluster, root and the `postgres` user its server runs as) may log in as the superuser and
/// as the application's logins; `officer bind --os-user` and `analyst add` map more, each to its own
/// login. Any other OS user is refused by the server even when it can reach the socket. Clusters made by
/// older versions (trust for everyone) are rewritten on their next start.
extension LocalCluster {
    /// The logins the command line's sessions use on the local cluster (DESIGN.md §9).
    public static let writerLogin = "jointops_local_writer"
    public static let projectorLogin = "jointops_local_projector"

    static let identMap = "jointops"
    static let hbaMarker = "local   all   all   peer map=\(identMap)"

    var hbaFile: URL { dataDirectory.appendingPathComponent("pg_hba.conf") }
    /// The group whose members may reach the socket, as the owner chose it (no file: the owner alone).
    var accessGroupFile: URL { root.appendingPathComponent("socket-group") }
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
        try restrictSocketDirectory()
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

    /// Whether this machine has an OS user called `name` (peer authentication maps OS users by name).
    public static func osUserExists(_ name: String) -> Bool { getpwnam(name) != nil }

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

/// Members of a group the owner chose reach the socket; the database decides who they are.
extension LocalCluster {
    /// The group allowed to reach the socket (`local start --group`), nil for the owner alone.
    public var accessGroup: String? {
        let text = (try? String(contentsOf: accessGroupFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return text?.isEmpty == false ? text : nil
    }

    /// Remembers `group` (nil: the owner alone) for every later start and use of the cluster.
    ///
    /// - Throws: `UserFacingError` (usage) for a group this machine does not have.
    public func chooseAccessGroup(_ group: String?) throws {
        guard let group else {
            try? FileManager.default.removeItem(at: accessGroupFile)
            return
        }
        guard getgrnam(group) != nil else {
            throw UserFacingError.usage("there is no group \(group) on this machine: create it (groupadd \(group)) "
                                        + "and add the officers' and analysts' OS users to it")
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data((group + "\n").utf8).write(to: accessGroupFile)
    }

    /// 0700 for the owner alone; with a group, 0710 and that group: its members may reach the socket
    /// (search only, no listing), nobody else may.
    func restrictSocketDirectory() throws {
        let path = socketDirectory.path
        guard let group = accessGroup, let entry = getgrnam(group) else {
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
            return
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_gid != entry.pointee.gr_gid { _ = chown(path, info.st_uid, entry.pointee.gr_gid) }
        try? FileManager.default.setAttributes([.posixPermissions: 0o710], ofItemAtPath: path)
    }

    /// True for an OS user who is not the cluster's owner but may reach its running server's socket (a
    /// member of the chosen group): such a user connects as its own login and the server decides (peer map).
    var isReachedByAnotherUser: Bool {
        var info = stat()
        guard getuid() != 0, stat(root.path, &info) == 0, info.st_uid != getuid() else { return false }
        return access(socketDirectory.path, X_OK) == 0
            && FileManager.default.fileExists(atPath: socketDirectory.appendingPathComponent(".s.PGSQL.5432").path)
    }

    /// A session as this OS user's own login (`officer bind --os-user`, `analyst add --os-user`), working as
    /// `role`'s group when the login is a member; the owner's files and logins are not this user's to use.
    func connectAsAnotherUser(as role: SessionRole, deadline: Duration?) throws -> Connection {
        try role.connect(conninfo(user: Self.currentOSUser), deadline: deadline)
    }
}
